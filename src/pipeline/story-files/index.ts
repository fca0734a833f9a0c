/**
 * Story files, one entry point: everything that writes `output/stories/<storyId>.json` and the
 * quotes those files read (`output/.quotes/<id>.json`). The write worker calls `StoryFiles`; the
 * pure story logic (what a story file holds) is src/nlp/dedup/story.ts.
 *
 * Inside: writer.ts (atomic writes under a per-story Redis lock, tombstones, when a rewrite is due),
 * record-claims.ts (quoted claim texts from the records), flusher.ts with flush-thread.ts and
 * flush-protocol.ts (big stories rebuilt in a worker thread), story-index.ts (the index they read).
 */
import type { Redis } from 'ioredis';
import type { EnrichedRecord } from '../../schema/record.js';
import type { MergedStory, StoryStatus } from '../../nlp/dedup/index-contract.js';
import { quotesPath, writeJsonAtomic } from '../../store/output.js';
import { pipelineKeys } from '../../store/redis-keys.js';
import { recordQuotes } from './record-claims.js';
import { DEFAULT_REWRITE_POLICY, writePendingTombstones, writeStoryStep } from './writer.js';
import { StoryFlusher, threadRedisOptions } from './flusher.js';
import { storyIndex } from './story-index.js';

export { storyPath, storyRewriteDue, writeDedupStories, writePendingTombstones, writeStoryFile, writeStoryTombstone, writeStoryWhenDue, DEFAULT_REWRITE_POLICY, type StoryRewritePolicy, type StoryWriterOptions } from './writer.js';
export { RecordClaimTexts, recordQuotes } from './record-claims.js';
export { StoryFlusher, threadRedisOptions } from './flusher.js';

/**
 * A record's job rewrites its story's file itself only while the story is small (milliseconds); a
 * big story's rebuild (O(story size): seconds for thousands of articles on a loaded machine) is left
 * to the story's own delayed flush job, in the flush thread. In the soak, record jobs that rebuilt a
 * 2,000-article story were caught by 6 worker kills in a row and failed as stalled after their record
 * was written; and a big story whose file was never written (a story another one merged into) was
 * rebuilt by a record job on the event loop (`neverAbove`).
 */
const INLINE_POLICY = { alwaysUpTo: DEFAULT_REWRITE_POLICY.alwaysUpTo, fraction: Number.POSITIVE_INFINITY, neverAbove: DEFAULT_REWRITE_POLICY.alwaysUpTo };

export interface StoryFilesOptions {
  /** The writer's connection (story locks, versions written, the dedup index). */
  connection: Redis;
  /** The pipeline's key prefix. */
  prefix: string;
  outDir: string;
  /** Told when the flush thread reached its heap cap and its flushes run again without it (a log line). */
  onFlushThreadOutOfMemory?: (storyIds: readonly string[], reason: string) => void;
}

/** What the write worker does for story files around each record, and its delayed story flushes. */
export class StoryFiles {
  private readonly index;
  private readonly lockPrefix: string;
  private readonly flusher: StoryFlusher;

  constructor(private readonly options: StoryFilesOptions) {
    // Story files quote claims from the records this writer (or another) wrote into the same folder.
    this.index = storyIndex(options.connection, options.prefix, options.outDir);
    this.lockPrefix = pipelineKeys.storyLocks(options.prefix);
    // Story flushes rebuild whole stories (thousands of members): in a thread, so that the writer's
    // event loop keeps renewing the locks of the record jobs beside them.
    this.flusher = new StoryFlusher({ redis: threadRedisOptions(options.connection), prefix: options.prefix, outDir: options.outDir, lockPrefix: this.lockPrefix }, options.onFlushThreadOutOfMemory ? { onOutOfMemory: options.onFlushThreadOutOfMemory } : {});
  }

  /** Before the record: its quotes file (claims, title, entities), so whoever sees the record can read it (story flushes read that, not the record). */
  async writeQuotes(record: EnrichedRecord): Promise<void> {
    await writeJsonAtomic(quotesPath(this.options.outDir, record.id), recordQuotes(record));
  }

  /**
   * After the record: tombstones (this record's merges, and any a dead or retried job left pending,
   * see `writePendingTombstones`), then the story as the index holds it now, written under the
   * story's lock if it is small and due. Returns the story to flush a moment later (its status), or
   * null when its file was written now or the story is unknown.
   */
  async afterRecord(storyId: string, mergedStories: readonly MergedStory[]): Promise<StoryStatus | null> {
    const { connection, outDir } = this.options;
    await writePendingTombstones(outDir, this.index, connection, { lockPrefix: this.lockPrefix });
    const { wrote, status } = await writeStoryStep(outDir, this.index, storyId, mergedStories, connection, { lockPrefix: this.lockPrefix, policy: INLINE_POLICY });
    return wrote ? null : status;
  }

  /** A delayed flush: pending tombstones, then the story's file if its version moved (in the flush thread). */
  flush(storyId: string): Promise<boolean> {
    return this.flusher.flush(storyId);
  }

  async close(): Promise<void> {
    await this.flusher.close();
  }
}
