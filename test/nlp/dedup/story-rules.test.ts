import { describe, expect, it } from 'vitest';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { loadSeeds, seedInput } from './seeds.js';

const seeds = loadSeeds();
const s000 = seeds.find((seed) => seed.file.startsWith('000'))!;
const s003 = seeds.find((seed) => seed.file.startsWith('003'))!;

/** 003 reprints two paragraphs of 000: whether that puts them in one story depends on dates and sources. */
async function run(second: Partial<Parameters<typeof seedInput>[1]>) {
  const index = inMemoryDedupIndex();
  const first = await index.process(seedInput(s000, { publishedAt: '2021-07-13T08:00:00.000Z', sourceName: 'العرب' }));
  const result = await index.process(seedInput(s003, second));
  return { first, result };
}

describe('which links join stories', () => {
  it('joins articles of two outlets that share passages within the window', async () => {
    const { first, result } = await run({ publishedAt: '2021-07-13T23:41:00.000Z', sourceName: 'رويترز' });
    expect(result.layer.reusedPassages).not.toEqual([]);
    expect(result.story.storyId).toBe(first.story.storyId);
  });

  it('records but does not join a passage shared by two articles of one outlet (its own templates)', async () => {
    const { first, result } = await run({ publishedAt: '2021-07-13T23:41:00.000Z', sourceName: 'العرب' });
    expect(result.layer.reusedPassages).not.toEqual([]);
    expect(result.story.storyId).not.toBe(first.story.storyId);
  });

  it('does not join articles dated further apart than the story window', async () => {
    const { first, result } = await run({ publishedAt: '2021-07-23T08:00:00.000Z', sourceName: 'رويترز' });
    expect(result.layer.reusedPassages).not.toEqual([]);
    expect(result.story.storyId).not.toBe(first.story.storyId);
  });

  it('joins when a date is unknown (nothing says they are far apart)', async () => {
    const { first, result } = await run({ publishedAt: null, sourceName: 'رويترز' });
    expect(result.story.storyId).toBe(first.story.storyId);
  });

  it('records but does not join a single reused sentence (too short to say two articles are one story)', async () => {
    const index = inMemoryDedupIndex();
    const s001 = seeds.find((seed) => seed.file.startsWith('001'))!;
    const first = await index.process(seedInput(s000, { sourceName: 'العرب' }));
    const sentence = 'وتقع قاعدة عين الأسد في ناحية البغدادي على بعد 90 كلم غرب مدينة الرمادي، عاصمة الأنبار وهي أكبر قاعدة عسكرية للقوات الأميركية في العراق.';
    expect(s000.text).toContain(sentence);
    const text = `${s001.text}\n\n${sentence}`;
    const result = await index.process(seedInput({ ...s001, text }, { sourceName: 'رويترز' }));
    expect(result.layer.reusedPassages.map((p) => text.slice(p.start, p.end))).toEqual([sentence]);
    expect(result.story.storyId).not.toBe(first.story.storyId);
  });
});
