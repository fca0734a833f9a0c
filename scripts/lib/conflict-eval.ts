// The conflict decision on one labelled pair (test/fixtures/conflict-pairs/README.md), as the
// pipeline makes it: both passages through the real chain (`analyse()`: text layer, NER, claims),
// the numeric claim covering each side's marked number, then dedup's own claim step on the two
// (`claimLinks`, which calls conflict-rules.ts) with the two articles' copy relation and dates.
// The story gate is the pair's: the two sides are one event story when they carry the same `event`.
import { analyse } from '../../src/analyse.js';
import type { EnrichedRecord } from '../../src/schema/record.js';
import { dedupOptions, type DedupOptions } from '../../src/nlp/dedup/params.js';
import { prepareArticle, type PreparedArticle } from '../../src/nlp/dedup/prepare.js';
import { toStoredDigest, wordSetSimilarity, type ClaimDigest } from '../../src/nlp/dedup/claims.js';
import { sampleJaccard } from '../../src/nlp/dedup/sample.js';
import { SAME_SENTENCE_SIMILARITY, compareQuantities, utcDay } from '../../src/nlp/dedup/conflict-rules.js';
import { claimLinks } from '../../src/nlp/dedup/steps/claim-links.js';
import { numberSpan, type ConflictPair, type PairSide } from './conflict-pairs.js';

export interface SideReading {
  record: EnrichedRecord;
  prepared: PreparedArticle;
  /** The claim holding the marked number, reduced to that one number; null when no claim covers it. */
  digest: ClaimDigest | null;
}

export interface PairDecision {
  predicted: 'conflict' | 'no-conflict';
  /** Why not a conflict, when not: `no-number` (the extractor found no comparable number there), `other-event`, or the comparison's answer. */
  why: string;
}

/** Runs one side through the chain and finds the claim quantity covering its marked number. */
export async function readSide(side: Pick<PairSide, 'text' | 'number' | 'outlet' | 'publishedAt'>, options: DedupOptions): Promise<SideReading> {
  const record = await analyse(side.text, { source: side.outlet, publishedAt: side.publishedAt });
  const prepared = prepareArticle(
    { id: record.id, tokens: record.tokens, sentences: record.sentences, entities: record.entities ?? [], claims: record.claims ?? [] },
    options,
  );
  const span = numberSpan(side);
  let digest: ClaimDigest | null = null;
  if (span) {
    // Numeric claims first: an attributed claim's numbers are compared in its numeric claims.
    const ordered = [...prepared.claims].sort((x, y) => Number(x.kind !== 'numeric') - Number(y.kind !== 'numeric') || x.claim - y.claim);
    for (const claim of ordered) {
      const quantity = claim.quantities.find((q) => q.start !== undefined && q.end !== undefined && q.start < span.end && q.end > span.start);
      if (quantity) {
        digest = { ...claim, quantities: [quantity] };
        break;
      }
    }
  }
  return { record, prepared, digest };
}

function epochSeconds(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

/** The pipeline's answer for a pair whose sides have been read. */
export function decidePair(pair: Pick<ConflictPair, 'a' | 'b'>, a: SideReading, b: SideReading, options: DedupOptions): PairDecision {
  if (!a.digest || !b.digest) return { predicted: 'no-conflict', why: 'no-number' };
  if (pair.a.event === undefined || pair.a.event !== pair.b.event) return { predicted: 'no-conflict', why: 'other-event' };
  // Copies of one text, as the dedup step finds them: the same content hash or a verified near duplicate.
  const copies = a.prepared.contentHash === b.prepared.contentHash || sampleJaccard(a.prepared.sample, b.prepared.sample) >= options.nearThreshold;
  const days = new Map([
    [0, utcDay(epochSeconds(pair.a.publishedAt))],
    [1, utcDay(epochSeconds(pair.b.publishedAt))],
  ]);
  const links = claimLinks(1, [b.digest], [{ num: 0, digest: toStoredDigest(a.digest) }], (num) => String(num), options, {
    copied: () => copies,
    day: (num) => days.get(num === 1 ? 1 : 0) ?? null,
  });
  if (links.some((link) => link.relation === 'conflicts')) return { predicted: 'conflict', why: 'conflicts' };
  if (links.some((link) => link.relation === 'corroborates')) return { predicted: 'no-conflict', why: 'agrees' };
  // Not compared: the rule that said so (the same decision, asked directly).
  const [qa, qb] = [toStoredDigest(a.digest), toStoredDigest(b.digest)];
  const contentSimilarity = wordSetSimilarity(qa.words, qb.words);
  const comparison = compareQuantities(qb.quantities[0]!, qa.quantities[0]!, { copy: copies || contentSimilarity >= SAME_SENTENCE_SIMILARITY, contentSimilarity, dayA: days.get(1) ?? null, dayB: days.get(0) ?? null }, options);
  return { predicted: 'no-conflict', why: comparison.relation === null ? comparison.why : 'not-linked' };
}

export async function evaluatePair(pair: ConflictPair, options: DedupOptions = dedupOptions()): Promise<PairDecision> {
  const [a, b] = [await readSide(pair.a, options), await readSide(pair.b, options)];
  return decidePair(pair, a, b, options);
}
