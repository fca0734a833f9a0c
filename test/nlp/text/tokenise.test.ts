import { describe, expect, it } from 'vitest';
import { analyseText, tokenise } from '../../../src/nlp/text/index.js';
import { seeds } from './helpers.js';

const kinds = (text: string): [string, string][] => tokenise(text).map((t) => [text.slice(t.start, t.end), t.kind]);

describe('tokenise', () => {
  it('keeps every seed token equal to its slice of the original text', () => {
    for (const [name, text] of seeds()) {
      const layer = analyseText(text);
      expect(layer.tokens.length, name).toBeGreaterThan(500);
      for (const t of layer.tokens) {
        expect(text.slice(t.start, t.end)).toBe(t.text);
        expect(t.stemStart).toBeGreaterThanOrEqual(t.start);
        expect(t.stemEnd).toBeLessThanOrEqual(t.end);
      }
    }
  });
  it('separates words and Arabic punctuation', () => {
    expect(kinds('قال، «نعم»؛ لماذا؟')).toEqual([
      ['قال', 'word'], ['،', 'punct'], ['«', 'punct'], ['نعم', 'word'], ['»', 'punct'], ['؛', 'punct'], ['لماذا', 'word'], ['؟', 'punct'],
    ]);
  });
  it('keeps numbers whole: decimals, thousands, Arabic-Indic digits, times', () => {
    expect(kinds('ارتفع 2.5 في المئة إلى 3,500 و١٢٫٥ الساعة 23:41')).toEqual([
      ['ارتفع', 'word'], ['2.5', 'number'], ['في', 'word'], ['المئة', 'word'], ['إلى', 'word'], ['3,500', 'number'],
      ['و١٢٫٥', 'number'], ['الساعة', 'word'], ['23:41', 'number'],
    ]);
  });
  it('glues a proclitic to its number and segments it', () => {
    const layer = analyseText('اعتقل بـ14 شخصا في الـ7 من الشهر');
    const b14 = layer.tokens.find((t) => t.text === 'بـ14');
    expect(b14?.kind).toBe('number');
    expect(b14?.segments).toEqual(['ب', '14']);
    expect(b14?.stem).toBe('14');
    expect(layer.tokens.find((t) => t.text === 'الـ7')?.segments).toEqual(['ال', '7']);
  });
  it('recognises Latin words, URLs, emails, hashtags, mentions and emoji', () => {
    expect(kinds('نقلت Reuters عبر https://example.com/a?b=1. راسلونا على news@example.org #العراق @AFP 👍🏽 🇮🇶')).toEqual([
      ['نقلت', 'word'], ['Reuters', 'latin'], ['عبر', 'word'], ['https://example.com/a?b=1', 'url'], ['.', 'punct'],
      ['راسلونا', 'word'], ['على', 'word'], ['news@example.org', 'email'], ['#العراق', 'hashtag'], ['@AFP', 'mention'],
      ['👍🏽', 'emoji'], ['🇮🇶', 'emoji'],
    ]);
  });
  it('flags a Latin letter inside an Arabic word', () => {
    const layer = analyseText('ويrول خبراء إن');
    expect(layer.tokens[0]?.text).toBe('ويrول');
    expect(layer.tokens[0]?.flags).toContain('mixed-script');
    expect(layer.tokens[1]?.flags).toBeUndefined();
  });
  it('adds norm, key, segments and stem offsets to words', () => {
    const text = 'وأعلنت الحكومةُ للحشد';
    const layer = analyseText(text);
    const gov = layer.tokens[1];
    expect(gov?.norm).toBe('الحكومة');
    expect(gov?.key).toBe('الحكومه');
    expect(gov?.segments).toEqual(['ال', 'حكومة']);
    const hashd = layer.tokens[2];
    expect(hashd?.segments).toEqual(['ل', 'ال', 'حشد']);
    expect(text.slice(hashd?.stemStart, hashd?.stemEnd)).toBe('حشد');
  });
  it('splits an unknown word whose rest stands alone in the same text («لقاآني» beside «قاآني»)', () => {
    const layer = analyseText('التقى الكاظمي إسماعيل قاآني. وقال الكاظمي لقاآني إن العلاقات جيدة.');
    const t = layer.tokens.find((x) => x.text === 'لقاآني');
    expect(t?.segments).toEqual(['ل', 'قااني']);
    expect(t && layer.tokens.length && 'لقاآني'.slice(t.stemStart - t.start, t.stemEnd - t.start)).toBe('قاآني');
  });
});
