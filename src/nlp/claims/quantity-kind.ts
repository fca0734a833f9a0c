// What a number found in the text is (issue 20): a numeric claim (a count of something, an amount
// of money, a percentage) or a number that measures time, gives an age, names a model or a phone
// line, keeps a score or is a vague plural. Only the first three are claims; the others are kept
// with their kind and never take part in claims, conflicts or claim links.
import type { ClaimQuantityKind, NonClaimQuantityKind } from '../../schema/claims.js';
import type { EntityMention } from '../../schema/entities.js';
import { normalise } from '../text/normalise.js';
import { hasPrepClitic, isPunct, isWord, type Word } from './words.js';

export type QuantityKind = ClaimQuantityKind | NonClaimQuantityKind;

const CLAIM_KINDS: ReadonlySet<QuantityKind> = new Set<QuantityKind>(['count', 'money', 'percent', 'term']);
export const isClaimKind = (kind: QuantityKind): kind is ClaimQuantityKind => CLAIM_KINDS.has(kind);

const set = (words: string[]): ReadonlySet<string> => new Set(words.map(normalise));

/** Units of time, in the forms a count takes (singular, accusative, plural). */
const TIME_UNITS = set([
  'ثانية', 'ثوان', 'ثواني', 'دقيقة', 'دقائق', 'ساعة', 'ساعات', 'يوم', 'يوما', 'أيام', 'ليلة', 'ليال', 'ليالي',
  'أسبوع', 'أسبوعا', 'أسابيع', 'شهر', 'شهرا', 'أشهر', 'شهور', 'سنة', 'سنوات', 'سنين', 'عام', 'عاما', 'أعوام',
  'عقد', 'عقدا', 'عقود', 'قرن', 'قرنا', 'قرون', 'موسم', 'موسما', 'مواسم',
]);
/** The units an age is given in. */
const YEAR_UNITS = set(['سنة', 'سنوات', 'سنين', 'عام', 'عاما', 'أعوام']);
/** Words that say a number of years is an age: «عمره 45 عاما», «البالغ من العمر», «في سن 60 عاما». */
const AGE_WORDS = /^(ال|ب|و|وب|فب)?(عمر|اعمار|سن)(ه|ها|هم|هن|هما)?$/u;

/** Currencies, in the forms a count takes; a numeric claim about them is money. */
const CURRENCIES = set([
  'دولار', 'دولارا', 'دولارات', 'يورو', 'جنيه', 'جنيها', 'جنيهات', 'دينار', 'دينارا', 'دنانير', 'ريال', 'ريالا',
  'ريالات', 'درهم', 'درهما', 'دراهم', 'ليرة', 'ليرات', 'روبل', 'روبلا', 'يوان', 'ين', 'فرنك', 'فرنكات', 'شيكل',
  'شيكلا', 'شيقل', 'روبية', 'أوقية', 'أوقيات', 'إسترليني', 'استرليني', 'بيزو', 'لاري', 'مانات', 'تومان', 'دولارًا',
]);
/** Nouns that name a model or version: the number after them names, it does not count. */
const MODEL_NOUNS = set(['طراز', 'طرازات', 'موديل', 'ماركة', 'إصدار', 'الإصدار', 'الطراز', 'طرازي']);
/** «الساعة 9 مساء»: the hour word before, or a part of the day after, makes a number a clock time. */
const HOUR_WORDS = set(['الساعة', 'بالساعة', 'والساعة']);
const DAY_PARTS = set(['صباحا', 'مساء', 'مساءً', 'ظهرا', 'عصرا', 'ليلا', 'فجرا', 'صباح', 'مساء']);
/**
 * Nouns a number after them labels rather than counts: a place in a sequence («الدقيقة 90», «الجولة
 * 12», «المادة 5», «المركز 3») is an ordinal; a document («القرار 2254») is a name with a number.
 */
const SEQUENCE_NOUNS = set(['دقيقة', 'جولة', 'مادة', 'مرتبة', 'مركز', 'فقرة', 'بند', 'رقم', 'صفحة', 'طابق', 'شوط', 'مرحلة', 'حلقة', 'دورة', 'فصل', 'نسخة']);
const NAMED_DOCUMENTS = set(['قرار', 'قانون', 'مرسوم', 'تعميم', 'رحلة']);
/** Words before a phone number. */
const PHONE_WORDS = set(['هاتف', 'الهاتف', 'هاتفي', 'الساخن', 'واتساب', 'فاكس', 'الفاكس', 'للاتصال', 'المجاني']);

/** The word's forms to match against a closed class: as written, without «و/ف», the stem, without the article. */
function forms(w: Word): string[] {
  const out = [w.norm, w.bare, w.stem];
  for (const f of [w.norm, w.bare, w.stem]) if (f.startsWith('ال') && f.length > 3) out.push(f.slice(2));
  return out;
}
const inClass = (w: Word, cls: ReadonlySet<string>): boolean => forms(w).some((f) => cls.has(f));

