import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Redis } from 'ioredis';
import { StoryFileSchema, type Story } from '../../src/schema/story.js';
import { DEFAULT_REWRITE_POLICY, storyPath, storyRewriteDue, writeStoryWhenDue } from '../../src/pipeline/story-files/index.js';
import { RedisDedupIndex } from '../../src/store/dedup-index.js';
import { testPrefix, testRedis } from '../helpers/redis.js';
import { reprintedStories } from '../nlp/dedup/generated.js';

const connections: Redis[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(connections.map((redis) => redis.quit()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('when the writer rebuilds a story file', () => {
  it('always writes a story never written, never one that has not moved, and small stories whenever they move', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 5_000 }), fc.option(fc.nat(10_000)), (version, size, written) => {
        const due = storyRewriteDue({ version, size }, written);
        if (written === null) expect(due).toBe(true);
        else if (version <= written) expect(due).toBe(false);
        else if (size <= DEFAULT_REWRITE_POLICY.alwaysUpTo) expect(due).toBe(true);
        else expect(due).toBe(version - written >= Math.ceil(size / 8));
      }),
    );
  });

  it('never rebuilds a story above a policy\'s size limit, not even one never written (a record job leaves those to the flush thread)', () => {
    const inline = { alwaysUpTo: 64, fraction: Number.POSITIVE_INFINITY, neverAbove: 64 };
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 5_000 }), fc.option(fc.nat(10_000)), (version, size, written) => {
        const due = storyRewriteDue({ version, size }, written, inline);
        if (size > 64) expect(due).toBe(false);
        else expect(due).toBe(written === null || version > written);
      }),
    );
  });

  it('rewrites a story that grows to 10,000 articles a few dozen times, never lagging by n/8 changes', () => {
    let written: number | null = null;
    let writes = 0;
    for (let size = 1; size <= 10_000; size++) {
      if (storyRewriteDue({ version: size, size }, written)) {
        written = size;
        writes++;
      }
      expect(size - written!).toBeLessThan(Math.max(1, Math.ceil(size / 8)));
    }
    expect(writes).toBeLessThan(64 + 8 * Math.log(10_000 / 64) + 8);
  });

  it('writes every story of a run of reprints, each valid, each at most n/8 changes behind the index, big ones rarely', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-story-due-'));
    dirs.push(dir);
    const redis = testRedis();
    connections.push(redis);
    const index = new RedisDedupIndex(redis, testPrefix('story-due'));
    const options = { lockPrefix: testPrefix('story-due-lock') };
    const storyIds = new Set<string>();
    let bigSteps = 0;
    let bigWrites = 0;
    const inputs = reprintedStories(200);
    for (const input of inputs) {
      const step = await index.processArticle(input);
      storyIds.add(step.storyId);
      const wrote = await writeStoryWhenDue(dir, index, step.storyId, step.mergedStories, redis, options);
      if (step.storySize > DEFAULT_REWRITE_POLICY.alwaysUpTo) {
        bigSteps++;
        if (wrote) bigWrites++;
      }
    }
    // Without the policy every article that joins a big story would rewrite it.
    expect(bigSteps).toBeGreaterThan(10);
    expect(bigWrites).toBeLessThanOrEqual(bigSteps / 4);
    const state = await index.dumpState();
    expect(Math.max(...state.stories.map((story) => story.members.length))).toBeGreaterThan(DEFAULT_REWRITE_POLICY.alwaysUpTo);
    for (const storyId of storyIds) {
      const file = StoryFileSchema.parse(JSON.parse(readFileSync(storyPath(dir, storyId), 'utf8')));
      if (file.mergedInto !== null) continue;
      const status = (await index.storyStatus(storyId))!;
      expect(status.version - file.version).toBeLessThan(Math.max(1, Math.ceil(status.size / 8)));
      const members = state.stories.find((story) => story.storyId === storyId)!.members;
      expect(members).toEqual(expect.arrayContaining(file.articles.map((article) => article.id)));
      if (status.size <= DEFAULT_REWRITE_POLICY.alwaysUpTo) expect(file.articles.map((article) => article.id)).toEqual(members);
    }
    const live = readdirSync(join(dir, 'stories'))
      .map((name) => StoryFileSchema.parse(JSON.parse(readFileSync(join(dir, 'stories', name), 'utf8'))))
      .filter((file): file is Story => file.mergedInto === null);
    expect(live.map((file) => file.storyId).sort()).toEqual(state.stories.map((story) => story.storyId).sort());
  });
});
