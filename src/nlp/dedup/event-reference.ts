import type { DedupToken } from './shingles.js';
import { weekdayOf } from './event-day.js';

/**
 * Where a report names an earlier event it came after: «بعد يومين فقط من زيارة الصفدي لدمشق»,
 * «بعد ثلاثة أيام من هجوم الفندق», «بعد يوم من كارثة السيول في المكلا».
 * A desk that reports the second strike, flood or fire in a region within days says so up front,
 * and the words of that clause are the first event's (its place, its people, its kind): with them in
 * the title and lead the second event's reports look like the first's, share a headline feature and
 * join (about a fifth of the 46 links between two events on the spent story sets). The clause's words
 * are the other event's, so the sketch weighs them as body words (event.ts): still there, never
 * headline evidence. A follow-up of one event («عودة التيار إلى كوستي بعد يومين من الهجوم على
 * محطتها») still names its event outside the clause. «غداة» (the day after) is not read so: on the
 * spent sets it introduces the same event's follow-up far more often («غداة الحكم», «غداة قرار
 * المصرف»; set D 0.713 without it, 0.703 with it). Pure: tokens in, offset spans out.
 */

/** Durations a «بعد … من» reference counts in: day(s), week(s), hour(s), night. */
const DURATIONS = new Set(['يوم', 'يومين', 'يوما', 'ايام', 'اسبوع', 'اسبوعين', 'اسابيع', 'ساعه', 'ساعات', 'ساعتين', 'ليله', 'ليلتين']);
/** Words that may sit between «بعد» and the duration, or between it and «من»: a count, «فقط», «أقل». */
const FILLERS = new Set(['فقط', 'اقل', 'قليله', 'واحد', 'واحده', 'نحو', 'حوالي']);
/** What ends the clause: the next comma or sentence end. */
const CLAUSE_ENDS = new Set(['،', ',', '؛', ';', ':', '.', '؟', '!', '-', '«', '"']);
/** At most this many words of the clause after the trigger are the earlier event's. */
export const REFERENCE_WORDS = 6;

type RefToken = Pick<DedupToken, 'text' | 'kind' | 'key' | 'start' | 'end'> & { sentence?: number; stem?: string };

const norm = (token: RefToken | undefined) => (token ? token.key.replace(/ة/g, 'ه') : '');

/** Index of the token after a «بعد [N] يومين [فقط] من» trigger starting at `i`, or -1. */
function afterTrigger(tokens: readonly RefToken[], i: number): number {
  const k = norm(tokens[i]);
  if (k !== 'بعد' && k !== 'وبعد') return -1;
  let j = i + 1;
  let duration = false;
  // A handful of words: a count («ثلاثة», «3»), the duration, «فقط», then «من».
  for (; j < Math.min(tokens.length, i + 6); j++) {
    const t = tokens[j]!;
    const w = norm(t);
    if (w === 'من' && duration) return j + 1;
    if (DURATIONS.has(w)) duration = true;
    else if (t.kind === 'number' || FILLERS.has(w) || /^(?:ثلاث|اربع|خمس|ست|سبع|ثماني|تسع|عشر)/.test(w)) continue;
    else return -1;
  }
  return -1;
}

/** «كان» as a sentence opens with it (with «و» or «ف»), and how far «قد» may follow it («وكانت هزة أخف قد وقعت»). */
const WAS = new Set(['كان', 'كانت', 'وكان', 'وكانت', 'فكان', 'فكانت']);
const QAD_WITHIN = 4;

/**
 * The sentence at `i` when it is a pluperfect recap, «وكان(ت) … قد + past verb» («وكانت هزة أخف قد
 * وقعت قبالة صور السبت», «وكان الجيش قد أعلن الأحد…»): Arabic news tells what happened before the
 * report's news so, and what it tells is an earlier event, or an earlier turn of this one. Story
 * round 11: a second tremor's, strike's or boat's report recaps the first in its second sentence,
 * which is still the lead, and its day and place then made the two one event. Its [start, end) or null.
 */
function recapSentence(tokens: readonly RefToken[], i: number): [number, number] | null {
  const first = tokens[i]!;
  if (first.sentence === undefined || !WAS.has(norm(first))) return null;
  if (i > 0 && tokens[i - 1]!.sentence === first.sentence) return null;
  let qad = false;
  for (let j = i + 1; j < Math.min(tokens.length, i + 1 + QAD_WITHIN) && tokens[j]!.sentence === first.sentence; j++) if (norm(tokens[j]) === 'قد') qad = true;
  if (!qad) return null;
  let end = first.end;
  for (let j = i + 1; j < tokens.length && tokens[j]!.sentence === first.sentence; j++) end = tokens[j]!.end;
  return [first.start, end];
}

/**
 * A «بعد» clause that dates what it names («بعد غرق قارب قبالة صفاقس الجمعة», «بعد هزة صور السبت»):
 * the clause ends at its weekday, within `REFERENCE_WORDS` words and before any clause end. What a
 * report came after, on a day it names, is an earlier event (story round 11). Index of the weekday, or -1.
 */
/** After «بعد» these open a verb's clause, not a named event. */
const CONJUNCTIONS = new Set(['ان', 'أن', 'ما', 'اذ']);

function datedAfter(tokens: readonly RefToken[], i: number): number {
  const k = norm(tokens[i]);
  if (k !== 'بعد' && k !== 'وبعد') return -1;
  // «بعد أن انتشلت الفرق صباح الخميس», «بعدما»: a verb's clause, this report's own news.
  if (CONJUNCTIONS.has(norm(tokens[i + 1]))) return -1;
  let words = 0;
  for (let j = i + 1; j < tokens.length && words < REFERENCE_WORDS; j++) {
    const t = tokens[j]!;
    if (t.kind === 'punct' && CLAUSE_ENDS.has(t.text)) return -1;
    if (t.kind !== 'word' && t.kind !== 'number' && t.kind !== 'latin') continue;
    words++;
    if (t.kind === 'word' && t.stem !== undefined && weekdayOf({ kind: t.kind, key: t.key, stem: t.stem }) !== null) return j;
  }
  return -1;
}

/** The [start, end) offsets of each clause in `tokens` that names an earlier event the report came after. */
export function referenceSpans(tokens: readonly RefToken[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    const recap = recapSentence(tokens, i);
    if (recap) {
      spans.push(recap);
      while (i + 1 < tokens.length && tokens[i + 1]!.start < recap[1]) i++;
      continue;
    }
    const dated = datedAfter(tokens, i);
    if (dated >= 0) {
      spans.push([tokens[i]!.start, tokens[dated]!.end]);
      i = dated;
      continue;
    }
    const from = afterTrigger(tokens, i);
    if (from < 0) continue;
    let words = 0;
    let end = tokens[i]!.end;
    let j = from;
    for (; j < tokens.length && words < REFERENCE_WORDS; j++) {
      const t = tokens[j]!;
      if (t.kind === 'punct' && CLAUSE_ENDS.has(t.text)) break;
      if (t.kind === 'word' || t.kind === 'number' || t.kind === 'latin') words++;
      end = t.end;
    }
    spans.push([tokens[i]!.start, end]);
    i = j - 1;
  }
  return spans;
}

/** Whether `[start, end)` lies inside one of `spans`. */
export function inSpans(spans: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  return spans.some(([s, e]) => start >= s && end <= e);
}
