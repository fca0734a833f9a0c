// Reading one number at a word: digits (any script, an attached «بـ/و/ل», separators), number words
// with their scale words («خمسة آلاف», «٣٧ ألفا و٢٩٦»), vague plurals, fractions, and a range's two ends.
// Pure: the words in, the value and the words it took out.
import { DUAL_SCALES, FRACTIONS, HUNDREDS, PLURAL_SCALES, SCALES, TEEN_TAILS, TENS, UNITS, UNIT_ONLY_IN_TEENS, VAGUE, VAGUE_SCALES } from './lexicon/numbers.js';
import { isWord, type Word } from './words.js';

// An optional clitic chain, then digits with separators: «بـ14» → «ب14», «و50», «3,500», «2.5».
const DIGITS = /^([وف]?[بلك]?)(ال)?(\d+(?:[.,٫٬]\d+)*)$/u;
export const PLAIN_DIGITS = /^\d+(?:[.,٫٬]\d+)*$/u;

function parseDigits(s: string): number {
  // «3,500» / «3٬500»: thousands groups; «2.5» / «2,5» / «2٫5»: a decimal.
  if (/^\d{1,3}([,٬]\d{3})+$/u.test(s)) return Number(s.replace(/[,٬]/gu, ''));
  if (/^\d{1,3}(\.\d{3}){2,}$/u.test(s)) return Number(s.replace(/\./gu, ''));
  return Number(s.replace(/[,٫]/u, '.'));
}

/**
 * `value × factor` exactly as the digits were written: «16.6 مليار» is 16600000000, where binary
 * floating point gives 16600000000.000002. The decimal point is moved in the digits' string (the
 * shortest representation, which is what was written) by the factor's power of ten, and only the
 * rest of the factor (1, or 2 for a dual scale) is multiplied.
 */
export function scaleExact(value: number, factor: number): number {
  let exponent = 0;
  let rest = factor;
  while (rest >= 10 && rest % 10 === 0) {
    rest /= 10;
    exponent++;
  }
  const m = /^(\d+)(?:\.(\d+))?$/u.exec(String(value));
  if (!m) return value * factor; // an exponent form (never from text digits) or a negative
  const int = m[1] as string;
  const frac = m[2] ?? '';
  const digits = int + frac;
  const point = int.length + exponent;
  const shifted = point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return Number(shifted) * rest;
}

/** A number word's value with its clitics peeled off: «وثمانية» → 8, «بعشرات» → vague. */
function wordForms(norm: string): string[] {
  const forms = [norm];
  const m = /^([وف]?[بلك]?)(.+)$/u.exec(norm);
  if (m && m[1] && (m[2] as string).length >= 3) forms.push(m[2] as string);
  return forms;
}

export interface NumberParse {
  value: number;
  valueMax: number | null;
  end: number; // word index after the number
  /** Offset where the number's own characters start (after an attached clitic). */
  charStart: number;
  digitsOnly: boolean;
  /** Written with digits (possibly with a scale word: «40 ألفا»). */
  digits: boolean;
  vague: boolean;
  fraction: boolean;
  /** The scale word's factor applied to the count («40 ألفا»: 1000), 1 without one. */
  scale: number;
}

function lookup(map: ReadonlyMap<string, number>, w: Word | undefined): number | undefined {
  if (!isWord(w)) return undefined;
  for (const f of wordForms(w.norm)) {
    const v = map.get(f);
    if (v !== undefined) return v;
  }
  return undefined;
}

function isAnd(w: Word): boolean {
  return w.norm.startsWith('و');
}

/** Character offset of the first letter after the token's proclitics. */
function ownStart(w: Word, cliticLength: number): number {
  if (cliticLength === 0) return w.token.start;
  // Skip the clitic letters and a tatweel «ـ» in the original text.
  let k = w.token.start;
  let seen = 0;
  while (k < w.token.end && seen < cliticLength) {
    const ch = w.token.text[k - w.token.start] as string;
    if (/[\u0621-\u064a]/u.test(ch)) seen++;
    k++;
  }
  while (k < w.token.end && /[\u0640\u064b-\u065f]/u.test(w.token.text[k - w.token.start] as string)) k++;
  return k;
}

