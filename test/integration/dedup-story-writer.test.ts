import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoryFileSchema, type Story } from '../../src/schema/story.js';
import { storyPath, writeDedupStories, writePendingTombstones, writeStoryFile, writeStoryTombstone, writeStoryWhenDue, RecordClaimTexts, recordQuotes } from '../../src/pipeline/story-files/index.js';
import { DEFAULT_LAYOUT, RedisDedupIndex } from '../../src/store/dedup-index.js';
import { quotesPath, recordPath, writeJsonAtomic } from '../../src/store/output.js';
import { analyseText } from '../../src/nlp/text/index.js';
import { extractClaims } from '../../src/nlp/claims/index.js';
import { loadSeeds } from '../nlp/dedup/seeds.js';
import { testConnections, testPrefix } from '../helpers/redis.js';
import { dedupCorpus } from '../nlp/dedup/corpus.js';

const dirs: string[] = [];
function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stories-'));
  dirs.push(dir);
  return dir;
}
const connection = testConnections();
afterAll(() => {
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

  it('writes the tombstone of every merge even when the job that made the merge never wrote it', async () => {
    const dir = outDir();
    const redis = connection();
    const lockPrefix = testPrefix('story-lost-lock');
    const index = new RedisDedupIndex(redis, testPrefix('story-lost'));
    const listedTwice = (): number => {
      const seen = new Map<string, number>();
      for (const file of readdirSync(join(dir, 'stories'))) {
        const parsed = StoryFileSchema.parse(JSON.parse(readFileSync(join(dir, 'stories', file), 'utf8')));
        if (parsed.mergedInto !== null) continue;
        for (const article of parsed.articles) seen.set(article.id, (seen.get(article.id) ?? 0) + 1);
      }
      return [...seen.values()].filter((n) => n > 1).length;
    };
    // Every story file is written, but the merges' tombstones are dropped (as when the writer of the
    // merging article died, or the dedup step was retried and merged nothing the second time).
    for (const input of dedupCorpus()) {
      const result = await index.process(input);
      await writeStoryFile(dir, result.story, redis, { lockPrefix });
    }
    expect(listedTwice()).toBeGreaterThan(0);
    const pending = await index.pendingTombstones(1000);
    expect(pending.length).toBeGreaterThan(0);
    // Whoever writes next writes them; each points at the story as it stands now.
    expect(await writePendingTombstones(dir, index, redis, { lockPrefix, limit: 1000 })).toBe(pending.length);
    expect(await index.pendingTombstones(1000)).toEqual([]);
    expect(listedTwice()).toBe(0);
    const state = await index.dumpState();
    for (const { storyId, mergedInto } of pending) {
      expect(JSON.parse(readFileSync(storyPath(dir, storyId), 'utf8'))).toEqual({ storyId, mergedInto });
      expect(state.stories.some((story) => story.storyId === mergedInto)).toBe(true);
    }
  });

  it('quotes claims from the records in the output folder, and leaves the story due for a rewrite while a quoted record is missing', async () => {
    const dir = outDir();
    const redis = connection();
    const lockPrefix = testPrefix('story-quotes-lock');
    const prefix = testPrefix('story-quotes');
    // The third article joins 000 and 003 by their shared paragraph alone: the background rule (a
    // paragraph two articles already hold joins no new one without a matching event) is off here.
    const index = new RedisDedupIndex(redis, prefix, { passageBackgroundHolders: 1000 }, DEFAULT_LAYOUT, new RecordClaimTexts(dir));
    const seeds = loadSeeds();
    const claimsOf = new Map<string, ReturnType<typeof extractClaims>['claims']>();
    for (const seed of seeds) {
      const layer = analyseText(seed.text);
      const { claims } = extractClaims({ text: seed.text, tokens: layer.tokens, sentences: layer.sentences, entities: [], publishedAt: null });
      claimsOf.set(seed.id, claims);
      await index.processArticle({ id: seed.id, text: seed.text, tokens: layer.tokens, sentences: layer.sentences, claims, publishedAt: '2021-07-14T00:00:00.000Z', sourceName: seed.file.slice(0, 3) });
    }
    const [s000, s003] = ['000', '003'].map((prefix) => seeds.find((seed) => seed.file.startsWith(prefix))!);
    // 003 reprints 000's Taeb paragraph: one source, nothing corroborated (issue 25). A third outlet
    // reprints that paragraph too (so it joins their story) and states its own troop count, which
    // conflicts with 000's «2500 جندي أميركي»: the story quotes both values.
    const taeb = s000!.text.split(/\n+/u).find((paragraph) => paragraph.includes('زيارة طائب'))!;
    const extraText = `${taeb}\n\nوينتشر في العراق حاليا نحو 3500 جندي أميركي في إطار التحالف الدولي.`;
    const extraLayer = analyseText(extraText);
    const extra = { id: 'fe0000000000000c', claims: extractClaims({ text: extraText, tokens: extraLayer.tokens, sentences: extraLayer.sentences, entities: [], publishedAt: null }).claims };
    await index.processArticle({ id: extra.id, text: extraText, tokens: extraLayer.tokens, sentences: extraLayer.sentences, claims: extra.claims, publishedAt: '2021-07-14T06:00:00.000Z', sourceName: 'ext' });
    // The index holds no claim text: the third article's record is written, 000's not yet.
    await writeJsonAtomic(recordPath(dir, extra.id), { id: extra.id, claims: extra.claims });
    const storyId = [s000!.id, s003!.id, extra.id].sort()[0]!;
    const read = (): Story => StoryFileSchema.parse(JSON.parse(readFileSync(storyPath(dir, storyId), 'utf8'))) as Story;
    expect(await writeStoryWhenDue(dir, index, storyId, [], redis, { lockPrefix })).toBe(true);
    const quotes = (story: Story) => Object.fromEntries(story.conflicts[0]!.values.map((quote) => [quote.articleId, quote.text]));
    expect(read().corroboratedClaims).toEqual([]);
    expect(quotes(read())).toEqual({ [s000!.id]: null, [extra.id]: expect.stringContaining('نحو 3500 جندي أميركي') });
    // Nothing changed in the index, but the file lacks a quote: the next writer rewrites it.
    await writeJsonAtomic(recordPath(dir, s000!.id), { id: s000!.id, claims: claimsOf.get(s000!.id) });
    expect(await writeStoryWhenDue(dir, index, storyId, [], redis, { lockPrefix })).toBe(true);
    expect(quotes(read())).toEqual({ [s000!.id]: expect.stringContaining('2500 جندي أميركي'), [extra.id]: expect.stringContaining('نحو 3500 جندي أميركي') });
    // Each value quotes its number as written, and the conflict says why the two were compared.
    expect(read().conflicts[0]!.values.map((value) => value.quantityText).sort()).toEqual(['2500 جندي أميركي', 'نحو 3500 جندي أميركي']);
    expect(read().conflicts[0]!.reason).toMatch(/^Same counted thing and unit/);
    // Complete now: not due again until the story changes.
    expect(await writeStoryWhenDue(dir, index, storyId, [], redis, { lockPrefix })).toBe(false);
    // Unless its file is gone (output/ deleted and the articles run again): then it is written again.
    rmSync(storyPath(dir, storyId));
    expect(await writeStoryWhenDue(dir, index, storyId, [], redis, { lockPrefix })).toBe(true);
    expect(quotes(read())[s000!.id]).toEqual(expect.stringContaining('2500 جندي أميركي'));

    // An article's quotes file (output/.quotes, a few KB) is read before its record (hundreds of KB):
    // a fresh reader (a new flush thread) quotes from it. Here it says something else, to tell them apart.
    const quotesOf000 = recordQuotes({ claims: claimsOf.get(s000!.id) });
    quotesOf000.claims = quotesOf000.claims.map((claim) => ({ ...claim, text: `من ملف الاقتباسات: ${claim.text}` }));
    await writeJsonAtomic(quotesPath(dir, s000!.id), quotesOf000);
    const fresh = new RedisDedupIndex(redis, prefix, {}, DEFAULT_LAYOUT, new RecordClaimTexts(dir));
    const story = await fresh.getStory(storyId);
    expect(quotes(story!)).toEqual({ [s000!.id]: expect.stringMatching(/^من ملف الاقتباسات: .*2500 جندي أميركي/), [extra.id]: expect.stringContaining('نحو 3500 جندي أميركي') });
  });
});
