import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoryFileSchema, type Story } from '../../src/schema/story.js';
import { pipelineKeys } from '../../src/store/redis-keys.js';
import { StoryFlusher, threadRedisOptions, storyPath } from '../../src/pipeline/story-files/index.js';
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
});