/**
 * «مليار ونصف المليار», «مليون وربع»: after a scale word, «و» + a fraction, with the scale word again
 * (definite) or alone, is that fraction of the scale added to the number (1,500,000,000), not a
 * second figure «نصف المليار» (0.5 of a billion).
 */
function fractionTail(words: Word[], k: number, end: number, factor: number): { add: number; end: number } | null {
  const w = words[k];
  if (!isWord(w) || !w.norm.startsWith('و')) return null;
  const frac = FRACTIONS.get(w.norm.slice(1));
  if (frac === undefined || frac >= 1) return null;
  const next = words[k + 1];
  const again = k + 1 < end && isWord(next) ? SCALES.get(next.norm.replace(/^ال/u, '')) : undefined;
  return { add: frac * factor, end: again === factor ? k + 2 : k + 1 };
}

/**
 * «16 مليارا و600 مليون», «ثلاثة ملايين و200 ألف»: after a scaled number, «و» + digits with a smaller
 * scale word of their own is the rest of the same number (16,600,000,000), not a second figure; the
 * rest must stay below the first scale («40 ألفا و50 ألفا» are two figures).
 */
function compoundTail(words: Word[], k: number, end: number, factor: number): { add: number; end: number } | null {
  if (factor < 1000 || k >= end) return null;
  const half = fractionTail(words, k, end, factor);
  if (half) return half;
  if (k + 1 >= end) return null;
  const rest = DIGITS.exec(words[k]?.norm ?? '');
  if (!rest || rest[1] !== 'و' || rest[2]) return null;
  const sc = words[k + 1];
  const smaller = lookup(SCALES, sc);
  if (smaller === undefined || !sc || DUAL_SCALES.has(sc.norm)) return null;
  const unit = smaller >= 1e6 ? smaller : 1000;
  if (unit >= factor) return null;
  const add = scaleExact(parseDigits(rest[3] as string), unit);
  return add < factor ? { add, end: k + 2 } : null;
}

