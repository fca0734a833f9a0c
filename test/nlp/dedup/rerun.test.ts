import { describe, expect, it } from 'vitest';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { loadSeeds, numericClaim, seedInput } from './seeds.js';

/**
 * A retried job runs an article's dedup step again after later articles were indexed (`khabar run`
 * retries an article's whole chain when its write fails): the step must give the layer its first
 * run gave, or the record and the stores would hold links the first run never made.
 */
describe('dedup step run again for an article already indexed', () => {
  it('gives the seeds\' first article the same layer after the other four were indexed', async () => {
    const seeds = loadSeeds();
    const index = inMemoryDedupIndex();
    // The seed that reuses another's passages and shares its numbers comes first, so that later
    // seeds find it: the rerun then sees articles indexed after it.
    const claims = (seed: (typeof seeds)[number]) => (seed.file.startsWith('000') ? [numericClaim(seed.text, '49 هجوما', 49, false, 'هجوما')] : seed.file.startsWith('002') ? [numericClaim(seed.text, 'نحو 50 هجوما', 50, true, 'هجوما')] : []);
    const inputs = seeds.map((seed) => seedInput(seed, { claims: claims(seed) }));
    const first = await index.processArticle(inputs[0]!);
    const others = [];
    for (const input of inputs.slice(1)) others.push(await index.processArticle(input));
    // The later seeds did link to the first one: a rerun that looked at them would find them.
    expect(others.some((step) => step.layer.storyId === first.layer.storyId && step.layer.storyReason !== 'new')).toBe(true);
    const again = await index.processArticle(inputs[0]!);
    expect(again.layer).toEqual(first.layer);
  });
});
