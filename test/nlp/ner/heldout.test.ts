import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConll } from '../../../src/nlp/ner/conll.js';
import { projectPath } from '../../../src/paths.js';
import { mentions, occursIn, seedNamesIn } from './annotated-sets.js';

// Our held-out test set of modern news (test/fixtures/ner-heldout/, README there): sentences we
// wrote and annotated ourselves, never trained or tuned on. `npm run eval:ner -- test/fixtures/ner-heldout/news.conll`.
const FILE = 'test/fixtures/ner-heldout/news.conll';
const raw = readFileSync(projectPath(FILE), 'utf8');
const sentences = parseConll(raw);
const supplement = parseConll(readFileSync(projectPath('src/nlp/ner/data/supplement.conll'), 'utf8'));

describe('the held-out modern-news NER test set (our own annotated sentences)', () => {
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

  it('is well-formed IOB2 and holds at least 400 names of every type', () => {
    for (const { tokens, tags } of sentences) {
      expect(tokens.length).toBe(tags.length);
      tags.forEach((tag, i) => {
        if (tag.startsWith('I-')) expect(tags[i - 1]?.slice(2), tokens.join(' ')).toBe(tag.slice(2));
      });
    }
    const all = sentences.flatMap(({ tokens, tags }) => mentions(tokens, tags));
    expect(all.length).toBeGreaterThanOrEqual(400);
    for (const type of ['PER', 'ORG', 'LOC', 'MISC']) expect(all.filter(([t]) => t === type).length, type).toBeGreaterThanOrEqual(40);
  });

  it('shares no sentence with the training supplement', () => {
    const trained = new Set(supplement.map(({ tokens }) => tokens.join(' ')));
    expect(sentences.filter(({ tokens }) => trained.has(tokens.join(' '))).map(({ tokens }) => tokens.join(' '))).toEqual([]);
  });

  it('holds no seed name, missed or found, except the region\'s common places', () => {
    expect(seedNamesIn(sentences)).toEqual([]);
    expect(occursIn(['وقال', 'الرئيس', 'دونالد', 'ترامب'], 'دونالد ترامب')).toBe(true);
  });

  it('is read by no training code: the trainer reads ANERcorp and the supplement only', () => {
    const sources = ['scripts', 'src'].flatMap((dir) => filesUnder(projectPath(dir))).filter((f) => /\.(?:ts|js|mjs|json)$/.test(f));
    const readers = sources.filter((f) => /ner-heldout|news\.conll/.test(readFileSync(f, 'utf8')));
    expect(readers).toEqual([]);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