/** A token that is only proclitics («بـ», «وال»): the digits after it are a number, not a name's. */
const CLITIC_ONLY = /^[وف]?[بلك]?(ال)?$/u;

/** Two tokens written with nothing between them («A320», «إف-16»). */
const glued = (a: Word | undefined, b: Word | undefined): boolean => a !== undefined && b !== undefined && a.token.end === b.token.start;

export interface KindInput {
  words: Word[];
  /** The sentence's word range `[first, end)`. */
  first: number;
  end: number;
  /** Words of the number itself `[numberFirst, numberEnd)`, and the index after the whole quantity. */
  numberFirst: number;
  numberEnd: number;
  after: number;
  /** The counted noun, or null. */
  head: Word | null;
  percent: boolean;
  /** Written in digits (without a scale word). */
  digitsOnly: boolean;
  /** A vague plural with no scale word («آلاف الجنود»). */
  vague: boolean;
  entityAt: ReadonlyArray<EntityMention | null> | null;
}

/** The first word of a name written against its number: «إف» in «إف-16», «A» in «A320»; else `i`. */
export function gluedNameFirst(words: Word[], i: number, first: number): number {
  const num = words[i] as Word;
  const prev = words[i - 1];
  if (i - 1 >= first && isWord(prev) && glued(prev, num) && !CLITIC_ONLY.test(prev.norm)) return i - 1;
  const prev2 = words[i - 2];
  if (i - 2 >= first && isPunct(prev, '-') && glued(prev2, prev) && glued(prev, num) && isWord(prev2)) return i - 2;
  return i;
}

/** A model, product or name number: «طراز 787», «إف-16», «A320», «بوينغ 737», «787-9». */
function isModel(x: KindInput): boolean {
  const { words, numberFirst: i } = x;
  const num = words[i] as Word;
  const prev = words[i - 1];
  // Letters written against the digits: «A320», «H100» (not a clitic «بـ» before «14»), or a word,
  // a hyphen and the digits with no space: «إف-16», «كوفيد-19».
  if (gluedNameFirst(words, i, x.first) < i) return true;
  // «787-9»: digits, a hyphen and smaller digits with no space (a range reads the other way).
  const dash = words[x.numberEnd];
  const version = words[x.numberEnd + 1];
  if (isPunct(dash, '-') && glued(num, dash) && glued(dash, version) && version?.token.kind === 'number' && Number(version.norm) < Number(num.norm)) return true;
  // «من طراز 787 دريملاينر», «طراز بوينغ 787»: a model noun just before (no punctuation between).
  for (let k = i - 1; k >= Math.max(x.first, i - 2); k--) {
    const w = words[k];
    if (!isWord(w)) break;
    if (inClass(w, MODEL_NOUNS)) return true;
  }
  // «بوينغ 737», «آيفون 15»: digits inside an organisation's or product's name as the NER found it,
  // or a name just before them and nothing counted after that is not a name too.
  const named = (k: number): boolean => x.entityAt !== null && x.entityAt[k] != null && x.entityAt[k]?.type !== 'PER' && x.entityAt[k]?.type !== 'LOC';
  if (x.digitsOnly && named(i)) return true;
  if (x.digitsOnly && i - 1 >= x.first && isWord(prev) && named(i - 1) && (x.head === null || named(x.head.i) || x.head.token.kind === 'latin')) return true;
  // «737 MAX»: a Latin word where a counted noun would be.
  return x.head !== null && (x.head.token.kind === 'latin' || /^[a-z]/u.test(x.head.bare));
}

/**
 * A phone number: digits with a leading 0 (no count is written so), or, with no counted noun, a long
 * digit string, a glued «+» or a phone word just before («1500000 برميل» is a count).
 */
function isPhone(x: KindInput): boolean {
  if (!x.digitsOnly) return false;
  const num = x.words[x.numberFirst] as Word;
  if (/^0\d{4,}$/u.test(num.norm)) return true;
  if (x.head !== null) return false;
  if (/^\d{7,}$/u.test(num.norm)) return true;
  const prev = x.words[x.numberFirst - 1];
  if (isPunct(prev, '+') && glued(prev, num)) return true;
  // A phone word before three digits or more («الخط الساخن 5010», not «هاتف آيفون 15»).
  for (let k = x.numberFirst - 1; k >= Math.max(x.first, x.numberFirst - 3) && /^\d{3,}$/u.test(num.norm); k--) {
    const w = x.words[k];
    if (isWord(w) && inClass(w, PHONE_WORDS)) return true;
  }
  return false;
}

/** An age: years after «عمر/سن» (within four words), before «من العمر», or in parentheses after a name. */
function isAge(x: KindInput): boolean {
  const { words } = x;
  for (let k = x.numberFirst - 1; k >= Math.max(x.first, x.numberFirst - 4); k--) {
    const w = words[k];
    if (isWord(w) && forms(w).some((f) => AGE_WORDS.test(f))) return true;
  }
  const a = words[x.after];
  const b = words[x.after + 1];
  if (isWord(a) && isWord(b) && a.norm === 'من' && b.norm === 'العمر') return true;
  return isPunct(words[x.numberFirst - 1], '(') && isPunct(words[x.after], ')');
}

