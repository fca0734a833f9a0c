// Dates, years, months, weekdays, clock times and relative time expressions, normalised to ISO 8601
// when the text and the article's publication date allow it. Gregorian month names (يناير…) and the
// Levantine/Iraqi ones (كانون الثاني…), often paired «تموز/يوليو» or «يونيو (حزيران)».
import type { DateMention } from '../../schema/claims.js';
import { normalise } from '../text/normalise.js';
import { isPunct, isWord, sentenceWordRanges, type Doc, type Word } from './words.js';

const n = normalise;

const MONTHS_ONE = new Map<string, number>(
  ([
    ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['أبريل', 4], ['إبريل', 4], ['ابريل', 4], ['مايو', 5], ['يونيو', 6], ['يونيه', 6],
    ['يوليو', 7], ['يوليه', 7], ['أغسطس', 8], ['آب', 8], ['سبتمبر', 9], ['أكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
    ['شباط', 2], ['آذار', 3], ['نيسان', 4], ['أيار', 5], ['حزيران', 6], ['تموز', 7], ['أيلول', 9],
  ] as Array<[string, number]>).map(([w, m]) => [n(w), m]),
);
/** Hijri months: recognised as dates (their numbers are not counts); no ISO conversion. */
const HIJRI_ONE = new Set(['محرم', 'صفر', 'رجب', 'شعبان', 'رمضان', 'شوال'].map(n));
const HIJRI_TWO = new Set(['ربيع الأول', 'ربيع الثاني', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'جمادى الثانية', 'ذو القعدة', 'ذو الحجة', 'ذي القعدة', 'ذي الحجة'].map(n));

/** Two-word months: «كانون الثاني», «تشرين الأول». */
const MONTHS_TWO = new Map<string, number>(
  ([
    ['كانون الثاني', 1], ['كانون الأول', 12], ['تشرين الأول', 10], ['تشرين الثاني', 11],
  ] as Array<[string, number]>).map(([w, m]) => [n(w), m]),
);
const ORDINAL_DAYS = new Map<string, number>(
  ([
    ['الأول', 1], ['الثاني', 2], ['الثالث', 3], ['الرابع', 4], ['الخامس', 5], ['السادس', 6], ['السابع', 7], ['الثامن', 8],
    ['التاسع', 9], ['العاشر', 10], ['الحادي عشر', 11], ['الثاني عشر', 12], ['الثالث عشر', 13], ['الرابع عشر', 14],
    ['الخامس عشر', 15], ['السادس عشر', 16], ['السابع عشر', 17], ['الثامن عشر', 18], ['التاسع عشر', 19], ['العشرين', 20],
    ['الحادي والعشرين', 21], ['الثاني والعشرين', 22], ['الثالث والعشرين', 23], ['الرابع والعشرين', 24],
    ['الخامس والعشرين', 25], ['السادس والعشرين', 26], ['السابع والعشرين', 27], ['الثامن والعشرين', 28],
    ['التاسع والعشرين', 29], ['الثلاثين', 30], ['الحادي والثلاثين', 31],
  ] as Array<[string, number]>).map(([w, d]) => [n(w), d]),
);
const WEEKDAYS = new Map<string, number>(
  ([['الأحد', 0], ['الاثنين', 1], ['الإثنين', 1], ['الثلاثاء', 2], ['الأربعاء', 3], ['الخميس', 4], ['الجمعة', 5], ['السبت', 6]] as Array<[string, number]>).map(
    ([w, d]) => [n(w), d],
  ),
);
const YEAR_NOUNS = new Set(['عام', 'العام', 'سنة', 'السنة', 'للعام', 'لعام', 'بعام', 'خريف', 'ربيع', 'صيف', 'شتاء', 'أواخر', 'أوائل', 'مطلع', 'منتصف', 'نهاية', 'بداية', 'أواسط', 'مطلع'].map(n));
const PAST = new Set(['الماضي', 'الماضية', 'المنصرم', 'المنصرمة', 'الفائت', 'الفائتة'].map(n));
const CURRENT = new Set(['الجاري', 'الجارية', 'الحالي', 'الحالية'].map(n));
const NEXT = new Set(['المقبل', 'المقبلة', 'القادم', 'القادمة'].map(n));
const UNIT_NOUNS = new Map<string, 'week' | 'month' | 'year'>(
  ([['الأسبوع', 'week'], ['الشهر', 'month'], ['العام', 'year'], ['السنة', 'year']] as Array<[string, 'week' | 'month' | 'year']>).map(([w, u]) => [n(w), u]),
);

const pad = (x: number): string => String(x).padStart(2, '0');
const isoDate = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

function stripClitics(norm: string): string[] {
  const out = [norm];
  const m = /^(و|ف|ب|ل|وب|ول|فب|فل)(.{2,})$/u.exec(norm);
  if (m) out.push(m[2] as string);
  if (norm.startsWith('لل')) out.push(`ال${norm.slice(2)}`);
  if (norm.startsWith('ولل')) out.push(`ال${norm.slice(3)}`);
  return out;
}

function mapLookup<T>(map: Map<string, T>, w: Word | undefined): T | undefined {
  if (!isWord(w)) return undefined;
  for (const f of stripClitics(w.norm)) {
    const v = map.get(f);
    if (v !== undefined) return v;
  }
  return undefined;
}

function setHas(set: Set<string>, w: Word | undefined): boolean {
  return isWord(w) && stripClitics(w.norm).some((f) => set.has(f));
}

function digitsOf(w: Word | undefined): number | null {
  if (!w) return null;
  const m = /^(?:[وفبل]?)(?:ال)?(\d{1,4})$/u.exec(w.norm);
  return m ? Number(m[1]) : null;
}

interface Pub {
  y: number;
  m: number;
  d: number;
  dow: number;
  time: number;
}

function parsePub(publishedAt: string | null): Pub | null {
  if (!publishedAt) return null;
  const t = Date.parse(publishedAt);
  if (Number.isNaN(t)) return null;
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), dow: dt.getUTCDay(), time: t };
}

