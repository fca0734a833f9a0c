import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormTable } from '../../../src/nlp/text/form-table.js';
import { getDefaultLexicon, parseLexicon, stemEvidence, wholeEvidence } from '../../../src/nlp/text/lexicon.js';
import { LEXICON_ROWS } from '../../../src/nlp/text/data/lexicon-data.js';

describe('FormTable (per-form cache of analyseText)', () => {
  it('answers like a Map for any sequence of Arabic-like forms, starting afresh when full', () => {
    const form = fc.string({ unit: fc.constantFrom(...'وفبلكالقدرسيهمنتع'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(form, { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (forms, maxEntries) => {
        const table = new FormTable<number>(maxEntries);
        const model = new Map<string, number>();
        forms.forEach((f, i) => {
          expect(table.get(f)).toBe(model.get(f));
          if (model.has(f)) return;
          if (model.size >= maxEntries) model.clear();
          table.add(f, i);
          model.set(f, i);
          expect(table.size).toBe(model.size);
        });
      }),
    );
  });

  it('holds slots for the forms it may keep, not for the most any table could (issue 21: memory)', () => {
    expect(new FormTable<number>(30_000).slotCount).toBe(1 << 17);
    expect(new FormTable<number>(10).slotCount).toBe(64);
    expect(new FormTable<number>().slotCount).toBe(1 << 18);
  });
});

describe('Lexicon (two sources merged)', () => {
  it('adds counts and flags of a form given in both files, and gives a never-alone unlisted form no evidence', () => {
    const lexicon = parseLexicon('كتاب\t16\t35\nيطر\t0\t3\nقاعدة\t0\t4', 'كتاب\tda\nقاعدة\td\nاحد\tdah\nيطر\tv');
    expect(lexicon.entry('كتاب')).toEqual({ alone: 16, attached: 35, listed: 2 });
    expect(wholeEvidence(lexicon, 'كتاب')).toBeCloseTo(Math.log1p(16) + 0.5 * Math.log1p(35) + 2);
    expect(lexicon.entry('يطر')).toBeUndefined(); // attached only, not listed: noise
    expect(stemEvidence(lexicon, 'يطر', 0)).toBe(0);
    expect(lexicon.entry('قاعدة')).toEqual({ alone: 0, attached: 4, listed: 1 });
    expect(lexicon.needsHamza('احد')).toBe(true);
    expect(lexicon.needsHamza('كتاب')).toBe(false);
    expect(lexicon.entry('غائب')).toBeUndefined();
  });
  it('agrees row for row with LEXICON_ROWS, the two files merged the other way (the old one-table layout)', () => {
    const lexicon = getDefaultLexicon();
    let rows = 0;
    for (const row of LEXICON_ROWS.split('\n')) {
      const [norm = '', alone = '', attached = '', flags = ''] = row.split('\t');
      const listed = (flags.includes('d') ? 1 : 0) + (flags.includes('a') ? 1 : 0);
      expect(lexicon.entry(norm), norm).toEqual({ alone: Number(alone), attached: Number(attached), listed });
      rows++;
    }
    expect(rows).toBeGreaterThan(50_000);
  });
});

describe('FormTable.getRange', () => {
  it('finds a stored form from a range of a text, returning the stored string and its value', () => {
    const table = new FormTable<number>(10);
    table.add('وقال', 1);
    table.add('قال', 2);
    const text = 'ثم وقال قال قالت';
    expect(table.getRange(text, 3, 7)).toBe('وقال');
    expect(table.lastFound).toBe(1);
    expect(table.getRange(text, 8, 11)).toBe('قال');
    expect(table.lastFound).toBe(2);
    expect(table.getRange(text, 12, 16)).toBeUndefined(); // «قالت» is not «قال»
    expect(table.lastFound).toBeUndefined();
    expect(table.getRange(text, 4, 7)).toBe('قال'); // the stem inside «وقال»
  });
});
