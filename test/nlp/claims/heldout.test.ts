// The held-out claims golds: articles we wrote, never used to develop the rules
// (test/fixtures/claims-heldout/, set A; test/fixtures/claims-heldout-b/, set B, written and
// annotated before any extractor run). Only their integrity is tested here; their figures come
// from `npm run eval:claims -- --gold <folder>/gold.json --texts <folder>/texts`.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../src/paths.js';
import { resolveMarks, type MarksFile } from '../../../training/claims/resolve-marks.js';

describe.each([
  ['set A', 'test/fixtures/claims-heldout'],
  ['set B', 'test/fixtures/claims-heldout-b'],
])('held-out gold file, %s', (_set, folder) => {
  const marks = JSON.parse(readFileSync(projectPath(folder, 'marks.json'), 'utf8')) as MarksFile;
  const names = readdirSync(projectPath(folder, 'texts')).filter((n) => n.endsWith('.txt')).sort();
  const texts = Object.fromEntries(names.map((n) => [n, readFileSync(projectPath(folder, 'texts', n), 'utf8')]));

  it('annotates every text in texts/ and nothing else', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(marks).sort()).toEqual(names);
  });

  it('is what the marks resolve to, and every span slices its text', () => {
    const gold = resolveMarks(marks, texts);
    expect(JSON.parse(readFileSync(projectPath(folder, 'gold.json'), 'utf8'))).toEqual(gold);
    for (const [name, claims] of Object.entries(gold)) {
      const text = texts[name] as string;
      for (const c of claims) {
        const spans = c.kind === 'attributed' ? [c.cue, c.speaker, c.content, ...(c.antecedent ? [c.antecedent] : [])] : [c.quantity];
        for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    }
  });
});
