// Numbers that state a fact: digits (any script, with an attached «بـ/و/ل»), number words, scale
// words («5 آلاف»), vague plurals («عشرات»), fractions («ثلث»), ranges («بين 20 و30», «20-30»),
// approximators («نحو», «أكثر من», «على الأقل») and the counted noun after them.
import type { Quantity } from '../../schema/claims.js';
import { normalise } from '../text/normalise.js';
import { APPROX_AFTER, APPROX_BEFORE } from './lexicon/words.js';
import { ORDINAL_UNITS, SCALES, TEEN_TAILS, VAGUE } from './lexicon/numbers.js';
import { hasPrepClitic, isPunct, isWord, sentenceWordRanges, type Doc, type Word } from './words.js';
import { PLAIN_DIGITS, type NumberParse, parseNumberAt, rangeValues } from './number-parse.js';

/** A quantity found in the text, with the word range it covers. */
export interface FoundQuantity extends Quantity {
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
] as string[]).map(normalise));


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
  let last = k;
  const headDefinite = head.norm.startsWith('ال');
  // A construct («أراضي العراق», «مساحة العراق»): an indefinite head then a definite genitive.
  const next = words[last + 1];
  if (genitive && !headDefinite && last + 1 < end && isWord(next) && next.norm.startsWith('ال') && !ADJECTIVE_ENDING.test(next.norm)) last++;
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
const COUNT_FRAMES: ReadonlySet<string> = new Set(['بلغ', 'بلغت', 'عدد', 'حصيلة', 'إلى', 'ارتفع', 'ارتفعت', 'وصل', 'وصلت', 'تجاوز', 'تجاوزت', 'نحو', 'حوالي', 'قرابة', 'من'].map(normalise));

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

/**
 * Quantities in the document. `covered` marks words that belong to dates (never quantities).
 * Deterministic, one left-to-right pass per sentence.
 */
export function findQuantities(doc: Doc, covered: Uint8Array): FoundQuantity[] {
  const out: FoundQuantity[] = [];
  const { words, text } = doc;
  for (const { s, first, end } of sentenceWordRanges(doc)) {
    for (let i = first; i < end; i++) {
      if (covered[i]) continue;
      const w = words[i] as Word;
      // «الثلاثة»: a definite numeral refers back (but «آلاف» normalises to «الاف»).
      if (w.norm.startsWith('ال') && w.token.kind === 'word' && !VAGUE.has(w.norm) && !SCALES.has(w.norm)) continue;
      // «الرابع عشر»: the tail of an ordinal.
      const before0 = words[i - 1];
      if (TEEN_TAILS.has(w.norm) && i - 1 >= first && isWord(before0) && ORDINAL_UNITS.has(before0.norm)) continue;
      const p = parseNumberAt(words, i, end);
      if (!p) continue;
      let k = p.end;
      let valueMax = p.valueMax;
      let value = p.value;
      // Ranges: «20-30», «20 – 30», «بين 20 و30», «من 20 إلى 30».
      const dash = words[k];
      if (!p.vague && isPunct(dash, '-–—') && k + 1 < end) {
        const q = parseNumberAt(words, k + 1, end);
        const range = q ? rangeValues(p, q) : null;
        if (q && range) {
          ({ value, valueMax } = range);
          k = q.end;
        }
      } else if (!p.vague && dash !== undefined && k < end) {
        const prev = words[i - 1];
        const between = isWord(prev) && (prev.bare === 'بين' || prev.norm === 'بين');
        const from = isWord(prev) && prev.norm === 'من';
        if ((between && dash.norm.startsWith('و')) || (from && dash.norm === 'الي')) {
          const q = parseNumberAt(words, between ? k : k + 1, end);
          const range = q ? rangeValues(p, q) : null;
          if (q && range) {
            ({ value, valueMax } = range);
            k = q.end;
          }
        }
      }
      if (p.fraction) {
        // A fraction counts only as a fraction of a noun («ثلث أراضي العراق», not «شهر ونصف»).
        if (!isCountedNoun(words[k])) continue;
      }
      if (p.value === 1 && !p.digitsOnly && !p.vague) {
        // «واحد» counts only after its noun («رجل واحد») or as a numeral before «من».
        const before = words[i - 1];
        // The noun may open its own phrase with «و» («إصابة واحدة ومريضا واحدا»).
        if (!(i - 1 >= first && isNounBeforeOne(before)) || before.norm === 'رقم' || hasPrepClitic(before)) continue;
        if (isWord(words[i + 1]) && (words[i + 1] as Word).norm === 'من') continue; // «واحد من» = «one of»
        const start = before.token.start;
        out.push({
          text: text.slice(start, w.token.end), start, end: w.token.end, value: 1, valueMax: null, approx: false,
          unit: unitOf(before), counted: before.token.text, sentence: s, numberFirst: i, numberEnd: i + 1,
        });
        i = k - 1;
        continue;
      }
      // The counted noun: directly after, or a partitive «من X».
      let nounFirst = k;
      const partitive = isWord(words[k]) && (words[k] as Word).norm === 'من' && isCountedNoun(words[k + 1]);
      if (partitive) nounFirst = k + 1;
      // A percentage: «%», «في المئة», «بالمئة».
      const pct = percentAt(words, k, end);
      // «عام 70 ميلادية», «1436 هـ»: a year in a calendar.
      if (isWord(words[k]) && CALENDAR.has((words[k] as Word).norm)) continue;
      const phrase = pct > 0 ? null : countedPhrase(words, nounFirst, end, p.vague || p.fraction || partitive);
      if (pct === 0 && looksLikeYear(p, phrase !== null)) continue;
      if (phrase === null && pct === 0 && p.digitsOnly && !partitive) {
        // A bare figure needs a frame that says it counts something («بلغ عدد القتلى 35»);
        // scores and ratios («٥/٧», «3:1») and list numbers are not claims.
        const prevW = words[i - 1];
        const nextW = words[k];
        if (isPunct(nextW, '/:') || isPunct(prevW, '/:')) continue;
        if (!(isWord(prevW) && COUNT_FRAMES.has(prevW.bare))) continue;
      }
      if (phrase === null && !p.digits && !p.vague && pct === 0) {
        // A bare number word with no noun («قال اثنان منهم»): still a count when followed by «من»,
        // with a scale word as «40 ألفا» in digits is («بلغ عدد اللاجئين سبعة عشر ألفا»), or in a
        // frame that says it counts something, as a bare figure («بلغ عددهم خمسة عشر»).
        const prevW = words[i - 1];
        if (!partitive && p.scale === 1 && !(isWord(prevW) && COUNT_FRAMES.has(prevW.bare))) continue;
      }
      let approx = false;
      let start = p.charStart;
      const before = approxBefore(words, i, first);
      if (before) {
        approx = true;
        start = before.start;
      }
      const lastWord = phrase ? (words[phrase.last] as Word) : (words[(pct > 0 ? k + pct : p.end) - 1] as Word);
      const afterIdx = phrase ? phrase.last + 1 : pct > 0 ? k + pct : p.end;
      if (approxAfter(words, afterIdx, end)) approx = true;
      if (p.vague) approx = true;
      const endChar = lastWord.token.end;
      const head = phrase ? (words[phrase.first] as Word) : null;
      out.push({
        text: text.slice(start, endChar),
        start,
        end: endChar,
        value,
        valueMax,
        approx,
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
