import type { DedupOptions } from '../params.js';
import type { PairLink } from '../links.js';
import { eventSimilarity, type FeatureRarity } from '../event.js';
import { sameEvent } from '../event-match.js';
import type { ArticleMeta, MetaOf } from '../index-store.js';

/**
 * Same event by content (event.ts, event-match.ts): the two articles' event sketches (salient
 * entities and words, title and lead weighing most) match at ≥ `eventThreshold`, more the further
 * apart they were published, with a headline feature in common (`sameEvent`), and both are dated
 * within the window.
 * Only between articles that are neither near duplicates nor share a passage (`linked`).
 */
export function similarContent(
  me: ArticleMeta,
  candidates: ReadonlySet<number>,
  linked: ReadonlySet<number>,
  meta: MetaOf,
  options: Pick<DedupOptions, 'topicWindowHours' | 'eventThreshold' | 'eventTimeScaleHours' | 'eventDayTolerance'>,
  rarity?: FeatureRarity,
): PairLink[] {
  const windowSeconds = options.topicWindowHours * 3600;
  const links: PairLink[] = [];
  for (const other of candidates) {
    if (linked.has(other)) continue;
    const them = meta(other);
    if (me.publishedAt === null || them.publishedAt === null || Math.abs(me.publishedAt - them.publishedAt) > windowSeconds) continue;
    if (!sameEvent(me.event, them.event, me.publishedAt - them.publishedAt, { threshold: options.eventThreshold, timeScaleHours: options.eventTimeScaleHours, dayTolerance: options.eventDayTolerance }, rarity)) continue;
    const similarity = eventSimilarity(me.event, them.event, rarity);
    links.push({ kind: 'similar-content', a: me.num, b: other, similarity, passages: [] });
  }
  return links;
}
