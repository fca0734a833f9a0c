import type { DedupOptions } from '../params.js';
import type { PairLink } from '../links.js';
import { eventSimilarity, shareHeadlineFeature } from '../event.js';
import type { ArticleMeta, MetaOf } from '../index-store.js';

/**
 * Same event by content (event.ts): the two articles' event sketches (salient entities and words,
 * title and lead weighing most) match at ≥ `eventThreshold` with a headline feature in common
 * (`shareHeadlineFeature`), and both are dated within the window.
 * Only between articles that are neither near duplicates nor share a passage (`linked`).
 */
export function similarContent(me: ArticleMeta, candidates: ReadonlySet<number>, linked: ReadonlySet<number>, meta: MetaOf, options: Pick<DedupOptions, 'topicWindowHours' | 'eventThreshold'>): PairLink[] {
  const windowSeconds = options.topicWindowHours * 3600;
  const links: PairLink[] = [];
  for (const other of candidates) {
    if (linked.has(other)) continue;
    const them = meta(other);
    if (me.publishedAt === null || them.publishedAt === null || Math.abs(me.publishedAt - them.publishedAt) > windowSeconds) continue;
    const similarity = eventSimilarity(me.event, them.event);
    if (similarity >= options.eventThreshold && shareHeadlineFeature(me.event, them.event)) links.push({ kind: 'similar-content', a: me.num, b: other, similarity, passages: [] });
  }
  return links;
}