/** A clock time: a small whole number after «الساعة» or before «مساء/صباحا». */
function isClockTime(x: KindInput): boolean {
  const num = x.words[x.numberFirst] as Word;
  if (!/^\d{1,2}$/u.test(num.norm) || Number(num.norm) > 24) return false;
  const prev = x.words[x.numberFirst - 1];
  return (x.numberFirst - 1 >= x.first && isWord(prev) && inClass(prev, HOUR_WORDS)) || (x.head !== null && inClass(x.head, DAY_PARTS));
}

/**
 * «الدقيقة 90», «رقم 5», «القرار 2254»: digits right after a sequence or document noun label it. A
 * preposition on the number itself («القانون بـ29 مقعدا», «ائتلاف دولة القانون ب29 مقعدا») says the
 * noun before is a name ending the clause and the number counts what follows.
 */
function labelKind(x: KindInput): 'ordinal' | 'model' | null {
  if (!x.digitsOnly) return null;
  const num = x.words[x.numberFirst] as Word;
  const prev = x.words[x.numberFirst - 1];
  if (x.numberFirst - 1 < x.first || !isWord(prev) || hasPrepClitic(prev)) return null;
  if (hasPrepClitic(num)) return null;
  const noun = prev.stem.startsWith('ال') ? prev.stem.slice(2) : prev.stem;
  if (SEQUENCE_NOUNS.has(noun) || SEQUENCE_NOUNS.has(prev.bare.replace(/^ال/u, ''))) return 'ordinal';
  if (NAMED_DOCUMENTS.has(noun) || NAMED_DOCUMENTS.has(prev.bare.replace(/^ال/u, ''))) return 'model';
  return null;
}

/** «بالسجن», «بسجن المتهم», «الحبس», «الأشغال الشاقة», «الإقامة الجبرية»: a penalty whose length follows. */
const PENALTY = /^(و|ف)?(ب|ل)?(ال)?(سجن|حبس|اشغال|اقام[هة]|نفي|ابعاد)(ه|ها|هم|هما)?$/u;

/**
 * A prison term («قضت المحكمة بسجن المتهم 7 سنوات»): a time span, but the figure of a verdict that
 * outlets report and disagree on (issue 25 lists it among real discrepancies), so a claim of kind
 * 'term', not a duration. The penalty word is at most ten words before the number, in its clause
 * (six until 2026-12-07: «بسجن الرئيس السابق لمجلس الجماعة عبد الرحيم الودغيري ثماني سنوات» names
 * the convict between the penalty and its length).
 */
const PENALTY_REACH = 10;
function isPenaltyTerm(x: KindInput): boolean {
  for (let j = x.numberFirst - 1; j >= Math.max(x.first, x.numberFirst - PENALTY_REACH); j--) {
    const w = x.words[j];
    if (!isWord(w)) return false; // a comma or a stop ends the clause
    if (PENALTY.test(w.norm)) return true;
  }
  return false;
}

/** The kind of a quantity the number reader found. */
export function quantityKind(x: KindInput): QuantityKind {
  if (x.vague) return 'vague';
  if (x.digitsOnly && isClockTime(x)) return 'time';
  const label = labelKind(x);
  if (label) return label;
  if (x.percent) return 'percent';
  if (isModel(x)) return 'model';
  if (isPhone(x)) return 'phone';
  if (x.head !== null && inClass(x.head, TIME_UNITS)) return inClass(x.head, YEAR_UNITS) && isAge(x) ? 'age' : isPenaltyTerm(x) ? 'term' : 'duration';
  if (x.head !== null && inClass(x.head, CURRENCIES)) return 'money';
  return 'count';
}

/**
 * The kind of a bare figure the reader does not count (no noun, no frame), when it is recognisably
 * one: a model or phone number, a score («3-1»), a clock hour («الساعة 5»). Null otherwise.
 */
export function bareFigureKind(x: KindInput): NonClaimQuantityKind | null {
  const { words, numberFirst: i } = x;
  const dash = words[x.numberEnd];
  const other = words[x.numberEnd + 1];
  const num = words[i] as Word;
  // «3-1», «٥/٧», «2:2»: two small whole numbers joined with nothing between.
  if (isPunct(dash, '-/:') && glued(num, dash) && glued(dash, other) && other?.token.kind === 'number' && /^\d{1,2}$/u.test(num.norm) && /^\d{1,2}$/u.test(other.norm)) {
    return dash?.token.text === ':' && Number(num.norm) <= 24 && /^\d\d$/u.test(other.norm) ? 'time' : 'score';
  }
  if (isModel(x)) return 'model';
  if (isPhone(x)) return 'phone';
  return isClockTime(x) ? 'time' : labelKind(x);
}