export function parseNumberAt(words: Word[], i: number, end: number): NumberParse | null {
  const w = words[i];
  if (!w) return null;
  // Digits, possibly with an attached clitic.
  const dm = DIGITS.exec(w.norm);
  if (dm) {
    if (dm[2]) return null; // «الـ7»: an ordinal day, never a count
    let value = parseDigits(dm[3] as string);
    let k = i + 1;
    const sc = words[k];
    const scale = k < end ? lookup(SCALES, sc) : undefined;
    let factor = 1;
    if (scale !== undefined && sc && !DUAL_SCALES.has(sc.norm)) {
      factor = scale >= 1e6 ? scale : 1000;
      value = scaleExact(value, factor);
      k++;
      // «٣٧ ألفا و٢٩٦»: the rest after «و», in digits smaller than the scale and with no scale of
      // its own (not «40 ألفا و50 ألفا», two figures).
      const rest = k < end ? DIGITS.exec(words[k]?.norm ?? '') : null;
      if (rest && rest[1] === 'و' && !rest[2] && lookup(SCALES, words[k + 1]) === undefined) {
        const remainder = parseDigits(rest[3] as string);
        if (remainder < factor) {
          value += remainder;
          k++;
        }
      }
      const tail = compoundTail(words, k, end, factor);
      if (tail) {
        value += tail.add;
        k = tail.end;
      }
    }
    return { value, valueMax: null, end: k, charStart: ownStart(w, (dm[1] as string).length), digitsOnly: scale === undefined, digits: true, vague: false, fraction: false, scale: factor };
  }
  if (!isWord(w)) return null;
  // Vague plurals: «عشرات», «آلاف» (alone), and with the scale they carry: «عشرات الآلاف»,
  // «عشرات الملايين» (10,000,000–99,999,999), «مئات المليارات».
  for (const f of wordForms(w.norm)) {
    const range = VAGUE.get(f);
    if (range) {
      let [lo, hi] = range;
      let k = i + 1;
      const next = words[k];
      const found = k < end && isWord(next) ? VAGUE_SCALES.get(next.norm) : undefined;
      // Only a count of tens or hundreds takes a scale after it («آلاف الملايين» is not said).
      const scale = found !== undefined && hi < 1000 ? found : 1;
      if (scale > 1) {
        lo *= scale;
        hi = (hi + 1) * scale - 1;
        k++;
      }
      // `scale` > 1 says the vague plural carries a scale word: a numeric claim, not a vague plural.
      return { value: lo, valueMax: hi, end: k, charStart: ownStart(w, w.norm.length - f.length), digitsOnly: false, digits: false, vague: true, fraction: false, scale };
    }
  }
  const frac = lookup(FRACTIONS, w);
  if (frac !== undefined) {
    const charStart = ownStart(w, w.norm.length - (wordForms(w.norm).find((f) => FRACTIONS.has(f)) ?? w.norm).length);
    // «نصف مليار دولار», «ربع مليون»: a fraction of a singular scale word is an amount, not a share.
    const sc = words[i + 1];
    const scale = i + 1 < end && isWord(sc) && !PLURAL_SCALES.has(sc.norm) && !DUAL_SCALES.has(sc.norm) ? SCALES.get(sc.norm) : undefined;
    if (scale !== undefined) return { value: frac * scale, valueMax: null, end: i + 2, charStart, digitsOnly: false, digits: false, vague: false, fraction: false, scale };
    return { value: frac, valueMax: null, end: i + 1, charStart, digitsOnly: false, digits: false, vague: false, fraction: true, scale: 1 };
  }
  // Number words: units, teens, tens, hundreds, scales, joined by «و».
  let total = 0;
  let current = 0;
  let k = i;
  let any = false;
  let factor = 1;
  let charStart = w.token.start;
  /** The largest scale unit read («مليونين»: a million), for a compound tail after it. */
  let largest = 1;
  while (k < end) {
    const x = words[k];
    if (!isWord(x)) break;
    if (any && !isAnd(x) && lookup(SCALES, x) === undefined && !(TEEN_TAILS.has(x.norm) && current > 0 && current < 10)) break;
    const forms = wordForms(x.norm);
    const form = any ? forms[forms.length - 1] as string : forms.find((f) => UNITS.has(f) || TENS.has(f) || HUNDREDS.has(f) || SCALES.has(f)) ?? forms[0] as string;
    const unit = UNITS.get(form);
    const ten = TENS.get(form);
    const hundred = HUNDREDS.get(form);
    const scale = SCALES.get(form);
    if (!any) charStart = ownStart(x, x.norm.length - form.length);
    if (unit !== undefined) {
      const tail = words[k + 1];
      if (tail && k + 1 < end && TEEN_TAILS.has(tail.norm) && unit < 10) {
        current += 10 + unit;
        k += 2;
        any = true;
        continue;
      }
      if (UNIT_ONLY_IN_TEENS.has(form)) break;
      current += unit;
    } else if (ten !== undefined) current += ten;
    else if (hundred !== undefined) current += hundred;
    else if (scale !== undefined) {
      if (!any && PLURAL_SCALES.has(form)) break; // «آلاف» alone is vague (handled above)
      if (DUAL_SCALES.has(form) || !any) {
        total += scale;
        largest = Math.max(largest, DUAL_SCALES.has(form) ? scale / 2 : scale);
      } else {
        factor = scale >= 1e6 ? scale : 1000;
        total += (current || 1) * factor;
      }
      current = 0;
    } else break;
    any = true;
    k++;
  }
  if (!any) return null;
  const tail = compoundTail(words, k, end, Math.max(factor, largest));
  return { value: total + current + (tail?.add ?? 0), valueMax: null, end: tail?.end ?? k, charStart, digitsOnly: false, digits: false, vague: false, fraction: false, scale: factor };
}

/**
 * The upper end `q` of a range, and the lower end read with it: a scale word written once after
 * the second number belongs to both («بين 30 و40 ألفا» = 30,000–40,000, «من 5 إلى 7 ملايين»).
 */
export function rangeValues(p: NumberParse, q: NumberParse): { value: number; valueMax: number } | null {
  const low = p.scale === 1 && q.scale > 1 && p.value < q.value / q.scale ? scaleExact(p.value, q.scale) : p.value;
  return q.value > low ? { value: low, valueMax: q.value } : null;
}
