import { DedupEngine } from '../../src/nlp/dedup/engine.js';
import type { DedupIndex } from '../../src/nlp/dedup/index-contract.js';
import { dedupOptions, type DedupOptions } from '../../src/nlp/dedup/params.js';
import { MemoryDedupStore } from '../../src/store/dedup-memory.js';

/**
 * The dedup decisions (src/nlp/dedup) over the in-process backend: what the dedup tests under
 * test/nlp/dedup run on. The one place those tests reach into src/store; the backends' own tests
 * (test/integration/dedup-redis.test.ts) check that Redis and memory agree.
 */
export function inMemoryDedupIndex(options: Partial<DedupOptions> = {}): DedupIndex {
  const resolved = dedupOptions(options);
  return new DedupEngine(new MemoryDedupStore(resolved), resolved);
}
