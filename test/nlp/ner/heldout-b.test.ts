import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConll } from '../../../src/nlp/ner/conll.js';
import { projectPath } from '../../../src/paths.js';
import { mentions, occursIn, seedNamesIn } from './annotated-sets.js';

// Our second, blind held-out test set of modern news (test/fixtures/ner-heldout-b/, README there):
// sentences we wrote and annotated ourselves, never trained or tuned on, and not looked at through
// the tagger before its first evaluation. `npm run eval:ner -- test/fixtures/ner-heldout-b/news.conll`.
// These checks only read the file (as CoNLL); none of them runs the tagger on it.
const FILE = 'test/fixtures/ner-heldout-b/news.conll';
const raw = readFileSync(projectPath(FILE), 'utf8');
const sentences = parseConll(raw);
const supplement = parseConll(readFileSync(projectPath('src/nlp/ner/data/supplement.conll'), 'utf8'));
const setA = parseConll(readFileSync(projectPath('test/fixtures/ner-heldout/news.conll'), 'utf8'));

describe('the second held-out modern-news NER test set (set B, blind)', () => {
  it('is a CoNLL file of about 200 sentences in ANERcorp\'s tags, a blank line after each', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(180);
    const lines = raw.split('\n');
    expect(raw.endsWith('\n')).toBe(true);
    for (const line of lines) {
      if (line === '') continue;
      expect(line, line).toMatch(/^\S+ (?:O|[BI]-(?:PERS|ORG|LOC|MISC))$/);
    }
    // One sentence per blank-line-separated block, no stray blank lines.
    expect(raw.trimEnd().split('\n\n').length).toBe(sentences.length);
  });

  it('is well-formed IOB2 and holds at least 450 names, at least 40 of every type', () => {
    for (const { tokens, tags } of sentences) {
      expect(tokens.length).toBe(tags.length);
      tags.forEach((tag, i) => {
        if (tag.startsWith('I-')) expect(tags[i - 1]?.slice(2), tokens.join(' ')).toBe(tag.slice(2));
      });
    }
    const all = sentences.flatMap(({ tokens, tags }) => mentions(tokens, tags));
    expect(all.length).toBeGreaterThanOrEqual(450);
    for (const type of ['PER', 'ORG', 'LOC', 'MISC']) expect(all.filter(([t]) => t === type).length, type).toBeGreaterThanOrEqual(40);
  });

  it('shares no sentence with the training supplement, nor with held-out set A, nor repeats one', () => {
    const text = sentences.map(({ tokens }) => tokens.join(' '));
    const trained = new Set(supplement.map(({ tokens }) => tokens.join(' ')));
    const a = new Set(setA.map(({ tokens }) => tokens.join(' ')));
    expect(text.filter((s) => trained.has(s))).toEqual([]);
    expect(text.filter((s) => a.has(s))).toEqual([]);
    expect(new Set(text).size).toBe(text.length);
  });

  it('holds no seed name, missed or found, except the region\'s common places', () => {
    expect(seedNamesIn(sentences)).toEqual([]);
    expect(occursIn(['وقال', 'الرئيس', 'دونالد', 'ترامب'], 'دونالد ترامب')).toBe(true);
  });

  it('is read by no code under src/ or scripts/: nothing trains, tunes or evaluates on it by default', () => {
    const sources = ['scripts', 'src'].flatMap((dir) => filesUnder(projectPath(dir))).filter((f) => /\.(?:ts|js|mjs|json)$/.test(f));
    const readers = sources.filter((f) => /ner-heldout-b|heldout-b/.test(readFileSync(f, 'utf8')));
    expect(readers).toEqual([]);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
