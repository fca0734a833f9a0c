import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DedupInput, DedupState } from '../../../src/nlp/dedup/index-contract.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { dedupCorpus } from './corpus.js';

const corpus = dedupCorpus();

async function stateAfter(inputs: readonly DedupInput[]): Promise<DedupState> {
  // No passage fingerprint reaches its cap in this corpus with 64 (see README: caps are where order can matter).
  // Nor does a passage count as background (held by many articles): which articles hold it first depends on the order.
  // Nor is a passage past both leads weighed by what the later article says outside it (story round 10): that reads the later one's text only.
  const index = inMemoryDedupIndex({ passageMaxPostings: 64, passageBackgroundHolders: 1000, passageContextThreshold: 0 });
  for (const input of inputs) await index.process(input);
  return index.dumpState();
}

describe('order independence (in-process index)', () => {
  it('ends with the same links, passages and stories whatever the order of the articles', async () => {
    const expected = await stateAfter(corpus);
    expect(expected.links.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(corpus, { minLength: corpus.length, maxLength: corpus.length }), async (order) => {
        expect(await stateAfter(order)).toEqual(expected);
      }),
      { numRuns: 8 },
    );
  });
});
