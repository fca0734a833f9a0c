import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, MemoryDedupIndex, MemoryDedupStore, RedisDedupIndex, RedisDedupStore, dedupOptions, type DedupIndex, type DedupInput, type DedupOptions, type DedupState, type RedisLayoutOptions } from '../../src/store/dedup-index.js';
import { decodeLinkList } from '../../src/store/dedup-store.js';
import { encodeMeta } from '../../src/nlp/dedup/meta-slot.js';
import { decodeClaimDigests, encodeClaimDigests } from '../../src/nlp/dedup/claims.js';
import { encodeArticleBlob } from '../../src/nlp/dedup/article-blob.js';
import { testConnections, testPrefix } from '../helpers/redis.js';
import { dedupCorpus, shuffled } from '../nlp/dedup/corpus.js';
import { loadSeeds } from '../nlp/dedup/seeds.js';
import { analyseText } from '../../src/nlp/text/index.js';
import { extractClaims } from '../../src/nlp/claims/index.js';
import { DRIVERS, TEACHERS, TEACHERS_FOLLOW_UP, report } from '../nlp/dedup/strikes.js';

const connection = testConnections();

async function sequential(index: DedupIndex, inputs: readonly DedupInput[]): Promise<DedupState> {
  for (const input of inputs) await index.process(input);
  return index.dumpState();
}

/** N workers, each on its own connection, pulling from one shared shuffled queue at the same time. */
async function parallel(workers: number, inputs: readonly DedupInput[], prefix: string, options: Partial<DedupOptions> = {}, layout: RedisLayoutOptions = DEFAULT_LAYOUT): Promise<DedupState> {
  const indexes = Array.from({ length: workers }, () => new RedisDedupIndex(connection(), prefix, options, layout));
  const queue = [...inputs];
  await Promise.all(
    indexes.map(async (index) => {
      for (let input = queue.pop(); input; input = queue.pop()) await index.process(input);
    }),
  );
  return indexes[0]!.dumpState();
}

const corpus = dedupCorpus();