function shiftDays(pub: Pub, days: number): string {
  const dt = new Date(Date.UTC(pub.y, pub.m - 1, pub.d + days));
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Month (and optional following «/month» or «(month)» gloss): returns month and the index after it. */
function monthAt(words: Word[], k: number, end: number): { month: number; next: number } | null {
  const w = words[k];
  if (!isWord(w) || k >= end) return null;
  const w2 = words[k + 1];
  let month: number | undefined;
  let next = k + 1;
  if (isWord(w2) && k + 1 < end) {
    const two = MONTHS_TWO.get(`${stripClitics(w.norm).at(-1)} ${w2.norm}`) ?? MONTHS_TWO.get(`${w.norm} ${w2.norm}`);
    if (two !== undefined) {
      month = two;
      next = k + 2;
    }
  }
  if (month === undefined) month = mapLookup(MONTHS_ONE, w);
  if (month === undefined) return null;
  // «تموز/يوليو», «يونيو (حزيران)»: swallow the gloss.
  const a = words[next];
  if (isPunct(a, '/') && monthAt(words, next + 1, end)) next = (monthAt(words, next + 1, end) as { next: number }).next;
  else if (isPunct(a, '(') && monthAt(words, next + 1, end) && isPunct(words[(monthAt(words, next + 1, end) as { next: number }).next], ')')) {
    next = (monthAt(words, next + 1, end) as { next: number }).next + 1;
  }
  return { month, next };
}

function yearFor(pub: Pub | null, month: number, day: number | null, past: boolean): number | null {
  if (!pub) return null;
  if (past) return month < pub.m || (month === pub.m && day !== null && day <= pub.d) ? pub.y : pub.y - 1;
  // A date without a year in news is within a few months of publication: the nearest year.
  const target = Date.UTC(pub.y, month - 1, day ?? 15);
  const diff = (target - pub.time) / 86_400_000;
  if (diff > 183) return pub.y - 1;
  if (diff < -183) return pub.y + 1;
  return pub.y;
}

export interface FoundDate extends DateMention {
  /** Word range `[firstWord, endWord)`. */
  firstWord: number;
  endWord: number;
}

/** What every date matcher reads and writes while one article is scanned. */
interface DateScan {
  words: Word[];
  text: string;
  pub: Pub | null;
  out: FoundDate[];
  covered: Uint8Array;
  /** Records the mention of words first..last (inclusive) and covers them. */
  push: (first: number, last: number, kind: DateMention['kind'], iso: string | null) => void;
}

/** A matcher at word i of a sentence [first, end): the last word it took, or -1 when nothing starts there. */
type DateMatcher = (scan: DateScan, i: number, first: number, end: number) => number;

/** Clock time «23:41», joined to a date right before it. */
const clockTime: DateMatcher = ({ words, text, out, covered, push }, i) => {
  const w = words[i] as Word;
  if (!/^\d{1,2}:\d{2}$/u.test(w.norm)) return -1;
  const [h, m] = w.norm.split(':').map(Number) as [number, number];
  const prev = out.at(-1);
  if (prev && prev.endWord === i && prev.iso && prev.kind === 'date' && h < 24 && m < 60) {
    prev.kind = 'datetime';
    prev.iso = `${prev.iso}T${pad(h)}:${pad(m)}`;
    prev.endWord = i + 1;
    prev.end = w.token.end;
    prev.text = text.slice(prev.start, prev.end);
    covered[i] = 1;
  } else push(i, i, 'time', null);
  return i;
};

/** Day (digits, «الـ7», ordinal word) [من] month [year], a Hijri day and month, «الـ7 من الشهر الجاري». */
const dayDate: DateMatcher = ({ words, pub, push }, i, _first, end) => {
  const w = words[i] as Word;
  let day: number | null = digitsOf(w);
  let k = i + 1;
  if (day === null) {
    const two = isWord(words[i + 1]) ? ORDINAL_DAYS.get(`${stripClitics(w.norm).at(-1)} ${(words[i + 1] as Word).norm}`) : undefined;
    if (two !== undefined) {
      day = two;
      k = i + 2;
    } else {
      const one = mapLookup(ORDINAL_DAYS, w);
      if (one !== undefined) day = one;
    }
  }
  if (day !== null && day >= 1 && day <= 30 && isWord(words[k])) {
    // «٩ شوال», «الخامس من رمضان»: a Hijri date (kept, not converted).
    let h = k;
    if ((words[h] as Word).norm === 'من') h++;
    const hw = words[h];
    const two = isWord(hw) && isWord(words[h + 1]) ? `${hw.norm} ${(words[h + 1] as Word).norm}` : '';
    const hijriLen = isWord(hw) && HIJRI_ONE.has(stripClitics(hw.norm).at(-1) as string) ? 1 : HIJRI_TWO.has(two) ? 2 : 0;
    if (hijriLen > 0 && h + hijriLen - 1 < end) {
      let last = h + hijriLen - 1;
      if (/^\d{4}$/u.test((words[last + 1] as Word | undefined)?.norm ?? '')) last++;
      push(i, last, 'date', null);
      return last;
    }
  }
  if (day === null || day < 1 || day > 31) return -1;
  let j = k;
  if (isWord(words[j]) && (words[j] as Word).norm === 'من') j++;
  const mo = monthAt(words, j, end);
  if (mo) {
    let last = mo.next - 1;
    let year = digitsOf(words[mo.next]);
    const past = setHas(PAST, words[mo.next]);
    if (year !== null && year >= 1900 && year <= 2100) last = mo.next;
    else {
      if (past) last = mo.next;
      year = yearFor(pub, mo.month, day, past);
    }
    push(i, last, 'date', year !== null ? isoDate(year, mo.month, day) : null);
    return last;
  }
  // «الـ7 من الشهر الجاري/الماضي».
  const unit = words[j];
  const qual = words[j + 1];
  if (!(j > k && isWord(unit) && UNIT_NOUNS.get(unit.norm) === 'month' && (setHas(CURRENT, qual) || setHas(PAST, qual)))) return -1;
  let iso: string | null = null;
  if (pub) {
    const past = setHas(PAST, qual);
    const m = past ? (pub.m === 1 ? 12 : pub.m - 1) : pub.m;
    const y = past && pub.m === 1 ? pub.y - 1 : pub.y;
    iso = isoDate(y, m, day);
  }
  push(i, j + 1, 'date', iso);
  return j + 1;
};

/** A year after a year noun («عام 2014», «خريف 2019», «أواخر 2011»). */
const yearAfterNoun: DateMatcher = ({ words, push }, i, _first, end) => {
  if (!setHas(YEAR_NOUNS as Set<string>, words[i])) return -1;
  const y = digitsOf(words[i + 1]);
  if (y === null || y < 1900 || y > 2100 || i + 1 >= end) return -1;
  push(i, i + 1, 'year', String(y));
  return i + 1;
};

/** Month [year] / month «الماضي». */
const monthDate: DateMatcher = ({ words, pub, push }, i, _first, end) => {
  const mo = monthAt(words, i, end);
  if (!mo) return -1;
  const y = digitsOf(words[mo.next]);
  if (y !== null && y >= 1900 && y <= 2100) {
    push(i, mo.next, 'month', `${y}-${pad(mo.month)}`);
    return mo.next;
  }
  const past = setHas(PAST, words[mo.next]);
  const year = yearFor(pub, mo.month, null, past);
  const last = past ? mo.next : mo.next - 1;
  push(i, last, 'month', year !== null ? `${year}-${pad(mo.month)}` : null);
  return last;
};

/** Weekday («الأحد», «اليوم الأحد», «الخميس الماضي»). */
const weekday: DateMatcher = ({ words, pub, covered, push }, i, first) => {
  const dow = mapLookup(WEEKDAYS, words[i]);
  if (dow === undefined) return -1;
  let startIdx = i;
  const prev = words[i - 1];
  if (isWord(prev) && i - 1 >= first && stripClitics(prev.norm).includes('اليوم') && !covered[i - 1]) startIdx = i - 1;
  const past = setHas(PAST, words[i + 1]);
  const nextW = setHas(NEXT, words[i + 1]);
  let iso: string | null = null;
  if (pub) {
    let delta = dow - pub.dow;
    if (nextW) delta = delta <= 0 ? delta + 7 : delta;
    else if (past) delta = delta >= 0 ? delta - 7 : delta;
    else delta = delta > 0 ? delta - 7 : delta;
    iso = shiftDays(pub, delta);
  }
  const last = past || nextW ? i + 1 : i;
  push(startIdx, last, 'weekday', iso);
  return last;
};

/** Relative: «أمس», «اليوم», «الأسبوع/الشهر/العام الماضي/الجاري/المقبل». */
const relativeDate: DateMatcher = ({ words, pub, push }, i, _first, end) => {
  const forms = stripClitics((words[i] as Word).norm);
  if (forms.includes('امس') || forms.includes('البارحة')) {
    push(i, i, 'relative', pub ? shiftDays(pub, -1) : null);
    return i;
  }
  const prevWord = words[i - 1];
  const mediaName = isWord(prevWord) && stripClitics(prevWord.norm).includes('روسيا'); // «روسيا اليوم»
  if (forms.includes('اليوم') && !mediaName && mapLookup(WEEKDAYS, words[i + 1]) === undefined) {
    push(i, i, 'relative', pub ? isoDate(pub.y, pub.m, pub.d) : null);
    return i;
  }
  const unit = mapLookup(UNIT_NOUNS, words[i]);
  if (!unit || i + 1 >= end) return -1;
  const q = words[i + 1];
  const past = setHas(PAST, q);
  const nxt = setHas(NEXT, q);
  if (!(past || setHas(CURRENT, q) || nxt)) return -1;
  let iso: string | null = null;
  if (pub) {
    const step = past ? -1 : nxt ? 1 : 0;
    if (unit === 'year') iso = String(pub.y + step);
    else if (unit === 'month') {
      const mm = pub.m + step;
      const y = mm < 1 ? pub.y - 1 : mm > 12 ? pub.y + 1 : pub.y;
      iso = `${y}-${pad(((mm + 11) % 12) + 1)}`;
    }
  }
  push(i, i + 1, 'relative', iso);
  return i + 1;
};

/** The matchers in the order they are tried at each word: the first that takes it wins. */
const DATE_MATCHERS: readonly DateMatcher[] = [clockTime, dayDate, yearAfterNoun, monthDate, weekday, relativeDate];

/** Date mentions; `covered[i]` is set for every word inside one (those numbers are not counts). */
export function findDates(doc: Doc, publishedAt: string | null, covered: Uint8Array): FoundDate[] {
  const { words, text } = doc;
  const out: FoundDate[] = [];
  const push: DateScan['push'] = (first, last, kind, iso) => {
    const a = words[first] as Word;
    const b = words[last] as Word;
    out.push({ text: text.slice(a.token.start, b.token.end), start: a.token.start, end: b.token.end, kind, iso, firstWord: first, endWord: last + 1 });
    for (let k = first; k <= last; k++) covered[k] = 1;
  };
  const scan: DateScan = { words, text, pub: parsePub(publishedAt), out, covered, push };
  for (const { first, end } of sentenceWordRanges(doc)) {
    for (let i = first; i < end; i++) {
      if (covered[i]) continue;
      for (const matcher of DATE_MATCHERS) {
        const last = matcher(scan, i, first, end);
        if (last >= 0) {
          i = last;
          break;
        }
      }
    }
  }
  return out;
}
