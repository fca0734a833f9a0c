// Numbers that state a fact: digits (any script, with an attached «بـ/و/ل»), number words, scale
// words («5 آلاف»), vague plurals («عشرات»), fractions («ثلث»), ranges («بين 20 و30», «20-30»),
// approximators («نحو», «أكثر من», «على الأقل») and the counted noun after them.
import type { NonClaimQuantityKind, Quantity } from '../../schema/claims.js';
import type { EntityMention } from '../../schema/entities.js';
import { normalise } from '../text/normalise.js';
import { bareFigureKind, gluedNameFirst, quantityKind, type KindInput, type QuantityKind } from './quantity-kind.js';
import { APPROX_AFTER, APPROX_BEFORE } from './lexicon/words.js';
import { ORDINAL_UNITS, SCALES, TEEN_TAILS, VAGUE } from './lexicon/numbers.js';
import { hasPrepClitic, isPunct, isWord, sentenceWordRanges, type Doc, type Word } from './words.js';
import { PLAIN_DIGITS, type NumberParse, parseNumberAt, rangeValues } from './number-parse.js';

/** A quantity found in the text, with its kind and the word range it covers. */
export interface FoundQuantity extends Omit<Quantity, 'kind'> {
  kind: QuantityKind;
  sentence: number;
  /** Word range `[first, end)` of the number itself (without the counted noun). */
  numberFirst: number;
  numberEnd: number;
}

// Words that cannot be a counted noun (prepositions, particles, verbs of the frame).
const NOT_NOUNS: ReadonlySet<string> = new Set(([
  'في', 'على', 'الى', 'عن', 'مع', 'ان', 'او', 'ثم', 'قد', 'لم', 'لا', 'ما', 'هو', 'هي', 'التي', 'الذي', 'الذين', 'منذ',
  'حتى', 'بين', 'بعد', 'قبل', 'خلال', 'عند', 'لدى', 'نحو', 'حوالي', 'فقط', 'كل', 'اكثر', 'اقل', 'و',
  'هذا', 'هذه', 'ذلك', 'تلك', 'هؤلاء', 'هم', 'هما', 'هن', 'كان', 'كانت', 'كانوا', 'ليس', 'ليست', 'هناك', 'اي', 'إذ', 'إذا', 'لكن',
  // Adverbial prepositions: «بوينغ 737 قرب المطار» counts nothing.
  'قرب', 'أمام', 'خلف', 'وراء', 'فوق', 'تحت', 'ضد', 'دون', 'عبر', 'حول', 'عقب', 'إثر', 'جراء', 'ضمن', 'لصالح',
] as string[]).map(normalise));


/**
 * Duals of people nouns that a toll counts: «أسفرت الغارة عن قتيلين» states 2 with no number word.
 * Only nouns whose plural is broken («قتلى», «أشخاص», «جنود»), so that «ـين/ـان» on them can only be
 * the dual; «مصابين», «مدنيين», «معتقلين» are sound plurals and stay out.
 */
const DUAL_PEOPLE: ReadonlySet<string> = new Set(([
  'قتيل', 'جريح', 'شخص', 'طفل', 'طفلت', 'جندي', 'شرطي', 'ضابط', 'امرأت', 'شاب', 'سجين', 'أسير', 'شهيد', 'ضحيت', 'جثت',
  // Conflict round 8 (I, J, spent): «انتشال غريقين», «لقي عاملان حتفهما», «أودى بحياة شقيقين».
  // («طالبان» is the Taliban and «صيادين», «مهاجرين» sound plurals: not here.)
  'غريق', 'عامل', 'شقيق', 'تلميذ', 'حارس',
] as string[]).flatMap((singular) => [singular + 'ين', singular + 'ان']).map(normalise));

/** «الـ7», «الـ15»: digits after the article are an ordinal (a day, a rank). */
const ORDINAL_DIGITS = /^(?:[وفبلك]{0,2})ال(\d+)$/u;

const ADJECTIVE_ENDING = /(ي|ية|يا|يين|يون|يان|يتين|يتان|ين)$/u;

