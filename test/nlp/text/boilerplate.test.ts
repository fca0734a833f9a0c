import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { seed } from './helpers.js';

describe('boilerplate spans', () => {
  it('001: «مشاركة :» is share-button residue, and its tokens are flagged', () => {
    const text = seed('001');
    const layer = analyseText(text);
    const share = layer.boilerplate.filter((b) => b.kind === 'share-residue');
    expect(share.map((b) => text.slice(b.start, b.end))).toEqual(['مشاركة :']);
    const flagged = layer.tokens.filter((t) => t.flags?.includes('boilerplate')).map((t) => t.text);
    expect(flagged).toEqual(['مشاركة', ':']);
  });
  it('003: the «اقرأ المزيد» heading and its list of links are one read-more span', () => {
    const text = seed('003');
    const spans = analyseText(text).boilerplate.filter((b) => b.kind === 'read-more');
    expect(spans).toHaveLength(1);
    const block = text.slice(spans[0]?.start, spans[0]?.end);
    expect(block.startsWith('اقرأ المزيد')).toBe(true);
    expect(block.endsWith('- العثور على ناشط عراقي مناهض لإيران أختطف في بغداد')).toBe(true);
    expect(block.split('\n')).toHaveLength(5);
  });
  it('004: a stray Latin letter on its own line', () => {
    const text = seed('004');
    const stray = analyseText(text).boilerplate.filter((b) => b.kind === 'stray-latin');
    expect(stray.map((b) => text.slice(b.start, b.end))).toEqual(['d']);
  });
  it('002: a line repeating a passage above it (a pull quote) is marked repeated', () => {
    const text = seed('002');
    const spans = analyseText(text).boilerplate.filter((b) => b.kind === 'repeated-headline');
    expect(spans.map((b) => text.slice(b.start, b.end).slice(0, 20))).toEqual(['ما أنتجته زيارة رئيس']);
  });
  it('a headline repeated verbatim further down', () => {
    const text = 'انسحاب القوات الأجنبية من العراق\n\nنص الخبر الأول هنا.\n\nانسحاب القوات الأجنبية من العراق\n\nبقية النص.';
    const layer = analyseText(text);
    expect(layer.boilerplate).toEqual([{ start: text.lastIndexOf('انسحاب'), end: text.lastIndexOf('انسحاب') + 32, kind: 'repeated-headline' }]);
  });
  it('leaves the original text untouched (the layer only points into it)', () => {
    const text = seed('001');
    const copy = `${text}`;
    analyseText(text);
    expect(text).toBe(copy);
  });
});
