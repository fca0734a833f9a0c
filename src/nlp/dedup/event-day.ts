import type { DedupToken } from './shingles.js';

/**
 * The days a report's lead says its news happened on: «اليوم الاثنين», «مساء الخميس», «أمس», «ليل
 * الثلاثاء», resolved against the report's publication date to days since 1970-01-01. Reports of one
 * event name its day (a follow-up the next day says «الذي ضرب ليل الثلاثاء»); two strikes on one town
 * three days apart, two verdicts of one court on consecutive days, name different days. Pure: the
 * lead's tokens and the publication time in, day numbers out.
 */

/** Arab newsrooms write the local day; UTC+3 (the Gulf, Iraq, the Levant in summer) is the usual clock. */
const LOCAL_OFFSET_SECONDS = 3 * 3600;
const DAY_SECONDS = 86_400;
/** Stems of the weekday names (normalised, ة as ه), Sunday = 0 as in `Date.getUTCDay`. */
const WEEKDAYS = new Map([
  ['احد', 0],
  ['اثنين', 1],
  ['ثلاثاء', 2],
  ['اربعاء', 3],
  ['خميس', 4],
  ['جمعه', 5],
  ['سبت', 6],
]);
/** A weekday followed by these is still to come («الخميس المقبل»): a plan, not the day of the news. */
const FUTURE = new Set(['المقبل', 'القادم', 'المقبله', 'القادمه']);
/**
 * «الأحد» followed by these is the number eleven, not Sunday: «الأشهر الأحد عشر الأولى», «الأحد
 * عشر لاعبا» (a statistics release counts its months so, and read as a Sunday it put the release four
 * days before its follow-ups' «الخميس»).
 */
const TEENS = new Set(['عشر', 'عشره']);
/** At most this many days are kept (the earliest first): the event's day and the report's. */
export const MAX_EVENT_DAYS = 2;

type DayToken = Pick<DedupToken, 'kind' | 'key' | 'stem'>;

const key = (token: DayToken | undefined) => (token ? token.key.replace(/ة/g, 'ه') : '');

/** The weekday a token names, or null: «الخميس», «والخميس», «الأحد» (not «أحد», one). */
export function weekdayOf(token: DayToken): number | null {
  if (token.kind !== 'word') return null;
  const day = WEEKDAYS.get(token.stem.replace(/ة/g, 'ه'));
  if (day === undefined) return null;
  // The article is part of the name: «أحد» is "one", «اثنين» is "two".
  return /^(?:و|ف)?(?:ب|ل)?ال/.test(key(token)) ? day : null;
}

/** Days since 1970-01-01 that the lead tokens name, resolved against `publishedAt` (seconds), earliest first. */
export function eventDays(lead: readonly DayToken[], publishedAt: number | null): number[] {
  if (publishedAt === null) return [];
  const local = publishedAt + LOCAL_OFFSET_SECONDS;
  const today = Math.floor(local / DAY_SECONDS);
  const todayWeekday = new Date(local * 1000).getUTCDay();
  const days = new Set<number>();
  for (let i = 0; i < lead.length; i++) {
    const token = lead[i]!;
    const weekday = weekdayOf(token);
    if (weekday !== null) {
      if (FUTURE.has(key(lead[i + 1]))) continue;
      if (weekday === 0 && TEENS.has(key(lead[i + 1]))) continue;
      days.add(today - ((todayWeekday - weekday + 7) % 7));
      continue;
    }
    const k = key(token);
    if (token.kind !== 'word') continue;
    // «أمس», «وأمس»; «أول أمس» / «أمس الأول» is the day before.
    if (/^(?:و|ف)?امس$/.test(k)) {
      const before = key(lead[i - 1]) === 'اول' || key(lead[i + 1]) === 'الاول';
      days.add(today - (before ? 2 : 1));
    } else if (/^(?:و|ف)?اليوم$/.test(k) && (!lead[i + 1] || weekdayOf(lead[i + 1]!) === null)) {
      days.add(today);
    }
  }
  return [...days].sort((x, y) => x - y).slice(0, MAX_EVENT_DAYS);
}

/** Whether two reports' stated days leave room for one event: no day stated by either, or a day of one within `tolerance` days of a day of the other. */
export function daysAgree(a: readonly number[], b: readonly number[], tolerance = 1): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => Math.abs(x - y) <= tolerance));
}
