import { describe, expect, it } from 'vitest';
import type { DedupResult } from '../../../src/nlp/dedup/index-contract.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { analyseText } from '../../../src/nlp/text/index.js';
import { extractClaims } from '../../../src/nlp/claims/index.js';
import { loadSeeds } from './seeds.js';

/** The seeds with the claims stage's own output (no NER: claims are matched on anonymous speakers and counts). */
describe('claims across the five seeds, as the claims stage marks them', () => {
  it('links the Taeb/Khamenei account (one source: a reprint) and «49 / نحو 50 هجوما», and flags «2500 / نحو 5 آلاف جندي» and nothing else', async () => {
    const index = inMemoryDedupIndex();
    const seeds = loadSeeds();
    const results = new Map<string, DedupResult>();
    const claimTexts = new Map<string, string[]>();
    for (const seed of seeds) {
      const layer = analyseText(seed.text);
      const { claims } = extractClaims({ text: seed.text, tokens: layer.tokens, sentences: layer.sentences, entities: [], publishedAt: null });
      claimTexts.set(seed.id, claims.map((claim) => claim.text));
      results.set(seed.id, await index.process({ id: seed.id, text: seed.text, tokens: layer.tokens, sentences: layer.sentences, claims, publishedAt: '2021-07-14T00:00:00.000Z', sourceName: seed.file.slice(0, 3) }));
    }
    const facts = [...results].flatMap(([id, result]) =>
      result.layer.claimLinks.map((link) => {
        const mine = claimTexts.get(id)![link.claim]!;
        const theirs = claimTexts.get(link.otherId)![link.otherClaim]!;
        return { relation: link.relation, mine, theirs };
      }),
    );
    // Without NER the subjects are unknown: «أودت بحياة أربعة من عناصرها» (the US strikes) and «قتل 35
    // شخصا على الأقل» (the Sadr City bombing) are both people killed and meet in the records; they are
    // in two stories, so no story lists them (with NER, «طهران» and «مدينة الصدر» are two subjects).
    expect(facts).toHaveLength(4);
    const pairOf = (f: (typeof facts)[number]) => [f.mine, f.theirs].sort().join(' | ');
    expect(facts.filter((f) => f.relation === 'conflicts' && /وقتل 35 شخصا على الأقل/u.test(pairOf(f)) && /أودت بحياة أربعة من عناصرها/u.test(pairOf(f)))).toHaveLength(1);
    expect(facts).toContainEqual({ relation: 'corroborates', mine: expect.stringContaining('زيارة طائب، إن رئيس استخبارات'), theirs: expect.stringContaining('زيارة طائب الأخيرة لبغداد') });
    expect(facts).toContainEqual({ relation: 'corroborates', mine: expect.stringContaining('نحو 50 هجوما'), theirs: expect.stringContaining('49 هجوما') });
    expect(facts).toContainEqual({ relation: 'conflicts', mine: expect.stringContaining('نحو 5 آلاف جندي أمريكي'), theirs: expect.stringContaining('2500 جندي أميركي') });
    // 003 reprints 000's paragraph that holds the Taeb account: one source, so the story lists no
    // corroboration (issue 25: a reprint is not a second, independent source).
    const story = results.get(seeds.find((seed) => seed.file.startsWith('003'))!.id)!.story;
    expect(story.corroboratedClaims).toEqual([]);
  });
});
