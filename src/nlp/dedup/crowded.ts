// Which of an article's stated numbers are crowded: one counted thing given with several values
// (claims.ts marks them when it builds the digests; conflict-rules.ts reads the mark). Pure.
import type { ClaimDigest } from './claims.js';

/** An article that states one counted thing with this many different values or more is crowded with it. */
export const CROWDED_VALUES = 3;

/**
 * Marks the quantities whose counted thing the article states with `CROWDED_VALUES` values or more:
 * a market report's ten percentages, a bank's five amounts in riyals, the day's deals on two
 * exchanges. Which of them another outlet's number is about must then be said by the sentence
 * itself (conflict-rules.ts); on SaudiNewsNet 2015-07-23 most reported conflicts were such pairs.
 */
export function markCrowded(digests: ClaimDigest[]): ClaimDigest[] {
  const values = new Map<string, Set<number>>();
  for (const digest of digests) for (const q of digest.quantities) values.set(q.countedKey, (values.get(q.countedKey) ?? new Set()).add(q.value));
  return digests.map((digest) => ({ ...digest, quantities: digest.quantities.map((q) => ((values.get(q.countedKey)?.size ?? 0) >= CROWDED_VALUES ? { ...q, crowded: true } : q)) }));
}
