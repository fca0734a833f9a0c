import { MemoryDedupIndex, RedisDedupIndex, type DedupIndex } from '../../store/dedup-index.js';
import type { StageDefinition } from '../stage.js';
import { requireLayer } from './require-layer.js';

/** The dedup index's Redis namespace under the pipeline prefix (the writer reads stories from it too). */
export function dedupPrefix(prefix: string): string {
  return `${prefix}:dedup`;
}

/**
 * dedup: one atomic step against the shared index (Lua), so any number of dedup workers agree.
 * Mostly Redis round trips: a few jobs at once per process.
 */
export const dedupStage: StageDefinition = {
  name: 'dedup',
  concurrency: 4,
  async init({ redis, prefix }) {
    const index: DedupIndex = redis ? new RedisDedupIndex(redis, dedupPrefix(prefix)) : new MemoryDedupIndex();
    return async (record) => {
      const result = await index.processArticle({
        id: record.id,
        text: record.text,
        tokens: requireLayer(record, 'tokens', 'dedup'),
        sentences: requireLayer(record, 'sentences', 'dedup'),
        entities: record.entities,
        claims: record.claims,
        publishedAt: record.source.publishedAt ?? record.metadata?.published?.iso ?? null,
        sourceName: record.source.name ?? record.metadata?.agency?.name ?? record.source.file,
      });
      return { ...record, dedup: result.layer, mergedStories: result.mergedStories };
    };
  },
};
