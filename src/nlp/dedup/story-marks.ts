import type { EventSketch } from './event.js';
import { datelineCredit } from './event.js';

/**
 * The story-level gates (issue 25, round 7): what a story's members said up front, kept by the story.
 *
 * The pair rules (event-match.ts) keep two reports apart whose leads open with actors of two
 * countries, or that one agency filed from two towns; but
 * they compare two reports only. A report whose lead names none of these joins Kuwait's
 * school-holiday report, and Iraq's report then joins it; a follow-up with no dateline joins the
 * Kosti boat's story and then the agency's Ed-Dueim report joins that follow-up. A chain is stopped
 * only where it closes, at the story: each story keeps the **marks** its members' leads carry, and
 * two stories (an article alone is a story of one) are not merged when, for some kind of mark, both
 * hold marks of that kind and none in common. The same rule runs in the Lua link step
 * (src/store/lua/dedup-link.lua: decided in the step that merges, so it stays atomic) and in the
 * in-process store; this module is its reference.
 *
 * A mark is a pair (group, value); marks are compared only within one group:
 * - the opening actor's country: group 1, the `actorKey` hash;
 * - a wire dateline: one group per agency credit (`0x10000 | credit`), the dateline key (one agency
 *   files each incident from where it happened; two agencies' bureaus say nothing of each other);
 *
 * Not the lead's town (event-town.ts) as a third group (one per level): measured, it split one event
 * on sets B and C (a follow-up naming another town of the story, which no pair rule compared with
 * the first report's town).
 *
 * A set is `null` when unknown: a story of several members indexed before the marks were kept (none
 * stored), or one that gathered more than `STORY_MARKS_CAP` marks. An unknown set never refuses a
 * merge, and a merge with an unknown story is unknown: nothing is refused that the pair rules allowed
 * before, for a story whose members' marks are not all known.
 */

/**
 * At most this many marks a story keeps (8 bytes each in the story's hash: 128 bytes). Within a
 * group a gated story holds one value (a union needs a value in common or an empty side), so marks
 * pile up only across groups: the agencies that filed the story. Past the cap the set is marked
 * unknown rather than cut: a cut set would refuse a report whose mark the story holds.
 */
export const STORY_MARKS_CAP = 16;

export const ACTOR_GROUP = 1;
const DATELINE_GROUP = 0x10000;

/** A story's marks as flat [group, value, group, value...] (unsigned 32-bit); `null` unknown. */
export type StoryMarks = readonly number[] | null;

/** An article alone: the marks its lead carries. */
export function articleMarks(event: EventSketch): number[] {
  const marks: number[] = [];
  if (event.actor !== undefined && event.actor !== 0) marks.push(ACTOR_GROUP, event.actor >>> 0);
  if (event.dateline !== undefined) marks.push((DATELINE_GROUP | datelineCredit(event.dateline)) >>> 0, event.dateline >>> 0);
  return marks;
}

function groups(marks: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i + 1 < marks.length; i += 2) {
    const values = out.get(marks[i]!) ?? [];
    values.push(marks[i + 1]!);
    out.set(marks[i]!, values);
  }
  return out;
}

/** Whether two stories may become one: refused when, in some group, both hold values and none in common. */
export function marksAllowOneStory(a: StoryMarks, b: StoryMarks): boolean {
  if (a === null || b === null) return true;
  const theirs = groups(b);
  for (const [group, values] of groups(a)) {
    const other = theirs.get(group);
    if (other && !values.some((value) => other.includes(value))) return false;
  }
  return true;
}

/** The merged story's marks: the union, unknown when either is unknown or the union passes the cap. */
export function unionMarks(a: StoryMarks, b: StoryMarks): StoryMarks {
  if (a === null || b === null) return null;
  const union = [...a];
  for (let i = 0; i + 1 < b.length; i += 2) {
    let held = false;
    for (let j = 0; j + 1 < union.length; j += 2) if (union[j] === b[i] && union[j + 1] === b[i + 1]) held = true;
    if (!held) union.push(b[i]!, b[i + 1]!);
  }
  return union.length / 2 > STORY_MARKS_CAP ? null : union;
}

/** Marks packed for the link step (8 bytes a mark, little-endian group then value). */
export function packMarks(marks: readonly number[]): Buffer {
  const out = Buffer.alloc(marks.length * 4);
  marks.forEach((value, i) => out.writeUInt32LE(value >>> 0, i * 4));
  return out;
}
