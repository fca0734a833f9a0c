import { afterAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { RedisDedupIndex } from '../../src/store/dedup-index.js';
import { testPrefix, testRedis } from '../helpers/redis.js';
import { dedupCorpus } from '../nlp/dedup/corpus.js';

const redis: Redis = testRedis();
afterAll(async () => {
  await redis.quit();
});

describe("a story's members in Redis", () => {
  it('reads an index written with the members in the story hash (the layout before s:<root>:m) and carries on from it', async () => {
    const corpus = dedupCorpus();
    const half = Math.floor(corpus.length / 2);
    const [converted, reference] = [testPrefix('members-old'), testPrefix('members-new')];
    for (const input of corpus.slice(0, half)) {
      await new RedisDedupIndex(redis, converted).processArticle(input);
      await new RedisDedupIndex(redis, reference).processArticle(input);
    }
    // Rewrite the first index into the old layout: members as the story hash's field 'm'.
    const memberKeys = await redis.keys(`${converted}:s:*:m`);
    expect(memberKeys.length).toBeGreaterThan(0);
    for (const key of memberKeys) {
      const members = (await redis.getBuffer(key))!;
      await redis.hset(key.slice(0, -2), 'm', members);
      await redis.del(key);
    }
    const [old, current] = [new RedisDedupIndex(redis, converted), new RedisDedupIndex(redis, reference)];
    expect(await old.dumpState()).toEqual(await current.dumpState());
    for (const input of corpus.slice(half)) {
      const [a, b] = [await old.processArticle(input), await current.processArticle(input)];
      expect(a).toEqual(b);
    }
    expect(await old.dumpState()).toEqual(await current.dumpState());
    const story = (await current.dumpState()).stories.find((s) => s.members.length > 1)!;
    expect((await old.storyStatus(story.storyId))?.size).toBe(story.members.length);
  });
});
