import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadNerModel } from '../../../src/models/ner.js';
import { tagEntities } from '../../../src/nlp/ner/index.js';
import { analyseText } from '../../../src/nlp/text/index.js';
import { MemoryEntityRegistry } from '../../../src/store/entity-registry.js';

const model = loadNerModel();

// Pieces of real news text, clitic-laden names, punctuation, Latin, digits and stray marks.
const pieces = [
  'وقال', 'الرئيس', 'الأميركي', 'جو', 'بايدن', 'وبغداد', 'للكاظمي', 'لقاآني', 'مصطفى', 'الكاظمي', 'في', 'العراق',
  'كتائب', 'حزب', 'الله', 'تنظيم', 'داعش', '(', ')', '«', '»', '،', '.', '؟', '\n', 'Reuters', '2021', '٣٥',
  'ـ', 'ً', 'ويrول', 'https://example.com', '#العراق', '@user', '😀', ' ', '  ', 'إلى', 'واشنطن',
];

describe('tagging arbitrary text', () => {
  it('never throws; spans are valid, in order, non-overlapping, with confidence in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.boolean(), (words, spaced) => {
        const text = words.join(spaced ? ' ' : '');
        const registry = new MemoryEntityRegistry();
        const entities = tagEntities(analyseText(text), text, model, { registry, articleId: 'p' });
        let previousEnd = 0;
        for (const e of entities) {
          expect(text.slice(e.start, e.end)).toBe(e.text);
          expect(e.end).toBeGreaterThan(e.start);
          expect(e.start).toBeGreaterThanOrEqual(previousEnd);
          expect(e.confidence).toBeGreaterThanOrEqual(0);
          expect(e.confidence).toBeLessThanOrEqual(1);
          previousEnd = e.end;
        }
        // The same article again through the same registry: the same ids.
        expect(tagEntities(analyseText(text), text, model, { registry, articleId: 'p' })).toEqual(entities);
      }),
      { numRuns: 200 },
    );
  });
});
