import type { Redis } from 'ioredis';
import { z } from 'zod';
import { pipelineKeys } from '../store/redis-keys.js';

/**
 * "Written" markers: the writer leaves one per article id once its record or failure file is on disk,
 * so an ingest on any machine can tell that an input is finished (and move the file) without
 * sharing the output folder. Kept 30 days so a file dropped again is recognised as already done.
 */
export const MarkerSchema = z.object({
  status: z.enum(['ok', 'failed']),
  at: z.string(),
  reason: z.string().nullable(),
});
export type Marker = z.infer<typeof MarkerSchema>;

const MARKER_TTL_SECONDS = 30 * 24 * 3600;

export const markerKey = pipelineKeys.writtenMarker;

export async function setMarker(redis: Redis, prefix: string, articleId: string, marker: Marker): Promise<void> {
  await redis.set(markerKey(prefix, articleId), JSON.stringify(marker), 'EX', MARKER_TTL_SECONDS);
}

/** Markers for many ids at once (null where the article is not finished): one MGET per 1,000 ids. */
export async function getMarkers(redis: Redis, prefix: string, articleIds: readonly string[]): Promise<(Marker | null)[]> {
  const markers: (Marker | null)[] = [];
  for (let i = 0; i < articleIds.length; i += 1000) {
    const values = await redis.mget(...articleIds.slice(i, i + 1000).map((id) => markerKey(prefix, id)));
    for (const value of values) {
      const parsed = value === null ? null : MarkerSchema.safeParse(JSON.parse(value));
      markers.push(parsed?.success ? parsed.data : null);
    }
  }
  return markers;
}
