import { describe, expect, it } from 'vitest';
import { isPlaceNisba, nameHeads, normaliseHeadNouns, parseHeadGroups } from '../../../training/ner/conventions.js';
import { replaceMentions } from '../../../training/ner/augment.js';
import { seededRandom } from '../../../src/nlp/ner/hash.js';

const sentence = (pairs: string): { tokens: string[]; tags: string[] } => {
  const items = pairs.split(' ').map((p) => p.split('/'));
  return { tokens: items.map(([t]) => t!), tags: items.map(([, tag]) => tag ?? 'O') };
};

describe('head-noun span convention (training data)', () => {
  it('puts an organisation or facility head inside the name after it, with the head type', () => {
    expect(normaliseHeadNouns(sentence('قرب بمطار/O المنارة/B-MISC بمراكش/B-LOC')).tags).toEqual(['O', 'B-LOC', 'I-LOC', 'B-LOC']);
    expect(normaliseHeadNouns(sentence('لوكالة فرانس/B-ORG برس/I-ORG ان')).tags).toEqual(['B-ORG', 'I-ORG', 'I-ORG', 'O']);
    expect(normaliseHeadNouns(sentence('عقب انتصار حركة طالبان/B-ORG')).tags).toEqual(['O', 'O', 'B-ORG', 'I-ORG']);
  });

  it('tags a ministry with its portfolio, joined nouns and nisba adjective', () => {
    expect(normaliseHeadNouns(sentence('أعلنت وزارة الخارجية الألمانية أن')).tags).toEqual(['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']);
    expect(normaliseHeadNouns(sentence('بوزارة الاقتصاد والتجارة القى')).tags).toEqual(['B-ORG', 'I-ORG', 'I-ORG', 'O']);
    expect(normaliseHeadNouns(sentence('لوزارة المالية والذي')).tags).toEqual(['B-ORG', 'I-ORG', 'O']);
  });

  it('leaves settlement heads outside by default, and everything under --convention anercorp', () => {
    expect(normaliseHeadNouns(sentence('في مدينة دمشق/B-LOC')).tags).toEqual(['O', 'O', 'B-LOC']);
    expect(normaliseHeadNouns(sentence('في مدينة دمشق/B-LOC'), nameHeads(parseHeadGroups('all'))).tags).toEqual(['O', 'B-LOC', 'I-LOC']);
    expect(normaliseHeadNouns(sentence('مطار دمشق/B-LOC'), nameHeads(parseHeadGroups('anercorp'))).tags).toEqual(['O', 'B-LOC']);
    expect(() => parseHeadGroups('cities')).toThrow();
  });

  it('puts a place nisba after an organisation inside it with the nisba group (not by default)', () => {
    const groups = nameHeads(parseHeadGroups('organisation,nisba'));
    expect(normaliseHeadNouns(sentence('لحزب/B-ORG الله/I-ORG اللبناني ان'), groups).tags).toEqual(['B-ORG', 'I-ORG', 'I-ORG', 'O']);
    expect(normaliseHeadNouns(sentence('ميلان/B-ORG الإيطالي'), groups).tags).toEqual(['B-ORG', 'I-ORG']);
    expect(normaliseHeadNouns(sentence('الأهرام/B-ORG الحكومية'), groups).tags).toEqual(['B-ORG', 'O']);
    expect(normaliseHeadNouns(sentence('الجزيرة/B-ORG الرياضية'), groups).tags).toEqual(['B-ORG', 'O']);
    expect(normaliseHeadNouns(sentence('ميلان/B-ORG الإيطالي')).tags).toEqual(['B-ORG', 'O']);
    expect(isPlaceNisba('والإيرانية')).toBe(true);
    expect(isPlaceNisba('الوطني')).toBe(false);
  });
});

describe('mention replacement (training data)', () => {
  it('swaps names for gazetteer names of the same type and marks the swapped words', () => {
    const names = { PER: ['جو بايدن'], ORG: ['حزب الله'], LOC: ['طهران'] };
    const copy = replaceMentions(sentence('قال حسني/B-PER مبارك/I-PER في القاهرة/B-LOC'), names, 1, seededRandom(1));
    expect(copy).toEqual({
      tokens: ['قال', 'جو', 'بايدن', 'في', 'طهران'],
      tags: ['O', 'B-PER', 'I-PER', 'O', 'B-LOC'],
      replaced: [false, true, true, false, true],
    });
    expect(replaceMentions(sentence('لا أسماء هنا'), names, 1, seededRandom(1))).toBeNull();
  });
});
