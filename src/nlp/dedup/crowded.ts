// Which of an article's stated numbers are crowded: one counted thing given with several values
// (claims.ts marks them when it builds the digests; conflict-rules.ts reads the mark). Pure.
import type { ClaimDigest, DigestQuantity } from './claims.js';
import type { FactToken } from './quantity-words.js';

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
  const wholes = new Map<string, Set<number>>();
  for (const digest of digests) {
    for (const q of digest.quantities) {
      values.set(q.countedKey, (values.get(q.countedKey) ?? new Set()).add(q.value));
      if (q.subgroup !== true) wholes.set(q.countedKey, (wholes.get(q.countedKey) ?? new Set()).add(q.value));
    }
  }
  // A whole count of things or people is crowded by other whole counts only: the parts of its own
  // breakdown («عبور 87 شاحنة … بينها 12 شاحنة وقود، و400 شاحنة أخرى تنتظر») say which figure is the
  // whole, they do not make it one of many (conflict round 8; J, spent). Not sums and rates (generic
  // units): a budget's total, its «منها» part and its wage bill are a report's many figures (D's
  // revenue against spending was kept apart only by this). A part is crowded by every value, as before.
  const crowded = (q: DigestQuantity): boolean => ((q.subgroup === true || q.generic === true ? values : wholes).get(q.countedKey)?.size ?? 0) >= CROWDED_VALUES;
  return digests.map((digest) => ({ ...digest, quantities: digest.quantities.map((q) => (crowded(q) ? { ...q, crowded: true } : q)) }));
}

/** Sentences at the head of an article a headline figure must stand in (as for a sole figure). */
export const HEADLINE_SENTENCES = 3;

/**
 * Marks, among an article's crowded values of one counted thing, the first one when it stands in the
 * article's first `HEADLINE_SENTENCES` sentences: the figure the report leads with («نما الاقتصاد
 * بنسبة 3.9 في المئة خلال الفصل الثاني», then the sectors' rates). Two outlets' leading rates of one
 * report are its one headline figure, so conflict-rules.ts compares two headline figures (or a
 * headline figure and an uncrowded one) without asking their claims to share `CROWDED_SIMILARITY`
 * of their words; the frame rule (a shared word before the number) still applies to percentages
 * and sums. Conflict pairs C–G (spent): the misses answered `crowded` were all such leads.
 */
export function markHeadline(digests: ClaimDigest[], tokens: readonly FactToken[]): ClaimDigest[] {
  const first = new Map<string, DigestQuantity>();
  for (const digest of digests) {
    for (const q of digest.quantities) {
      if (!q.crowded || q.start === undefined) continue;
      const seen = first.get(q.countedKey);
      if (seen === undefined || (seen.start ?? Infinity) > q.start) first.set(q.countedKey, q);
    }
  }
  const inLead = (q: DigestQuantity): boolean => {
    const sentence = tokens.find((t) => t.end > q.start!)?.sentence;
    return sentence !== undefined && sentence < HEADLINE_SENTENCES;
  };
  const headlines = new Set([...first.values()].filter(inLead));
  return digests.map((digest) => ({ ...digest, quantities: digest.quantities.map((q) => (headlines.has(q) ? { ...q, headline: true } : q)) }));
}
