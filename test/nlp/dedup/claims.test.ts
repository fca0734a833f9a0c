import { describe, expect, it } from 'vitest';
import { claimContentSimilarity, countedKey, quantitiesAgree, skeleton } from '../../../src/nlp/dedup/claims.js';

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
});
