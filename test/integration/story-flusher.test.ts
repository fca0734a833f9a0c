import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { StoryFileSchema, type Story } from '../../src/schema/story.js';
import { pipelineKeys } from '../../src/store/redis-keys.js';
import { StoryFlusher, threadRedisOptions, storyPath } from '../../src/pipeline/story-files/index.js';
import { storyFlushThreadFile } from '../../src/pipeline/story-files/flusher.js';
import { RedisDedupIndex } from '../../src/store/dedup-index.js';
import { testPrefix, testRedis } from '../helpers/redis.js';
import { dedupCorpus } from '../nlp/dedup/corpus.js';

const redis = testRedis();
const dirs: string[] = [];
function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-flusher-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await redis.quit();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('story flusher (story files rebuilt in a worker thread)', () => {
  it('writes every story and pending tombstone of the index from its thread, and nothing more when called again', async () => {
    const prefix = testPrefix('flusher');
    const out = outDir();
    const index = new RedisDedupIndex(redis, pipelineKeys.dedupIndex(prefix));
    for (const input of dedupCorpus()) await index.process(input);
    const state = await index.dumpState();
    const pending = await index.pendingTombstones(1000);
    expect(state.stories.length).toBeGreaterThan(1);
    expect(pending.length).toBeGreaterThan(0);

    const flusher = new StoryFlusher({ redis: threadRedisOptions(redis), prefix, outDir: out, lockPrefix: pipelineKeys.storyLocks(prefix) });
    try {
      // Concurrent flushes share the one thread; each answers for its own story.
      expect(await Promise.all(state.stories.map((story) => flusher.flush(story.storyId)))).toEqual(state.stories.map(() => true));
      for (const story of state.stories) {
        const file = StoryFileSchema.parse(JSON.parse(readFileSync(storyPath(out, story.storyId), 'utf8'))) as Story;
        expect(file.mergedInto).toBeNull();
        expect(file.articles.map((article) => article.id)).toEqual(story.members);
      }
      for (const { storyId, mergedInto } of pending) {
        expect(JSON.parse(readFileSync(storyPath(out, storyId), 'utf8'))).toEqual({ storyId, mergedInto });
      }
      expect(await index.pendingTombstones(1000)).toEqual([]);
      expect(readdirSync(join(out, 'stories')).length).toBe(state.stories.length + pending.length);
      // The index did not move: every story's file is current, so no flush rewrites it.
      expect(await flusher.flush(state.stories[0]!.storyId)).toBe(false);
    } finally {
      await flusher.close();
    }
    await expect(flusher.flush(state.stories[0]!.storyId)).rejects.toThrow('closed');
  });

  it('fails the flushes of a thread that dies, with its reason, and starts a new thread for the next', async () => {
    // An empty prefix passes TypeScript but not the thread's schema: the thread throws as it starts.
    const flusher = new StoryFlusher({ redis: threadRedisOptions(redis), prefix: '', outDir: outDir(), lockPrefix: 'x' });
    try {
      await expect(flusher.flush('0123456789abcdef')).rejects.toThrow(/story flush thread failed: .*prefix/s);
      await expect(flusher.flush('0123456789abcdef')).rejects.toThrow(/story flush thread failed: .*prefix/s);
    } finally {
      await flusher.close();
    }
  });

  describe('over its heap cap', () => {
    const hungry = fileURLToPath(new URL('../helpers/flush-thread-hungry.mjs', import.meta.url));

    it('runs the flushes of a thread that ran out of memory again in an uncapped thread, says so, and caps the next thread again', async () => {
      const prefix = testPrefix('flusher-cap');
      const out = outDir();
      const index = new RedisDedupIndex(redis, pipelineKeys.dedupIndex(prefix));
      for (const input of dedupCorpus()) await index.process(input);
      const [first, second] = (await index.dumpState()).stories;
      const told: { storyIds: readonly string[]; reason: string }[] = [];
      const data = { redis: threadRedisOptions(redis), prefix, outDir: out, lockPrefix: pipelineKeys.storyLocks(prefix), __entry: storyFlushThreadFile() };
      const flusher = new StoryFlusher(data, { maxOldGenerationMb: 16, threadFile: hungry, onOutOfMemory: (storyIds, reason) => told.push({ storyIds, reason }) });
      try {
        expect(await flusher.flush(first!.storyId)).toBe(true);
        expect(told).toHaveLength(1);
        expect(told[0]!.storyIds).toEqual([first!.storyId]);
        expect(told[0]!.reason).toMatch(/ran out of memory \(old generation capped at 16 MB\).*heap out of memory/);
        const file = StoryFileSchema.parse(JSON.parse(readFileSync(storyPath(out, first!.storyId), 'utf8'))) as Story;
        expect(file.articles.map((article) => article.id)).toEqual(first!.members);
        // The next flush starts a capped thread again (this one runs out of memory again, and is rerun again).
        expect(await flusher.flush(second!.storyId)).toBe(true);
        expect(told).toHaveLength(2);
      } finally {
        await flusher.close();
      }
    });

    it('fails the flushes with both reasons when the uncapped thread fails too (their jobs are retried)', async () => {
      const data = { redis: threadRedisOptions(redis), prefix: testPrefix('flusher-cap2'), outDir: outDir(), lockPrefix: 'x', __entry: storyFlushThreadFile(), __failUncapped: true };
      const flusher = new StoryFlusher(data, { maxOldGenerationMb: 16, threadFile: hungry });
      try {
        await expect(flusher.flush('0123456789abcdef')).rejects.toThrow(/ran out of memory \(old generation capped at 16 MB\).*then without the cap: uncapped story flush thread failed: no thread for you/s);
      } finally {
        await flusher.close();
      }
    });
  });
});
