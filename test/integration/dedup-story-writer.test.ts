import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { StoryFileSchema, type Story } from '../../src/schema/story.js';
import { storyPath, writeDedupStories, writeStoryFile, writeStoryTombstone } from '../../src/store/story-writer.js';
import { RedisDedupIndex } from '../../src/store/dedup-index.js';
import { testPrefix, testRedis } from '../helpers/redis.js';
import { dedupCorpus } from '../nlp/dedup/corpus.js';

const connections: Redis[] = [];
const dirs: string[] = [];
function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stories-'));
  dirs.push(dir);
  return dir;
}
function connection(): Redis {
  const redis = testRedis();
  connections.push(redis);
  return redis;
}
afterAll(async () => {
  await Promise.all(connections.map((redis) => redis.quit()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const story = (version: number, articles: string[]): Story => ({
  storyId: 'aaaaaaaaaaaaaaaa',
  version,
  mergedInto: null,
  articles: articles.map((id) => ({ id, source: 'وكالة', publishedAt: null })),
  sources: ['وكالة'],
  firstSeen: null,
  lastSeen: null,
  links: [],
  corroboratedClaims: [],
  conflicts: [],
});

describe('story writer', () => {
  it('keeps the newest version when many workers write one story at once', async () => {
    const dir = outDir();
    const lockPrefix = testPrefix('story-lock');
    const versions = Array.from({ length: 20 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    await Promise.all(versions.map((version) => writeStoryFile(dir, story(version, [`${version}`.padStart(16, '0')]), connection(), { lockPrefix })));
    const written = StoryFileSchema.parse(JSON.parse(readFileSync(storyPath(dir, 'aaaaaaaaaaaaaaaa'), 'utf8')));
    expect(written).toMatchObject({ version: 20 });
    // Only the final file is left: every temp file was renamed or removed.
    expect(readdirSync(join(dir, 'stories'))).toEqual(['aaaaaaaaaaaaaaaa.json']);
  });

  it('never replaces a tombstone with the story it was merged from', async () => {
    const dir = outDir();
    await writeStoryTombstone(dir, 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb');
    expect(await writeStoryFile(dir, story(99, ['cccccccccccccccc']))).toBe(false);
    expect(JSON.parse(readFileSync(storyPath(dir, 'aaaaaaaaaaaaaaaa'), 'utf8'))).toEqual({ storyId: 'aaaaaaaaaaaaaaaa', mergedInto: 'bbbbbbbbbbbbbbbb' });
  });

  it('writes every story of a dedup run, with tombstones for merged stories, each valid against the schema', async () => {
    const dir = outDir();
    const redis = connection();
    const index = new RedisDedupIndex(redis, testPrefix('story-run'));
    let merges = 0;
    for (const input of dedupCorpus()) {
      const result = await index.process(input);
      merges += result.mergedStories.length;
      await writeDedupStories(dir, result, redis, { lockPrefix: testPrefix('story-run-lock') });
    }
    const files = readdirSync(join(dir, 'stories')).map((file) => StoryFileSchema.parse(JSON.parse(readFileSync(join(dir, 'stories', file), 'utf8'))));
    const tombstones = files.filter((file) => file.mergedInto !== null);
    expect(merges).toBeGreaterThan(0);
    expect(tombstones.length).toBeGreaterThan(0);
    const state = await index.dumpState();
    // Every live story file is the index's story, member for member.
    for (const live of files.filter((file): file is Story => file.mergedInto === null)) {
      const expected = state.stories.find((s) => s.storyId === live.storyId);
      expect(live.articles.map((article) => article.id)).toEqual(expected?.members);
    }
    // A tombstone may point at a story that was merged again later: following them ends at a live story.
    const byId = new Map(files.map((file) => [file.storyId, file]));
    for (const tombstone of tombstones) {
      let target = tombstone.mergedInto;
      for (let hops = 0; byId.get(target)?.mergedInto; hops++) {
        expect(hops).toBeLessThan(files.length);
        target = byId.get(target)!.mergedInto!;
      }
      expect(state.stories.some((s) => s.storyId === target)).toBe(true);
    }
  });
});
