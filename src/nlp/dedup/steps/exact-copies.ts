import type { PairLink } from '../links.js';
import type { ArticleMeta, MetaOf } from '../index-store.js';

export interface ExactCopies {
  /** Candidates whose stored content hash equals the article's. */
  group: number[];
  /** The group's representative (earliest date, then smallest id): the record's `exactDuplicateOf` unless it is the article itself. */
  representative: ArticleMeta;
  links: PairLink[];
}

/** Exact copies: same content hash, checked on the stored hash, not just the bucket. */
export function exactCopies(me: ArticleMeta, candidates: ReadonlySet<number>, meta: MetaOf): ExactCopies {
  const group = [...candidates].filter((num) => meta(num).contentHash === me.contentHash);
  const links = group.map((other): PairLink => ({ kind: 'exact', a: me.num, b: other, similarity: 1, passages: [] }));
  const representative = [me, ...group.map(meta)].sort((x, y) => (x.publishedAt ?? Infinity) - (y.publishedAt ?? Infinity) || x.id.localeCompare(y.id))[0]!;
  return { group, representative, links };
}
