/**
 * The story-level gate on the opening actor's country (issue 25, round 7).
 *
 * The pair rule (`actorsAllowOneEvent`, event-match.ts) keeps two reports whose leads open with
 * actors of two countries apart, but it compares two reports only: a report whose lead names no
 * actor (or a country the grammar does not give) joins Kuwait's school-holiday report, and Iraq's
 * report then joins it, so one story holds both countries' decisions. A chain is stopped only where
 * it closes, at the story: each story keeps the set of actor countries its members open with, and
 * two stories (an article alone is a story of one) whose sets are both non-empty and disjoint are
 * not merged. The same rule runs in the Lua link step (src/store/lua/dedup-link.lua: decided in the
 * step that merges, so it stays atomic) and in the in-process store; this module is its reference.
 *
 * A set is `null` when it is unknown: a story of several members indexed before the sets were kept
 * (no set stored), or one that gathered more than `STORY_ACTORS_CAP` countries. An unknown set never
 * refuses a merge, and a merge with an unknown story is unknown: nothing is refused that the pair
 * rules would have allowed before, for stories whose members' actors are not all known.
 */

/**
 * At most this many countries a story keeps (4 bytes each in the story's hash). A story that opens
 * with more than 8 countries' actors is a regional or many-country one (a summit, a Gulf-wide day)
 * that the gate has nothing to say about; it is marked unknown rather than cut, since a cut set would
 * refuse a report of a country it already holds.
 */
export const STORY_ACTORS_CAP = 8;

/** A story's actor countries (as `actorKey` hashes them): `null` unknown, empty when none of its members opens with one. */
export type StoryActors = readonly number[] | null;

/** An article alone: its own opening actor's country, if any (0 or undefined: none). */
export function articleActors(actor: number | undefined): number[] {
  return actor === undefined || actor === 0 ? [] : [actor >>> 0];
}

/** Whether two stories may become one: refused only when both sets are known, non-empty and disjoint. */
export function actorsAllowOneStory(a: StoryActors, b: StoryActors): boolean {
  if (a === null || b === null || a.length === 0 || b.length === 0) return true;
  return a.some((actor) => b.includes(actor));
}

/** The merged story's set: the union, unknown when either is unknown or the union passes the cap. */
export function unionActors(a: StoryActors, b: StoryActors): StoryActors {
  if (a === null || b === null) return null;
  const union = [...a];
  for (const actor of b) if (!union.includes(actor)) union.push(actor);
  return union.length > STORY_ACTORS_CAP ? null : union;
}
