import type { Redis } from 'ioredis';
import { z } from 'zod';

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

export function markerKey(prefix: string, articleId: string): string {
  return `${prefix}:written:${articleId}`;
}

export async function setMarker(redis: Redis, prefix: string, articleId: string, marker: Marker): Promise<void> {
  await redis.set(markerKey(prefix, articleId), JSON.stringify(marker), 'EX', MARKER_TTL_SECONDS);
}

/** Markers for many ids at once (null where the article is not finished). */
export async function getMarkers(redis: Redis, prefix: string, articleIds: string[]): Promise<(Marker | null)[]> {
  if (articleIds.length === 0) return [];
  const values = await redis.mget(...articleIds.map((id) => markerKey(prefix, id)));
  return values.map((value) => {
    if (value === null) return null;
    const parsed = MarkerSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  });
}
