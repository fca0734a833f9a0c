import type { DedupOptions } from '../params.js';
import type { PreparedArticle } from '../prepare.js';
import type { ArticleMeta, MetaOf } from '../index-store.js';
import type { ReusedPassages } from './reused-passages.js';
import { eventSimilarity } from '../event.js';
import { similarityNeeded } from '../event-match.js';

/** The sentences a lead is weighed on (event.ts: the first two). */
const LEAD_SENTENCES = 2;

export type PassageContextOptions = Pick<DedupOptions, 'passageContextThreshold' | 'eventTimeScaleHours'>;

/**
 * Story round 10: the others whose shared passage is context, not the news. A report that reprints
 * another's news takes its lead (or is taken into the other's lead); a paragraph both carry past
 * both leads is what each says around its own news: the region's economy under two countries'
 * discoveries («ويعتمد اقتصادا الجزائر وليبيا…» under Libya's oil find and Algeria's gas find), a
 * country's water crisis under its minister's two visits. On first sight such a paragraph is held
 * by the two articles alone and passes for a reprint (reused-passages.ts counts background only from
 * the holders already indexed). Such a pair joins only when what this article says **outside** every
 * paragraph it shares matches the other's sketch at `passageContextThreshold` (the similar-content
 * bar, grown with the time apart): the other's stored sketch still holds the paragraph's words, so
 * the test is one-sided and lenient, and an outlet that reprints another's paragraphs under its own
 * account of the same news (seeds 000 and 003) still joins it. No headline feature is asked for:
 * the pair's gates (story-links.ts) already ran, and reports without titles have none to share.
 * Pure: the prepared article and the stored slots.
 */
export function unlikeBesidePassages(
  me: ArticleMeta,
  prepared: Pick<PreparedArticle, 'featuresOutside'>,
  passages: Pick<ReusedPassages, 'found' | 'sentenceRuns' | 'substantial'>,
  meta: MetaOf,
  options: PassageContextOptions,
): Set<number> {
  const unlike = new Set<number>();
  if (options.passageContextThreshold <= 0) return unlike;
  const bodyOnly = [...passages.substantial].filter((other) =>
    (passages.sentenceRuns.get(other) ?? []).every((run) => run.first >= LEAD_SENTENCES && run.otherFirst >= LEAD_SENTENCES),
  );
  if (bodyOnly.length === 0) return unlike;
  // Outside every passage this article shares, with anyone: a paragraph three outlets carry is context for each pair.
  const mine = { ...me.event, features: prepared.featuresOutside(passages.found.map((p) => [p.start, p.end] as const)) };
  const bar = { threshold: options.passageContextThreshold, timeScaleHours: options.eventTimeScaleHours };
  for (const other of bodyOnly) {
    const them = meta(other);
    const gap = me.publishedAt === null || them.publishedAt === null ? null : me.publishedAt - them.publishedAt;
    if (eventSimilarity(mine, them.event) < similarityNeeded(gap, bar)) unlike.add(other);
  }
  return unlike;
}
