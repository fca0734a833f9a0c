import { describe, expect, it } from 'vitest';
import { MemoryDedupStore, RedisDedupStore, dedupOptions } from '../../src/store/dedup-index.js';
import type { DedupStore } from '../../src/nlp/dedup/index-store.js';
import { encodeMeta } from '../../src/nlp/dedup/meta-slot.js';
import { encodeArticleBlob } from '../../src/nlp/dedup/article-blob.js';
import { actorKey } from '../../src/nlp/dedup/event.js';
import { actorsAllowOneStory, unionActors, STORY_ACTORS_CAP } from '../../src/nlp/dedup/story-actors.js';
import { testConnections, testPrefix } from '../helpers/redis.js';

const connection = testConnections();
const options = dedupOptions();
const KW = actorKey('KW');
const IQ = actorKey('IQ');

/** Registers article i (ids in arrival order, so the smallest id is the earliest) and returns its number. */
async function add(store: DedupStore, i: number): Promise<number> {
  const id = (0x2000 + i).toString(16).padStart(16, '0');
  const empty = encodeArticleBlob({ contentLength: 0, sentences: [], firstPositions: [], sample: { level: 0, bounded: false, values: new Uint16Array(0) }, claims: Buffer.alloc(0) });
  const result = await store.register({ id, meta: encodeMeta(id, null, 'ab'.repeat(8), 0, 0), sample: empty, source: null, entries: [] });
  return result.num;
}

/** One link step: article `num` (its actor `actor`) joining each of `others` (with their actors). */
async function join(store: DedupStore, num: number, actor: number, others: Array<[number, number]>): Promise<number> {
  const step = await store.link({
    num,
    actor,
    links: others.map(([other, otherActor]) => ({ other, joinsStory: true, otherActor, field: `x${num}-${other}`, value: 's' })),
  });
  return step.root;
}

const root = async (store: DedupStore, num: number) => (await store.storyStatus(num)).root;

describe("a story's set of opening actors' countries (story-actors.ts, dedup-link.lua)", () => {
  it('refuses a join only when both sets are non-empty and disjoint, and unknown or past the cap never refuses', () => {
    expect(actorsAllowOneStory([KW], [IQ])).toBe(false);
    expect(actorsAllowOneStory([KW], [])).toBe(true);
    expect(actorsAllowOneStory([KW, IQ], [IQ])).toBe(true);
    expect(actorsAllowOneStory(null, [IQ])).toBe(true);
    expect(unionActors([KW], [])).toEqual([KW]);
    expect(unionActors(null, [KW])).toBeNull();
    const many = Array.from({ length: STORY_ACTORS_CAP }, (_, i) => i + 1);
    expect(unionActors(many, [99])).toBeNull();
  });

  it('stops a chain through a report with no actor, in Redis as in the in-process store', async () => {
    const seen: number[][] = [];
    for (const store of [new RedisDedupStore(connection(), testPrefix('story-actors'), options), new MemoryDedupStore(options)]) {
      const [kuwait, noActor, iraq, kuwaitAgain, noActorAgain] = [await add(store, 0), await add(store, 1), await add(store, 2), await add(store, 3), await add(store, 4)];
      // A report with no actor joins Kuwait's: the story is Kuwait's.
      await join(store, kuwait, KW, []);
      await join(store, noActor, 0, [[kuwait, KW]]);
      // Iraq's report links to the one with no actor (the pair rules allow it): the story refuses it.
      await join(store, iraq, IQ, [[noActor, 0]]);
      // A second Kuwaiti report joins; a second report with no actor joins Iraq's first, then is
      // refused by Kuwait's story (its own story is Iraq's by then).
      await join(store, kuwaitAgain, KW, [[noActor, 0]]);
      await join(store, noActorAgain, 0, [[iraq, IQ], [kuwait, KW]]);
      seen.push(await Promise.all([kuwait, noActor, iraq, kuwaitAgain, noActorAgain].map((num) => root(store, num))));
    }
    const [redis, memory] = seen;
    expect(redis).toEqual(memory);
    const [kuwait, noActor, iraq, kuwaitAgain, noActorAgain] = redis!;
    expect(noActor).toBe(kuwait);
    expect(kuwaitAgain).toBe(kuwait);
    expect(iraq).not.toBe(kuwait);
    expect(noActorAgain).toBe(iraq);
  });

  it('leaves a story indexed before the sets were kept (no set stored) without a gate', async () => {
    const redis = connection();
    const prefix = testPrefix('story-actors-old');
    const store = new RedisDedupStore(redis, prefix, options);
    const [kuwait, noActor, iraq] = [await add(store, 0), await add(store, 1), await add(store, 2)];
    await join(store, noActor, 0, [[kuwait, KW]]);
    const story = await root(store, kuwait);
    expect(await redis.hexists(`${prefix}:s:${story}`, 'a')).toBe(1);
    // As an index written before this rule: the story of two has no set.
    await redis.hdel(`${prefix}:s:${story}`, 'a');
    await join(store, iraq, IQ, [[noActor, 0]]);
    expect(await root(store, iraq)).toBe(story);
    // And the merged story stays unknown.
    expect(await redis.hexists(`${prefix}:s:${story}`, 'a')).toBe(0);
  });
});
