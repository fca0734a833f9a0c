import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { seed } from './helpers.js';

const sentences = (text: string): string[] => analyseText(text).sentences.map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('ends at Arabic and Latin end marks', () => {
    expect(sentences('قال الوزير ذلك. ثم غادر! هل يعود؟ ربما… لا أحد يعرف')).toEqual([
      'قال الوزير ذلك.', 'ثم غادر!', 'هل يعود؟', 'ربما…', 'لا أحد يعرف',
    ]);
  });
  it('ends at line breaks and counts paragraphs', () => {
    const text = 'العنوان\n\nالفقرة الأولى\nالفقرة الثانية.';
    const layer = analyseText(text);
    expect(layer.sentences.map((s) => [text.slice(s.start, s.end), s.paragraph])).toEqual([
      ['العنوان', 0], ['الفقرة الأولى', 1], ['الفقرة الثانية.', 2],
    ]);
  });
  it('does not split inside numbers, dates or abbreviations', () => {
    expect(sentences('ارتفع المؤشر 2.5 نقطة في 13.07.2021 حسب د. أحمد ووكالة أ.ف.ب اليوم.')).toHaveLength(1);
    expect(sentences('Mr. Smith met Dr. Jones. They talked.')).toEqual(['Mr. Smith met Dr. Jones.', 'They talked.']);
  });
  it('keeps an end mark inside a quotation from ending the sentence outside it', () => {
    expect(sentences('وقال "لن نتراجع. أبدا!" مؤكدا موقفه. ثم غادر.')).toEqual(['وقال "لن نتراجع. أبدا!" مؤكدا موقفه.', 'ثم غادر.']);
    expect(sentences('وقال «انتهى الأمر.» ثم صمت. وانتهى.')).toEqual(['وقال «انتهى الأمر.» ثم صمت.', 'وانتهى.']);
  });
  it('splits a paragraph with no line breaks (seed 001 is one long line)', () => {
    const text = seed('001');
    const layer = analyseText(text);
    expect(layer.sentences.length).toBeGreaterThan(20);
    const first = layer.sentences[0];
    expect(first && text.slice(first.start, first.end)).toBe('أذرع إيران تكثف ضغوطها لإخراج القوات الأميركية من العراق');
  });
  it('gives every token the sentence that contains it', () => {
    const text = seed('000');
    const layer = analyseText(text);
    for (const t of layer.tokens) {
      const s = layer.sentences[t.sentence];
      expect(s && s.start <= t.start && t.end <= s.end).toBe(true);
    }
  });
});
