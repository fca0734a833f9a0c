import type { DedupLayer } from '../../../schema/dedup.js';
import type { DedupOptions } from '../params.js';
import type { PairLink } from '../links.js';
import { sampleJaccard, type ShingleSample } from '../sample.js';
import { decodeArticleBlob } from '../article-blob.js';
import type { MetaOf } from '../index-store.js';

export interface NearDuplicates {
  /** For the record: id and verified similarity (exact copies at 1), by id. */
  found: DedupLayer['nearDuplicates'];
  /** Every article at or above the threshold, exact copies included. */
  others: Set<number>;
  /** Links for the near duplicates that are not exact copies (those have their own). */
  links: PairLink[];
}

/** Similarities in the record: 4 decimals. */
export function roundSimilarity(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** The LSH candidates to verify: those that are not exact copies already. */
export function nearToVerify(candidates: ReadonlySet<number>, exactGroup: readonly number[]): number[] {
  return [...candidates].filter((num) => !exactGroup.includes(num));
}

/** Near duplicates: LSH candidates verified on the stored shingle samples (`samples`, by article number). */
export function nearDuplicates(
  self: number,
  sample: ShingleSample,
  exactGroup: readonly number[],
  toVerify: readonly number[],
  samples: ReadonlyMap<number, Buffer>,
  meta: MetaOf,
  options: Pick<DedupOptions, 'nearThreshold'>,
): NearDuplicates {
  const result: NearDuplicates = { found: [], others: new Set(), links: [] };
  for (const other of [...exactGroup, ...toVerify]) {
    const them = meta(other);
    const exact = exactGroup.includes(other);
    const similarity = exact ? 1 : sampleJaccard(sample, decodeArticleBlob(samples.get(other) ?? Buffer.alloc(0), them.sampleLevel).sample);
    if (similarity < options.nearThreshold) continue;
    result.others.add(other);
    result.found.push({ id: them.id, similarity: roundSimilarity(similarity) });
    if (!exact) result.links.push({ kind: 'near-duplicate', a: self, b: other, similarity, passages: [] });
  }
  result.found.sort((x, y) => x.id.localeCompare(y.id));
  return result;
}
