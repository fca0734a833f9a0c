import { wordKey as k } from './word-key.js';
import type { DedupToken } from './shingles.js';

/**
 * Which periodic indicator a statistics report leads with: inflation, unemployment, output (GDP,
 * growth) or trade (exports, imports, the trade balance). A country's statistics office publishes
 * them days apart, and their reports share the office, the country, the period, the currency and
 * every word of a figures report («ارتفع», «بالمئة», «الربع الثاني»); each report names its
 * indicator up front. Two leads that open with different indicators report two releases (Jordan's
 * unemployment on the 1st, its inflation on the 3rd), however alike their words (event-match.ts).
 * The first indicator named counts (a report on inflation may mention wages or jobs later). Pure.
 */

type IndicatorToken = Pick<DedupToken, 'key' | 'stem'>;


/** Indicator ids (1…): stems that name them. Exports and imports are one: a trade release states both. */
const INDICATOR_STEMS = new Map<string, number>(
  (
    [
      ['تضخم', 1], ['بطالة', 2], ['ناتج', 3], ['صادرات', 4], ['واردات', 4], ['ميزان', 4],
    ] as const
  ).map(([stem, id]) => [k(stem), id]),
);

/** The first indicator `tokens` name (a title's, then a lead's first sentence), or 0. */
export function leadIndicator(tokens: readonly IndicatorToken[]): number {
  for (const token of tokens) {
    const id = INDICATOR_STEMS.get(k(token.stem || token.key));
    if (id !== undefined) return id;
  }
  return 0;
}

/** Whether two leads' indicators leave room for one release: unknown on either side, or the same. */
export function indicatorsAgree(a: number, b: number): boolean {
  return a === 0 || b === 0 || a === b;
}