describe('RedisDedupIndex', () => {
  it('agrees with the in-process index on the same articles in the same order', async () => {
    const redisState = await sequential(new RedisDedupIndex(connection(), testPrefix('dedup-twin')), corpus);
    const memoryState = await sequential(new MemoryDedupIndex(), corpus);
    expect(redisState).toEqual(memoryState);
    // The corpus holds every kind of link, so the comparison is not empty.
    for (const kind of ['exact', 'near-duplicate', 'reused-passage']) expect(redisState.links.some((link) => link.startsWith(kind))).toBe(true);
  });

  // With no passage fingerprint at its postings cap, the final state is a function of the set of
  // articles alone: every link, every passage, every story. Nor may a passage count as background
  // (held by several articles): which articles held it first depends on the order, like a cap. Nor is
  // a passage past both leads weighed by what the later article says outside it (story round 10):
  // which of the two is later depends on the order.
  const noBackground: Partial<DedupOptions> = { passageBackgroundHolders: 1000, passageContextThreshold: 0 };
  const uncapped: Partial<DedupOptions> = { passageMaxPostings: 64, ...noBackground };
  it.each([1, 2, 3])('ends with the same links, passages and stories with 4 parallel workers on a shuffled corpus (order %i)', async (order) => {
    const expected = await sequential(new RedisDedupIndex(connection(), testPrefix('dedup-seq'), uncapped), corpus);
    const got = await parallel(4, shuffled(corpus, order * 7919), testPrefix('dedup-par'), uncapped);
    expect(got).toEqual(expected);
  });

  // With the default cap (a fingerprint held by more than 10 articles is a stock phrase), which
  // fingerprints a pair shares can depend on the order, so passage extents may differ; copies, near
  // duplicates, the pairs that share passages, and the stories may not.
  it.each([4, 5])('ends with the same duplicate links, passage pairs and stories under the default cap (order %i)', async (order) => {
    const pairsOnly = (state: DedupState) => ({ ...state, links: state.links.map((link) => link.replace(/ passages=\d+$/u, '')) });
    const expected = pairsOnly(await sequential(new RedisDedupIndex(connection(), testPrefix('dedup-seq'), noBackground), corpus));
    const got = pairsOnly(await parallel(4, shuffled(corpus, order * 7919), testPrefix('dedup-par'), noBackground));
    expect(got).toEqual(expected);
  });

  it('decides event stories by time closeness as the twin does: a follow-up joins days later, another strike in the city five days later does not', async () => {
    const dated = [report(TEACHERS, 0, 'outlet-a'), report(TEACHERS_FOLLOW_UP, 50, 'outlet-c'), report(DRIVERS, 120, 'outlet-b')];
    const redisState = await sequential(new RedisDedupIndex(connection(), testPrefix('dedup-time')), dated);
    expect(redisState).toEqual(await sequential(new MemoryDedupIndex(), dated));
    // The teachers' strike and its follow-up are one story; the drivers' strike five days later is alone.
    expect(redisState.stories.map((story) => story.members.length).sort()).toEqual([1, 2]);
    expect(redisState.stories.find((story) => story.members.length === 1)?.members).toEqual([dated[2]!.id]);
  });

  it('keeps one record when the same article is ingested twice (a retry), and returns the same result', async () => {
    const index = new RedisDedupIndex(connection(), testPrefix('dedup-retry'));
    for (const input of corpus.slice(0, 6)) await index.process(input);
    const before = await index.dumpState();
    const first = await index.process(corpus[6]!);
    const afterFirst = await index.dumpState();
    const second = await index.process(corpus[6]!);
    expect(second.layer).toEqual(first.layer);
    expect(second.story).toEqual(first.story);
    expect(await index.size()).toBe(7);
    expect(await index.dumpState()).toEqual(afterFirst);
    expect(afterFirst.stories.flatMap((story) => story.members)).toHaveLength(before.stories.flatMap((story) => story.members).length + 1);
  });

  it('lets two copies processed at the same instant find each other', async () => {
    const prefix = testPrefix('dedup-race');
    const [original, copy] = [corpus[0]!, corpus[1]!];
    for (let round = 0; round < 5; round++) {
      const roundPrefix = `${prefix}:${round}`;
      const [a, b] = await Promise.all([new RedisDedupIndex(connection(), roundPrefix).process(original), new RedisDedupIndex(connection(), roundPrefix).process(copy)]);
      const links = [...a.layer.nearDuplicates, ...b.layer.nearDuplicates].map((near) => near.id);
      expect(links.length).toBeGreaterThan(0);
      expect(a.story.storyId === b.story.storyId || links.length === 1).toBe(true);
      const state = await new RedisDedupIndex(connection(), roundPrefix).dumpState();
      expect(state.stories).toHaveLength(1);
    }
  });

  it('follows a merged story to the story that absorbed it', async () => {
    const index = new RedisDedupIndex(connection(), testPrefix('dedup-merge'));
    const results = [];
    for (const input of corpus) results.push(await index.process(input));
    const merged = results.flatMap((result) => result.mergedStories);
    expect(merged.length).toBeGreaterThan(0);
    for (const { storyId, mergedInto } of merged) {
      const story = await index.getStory(storyId);
      const survivor = await index.getStory(mergedInto);
      expect(story?.storyId).toBe(survivor?.storyId);
    }
  });

  it('keeps the most recent claim postings per key, and returns the digests of the articles they name, in Redis as in the twin', async () => {
    const options = dedupOptions({ claimPostingsCap: 3 });
    const stores = [new RedisDedupStore(connection(), testPrefix('dedup-claims-window'), options), new MemoryDedupStore(options)];
    const seen: Array<Array<{ postings: string[]; digests: string[] }>> = [];
    for (const store of stores) {
      const perArticle: Array<{ postings: string[]; digests: string[] }> = [];
      for (let i = 0; i < 6; i++) {
        const id = (0x1000 + i).toString(16).padStart(16, '0');
        // Two claims of each article share the speaker key (two entries of one key).
        const digest = { kind: 'attributed' as const, speakerKey: 'ent:x', words: [`w${i}`], quantities: [], text: '' };
        const claimDigests = encodeClaimDigests([{ ...digest, claim: 0 }, { ...digest, claim: 1 }]);
        const key = { kind: 'C' as const, shard: 7, field: 9 };
        const result = await store.register({
          id,
          meta: encodeMeta(id, null, 'ab'.repeat(8), 0, 0),
          // The claim digests head the article's blob.
          sample: encodeArticleBlob({ contentLength: 0, sentences: [], firstPositions: [], sample: { level: 0, bounded: false, values: new Uint16Array(0) }, claims: claimDigests }),
          source: null,
          entries: [{ ...key, position: 0 }, { ...key, position: 1 }],
        });
        const postings = [...new Set([...result.postings.values()].flat().filter((p) => p.num !== result.num).map((p) => `${p.num}:${p.position}`))].sort();
        const digests = [...result.claimDigests].map(([num, raw]) => `${num}:${decodeClaimDigests(raw).map((d) => d.claim).join(',')}`).sort();
        perArticle.push({ postings, digests });
      }
      seen.push(perArticle);
    }
    const [redis, memory] = seen;
    expect(redis).toEqual(memory);
    // Article 0 finds nothing; later ones find the 3 most recent postings before their own.
    expect(redis![0]).toEqual({ postings: [], digests: [] });
    expect(redis![1]).toEqual({ postings: ['0:0', '0:1'], digests: ['0:0,1'] });
    expect(redis![2]).toEqual({ postings: ['0:1', '1:0', '1:1'], digests: ['0:0,1', '1:0,1'] });
    expect(redis![5]).toEqual({ postings: ['3:1', '4:0', '4:1'], digests: ['3:0,1', '4:0,1'] });
  });

  it('refuses an index written in an older layout with a message that says what to do, instead of misreading it', async () => {
    const redis = connection();
    const prefix = testPrefix('dedup-old-layout');
    // An index of the first layout: articles counted, no layout version.
    await redis.set(`${prefix}:n`, '12');
    const index = new RedisDedupIndex(redis, prefix);
    await expect(index.processArticle(corpus[0]!)).rejects.toThrow(/written in layout 1, this khabar writes layout 5: delete its keys/);
    // A new index records its layout and works.
    const fresh = new RedisDedupIndex(redis, testPrefix('dedup-new-layout'));
    await fresh.processArticle(corpus[0]!);
    await fresh.processArticle(corpus[1]!);
    expect(await fresh.size()).toBe(2);
  });

  // The default table (1,024 shards, 48 fields each on average) never splits on a test corpus; a
  // table of 2 shards and 4 fields a shard splits through six rounds on it (2 → ~200 shards).
  const tiny: RedisLayoutOptions = { shardsBase: 2, shardLoad: 4 };

  it("gives the same results whatever the table's size: a table that splits through many rounds agrees with the default one and with the twin", async () => {
    const prefix = testPrefix('dedup-split');
    const redis = connection();
    const split = await sequential(new RedisDedupIndex(redis, prefix, {}, tiny), corpus);
    const state = await redis.hgetall(`${prefix}:lh`);
    expect(Number(state.L)).toBeGreaterThanOrEqual(5);
    expect(split).toEqual(await sequential(new RedisDedupIndex(connection(), testPrefix('dedup-unsplit')), corpus));
    expect(split).toEqual(await sequential(new MemoryDedupIndex({}, tiny), corpus));
  });

  it('keeps every field in the shard its address names after the splits, counts them, and finds every article by id', async () => {
    const prefix = testPrefix('dedup-split-table');
    const redis = connection();
    const index = new RedisDedupIndex(redis, prefix, {}, tiny);
    for (const input of corpus) await index.processArticle(input);
    const L = Number(await redis.hget(`${prefix}:lh`, 'L'));
    const p = Number(await redis.hget(`${prefix}:lh`, 'p'));
    const shards = tiny.shardsBase * 2 ** L + p;
    let fields = 0;
    for (let address = 0; address < shards + 4; address++) {
      // Field names are raw bytes: read them as buffers, not as (UTF-8) object keys.
      const flat = (await redis.callBuffer('HGETALL', `${prefix}:b:${address}`)) as Buffer[];
      const names = flat.filter((_, i) => i % 2 === 0);
      if (address >= shards) {
        expect(names, `no shard past the table's end (${address})`).toEqual([]);
        continue;
      }
      fields += names.length;
      for (const name of names) {
        // The field's 24 placing bits (after its kind letter, but for 3-byte passage fields).
        const bits = name.readUIntLE(name.length === 3 ? 0 : 1, 3);
        const low = address % tiny.shardsBase;
        let expected = low + tiny.shardsBase * (bits % 2 ** L);
        if (expected < p) expected = low + tiny.shardsBase * (bits % 2 ** (L + 1));
        expect(expected).toBe(address);
      }
    }
    expect(fields).toBe(Number(await redis.hget(`${prefix}:lh`, 'e')));
    expect(fields / shards).toBeLessThanOrEqual(tiny.shardLoad);
    for (const input of corpus) expect(await index.getStory(input.id), input.id).not.toBeNull();
    expect(await index.size()).toBe(corpus.length);
    // A retried article is found, not numbered again, after its own shard has split.
    await index.processArticle(corpus[0]!);
    expect(await index.size()).toBe(corpus.length);
  });

  it.each([6, 7])('ends with the same links, passages and stories with 4 parallel workers while the table splits (order %i)', async (order) => {
    const expected = await sequential(new RedisDedupIndex(connection(), testPrefix('dedup-split-seq'), uncapped, tiny), corpus);
    const got = await parallel(4, shuffled(corpus, order * 7919), testPrefix('dedup-split-par'), uncapped, tiny);
    expect(got).toEqual(expected);
  });

  it('keeps links on the articles that found them: the same stories and facts as the twin, each fact once however often an article is retried', async () => {
    // The seeds and a copy of each, with the claims stage's own output: every claim of a copy
    // corroborates its original, and the seeds' own three cross-article facts are there too.
    const inputs: DedupInput[] = loadSeeds().flatMap((seed, i) => {
      const texts = [seed.text, seed.text.replace(/\n\n/gu, '\n\n\n')];
      return texts.map((text, copy) => {
        const layer = analyseText(text);
        const { claims } = extractClaims({ text, tokens: layer.tokens, sentences: layer.sentences, entities: [], publishedAt: null });
        const id = copy === 0 ? seed.id : `${seed.id.slice(0, 15)}${copy}`;
        return { id, text, tokens: layer.tokens, sentences: layer.sentences, claims, publishedAt: `2021-07-1${i}T00:00:00.000Z`, sourceName: `outlet-${copy}` };
      });
    });
    const prefix = testPrefix('dedup-claim-lists');
    const redis = connection();
    const index = new RedisDedupIndex(redis, prefix);
    for (const input of inputs) await index.process(input);
    const state = await index.dumpState();
    const claimFacts = state.links.filter((link) => link.startsWith('claim-'));
    expect(claimFacts.length).toBeGreaterThan(20);
    expect(state).toEqual(await sequential(new MemoryDedupIndex(), inputs));
    // A retry can find facts that the first pass could not (the article's later copies are indexed
    // by then), in Redis as in the twin; a second retry finds nothing new and moves no story.
    const twin = new MemoryDedupIndex();
    for (const input of inputs) await twin.process(input);
    for (const input of inputs) await twin.processArticle(input);
    for (const input of inputs) await index.processArticle(input);
    const retried = await index.dumpState();
    expect(retried).toEqual(await twin.dumpState());
    const before = await Promise.all(inputs.map(async (input) => index.storyStatus(input.id)));
    for (const input of inputs) await index.processArticle(input);
    expect(await index.dumpState()).toEqual(retried);
    expect(await Promise.all(inputs.map(async (input) => index.storyStatus(input.id)))).toEqual(before);
    const lists = ((await redis.callBuffer('HGETALL', `${prefix}:l:0`)) as Buffer[]).filter((_, i) => i % 2 === 1);
    // Each article's list holds a fact once (after a retry both articles of a pair may hold it).
    const perArticle = lists.map((list) => decodeLinkList(list.toString('utf8')).map(([field]) => field));
    for (const fields of perArticle) expect(fields).toHaveLength(new Set(fields).size);
    expect(new Set(perArticle.flat()).size).toBeGreaterThanOrEqual(retried.links.filter((link) => link.startsWith('claim-')).length);
    // A story's own hash keeps only its version and its marks (story-marks.ts, a few bytes): no link is
    // copied there, or from it on a merge.
    for (const story of state.stories) {
      const num = await new RedisDedupStore(redis, prefix, dedupOptions()).lookupId(story.storyId);
      expect(Object.keys(await redis.hgetall(`${prefix}:s:${num}`)).filter((key) => key !== 'k')).toEqual(['v']);
    }
  });
});
