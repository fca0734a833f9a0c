import type { Redis } from 'ioredis';
import { dedupIndexKeys } from './redis-keys.js';

/** Redis memory held by one dedup index, by key family (`b` shards, `sh`, `m`, `p`, `s`, …). */
export interface DedupMemoryUsage {
  articles: number;
  bytes: number;
  bytesPerArticle: number;
  families: Record<string, { keys: number; bytes: number }>;
}

/**
 * Sums MEMORY USAGE over every key of the index (SCAN over the prefix: a measurement for benchmarks
 * and the README, never called by the pipeline). Figures exclude Redis's own fixed overhead, which
 * INFO memory includes.
 */
export async function dedupMemoryUsage(redis: Redis, prefix: string): Promise<DedupMemoryUsage> {
  const families: DedupMemoryUsage['families'] = {};
  let bytes = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', dedupIndexKeys.all(prefix), 'COUNT', 1000);
    cursor = next;
    if (keys.length === 0) continue;
    const pipeline = redis.pipeline();
    for (const key of keys) pipeline.memory('USAGE', key, 'SAMPLES', '0');
    const replies = (await pipeline.exec()) ?? [];
    keys.forEach((key, i) => {
      const size = Number(replies[i]?.[1] ?? 0);
      const rest = key.slice(prefix.length + 1).split(':');
      const family = rest[0] ?? '';
      families[family] ??= { keys: 0, bytes: 0 };
      families[family].keys++;
      families[family].bytes += size;
      bytes += size;
    });
  } while (cursor !== '0');
  const articles = Number((await redis.get(dedupIndexKeys.count(prefix))) ?? '0');
  return { articles, bytes, bytesPerArticle: articles === 0 ? 0 : bytes / articles, families };
}

/** Deletes every key of one index (benchmarks and evaluation clean up after themselves). */
export async function dropDedupIndex(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', dedupIndexKeys.all(prefix), 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}
