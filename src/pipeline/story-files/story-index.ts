import type { Redis } from 'ioredis';
import { DEFAULT_LAYOUT, RedisDedupIndex } from '../../store/dedup-index.js';
import { pipelineKeys } from '../../store/redis-keys.js';
import { RecordClaimTexts } from './record-claims.js';

/**
 * The dedup index as a story-file writer reads it: the pipeline's shared index, quoting claims from
 * the records (or their quotes files) that the writers put in `outDir`.
 */
export function storyIndex(connection: Redis, prefix: string, outDir: string): RedisDedupIndex {
  return new RedisDedupIndex(connection, pipelineKeys.dedupIndex(prefix), {}, DEFAULT_LAYOUT, new RecordClaimTexts(outDir));
}