function isCountedNoun(w: Word | undefined): w is Word {
  // A conjunction on the next word starts a new phrase («2009 وذلك», «5 وقال»).
  const conj = w !== undefined && w.token.segments.length > 1 && (w.token.segments[0] === 'و' || w.token.segments[0] === 'ف');
  return isWord(w) && !conj && !NOT_NOUNS.has(w.norm) && !NOT_NOUNS.has(w.bare) && w.token.kind === 'word';
}

/** The noun before «واحد»; it may open its own phrase with «و» («إصابة واحدة ومريضا واحدا»). */
function isNounBeforeOne(w: Word | undefined): w is Word {
  if (!isWord(w)) return false;
  const withoutConjunction: Word = /^[وف]/u.test(w.norm) ? { ...w, token: { ...w.token, segments: w.token.segments.slice(1) } } : w;
  return isCountedNoun(withoutConjunction);
}

/** «جندي أجنبي», «هجوما صاروخيا», «الجنود الأميركيين», «أراضي العراق», «من المعتقلين». */
function countedPhrase(words: Word[], k: number, end: number, genitive: boolean): { first: number; last: number } | null {
  const first = k;
  const head = words[k];
  if (k >= end || !isCountedNoun(head)) return null;
  if (head.norm === 'من') return null;
  // A preposition opens a new phrase: «القرار 2254 بالإجماع» counts nothing («بالمئة» is read before).
  if (hasPrepClitic(head)) return null;
  let last = k;
  const headDefinite = head.norm.startsWith('ال');
  // A count's noun is indefinite («5 جنود», «15 مليونا»): a definite word right after the number
  // starts a new phrase («آيفون 15 الجديد»). After a vague plural, a fraction or «من» it is a
  // genitive and may be definite («عشرات الهجمات», «نصف السكان»). The text layer's segments say
  // whether «ال» is the article (not in «ألغام»).
  if (!genitive && head.token.segments.includes('ال')) return null;
  // A construct («أراضي العراق», «مساحة العراق»): an indefinite head then a definite genitive.
  const next = words[last + 1];
  if (genitive && !headDefinite && last + 1 < end && isWord(next) && next.norm.startsWith('ال') && !ADJECTIVE_ENDING.test(next.norm)) last++;
  // A model name as the counted noun («12 إف-16»): its number is part of the noun, not a quantity.
  const dash = words[k + 1];
  const version = words[k + 2];
  if (k + 2 < end && isPunct(dash, '-') && version?.token.kind === 'number' && head.token.end === dash?.token.start && dash.token.end === version.token.start) last = k + 2;
  // Adjectives: nisba-like endings, no preposition clitic.
  while (last + 1 < end) {
    const a = words[last + 1] as Word;
    if (!isWord(a) || a.token.kind !== 'word') break;
    if (!ADJECTIVE_ENDING.test(a.norm) || hasPrepClitic(a)) break;
    if (NOT_NOUNS.has(a.norm)) break;
    last++;
  }
  return { first, last };
}

const ACC_ALEF = /([^اوي])ا$/u;

function unitOf(w: Word): string {
  let u = w.stem || w.norm;
  if (u.startsWith('ال')) u = u.slice(2);
  if (u.length > 3 && ACC_ALEF.test(u)) u = u.slice(0, -1);
  return u;
}

function approxBefore(words: Word[], i: number, first: number): { start: number; index: number } | null {
  const w1 = words[i - 1];
  const w2 = words[i - 2];
  if (i - 1 >= first && isWord(w1)) {
    if (APPROX_BEFORE.has(w1.norm) || APPROX_BEFORE.has(w1.bare) || APPROX_BEFORE.has(w1.stem)) {
      // «أكثر من», «أقل من»: the approximator is two words when «من» sits between.
      return { start: w1.token.start, index: i - 1 };
    }
    if (w1.norm === 'من' && i - 2 >= first && isWord(w2) && APPROX_BEFORE.has(w2.bare)) return { start: w2.token.start, index: i - 2 };
  }
  return null;
}

