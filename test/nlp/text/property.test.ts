import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseText, isSkippable } from '../../../src/nlp/text/index.js';
import { TextLayerSchema } from '../../../src/schema/text.js';
import { seeds } from './helpers.js';

/** The coverage rule: sentences in order, disjoint, and every non-skippable character in one of them. */
function checkLayer(text: string): void {
  const layer = analyseText(text);
  let covered = 0;
  let prevEnd = 0;
  for (const s of layer.sentences) {
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(s.end).toBeGreaterThan(s.start);
    for (let i = prevEnd; i < s.start; i++) expect(isSkippable(text.charCodeAt(i)), `gap char ${i}`).toBe(true);
    covered += s.end - s.start;
    prevEnd = s.end;
  }
  for (let i = prevEnd; i < text.length; i++) expect(isSkippable(text.charCodeAt(i))).toBe(true);
  expect(covered).toBeLessThanOrEqual(text.length);
  let prevTokenEnd = 0;
  for (const t of layer.tokens) {
    expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(t.start).toBeGreaterThanOrEqual(prevTokenEnd);
    expect(t.end).toBeGreaterThan(t.start);
    expect(t.stemStart).toBeGreaterThanOrEqual(t.start);
    expect(t.stemEnd).toBeLessThanOrEqual(t.end);
    expect(t.stemStart).toBeLessThanOrEqual(t.stemEnd);
    const s = layer.sentences[t.sentence];
    expect(s && s.start <= t.start && t.end <= s.end).toBe(true);
    prevTokenEnd = t.end;
  }
  for (const b of layer.boilerplate) expect(b.start).toBeLessThanOrEqual(b.end);
  const m = layer.metadata;
  for (const sp of [m.title, m.dateline, m.agency, m.published, ...m.subtitles]) if (sp) expect(text.slice(sp.start, sp.end)).toBe(sp.text);
  expect(() => TextLayerSchema.parse(layer)).not.toThrow();
}

/** Text that looks like Arabic news: Arabic letters and marks, digits, punctuation, quotes, spaces, line breaks. */
const newsChar = fc.constantFrom(
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهوية أإآىءؤئ ًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩0123456789.,:؛،؟!…«»"“”\'()-–\n\n  \u200c\u200frdA@#/'.split(''),
);

describe('text layer invariants (property-based)', () => {
  it('holds on every seed', () => {
    for (const text of seeds().values()) checkLayer(text);
  });
  it('holds on random Unicode and never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => checkLayer(text)), { numRuns: 400 });
  });
  it('holds on random news-like Arabic', () => {
    fc.assert(fc.property(fc.string({ unit: newsChar, maxLength: 400 }), (text) => checkLayer(text)), { numRuns: 400 });
  });
  it('holds on seed text cut at random places', () => {
    const all = [...seeds().values()].join('\n');
    fc.assert(
      fc.property(fc.nat(all.length), fc.nat(2000), (from, len) => checkLayer(all.slice(from, from + len))),
      { numRuns: 200 },
    );
  });
});
