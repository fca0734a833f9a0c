import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultLinkingLexicon } from '../../../src/nlp/ner/aliases.js';
import { phraseKey } from '../../../src/nlp/ner/gazetteer.js';
import { editDistance, entityIdFor, isSpellingVariant, phraseSkeleton, spellingKey } from '../../../src/nlp/ner/skeleton.js';

const { plainWords } = defaultLinkingLexicon();
const skeleton = (phrase: string): string => phraseSkeleton(phraseKey(phrase).split(' '), plainWords);

describe('name skeletons', () => {
  it.each([
    ['ترمب', 'ترامب'],
    ['مكغورك', 'ماكغورك'],
    ['خامنئي', 'خامئني'],
    ['اسماعيل', 'إسماعيل'],
    ['أمريكي', 'أميركي'],
    ['الكاظمي', 'كاظمي'],
    ['بريت مكغورك', 'بريت ماكغورك'],
    ['غوغل', 'جوجل'],
  ])('spelling variants %s and %s share a skeleton', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  it.each([
    ['محمد', 'محمود'],
    ['حسن', 'حسين'],
    ['سلمان', 'سليمان'],
    ['علي', 'عالي'],
    ['كمال', 'جمال'],
    ['صدام حسين', 'فؤاد حسين'],
    ['حزب الله', 'كتائب حزب الله'],
  ])('different names %s and %s keep different skeletons', (a, b) => {
    expect(skeleton(a)).not.toBe(skeleton(b));
  });

  it('is idempotent on its own output words and never longer than the key', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ابتثجحخدذرزسشصضطظعغفقكلمنهويءة]{1,12}$/), (word) => {
        const once = phraseSkeleton([word], plainWords);
        expect(once.length).toBeLessThanOrEqual(word.length);
      }),
    );
  });

  it('edit distance counts single edits and stops past its limit', () => {
    expect(editDistance('كاظمي', 'كاظمى')).toBe(1);
    expect(editDistance('سليماني', 'سليماني')).toBe(0);
    expect(editDistance('ابراهيم', 'اسماعيل', 1)).toBe(2);
  });

  it('entity ids are stable and typed', () => {
    expect(entityIdFor('PER', 'PER:مصطفي كظمي')).toBe(entityIdFor('PER', 'PER:مصطفي كظمي'));
    expect(entityIdFor('PER', 'PER:a')).toMatch(/^per:[0-9a-f]{16}$/);
    expect(entityIdFor('PER', 'PER:a')).not.toBe(entityIdFor('PER', 'PER:b'));
  });
});

describe('spelling keys (variants of a name inside one article)', () => {
  const key = (word: string): string => spellingKey(phraseKey(word), plainWords);
  const variant = (a: string, b: string): boolean => key(a) === key(b) && isSpellingVariant(phraseKey(a), phraseKey(b));
  it.each([
    ['خامنئي', 'خامئني'],
    ['ترمب', 'ترامب'],
    ['مكغورك', 'ماكغورك'],
    ['بشكيك', 'بشكك'],
    ['لكسمبورج', 'لوكسمبورج'],
  ])('%s and %s are spellings of one name', (a, b) => {
    expect(variant(a, b)).toBe(true);
  });
  it.each([
    ['إيران', 'الإيرانيين'], // the article stays
    ['تجمع', 'تتجمع'], // doubled letters stay
    ['الحرمين', 'الحرمان'], // an inflection swaps a vowel for another
    ['الحوثيين', 'الحوثيون'],
    ['مجنون', 'مجانين'],
    ['محمد', 'محمود'], // given names keep their vowels
  ])('%s and %s are not', (a, b) => {
    expect(variant(a, b)).toBe(false);
  });
});
