import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { StoryFileSchema, type Story, type StoryFile, type StoryTombstone } from '../../schema/story.js';
import { writeJsonAtomic } from '../../store/output.js';
import { withRedisLock } from '../../store/redis-lock.js';
import { pipelineKeys, storyFileKeys } from '../../store/redis-keys.js';
import type { DedupIndex, DedupResult, MergedStory, StoryStatus } from '../../nlp/dedup/index-contract.js';
import { storyTextsComplete } from '../../nlp/dedup/story.js';

export interface StoryWriterOptions {
  /** Prefix of the per-story lock keys in Redis. */
  lockPrefix?: string;
  /** How long a lock lives if its holder dies (ms). */
  lockTtlMs?: number;
  /** How long to wait for a lock before giving up (ms). */
  waitMs?: number;
}

const DEFAULTS: Required<StoryWriterOptions> = { lockPrefix: pipelineKeys.storyLocks('khabar'), lockTtlMs: 10_000, waitMs: 30_000 };

/** output/stories/<storyId>.json; story ids are article ids (16 hex digits), so no user text reaches the path. */
export function storyPath(outDir: string, storyId: string): string {
  if (!/^[0-9a-f]{16}$/.test(storyId)) throw new Error(`refusing to write a story file for id "${storyId}"`);
  return join(outDir, 'stories', `${storyId}.json`);
}

