import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Polls no more often than this: a newsroom feed changes in minutes, and a host is not to be hammered. */
export const MIN_EVERY_SECONDS = 30;
export const DEFAULT_EVERY_SECONDS = 300;

export const FeedUrlSchema = z
  .string()
  .trim()
  .url('a feed is an http:// or https:// URL')
  .refine((value) => /^https?:\/\//i.test(value), 'a feed is an http:// or https:// URL');

/** A feed as registered (`khabar feeds add`): where, under what outlet name, how often. */
export const FeedSpecSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  url: FeedUrlSchema,
  /** The outlet name its articles carry as their source. */
  name: z.string().trim().min(1).max(200),
  everySeconds: z.number().int().min(MIN_EVERY_SECONDS).max(86_400),
  addedAt: z.string(),
});
export type FeedSpec = z.infer<typeof FeedSpecSchema>;

/** What the poller remembers of a feed between polls (Redis hash fields, all strings there). */
export const FeedStateSchema = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  lastPolledAt: z.string().optional(),
  /** `ok` (new items taken), `not-modified` (304), `error` (the last poll failed), `backing-off`. */
  lastOutcome: z.enum(['ok', 'not-modified', 'error']).optional(),
  lastError: z.string().optional(),
  /** Polls failed in a row; 0 after a success. */
  failures: z.coerce.number().int().min(0).default(0),
  /** No poll before this time (epoch ms): a failing feed backs off. */
  nextDueAt: z.coerce.number().int().min(0).default(0),
  itemsQueued: z.coerce.number().int().min(0).default(0),
  pagesFailed: z.coerce.number().int().min(0).default(0),
});
export type FeedState = z.infer<typeof FeedStateSchema>;

/** A feed's id: the same URL is the same feed, whoever adds it and wherever. */
export function feedIdOf(url: string): string {
  return createHash('sha256').update(url.trim()).digest('hex').slice(0, 16);
}

/** An item's key in a feed's "seen" set: its guid, else its link. */
export function itemKeyOf(item: { id: string | null; url: string }): string {
  return createHash('sha256').update(item.id ?? item.url).digest('hex').slice(0, 24);
}

/**
 * How long a feed that failed `failures` times in a row waits before the next poll: its interval
 * doubled per failure, at most an hour, so a feed that is down is asked a few times an hour and
 * picked up again on its first good answer.
 */
export function backoffMs(everySeconds: number, failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(everySeconds * 1000 * 2 ** (failures - 1), 3_600_000);
}
