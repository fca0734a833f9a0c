import { wordKey as k } from './word-key.js';
import type { DedupToken } from './shingles.js';

/**
 * The kind of place an incident struck, as its lead's first sentence names it first: «حريق في
 * مستودع للأثاث», «حريق شب في بناية قديمة», «انفجار أسطوانة غاز بمطعم». Two fires in one town two
 * days apart share the town, its governor, the civil defence and every word of a fire report, and
 * each report's first sentence says what burned. Two leads naming two kinds of place so report two
 * incidents (event-match.ts). Kinds, not words: a building is «بناية», «عمارة», «مبنى» or «عقار»
 * as outlets please. Only a place named after the incident's word counts («في انفجار سيارة مفخخة في
 * سوق شعبي», not the hospital a source spoke from before it); a place people were taken to («نقل الجرحى إلى المستشفى») is not the incident's.
 * Pure: tokens in, a kind (1…) or 0 out.
 */

type FacilityToken = Pick<DedupToken, 'kind' | 'key' | 'stem'>;


const KINDS: ReadonlyArray<readonly string[]> = [
  ['بناية', 'عمارة', 'مبنى', 'عقار', 'منزل', 'بيت'],
  ['مستودع', 'مخزن'],
  ['مصنع', 'معمل'],
  ['معصرة'],
  ['سوق'],
  ['مطعم', 'مقهى'],
  ['مستشفى'],
  ['مدرسة'],
  ['فندق'],
  ['مسجد', 'جامع'],
  ['محطة'],
  ['مطار'],
  ['منجم'],
  ['مصفاة'],
];
const KIND_OF = new Map<string, number>(KINDS.flatMap((words, i) => words.map((word) => [k(word), i + 1] as const)));
/** Words that say an incident happened (a fire, a blast, a strike, a collapse): the place named after one is the incident's. */
const INCIDENT_PREFIXES = ['حريق', 'حرائق', 'انفجار', 'تفجير', 'قصف', 'هجوم', 'غارة', 'انهيار', 'استهدف', 'التهم', 'تهمت', 'اندلع', 'اقتحام', 'احترق', 'احتراق'].map(k);
const INCIDENT_WORDS = new Set(['شب', 'شبت', 'أتى'].map(k));
/** A word's forms as compared: its stem, and its key without a leading conjunction, preposition or article («بمصفاة» → «مصفاه»). */
const formsOf = (token: FacilityToken): string[] => {
  const key = k(token.key);
  return [k(token.stem || token.key), key, key.replace(/^(و|ف)?(ب|ل)?(ال)?/, '')];
};
const isIncident = (token: FacilityToken): boolean => formsOf(token).some((form) => INCIDENT_WORDS.has(form) || INCIDENT_PREFIXES.some((prefix) => form.startsWith(prefix)));

/** Words before a place that is not the incident's: where people were taken or came from. */
const NOT_AT = new Set(['من', 'إلى', 'الى', 'نحو', 'باتجاه', 'حتى', 'عن'].map(k));

/** The kind of place `tokens` (a lead's first sentence) say the incident struck, or 0. */
export function leadFacility(tokens: readonly FacilityToken[]): number {
  // Only a place named after the incident's word: «قال مسؤول في مستشفى منبج إن ... في انفجار ... في سوق» is the market's.
  const from = tokens.findIndex((token) => token.kind === 'word' && isIncident(token));
  if (from < 0) return 0;
  for (let i = from + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    const kind = formsOf(token).map((form) => KIND_OF.get(form)).find((found) => found !== undefined);
    if (kind === undefined) continue;
    const before = i > 0 ? tokens[i - 1]! : undefined;
    if (before && NOT_AT.has(k(before.key))) continue;
    return kind;
  }
  return 0;
}