function approxAfter(words: Word[], k: number, end: number): boolean {
  const a = words[k];
  const b = words[k + 1];
  if (!isWord(a)) return false;
  if (APPROX_AFTER.has(a.norm)) return true;
  return isWord(b) && k + 1 < end && APPROX_AFTER.has(`${a.norm} ${b.norm}`);
}

const CALENDAR: ReadonlySet<string> = new Set(['ميلادية', 'ميلادي', 'م', 'هجرية', 'هجري', 'هـ', 'ه', 'للميلاد', 'للهجرة'].map(normalise));
/** Words before a bare figure that make it a count («بلغ 35», «عدد 35», «إلى 40»). */
const COUNT_FRAMES: ReadonlySet<string> = new Set([
  'بلغ', 'بلغت', 'عدد', 'حصيلة', 'إلى', 'ارتفع', 'ارتفعت', 'وصل', 'وصلت', 'تجاوز', 'تجاوزت', 'نحو', 'حوالي', 'قرابة', 'من',
  // The present tense of a denial or an estimate: «لا يتجاوز عددهم ستة», «عدد الفارين لا يتجاوز خمسة».
  'يتجاوز', 'تتجاوز', 'يبلغ', 'تبلغ',
].map(normalise));
/** A count frame word: as written, or its stem under a pronoun («وعددهم 25»: the number of them). */
const isCountFrame = (w: Word | undefined): boolean => isWord(w) && (COUNT_FRAMES.has(w.bare) || (w.stem === 'عدد' && w.token.segments.length > 1));

/** Length in words of a percent marker at `k` («%», «في المئة», «بالمئة»), or 0. */
function percentAt(words: Word[], k: number, end: number): number {
  const w = words[k];
  if (k >= end || !w) return 0;
  if (w.token.text === '%' || w.token.text === '٪') return 1;
  const n = words[k + 1];
  if (isWord(w) && /^(بال|في ال|ب)?(مئة|مائة|مئه|مائه)$/u.test(w.norm)) return 1;
  if (isWord(w) && w.norm === 'في' && isWord(n) && k + 1 < end && /^ال(مئة|مائة|مئه|مائه)$/u.test(n.norm)) return 2;
  return 0;
}

/** Whether a four-digit number is a year (no counted noun after it, 1900–2100). */
function looksLikeYear(p: NumberParse, hasNoun: boolean): boolean {
  return p.digitsOnly && !hasNoun && p.value >= 1900 && p.value <= 2100 && Number.isInteger(p.value);
}

/** The two ends of a range starting with `p` at `i` («20-30», «بين 20 و30», «من 20 إلى 30»), or `p` alone. */
function readRange(words: Word[], p: NumberParse, i: number, end: number): { value: number; valueMax: number | null; k: number } {
  const dash = words[p.end];
  let q: NumberParse | null = null;
  if (!p.vague && isPunct(dash, '-–—') && p.end + 1 < end) q = parseNumberAt(words, p.end + 1, end);
  else if (!p.vague && dash !== undefined && p.end < end) {
    const prev = words[i - 1];
    const between = isWord(prev) && (prev.bare === 'بين' || prev.norm === 'بين');
    const from = isWord(prev) && prev.norm === 'من';
    if ((between && dash.norm.startsWith('و')) || (from && dash.norm === 'الي')) q = parseNumberAt(words, between ? p.end : p.end + 1, end);
  }
  const range = q ? rangeValues(p, q) : null;
  return q && range ? { ...range, k: q.end } : { value: p.value, valueMax: p.valueMax, k: p.end };
}

/** «رجل واحد», «ومريضا واحدا»: «واحد» after its noun, or null when it is «one of» or stands alone. */
function oneAfterNoun(words: Word[], text: string, i: number, first: number, s: number): FoundQuantity | null {
  const w = words[i] as Word;
  const before = words[i - 1];
  // The noun may open its own phrase with «و» («إصابة واحدة ومريضا واحدا»).
  if (!(i - 1 >= first && isNounBeforeOne(before)) || before.norm === 'رقم' || hasPrepClitic(before)) return null;
  if (isWord(words[i + 1]) && (words[i + 1] as Word).norm === 'من') return null; // «واحد من» = «one of»
  const start = before.token.start;
  return {
    kind: 'count', text: text.slice(start, w.token.end), start, end: w.token.end, value: 1, valueMax: null, approx: false,
    unit: unitOf(before), counted: before.token.text, sentence: s, numberFirst: i, numberEnd: i + 1,
  };
}

