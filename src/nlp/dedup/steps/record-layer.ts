import type { DedupLayer } from '../../../schema/dedup.js';
import type { ClaimPairLink, PairLink } from '../links.js';
import type { ArticleMeta, MetaOf } from '../index-store.js';
import { roundSimilarity } from './near-duplicates.js';

export interface LayerFacts {
  contentHash: string;
  storyId: string;
  representative: ArticleMeta;
  /** The links kept (see `strongestLinks`), and what the record lists of them. */
  pairLinks: readonly PairLink[];
  nearDuplicates: DedupLayer['nearDuplicates'];
  reusedPassages: DedupLayer['reusedPassages'];
  claimLinks: readonly ClaimPairLink[];
}

/** Why the article joined its story: the strongest link it kept. */
function storyReason(facts: LayerFacts): DedupLayer['storyReason'] {
  if (facts.pairLinks.some((l) => l.kind === 'exact')) return 'exact';
  if (facts.nearDuplicates.length > 0) return 'near-duplicate';
  if (facts.reusedPassages.length > 0) return 'reused-passage';
  if (facts.pairLinks.some((l) => l.kind === 'similar-content')) return 'similar-content';
  return 'new';
}

/** The record's `dedup` layer: what this article found when it was processed. */
export function recordLayer(self: number, facts: LayerFacts, meta: MetaOf): DedupLayer {
  return {
    contentHash: facts.contentHash,
    storyId: facts.storyId,
    storyReason: storyReason(facts),
    exactDuplicateOf: facts.representative.num === self ? null : facts.representative.id,
    nearDuplicates: facts.nearDuplicates,
    reusedPassages: facts.reusedPassages,
    claimLinks: facts.claimLinks
      .map((link) => ({ claim: link.aClaim, otherId: meta(link.b).id, otherClaim: link.bClaim, relation: link.relation, similarity: roundSimilarity(link.similarity) }))
      .sort((x, y) => x.claim - y.claim || x.otherId.localeCompare(y.otherId) || x.otherClaim - y.otherClaim),
  };
}

/** The near duplicates and passages the record lists: only those with a link kept. */
export function keptFacts(kept: readonly PairLink[], near: DedupLayer['nearDuplicates'], passages: DedupLayer['reusedPassages'], numOf: (id: string) => number): Pick<LayerFacts, 'nearDuplicates' | 'reusedPassages'> {
  const keptOthers = new Set(kept.map((link) => link.b));
  return {
    nearDuplicates: near.filter((found) => keptOthers.has(numOf(found.id))),
    reusedPassages: passages.filter((passage) => keptOthers.has(numOf(passage.otherId))),
  };
}
