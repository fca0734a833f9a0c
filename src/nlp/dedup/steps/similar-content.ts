import type { DedupOptions } from '../params.js';
import type { PairLink } from '../links.js';
import { eventSimilarity, shareHeadlineFeature, type FeatureRarity } from '../event.js';
import { gatesAllowOneEvent, sameEvent } from '../event-match.js';
import { eventPairFeatures, pairProbability, type PairModel } from '../event-pair-model.js';
import type { ArticleMeta, MetaOf } from '../index-store.js';

/** A candidate pair the similar-content step weighed behind the gates: what training reads (scripts/train-story-pairs.ts). */
export interface WeighedPair {
  a: string;
  b: string;
  features: number[];
  /** What the hand rule decided. */
  rule: boolean;
}

/**
 * How similar content is judged: the hand rule, or the learned model behind the same gates
 * (event-pair-model.ts); `observe` is told every pair that passed the gates, with its features and
 * the hand rule's decision.
 */
export interface PairJudge {
  model: PairModel | null;
  observe?: (pair: WeighedPair) => void;
}

/**
 * Same event by content (event.ts, event-match.ts): the two articles' event sketches (salient
 * entities and words, title and lead weighing most) match at ≥ `eventThreshold`, more the further
 * apart they were published, with a headline feature in common (`sameEvent`), and both are dated
 * within the window. With a learned model (`judge`), the pairs every gate lets through are weighed
 * by it instead (story round 12).
 * Only between articles that are neither near duplicates nor share a passage (`linked`).
 */
export function similarContent(
  me: ArticleMeta,
  candidates: ReadonlySet<number>,
  linked: ReadonlySet<number>,
  meta: MetaOf,
  options: Pick<DedupOptions, 'topicWindowHours' | 'eventThreshold' | 'eventTimeScaleHours' | 'eventDayTolerance' | 'eventModelFloor'>,
  rarity?: FeatureRarity,
  judge: PairJudge = { model: null },
): PairLink[] {
  const windowSeconds = options.topicWindowHours * 3600;
  const links: PairLink[] = [];
  const match = { threshold: options.eventThreshold, timeScaleHours: options.eventTimeScaleHours, dayTolerance: options.eventDayTolerance };
  for (const other of candidates) {
    if (linked.has(other)) continue;
    const them = meta(other);
    if (me.publishedAt === null || them.publishedAt === null || Math.abs(me.publishedAt - them.publishedAt) > windowSeconds) continue;
    const gap = me.publishedAt - them.publishedAt;
    let joins: boolean;
    if (judge.model === null && judge.observe === undefined) joins = sameEvent(me.event, them.event, gap, match, rarity);
    else {
      // Reports of one event name it up front: a headline feature in common is asked of both rules.
      if (!shareHeadlineFeature(me.event, them.event) || !gatesAllowOneEvent(me.event, them.event, options.eventDayTolerance)) continue;
      const features = eventPairFeatures(me.event, them.event, gap, rarity);
      const rule = sameEvent(me.event, them.event, gap, match, rarity);
      judge.observe?.({ a: me.id, b: them.id, features, rule });
      joins = judge.model === null ? rule : features[0]! >= options.eventModelFloor && pairProbability(judge.model, features) >= judge.model.threshold;
    }
    if (!joins) continue;
    const similarity = eventSimilarity(me.event, them.event, rarity);
    links.push({ kind: 'similar-content', a: me.num, b: other, similarity, passages: [] });
  }
  return links;
}
