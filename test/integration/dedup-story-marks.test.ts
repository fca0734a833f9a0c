import { describe, expect, it } from 'vitest';
import { MemoryDedupStore, RedisDedupStore, dedupOptions } from '../../src/store/dedup-index.js';
import type { DedupStore } from '../../src/nlp/dedup/index-store.js';
import { encodeMeta } from '../../src/nlp/dedup/meta-slot.js';
import { encodeArticleBlob } from '../../src/nlp/dedup/article-blob.js';
import { actorKey, datelineKey, townKey } from '../../src/nlp/dedup/event.js';
import { articleMarks, marksAllowOneStory, unionMarks, STORY_MARKS_CAP } from '../../src/nlp/dedup/story-marks.js';
import { testConnections, testPrefix } from '../helpers/redis.js';

const connection = testConnections();
const options = dedupOptions();
const KW = articleMarks({ features: new Map(), actor: actorKey('KW') });
const IQ = articleMarks({ features: new Map(), actor: actorKey('IQ') });
const NONE: number[] = [];
/** One agency's reports filed from two towns, and another agency's from the second. */
const KOSTI = articleMarks({ features: new Map(), dateline: datelineKey('الشراع', 'كوستي') });
const DUEIM = articleMarks({ features: new Map(), dateline: datelineKey('الشراع', 'الدويم') });
const DUEIM_OTHER_AGENCY = articleMarks({ features: new Map(), dateline: datelineKey('الرمانة', 'الدويم') });

/** Registers article i (ids in arrival order, so the smallest id is the earliest) and returns its number. */
async function add(store: DedupStore, i: number): Promise<number> {
  const id = (0x2000 + i).toString(16).padStart(16, '0');
  const empty = encodeArticleBlob({ contentLength: 0, sentences: [], firstPositions: [], sample: { level: 0, bounded: false, values: new Uint16Array(0) }, claims: Buffer.alloc(0) });
  const result = await store.register({ id, meta: encodeMeta(id, null, 'ab'.repeat(8), 0, 0), sample: empty, source: null, entries: [] });
  return result.num;
}

/** One link step: article `num` (its lead's marks) joining each of `others` (with their marks). */
async function join(store: DedupStore, num: number, marks: number[], others: Array<[number, number[]]>): Promise<number> {
  const step = await store.link({
    num,
    marks,
    links: others.map(([other, otherMarks]) => ({ other, joinsStory: true, otherMarks, field: `x${num}-${other}`, value: 's' })),
  });
  return step.root;
}

const root = async (store: DedupStore, num: number) => (await store.storyStatus(num)).root;

describe("a story's marks: opening actors' countries and wire datelines (story-marks.ts, dedup-link.lua)", () => {
  it('refuses a join only when, in one group, both hold marks and none in common; unknown or past the cap never refuses', () => {
    expect(marksAllowOneStory(KW, IQ)).toBe(false);
    expect(marksAllowOneStory(KW, NONE)).toBe(true);
    expect(marksAllowOneStory([...KW, ...IQ], IQ)).toBe(true);
    expect(marksAllowOneStory(null, IQ)).toBe(true);
    // One agency, two towns: refused; two agencies: no evidence either way.
    expect(marksAllowOneStory(KOSTI, DUEIM)).toBe(false);
    expect(marksAllowOneStory(KOSTI, DUEIM_OTHER_AGENCY)).toBe(true);
    // The lead's town is no mark (measured: it split one event's follow-ups).
    expect(articleMarks({ features: new Map(), town: townKey('سنجة') })).toEqual([]);
    // Different kinds of mark never meet: Kuwait's actor and a Kosti dateline.
    expect(marksAllowOneStory(KW, KOSTI)).toBe(true);
    expect(unionMarks(KW, NONE)).toEqual(KW);
    expect(unionMarks(null, KW)).toBeNull();
    const many = Array.from({ length: 2 * STORY_MARKS_CAP }, (_, i) => i + 1);
    expect(unionMarks(many, [1000, 1])).toBeNull();
  });

  it('stops a chain through a report with no actor, in Redis as in the in-process store', async () => {
    const seen: number[][] = [];
    for (const store of [new RedisDedupStore(connection(), testPrefix('story-marks'), options), new MemoryDedupStore(options)]) {
      const [kuwait, noActor, iraq, kuwaitAgain, noActorAgain] = [await add(store, 0), await add(store, 1), await add(store, 2), await add(store, 3), await add(store, 4)];
      // A report with no actor joins Kuwait's: the story is Kuwait's.
      await join(store, kuwait, KW, []);
      await join(store, noActor, NONE, [[kuwait, KW]]);
      // Iraq's report links to the one with no actor (the pair rules allow it): the story refuses it.
      await join(store, iraq, IQ, [[noActor, NONE]]);
      // A second Kuwaiti report joins; a second report with no actor joins Iraq's first, then is
      // refused by Kuwait's story (its own story is Iraq's by then).
      await join(store, kuwaitAgain, KW, [[noActor, NONE]]);
      await join(store, noActorAgain, NONE, [[iraq, IQ], [kuwait, KW]]);
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

  it("keeps one agency's report from another town out of a story its report from the first town is in, in Redis as in the twin", async () => {
    const seen: number[][] = [];
    for (const store of [new RedisDedupStore(connection(), testPrefix('story-marks-dateline'), options), new MemoryDedupStore(options)]) {
      const [kosti, followUp, dueim, dueimElsewhere] = [await add(store, 0), await add(store, 1), await add(store, 2), await add(store, 3)];
      await join(store, followUp, NONE, [[kosti, KOSTI]]);
      // The agency's Ed-Dueim report links to the follow-up (no dateline: the pair rules allow it).
      await join(store, dueim, DUEIM, [[followUp, NONE]]);
      // Another agency's report from Ed-Dueim joins Kosti's story (two agencies say nothing of each other).
      await join(store, dueimElsewhere, DUEIM_OTHER_AGENCY, [[followUp, NONE]]);
      seen.push(await Promise.all([kosti, followUp, dueim, dueimElsewhere].map((num) => root(store, num))));
    }
    expect(seen[0]).toEqual(seen[1]);
    const [kosti, followUp, dueim, dueimElsewhere] = seen[0]!;
    expect(followUp).toBe(kosti);
    expect(dueim).not.toBe(kosti);
    expect(dueimElsewhere).toBe(kosti);
  });

  it('leaves a story indexed before the marks were kept (none stored) without a gate', async () => {
    const redis = connection();
    const prefix = testPrefix('story-marks-old');
    const store = new RedisDedupStore(redis, prefix, options);
    const [kuwait, noActor, iraq] = [await add(store, 0), await add(store, 1), await add(store, 2)];
    await join(store, noActor, NONE, [[kuwait, KW]]);
    const story = await root(store, kuwait);
    expect(await redis.hexists(`${prefix}:s:${story}`, 'k')).toBe(1);
    // As an index written before this rule: the story of two has no marks.
    await redis.hdel(`${prefix}:s:${story}`, 'k');
    await join(store, iraq, IQ, [[noActor, NONE]]);
    expect(await root(store, iraq)).toBe(story);
    // And the merged story stays unknown.
    expect(await redis.hexists(`${prefix}:s:${story}`, 'k')).toBe(0);
  });
});
