import { DEFAULT_LAYOUT, MemoryDedupIndex, NO_CLAIM_TEXTS, RedisDedupIndex, type DedupIndex } from '../../store/dedup-index.js';
import { pipelineKeys } from '../../store/redis-keys.js';
import type { DedupInput } from '../../nlp/dedup/index-contract.js';
import type { RecordInProgress } from '../../schema/record.js';
import type { StageDefinition } from '../stage-definition.js';
import { analyseText } from '../../nlp/text/index.js';
import { requireLayer } from './require-layer.js';

/** What the dedup stage gives the index of a record (also used by `npm run eval:stories`, so it measures the stage's own input). */
export function dedupInputOf(record: RecordInProgress): DedupInput {
  return {
    id: record.id,
    text: record.text,
    tokens: requireLayer(record, 'tokens', 'dedup'),
    sentences: requireLayer(record, 'sentences', 'dedup'),
    entities: record.entities,
    claims: record.claims,
    title: record.title,
    titleTokens: record.title ? analyseText(record.title).tokens : undefined,
    publishedAt: record.source.publishedAt ?? record.metadata?.published?.iso ?? null,
    sourceName: record.source.name ?? record.metadata?.agency?.name ?? record.source.file,
  };
}

/**
 * dedup: one atomic step against the shared index (Lua), so any number of dedup workers agree.
 * One job at a time per process: measured in the workers it is CPU-bound (candidate verification and
 * claim matching; 100–160 ms an article with 4 at once in the bench's pipeline run), so 4 at once
 * only stretched each job 4×. Under the chaos test that mattered: a job in flight that long was
 * caught by more than 5 worker kills in a row and failed as stalled (2 of 400 in one run).
 */
export const dedupStage: StageDefinition = {
  name: 'dedup',
  concurrency: 1,
  async init({ redis, prefix }) {
    // The stage never builds a story (the writer does), so it keeps no claim texts for quoting.
    const index: DedupIndex = redis ? new RedisDedupIndex(redis, pipelineKeys.dedupIndex(prefix), {}, DEFAULT_LAYOUT, NO_CLAIM_TEXTS) : new MemoryDedupIndex({}, DEFAULT_LAYOUT, NO_CLAIM_TEXTS);
    return async (record) => {
      const result = await index.processArticle(dedupInputOf(record));
      return { ...record, dedup: result.layer, mergedStories: result.mergedStories };
    };
  },
};
