import { beforeAll, describe, expect, it } from 'vitest';
import type { DedupIndex, DedupResult } from '../../../src/nlp/dedup/index-contract.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { StorySchema } from '../../../src/schema/story.js';
import { DedupLayerSchema } from '../../../src/schema/dedup.js';
import { anonymousClaim, coverage, loadSeeds, numericClaim, seedInput, spanBetween, type Seed } from './seeds.js';

const seeds = loadSeeds();
const byNumber = (n: string): Seed => seeds.find((seed) => seed.file.startsWith(n))!;
const s000 = byNumber('000');
const s002 = byNumber('002');
const s003 = byNumber('003');
const s004 = byNumber('004');

/** The senior regional official's account of Taeb's visit, and the paragraph after it, in each article. */
const taebParagraph = (seed: Seed) => spanBetween(seed.text, 'وقال مسؤول كبير في المنطقة أطلعته', 'حتى ترحل عن المنطقة');
const strikesParagraph = (seed: Seed) => spanBetween(seed.text, 'ومنذ الضربات الجوية الأميركية', 'نطاقها إلى شرق سوريا.');

/** The Taeb/Khamenei claim as the claims stage would mark it (speaker, content), in each article. */
const taebClaim = (seed: Seed) =>
  anonymousClaim(seed.text, 'مسؤول كبير في المنطقة', 'مسؤول', spanBetween(seed.text, 'رئيس استخبارات الحرس الثوري اجتمع', 'حتى ترحل عن المنطقة'));

describe('dedup on the five seeds (in-process index)', () => {
  const results = new Map<string, DedupResult>();
  let index: DedupIndex;

  beforeAll(async () => {
    index = inMemoryDedupIndex();
    const claims = new Map([
      [s000.id, [taebClaim(s000), numericClaim(s000.text, '49 هجوما', 49, false, 'هجوما'), numericClaim(s000.text, '2500 جندي أميركي', 2500, false, 'جندي أميركي')]],
      [s002.id, [numericClaim(s002.text, 'نحو 50 هجوما', 50, true, 'هجوما')]],
      [s003.id, [taebClaim(s003)]],
      [s004.id, [numericClaim(s004.text, 'نحو 5 آلاف جندي أمريكي', 5000, true, 'جندي أمريكي')]],
    ]);
    for (const seed of seeds) results.set(seed.id, await index.process(seedInput(seed, { claims: claims.get(seed.id) ?? [] })));
  });

  it('writes layers and stories that match their schemas', () => {
    for (const result of results.values()) {
      expect(DedupLayerSchema.safeParse(result.layer).success).toBe(true);
      expect(StorySchema.safeParse(result.story).success).toBe(true);
    }
  });

  it('finds no copy and no near duplicate among five different articles', async () => {
    const state = await index.dumpState();
    expect(state.links.filter((link) => link.startsWith('exact') || link.startsWith('near-duplicate'))).toEqual([]);
    for (const result of results.values()) {
      expect(result.layer.exactDuplicateOf).toBeNull();
      expect(result.layer.nearDuplicates).toEqual([]);
    }
  });

  it('puts 000 and 003 in one story through the passages 003 reprints', async () => {
    const story = await index.getStory(s003.id);
    expect(story?.articles.map((article) => article.id)).toEqual(expect.arrayContaining([s000.id, s003.id]));
    expect(results.get(s003.id)!.layer.storyReason).toBe('reused-passage');
  });

  it('reports the reused passages with spans in both articles', () => {
    const passages = results.get(s003.id)!.layer.reusedPassages.filter((p) => p.otherId === s000.id);
    expect(passages.length).toBeGreaterThan(0);
    // Spans are UTF-16 offsets into each original text, and lie on the two paragraphs.
    const covered = (seed: Seed, paragraph: { start: number; end: number }, spans: Array<[number, number]>) =>
      spans.reduce((sum, [start, end]) => sum + coverage(paragraph.start, paragraph.end, start, end), 0);
    const inNew = passages.map((p): [number, number] => [p.start, p.end]);
    const inOld = passages.map((p): [number, number] => [p.otherStart, p.otherEnd]);
    expect(covered(s003, taebParagraph(s003), inNew)).toBeGreaterThan(0.95);
    expect(covered(s000, taebParagraph(s000), inOld)).toBeGreaterThan(0.95);
    expect(covered(s003, strikesParagraph(s003), inNew)).toBeGreaterThan(0.95);
    expect(covered(s000, strikesParagraph(s000), inOld)).toBeGreaterThan(0.95);
    // Nothing outside the two paragraphs (and the line break between them): whole sentences, both sides.
    for (const passage of passages) {
      expect(passage.start).toBeGreaterThanOrEqual(taebParagraph(s003).start);
      expect(passage.end).toBeLessThanOrEqual(strikesParagraph(s003).end);
      expect(passage.otherStart).toBeGreaterThanOrEqual(taebParagraph(s000).start);
      expect(passage.otherEnd).toBeLessThanOrEqual(strikesParagraph(s000).end);
    }
  });

  it('links the Taeb/Khamenei claim of both articles, but counts it once: 003 reprints the paragraph of 000 that holds it', async () => {
    const story = (await index.getStory(s000.id))!;
    // One source (a reprinted passage), so no corroboration by two independent sources.
    expect(story.corroboratedClaims.find((g) => g.claims.some((c) => c.articleId === s003.id))).toBeUndefined();
    expect(results.get(s003.id)!.layer.claimLinks).toContainEqual(expect.objectContaining({ claim: 0, otherId: s000.id, otherClaim: 0, relation: 'corroborates' }));
  });

  it('compares no numbers between the seeds’ different events («49 هجوما» / «نحو 50 هجوما», «2500» / «نحو 5 آلاف جندي»)', () => {
    // 002 and 004 report other events than 000 (issue 25: numbers are compared only between reports
    // of one event, joined by a direct link; the claims index alone paired unrelated tolls).
    for (const seed of [s002, s004]) expect(results.get(seed.id)!.layer.claimLinks.filter((link) => link.otherId === s000.id && link.relation === 'conflicts')).toEqual([]);
    expect(results.get(s002.id)!.layer.claimLinks).toEqual([]);
  });

  it('lists numbers that disagree in the story, with the article and date of each', async () => {
    // An article that reprints 004 whole and 000's two paragraphs joins both into one story, where
    // 000's «2500 جندي أميركي» meets the reprint's «نحو 5 آلاف جندي أمريكي» (a direct link: the reprinted
    // paragraphs). 004 itself is not compared with 000: no direct link joins them (another event).
    const text = `${s004.text}\n\n${taebParagraph(s000).text}".\n\n${strikesParagraph(s000).text}`;
    const reprint = { ...s004, id: 'fe0000000000000a', text };
    const result = await index.process(
      seedInput(reprint, { publishedAt: '2021-07-15T10:00:00.000Z', sourceName: 'reprinter', claims: [numericClaim(text, 'نحو 5 آلاف جندي أمريكي', 5000, true, 'جندي أمريكي')] }),
    );
    expect(result.story.storyId).toBe(results.get(s000.id)!.story.storyId);
    const conflict = result.story.conflicts.find((c) => c.values.some((v) => v.articleId === reprint.id));
    expect(conflict?.values.map((v) => [v.articleId, v.value, v.approx, v.publishedAt])).toEqual([
      [s000.id, 2500, false, '2021-07-14T00:00:00.000Z'],
      [reprint.id, 5000, true, '2021-07-15T10:00:00.000Z'],
    ]);
  });
});
