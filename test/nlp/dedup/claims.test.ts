import { describe, expect, it } from 'vitest';
import { claimContentSimilarity, countedKey, decodeClaimDigests, encodeClaimDigests, keyHash, quantitiesAgree, skeleton, wordHashes, wordSetSimilarity } from '../../../src/nlp/dedup/claims.js';

describe('counted things', () => {
  it('meet across spelling variants («أميركي» / «أمريكي», «هجوما» / «هجوم»)', () => {
    expect(countedKey('جندي أميركي')).toBe(countedKey('جندي أمريكي'));
    expect(skeleton('هجوما')).toBe(skeleton('هجوم'));
    expect(countedKey('جندي أجنبي')).not.toBe(countedKey('جندي أميركي'));
  });
});

describe('quantities', () => {
  it('agree within the stated approximation: «49 هجوما» and «نحو 50 هجوما»', () => {
    expect(quantitiesAgree({ value: 49, valueMax: null, approx: false }, { value: 50, valueMax: null, approx: true }, 0.1)).toBe(true);
  });

  it('conflict beyond it: «2500 جندي أميركي» and «5 آلاف جندي أمريكي»', () => {
    expect(quantitiesAgree({ value: 2500, valueMax: null, approx: false }, { value: 5000, valueMax: null, approx: true }, 0.1)).toBe(false);
  });

  it('treat two exact different values as a conflict and a range as covering its inside', () => {
    expect(quantitiesAgree({ value: 49, valueMax: null, approx: false }, { value: 50, valueMax: null, approx: false }, 0.1)).toBe(false);
    expect(quantitiesAgree({ value: 20, valueMax: 30, approx: false }, { value: 25, valueMax: null, approx: false }, 0.1)).toBe(true);
  });
});

describe('claim content', () => {
  it('scores shared content words', () => {
    expect(claimContentSimilarity(['رسل', 'زعم', 'علي'], ['رسل', 'زعم', 'علي'])).toBe(1);
    expect(claimContentSimilarity(['رسل'], [])).toBe(0);
  });

  it('scores the same on the word hashes the index stores as on the words', () => {
    const a = ['رسل', 'زعم', 'علي', 'خمن', 'طئب', 'زير'];
    const b = ['رسل', 'زعم', 'علي', 'بغد', 'كظم'];
    const stored = decodeClaimDigests(encodeClaimDigests([{ claim: 3, kind: 'attributed', speakerKey: 'ent:e1', words: b, quantities: [], text: '' }]));
    expect(wordSetSimilarity(wordHashes(a), stored[0]!.words)).toBeCloseTo(claimContentSimilarity(a, b), 10);
    expect(wordHashes(Array.from({ length: 60 }, (_, i) => `w${i}`)).size).toBe(40);
    // Every count of words reads back the same set.
    for (const count of [0, 1, 2, 3, 17, 40]) {
      const words = Array.from({ length: count }, (_, i) => `كلمة${i}`);
      const [back] = decodeClaimDigests(encodeClaimDigests([{ claim: 0, kind: 'attributed', speakerKey: 'ent:e', words, quantities: [], text: '' }]));
      expect(back!.words).toEqual(wordHashes(words));
    }
  });

  it('stores a digest once per claim with keys, in a few bytes, and reads back what matching needs', () => {
    const quantity = { countedKey: 'جند مرك', value: 2500, valueMax: null, approx: false, text: '2500 جندي أميركي' };
    const range = { countedKey: 'هجم', value: 12.7, valueMax: 15.5, approx: true, text: 'نحو 12.7 إلى 15.5' };
    const digests = [
      { claim: 0, kind: 'attributed' as const, speakerKey: 'ent:e1', words: ['رسل', 'زعم'], quantities: [], text: 'قال …' },
      // No speaker, no counted thing: no index key, so nothing is stored for it.
      { claim: 1, kind: 'attributed' as const, speakerKey: null, words: ['رسل'], quantities: [], text: '' },
      { claim: 2, kind: 'numeric' as const, speakerKey: null, words: ['جند'], quantities: [quantity, range], text: '' },
    ];
    const raw = encodeClaimDigests(digests);
    // 2 + 4 + 1 + 4 + 1 = 12 bytes, then 2 + 1 + 2 + 1 + 9 + 13 = 28.
    expect(raw.length).toBe(40);
    const stored = decodeClaimDigests(raw);
    expect(stored.map((d) => d.claim)).toEqual([0, 2]);
    expect(stored[0]).toMatchObject({ kind: 'attributed', speakerHash: keyHash('ent:e1'), quantities: [] });
    expect(stored[1]!.quantities).toEqual([
      { countedHash: keyHash('جند مرك'), value: 2500, valueMax: null, approx: false, bound: null, rising: false, subgroup: false, generic: false, subjects: [], frame: [], period: [], context: [], contextOwn: 0, affiliation: [], scene: [], sceneOwn: 0, nounHash: null, hasRole: false, personRole: false, crowded: false, sole: false, headline: false, meetsNone: false, held: false, localised: false, names: [] },
      { countedHash: keyHash('هجم'), value: 12.7, valueMax: 15.5, approx: true, bound: null, rising: false, subgroup: false, generic: false, subjects: [], frame: [], period: [], context: [], contextOwn: 0, affiliation: [], scene: [], sceneOwn: 0, nounHash: null, hasRole: false, personRole: false, crowded: false, sole: false, headline: false, meetsNone: false, held: false, localised: false, names: [] },
    ]);
    // A crowded count (the article states its thing with several values) keeps the mark through the index.
    const crowded = decodeClaimDigests(encodeClaimDigests([{ ...digests[2]!, quantities: [{ ...quantity, crowded: true }] }]));
    expect(crowded[0]!.quantities[0]!.crowded).toBe(true);
  });
});
