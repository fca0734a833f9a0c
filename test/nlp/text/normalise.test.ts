import { describe, expect, it } from 'vitest';
import { normalise, searchKey, lightNormalise } from '../../../src/nlp/text/index.js';

describe('normalise', () => {
  it('drops diacritics and tatweel', () => {
    expect(normalise('وَقَالَ')).toBe('وقال');
    expect(normalise('عـــاجل')).toBe('عاجل');
    expect(normalise('المسلّحة')).toBe('المسلحة');
  });
  it('folds alef variants and alef maqsura, keeps ta marbuta', () => {
    expect(normalise('أعلن')).toBe('اعلن');
    expect(normalise('إيران')).toBe('ايران');
    expect(normalise('آلاف')).toBe('الاف');
    expect(normalise('ٱلله')).toBe('الله');
    expect(normalise('مستشفى')).toBe('مستشفي');
    expect(normalise('الحكومة')).toBe('الحكومة');
  });
  it('maps Arabic-Indic and Persian digits to ASCII, with the Arabic decimal separator', () => {
    expect(normalise('٢٠٢١')).toBe('2021');
    expect(normalise('۱۴')).toBe('14');
    expect(normalise('١٢٫٥')).toBe('12.5');
  });
  it('folds presentation forms (NFKC) and lower-cases Latin', () => {
    expect(normalise('ﻻ')).toBe('لا');
    expect(normalise('ﺑﻐﺪﺍﺩ')).toBe('بغداد');
    expect(normalise('ﷲ')).toBe('الله');
    expect(normalise('Reuters')).toBe('reuters');
    expect(normalise('ＡＦＰ')).toBe('afp');
  });
  it('removes invisible marks inside words', () => {
    expect(normalise('بغ\u200cداد')).toBe('بغداد');
    expect(normalise('\u200fبغداد')).toBe('بغداد');
  });
  it('returns the same string when nothing changes', () => {
    const s = 'بغداد';
    expect(normalise(s)).toBe(s);
  });
  it('lightNormalise keeps hamza alefs (the segmenter needs them)', () => {
    expect(lightNormalise('إِلغاء')).toBe('إلغاء');
  });
});

describe('searchKey', () => {
  it('folds ta marbuta to ha and hamza seats to hamza', () => {
    expect(searchKey(normalise('الحكومة'))).toBe('الحكومه');
    expect(searchKey(normalise('مسئول'))).toBe(searchKey(normalise('مسؤول')));
  });
});