async function readStoryFile(path: string): Promise<StoryFile | null> {
  try {
    const parsed = StoryFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Runs `work` holding the story's Redis lock. */
function withStoryLock<T>(redis: Redis, storyId: string, options: Required<StoryWriterOptions>, work: () => Promise<T>): Promise<T> {
  return withRedisLock(redis, storyFileKeys.lock(options.lockPrefix, storyId), { ttlMs: options.lockTtlMs, waitMs: options.waitMs, label: `story ${storyId}` }, work);
}

/**
 * Writes output/stories/<storyId>.json atomically (temp file + rename), under a short per-story Redis
 * lock when `redis` is given so two workers never write one story at once. A file that already holds a
 * newer version, or a tombstone (the story was merged away; merges are never undone), is left alone.
 * Returns whether the file was written.
 */
export async function writeStoryFile(outDir: string, story: Story, redis?: Redis, options: StoryWriterOptions = {}): Promise<boolean> {
  const settings = { ...DEFAULTS, ...options };
  const path = storyPath(outDir, story.storyId);
  const write = async (): Promise<boolean> => {
    const existing = await readStoryFile(path);
    if (existing && (existing.mergedInto !== null || existing.version > story.version)) return false;
    await writeJsonAtomic(path, story);
    return true;
  };
  return redis ? withStoryLock(redis, story.storyId, settings, write) : write();
}

/** Replaces a merged-away story's file with a tombstone naming the story it now belongs to. */
export async function writeStoryTombstone(outDir: string, storyId: string, mergedInto: string, redis?: Redis, options: StoryWriterOptions = {}): Promise<void> {
  const settings = { ...DEFAULTS, ...options };
  const tombstone: StoryTombstone = { storyId, mergedInto };
  const path = storyPath(outDir, storyId);
  const write = async (): Promise<void> => {
    await writeJsonAtomic(path, tombstone);
  };
  await (redis ? withStoryLock(redis, storyId, settings, write) : write());
}

/** Writes what one dedup step changed: the article's story, and a tombstone for each story merged into it. */
export async function writeDedupStories(outDir: string, result: Pick<DedupResult, 'story' | 'mergedStories'>, redis?: Redis, options: StoryWriterOptions = {}): Promise<void> {
  for (const merged of result.mergedStories) await writeStoryTombstone(outDir, merged.storyId, merged.mergedInto, redis, options);
  await writeStoryFile(outDir, result.story, redis, options);
}

/** When the writer rebuilds a story's file (a big story is not rewritten for every article that joins it). */
export interface StoryRewritePolicy {
  /** Stories of up to this many articles are rewritten whenever their version moved. */
  alwaysUpTo: number;
  /** A bigger story is rewritten once its version moved by at least this fraction of its size since the last write. */
  fraction: number;
  /** Stories bigger than this are never rebuilt under this policy, not even when never written (default: no limit). */
  neverAbove?: number;
}

export const DEFAULT_REWRITE_POLICY: StoryRewritePolicy = { alwaysUpTo: 64, fraction: 1 / 8 };

/**
 * Whether the story's file is due for a rewrite, given the version last written (null: never).
 * A story of n articles is rewritten about 8·ln(n) times over its life instead of n times, and its
 * file lags the index by fewer than n/8 changes.
 */
export function storyRewriteDue(status: Pick<StoryStatus, 'version' | 'size'>, writtenVersion: number | null, policy: StoryRewritePolicy = DEFAULT_REWRITE_POLICY): boolean {
  if (status.size > (policy.neverAbove ?? Number.POSITIVE_INFINITY)) return false;
  if (writtenVersion === null) return true;
  if (status.version <= writtenVersion) return false;
  if (status.size <= policy.alwaysUpTo) return true;
  return status.version - writtenVersion >= Math.ceil(status.size * policy.fraction);
}

// Keeps the highest version written per story (two writers may finish in either order).
const RECORD_WRITTEN = "local v = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1') if tonumber(ARGV[2]) > v then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end return 0";

/**
 * The writer's call after an article's record: tombstones for the stories its dedup step merged
 * away, then the article's story file if it is due (`storyRewriteDue`; always, without Redis). Reads
 * only the story's version and size unless it rebuilds the file, so an article joining a story of
 * 1,000 costs a file rebuild about once in 125 articles. Versions written are kept in Redis in the hash
 * `<lockPrefix>:written`. Returns whether the story file was written.
 */
export async function writeStoryWhenDue(...args: Parameters<typeof writeStoryStep>): Promise<boolean> {
  return (await writeStoryStep(...args)).wrote;
}

/** `writeStoryWhenDue`, also giving the story's status as read (the writer sizes a later flush by it). */
export async function writeStoryStep(
  outDir: string,
  index: Pick<DedupIndex, 'storyStatus' | 'getStory'>,
  storyId: string,
  mergedStories: readonly MergedStory[],
  redis?: Redis,
  options: StoryWriterOptions & { policy?: StoryRewritePolicy } = {},
): Promise<{ wrote: boolean; status: StoryStatus | null }> {
  const settings = { ...DEFAULTS, ...options };
  for (const merged of mergedStories) await writeStoryTombstone(outDir, merged.storyId, merged.mergedInto, redis, options);
  const status = await index.storyStatus(storyId);
  if (!status) return { wrote: false, status };
  const writtenKey = storyFileKeys.versionsWritten(settings.lockPrefix);
  if (redis) {
    const written = await redis.hget(writtenKey, status.storyId);
    // The versions written are kept in Redis, the files on disk: a file that is gone (output/ deleted,
    // the articles run again) counts as never written.
    const onDisk = await access(storyPath(outDir, status.storyId)).then(() => true, () => false);
    if (!storyRewriteDue(status, written === null || !onDisk ? null : Number(written), options.policy)) return { wrote: false, status };
  }
  const story = await index.getStory(status.storyId);
  if (!story) return { wrote: false, status };
  const wrote = await writeStoryFile(outDir, story, redis, options);
  // A quote whose article's record was not written yet has no text: the version is recorded as one
  // short, so the next writer of the story (that article's own record job, or a flush) rewrites it.
  const recorded = storyTextsComplete(story) ? story.version : story.version - 1;
  if (redis) await redis.eval(RECORD_WRITTEN, 1, writtenKey, story.storyId, recorded);
  return { wrote, status };
}

/**
 * Writes the tombstones that the index still lists as pending (up to `limit`), then tells the index
 * they are written. Every writer calls it, so a merge's tombstone does not depend on the one job
 * that made the merge: that job can die, or its dedup step be retried and merge nothing the second
 * time. Writing a tombstone twice writes the same bytes. Returns how many were written.
 */
export async function writePendingTombstones(
  outDir: string,
  index: Pick<DedupIndex, 'pendingTombstones' | 'tombstonesWritten'>,
  redis?: Redis,
  options: StoryWriterOptions & { limit?: number } = {},
): Promise<number> {
  const pending = await index.pendingTombstones(options.limit ?? 100);
  for (const { storyId, mergedInto } of pending) await writeStoryTombstone(outDir, storyId, mergedInto, redis, options);
  await index.tombstonesWritten(pending.map((tombstone) => tombstone.storyId));
  return pending.length;
}

