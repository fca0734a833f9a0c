import { describe, expect, it } from 'vitest';
import { claimContentSimilarity, countedKey, packWordHashes, quantitiesAgree, quoteText, skeleton, unpackWordHashes, wordSetSimilarity } from '../../../src/nlp/dedup/claims.js';

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

  it('scores the same on the packed word hashes the index stores as on the words', () => {
    const a = ['رسل', 'زعم', 'علي', 'خمن', 'طئب', 'زير'];
    const b = ['رسل', 'زعم', 'علي', 'بغد', 'كظم'];
    expect(wordSetSimilarity(unpackWordHashes(packWordHashes(a)), unpackWordHashes(packWordHashes(b)))).toBeCloseTo(claimContentSimilarity(a, b), 10);
    // 2 bytes a word, base64: 6 words in 16 characters.
    expect(packWordHashes(a)).toHaveLength(16);
    expect(unpackWordHashes(packWordHashes(Array.from({ length: 60 }, (_, i) => `w${i}`))).size).toBe(40);
  });

  it('keeps a claim of up to 140 characters whole for quoting, and cuts a longer one at a space with «…»', () => {
    const short = 'وقال المسؤول إن طائب نقل رسالة من خامنئي إلى قادة الفصائل';
    expect(quoteText(short)).toBe(short);
    const long = `${short} ${short} ${short}`;
    const quoted = quoteText(long);
    expect(quoted.endsWith('…')).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(141);
    expect(long.startsWith(quoted.slice(0, -1))).toBe(true);
    expect(quoted.slice(0, -1).endsWith(' ')).toBe(false);
  });
});
