import { wordKey as k } from './word-key.js';
import type { DedupToken } from './shingles.js';

/**
 * The heaviest sentence a verdict report leads with: «السجن 8 سنوات لمدير ميناء الجزائر السابق»,
 * «ثماني سنوات سجنا نافذا», «المؤبد لاثنين في قضية تهريب كبتاغون». One court hands down several
 * verdicts a week, and their reports share the court, the city, the judges' and lawyers' words and
 * every word of a trial report, while the defendants are often unnamed up front («سجن رجل أعمال»,
 * «موظف بلدي سابق»). Each report of a verdict states its sentence in the title or the first
 * sentence, and reports of one verdict state the same heaviest one (the main defendant's); the
 * appeal days later names it too («يستأنف حكم الثماني سنوات»). So two leads stating different
 * heaviest sentences report two verdicts (event-match.ts). Pure: tokens in, a term out.
 */

type TermToken = Pick<DedupToken, 'text' | 'kind' | 'key' | 'stem'>;

/** Terms are kept in years up to this; death and life are the two values above it. */
export const MAX_TERM_YEARS = 29;
export const DEATH_TERM = 30;
export const LIFE_TERM = 31;

/** A token's clitic-free form as compared here. */
const formOf = (token: TermToken | undefined): string => (token ? k(token.stem || token.key) : '');

const YEAR_NOUNS = new Set(['سنة', 'سنوات', 'سنين', 'عام', 'عاما', 'أعوام'].map(k));
/** Number words a term is written with (the feminine and masculine forms, with or without «ال»). */
const NUMBER_VALUES = new Map<string, number>(
  (
    [
      ['واحدة', 1], ['سنتين', 2], ['ثلاث', 3], ['ثلاثة', 3], ['أربع', 4], ['أربعة', 4], ['خمس', 5], ['خمسة', 5], ['ست', 6], ['ستة', 6],
      ['سبع', 7], ['سبعة', 7], ['ثماني', 8], ['ثمان', 8], ['ثمانية', 8], ['تسع', 9], ['تسعة', 9], ['عشر', 10], ['عشرة', 10], ['عشرين', 20], ['عشرون', 20],
    ] as const
  ).map(([word, value]) => [k(word), value]),
);
/** Words that put a number of years in the past, not in a sentence: «منذ ثلاث سنوات», «دام خمسة أعوام». */
const NOT_TERM_BEFORE = new Set(['منذ', 'قبل', 'بعد', 'خلال', 'طوال', 'دام', 'دامت', 'استمر', 'استمرت', 'مضى', 'عمره', 'عمرها', 'عن', 'تجاوز'].map(k));
/** A sentence word must be in the same text: the years are then a term, not an age or a span. */
const SENTENCE_WORDS = new Set(['سجن', 'سجنا', 'بالسجن', 'السجن', 'الأشغال', 'أشغال', 'حكم', 'أحكام', 'الحكم', 'يدين', 'أدان', 'إدانة', 'عقوبة', 'قضت', 'نافذا', 'حبس', 'الحبس', 'حبسا'].map(k));
/** «المؤبد», «المؤبدة», «مؤبدان». */
const LIFE = k('مؤبد');
const DEATH = k('إعدام');

/**
 * The heaviest sentence `tokens` state (a title's, a lead's first sentence), or 0: in years (capped),
 * `DEATH_TERM` or `LIFE_TERM`. Read only when a sentencing word is there («السجن», «حكم», «الأشغال»).
 */
export function prisonTerm(tokens: readonly TermToken[]): number {
  const forms = tokens.map(formOf);
  if (!forms.some((form) => SENTENCE_WORDS.has(form) || form.startsWith(LIFE) || form === DEATH)) return 0;
  let heaviest = 0;
  forms.forEach((form, i) => {
    if (form === DEATH) heaviest = Math.max(heaviest, DEATH_TERM);
    if (form.startsWith(LIFE)) heaviest = Math.max(heaviest, LIFE_TERM);
    if (!YEAR_NOUNS.has(forms[i + 1] ?? '') || NOT_TERM_BEFORE.has(forms[i - 1] ?? '')) return;
    const token = tokens[i]!;
    // A number's stem has its conjunction off («و12» → 12).
    const value = token.kind === 'number' ? Number(token.stem || token.text) : (NUMBER_VALUES.get(form) ?? NaN);
    if (Number.isInteger(value) && value > 0) heaviest = Math.max(heaviest, Math.min(value, MAX_TERM_YEARS));
  });
  return heaviest;
}

/** Whether two leads' sentences leave room for one verdict: unknown on either side, or the same. */
export function termsAgree(a: number, b: number): boolean {
  return a === 0 || b === 0 || a === b;
}
