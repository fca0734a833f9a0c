import type { DedupOptions } from '../params.js';
import type { PairLink } from '../links.js';
import { estimateJaccard16 } from '../minhash.js';
import type { ArticleMeta, MetaOf } from '../index-store.js';

/**
 * Similar content (entities and content words) within the time window, between articles that are
 * neither near duplicates nor share a passage (`linked`): estimated on the stored topic signatures.
 */
export function similarContent(me: ArticleMeta, candidates: ReadonlySet<number>, linked: ReadonlySet<number>, meta: MetaOf, options: Pick<DedupOptions, 'topicWindowHours' | 'topicThreshold'>): PairLink[] {
  const windowSeconds = options.topicWindowHours * 3600;
  const links: PairLink[] = [];
  for (const other of candidates) {
    if (linked.has(other)) continue;
    const them = meta(other);
    if (me.publishedAt === null || them.publishedAt === null || Math.abs(me.publishedAt - them.publishedAt) > windowSeconds) continue;
    const similarity = estimateJaccard16(me.topicSignature, them.topicSignature);
    if (similarity >= options.topicThreshold) links.push({ kind: 'similar-content', a: me.num, b: other, similarity, passages: [] });
  }
  return links;
}