/** A number the reader does not count, kept with its kind: «الـ7» (an ordinal), a year, a model number. */
function nonClaim(text: string, kind: NonClaimQuantityKind, s: number, from: Word, to: Word, value: number, numberFirst: number, numberEnd: number): FoundQuantity {
  const { start } = from.token;
  const { end } = to.token;
  return { kind, text: text.slice(start, end), start, end, value, valueMax: null, approx: false, unit: null, counted: null, sentence: s, numberFirst, numberEnd };
}

/**
 * Quantities in the document, each with its kind: numeric claims (count, money, percent) and the
 * numbers that are not claims (durations, ages, years, ordinals, model and phone numbers, scores,
 * vague plurals). `covered` marks words that belong to dates (never quantities). Deterministic,
 * one left-to-right pass per sentence.
 */
export function findQuantities(doc: Doc, covered: Uint8Array, entityAt: ReadonlyArray<EntityMention | null> | null = null): FoundQuantity[] {
  const out: FoundQuantity[] = [];
  const { words, text } = doc;
  for (const { s, first, end } of sentenceWordRanges(doc)) {
    for (let i = first; i < end; i++) {
      if (covered[i]) continue;
      const w = words[i] as Word;
      const ordinal = ORDINAL_DIGITS.exec(w.norm);
      // «الـ7»: an ordinal day or rank, never a count.
      if (ordinal) out.push(nonClaim(text, 'ordinal', s, w, w, Number(ordinal[1]), i, i + 1));
      // «الثلاثة»: a definite numeral refers back (but «آلاف» normalises to «الاف»).
      if (w.norm.startsWith('ال') && w.token.kind === 'word' && !VAGUE.has(w.norm) && !SCALES.has(w.norm)) continue;
      // «الرابع عشر»: the tail of an ordinal.
      const before0 = words[i - 1];
      if (TEEN_TAILS.has(w.norm) && i - 1 >= first && isWord(before0) && ORDINAL_UNITS.has(before0.norm)) continue;
      const p = parseNumberAt(words, i, end);
      if (!p) {
        // An indefinite dual of a people noun is a count of two: «قتيلين», «وجريحين» (the conjunction
        // is no part of the span: it starts at the stem).
        if (w.token.kind === 'word' && DUAL_PEOPLE.has(w.bare) && !hasPrepClitic(w)) {
          const kind = quantityKind({
            words, first, end, numberFirst: i, numberEnd: i + 1, after: i + 1, head: w, percent: false, digitsOnly: false, vague: false, entityAt,
          });
          const start = w.bare === w.norm ? w.token.start : w.token.stemStart;
          out.push({
            kind, text: text.slice(start, w.token.end), start, end: w.token.end, value: 2, valueMax: null, approx: false,
            unit: unitOf(w), counted: text.slice(start, w.token.end), sentence: s, numberFirst: i, numberEnd: i + 1,
          });
        }
        continue;
      }
      const { value, valueMax, k } = readRange(words, p, i, end);
      const kindOf = (head: Word | null, after: number, percent: boolean): KindInput => ({
        words, first, end, numberFirst: i, numberEnd: p.end, after, head, percent, digitsOnly: p.digitsOnly, vague: p.vague && p.scale === 1, entityAt,
      });
      // A fraction counts only as a fraction of a noun («ثلث أراضي العراق», not «شهر ونصف»).
      if (p.fraction && !isCountedNoun(words[k])) continue;
      if (p.value === 1 && !p.digitsOnly && !p.vague) {
        // The noun before «واحد» must not belong to the quantity before it («عشرات واحد»).
        const previous = out[out.length - 1];
        const taken = previous !== undefined && previous.sentence === s && previous.end > (words[i - 1]?.token.start ?? 0);
        const one = taken ? null : oneAfterNoun(words, text, i, first, s);
        if (one) {
          one.kind = quantityKind(kindOf(words[i - 1] as Word, i + 1, false));
          out.push(one);
          i = k - 1;
        }
        continue;
      }
      // The counted noun: directly after, or a partitive «من X».
      const partitive = isWord(words[k]) && (words[k] as Word).norm === 'من' && isCountedNoun(words[k + 1]);
      const nounFirst = partitive ? k + 1 : k;
      // A percentage: «%», «في المئة», «بالمئة».
      const pct = percentAt(words, k, end);
      // «عام 70 ميلادية», «1436 هـ»: a year in a calendar.
      if (isWord(words[k]) && CALENDAR.has((words[k] as Word).norm)) {
        out.push(nonClaim(text, 'date', s, words[i] as Word, words[k] as Word, value, i, p.end));
        continue;
      }
      const phrase = pct > 0 ? null : countedPhrase(words, nounFirst, end, p.vague || p.fraction || partitive);
      if (pct === 0 && looksLikeYear(p, phrase !== null)) continue;
      const afterIdx = phrase ? phrase.last + 1 : pct > 0 ? k + pct : p.end;
      if (phrase === null && pct === 0 && p.digitsOnly && !partitive) {
        // A bare figure needs a frame that says it counts something («بلغ عدد القتلى 35»);
        // scores and ratios («٥/٧», «3:1»), model and phone numbers and list numbers are not claims.
        const prevW = words[i - 1];
        const bare = bareFigureKind(kindOf(null, afterIdx, false));
        if (bare) {
          // «3-1», «23:41», «787-9»: the second number belongs to the same span.
          const paired = isPunct(words[p.end], '-/:') && words[p.end + 1]?.token.kind === 'number' && (words[p.end + 1] as Word).token.start === (words[p.end] as Word).token.end;
          const last = paired ? p.end + 1 : p.end - 1;
          const from = bare === 'model' ? gluedNameFirst(words, i, first) : i;
          out.push(nonClaim(text, bare, s, words[from] as Word, words[Math.min(last, end - 1)] as Word, value, i, p.end));
          i = Math.max(i, Math.min(last, end - 1));
          continue;
        }
        if (isPunct(words[k], '/:') || isPunct(prevW, '/:')) continue;
        if (!(isCountFrame(prevW))) continue;
      }
      if (phrase === null && !p.digits && !p.vague && pct === 0) {
        // A bare number word with no noun («قال اثنان منهم»): still a count when followed by «من»,
        // with a scale word as «40 ألفا» in digits is («بلغ عدد اللاجئين سبعة عشر ألفا»), or in a
        // frame that says it counts something, as a bare figure («بلغ عددهم خمسة عشر»).
        const prevW = words[i - 1];
        if (!partitive && p.scale === 1 && !(isCountFrame(prevW))) continue;
      }
      let start = p.charStart;
      const before = approxBefore(words, i, first);
      if (before) start = before.start;
      const lastWord = phrase ? (words[phrase.last] as Word) : (words[afterIdx - 1] as Word);
      const endChar = lastWord.token.end;
      const head = phrase ? (words[phrase.first] as Word) : null;
      const kind = quantityKind(kindOf(head, afterIdx, pct > 0));
      out.push({
        kind,
        text: text.slice(start, endChar),
        start,
        end: endChar,
        value,
        valueMax,
        approx: before !== null || approxAfter(words, afterIdx, end) || p.vague,
        unit: head ? unitOf(head) : pct > 0 ? '%' : null,
        counted: phrase ? text.slice((words[phrase.first] as Word).token.start, endChar) : null,
        sentence: s,
        numberFirst: i,
        numberEnd: p.end,
      });
      i = Math.max(i, (phrase ? phrase.last + 1 : k) - 1);
    }
  }
  return out;
}

export { PLAIN_DIGITS };
