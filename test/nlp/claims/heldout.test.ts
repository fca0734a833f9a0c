// The held-out claims golds: articles we wrote, never used to develop the rules
// (test/fixtures/claims-heldout/, set A; test/fixtures/claims-heldout-b/, set B;
// test/fixtures/claims-heldout-c/, set C, the last two written and annotated before any extractor
// run). Only their integrity is tested here; their figures come from
// `npm run eval:claims -- --gold <folder>/gold.json --texts <folder>/texts`.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../src/paths.js';
import { isNonClaim, NON_CLAIM_KINDS, resolveMarks, type GoldFile, type MarksFile } from '../../../training/claims/resolve-marks.js';

function loadSet(folder: string): { marks: MarksFile; names: string[]; texts: Record<string, string> } {
  const marks = JSON.parse(readFileSync(projectPath(folder, 'marks.json'), 'utf8')) as MarksFile;
  const names = readdirSync(projectPath(folder, 'texts')).filter((n) => n.endsWith('.txt')).sort();
  const texts = Object.fromEntries(names.map((n) => [n, readFileSync(projectPath(folder, 'texts', n), 'utf8')]));
  return { marks, names, texts };
}

describe.each([
  ['set A', 'test/fixtures/claims-heldout', 15],
  ['set B', 'test/fixtures/claims-heldout-b', 12],
  ['set C', 'test/fixtures/claims-heldout-c', 15],
])('held-out gold file, %s', (_set, folder, minTexts) => {
  const { marks, names, texts } = loadSet(folder);

  it('annotates every text in texts/ and nothing else', () => {
    expect(names.length).toBeGreaterThanOrEqual(minTexts);
    expect(Object.keys(marks).sort()).toEqual(names);
  });

  it('is what the marks resolve to, and every span slices its text', () => {
    const gold = resolveMarks(marks, texts);
    expect(JSON.parse(readFileSync(projectPath(folder, 'gold.json'), 'utf8'))).toEqual(gold);
    for (const [name, entries] of Object.entries(gold)) {
      const text = texts[name] as string;
      for (const c of entries) {
        const spans = c.kind === 'attributed' ? [c.cue, c.speaker, c.content, ...(c.antecedent ? [c.antecedent] : [])] : [c.quantity];
        for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    }
  });
});

// Set C also marks the quantities that are not numeric claims (issue 20: durations, ages, dates,
// times, ordinals, model and phone numbers, vague plurals without a number, scores), so an
// evaluation can score that they are not counted.
describe('held-out gold file, set C: quantities that are not claims', () => {
  const { marks, texts } = loadSet('test/fixtures/claims-heldout-c');
  const gold: GoldFile = resolveMarks(marks, texts);

  it('marks them in every article, of every kind but the match score more than once', () => {
    const byKind = new Map<string, number>();
    for (const [name, entries] of Object.entries(gold)) {
      const notClaims = entries.filter(isNonClaim);
      expect(notClaims.length, name).toBeGreaterThan(0);
      for (const q of notClaims) byKind.set(q.kind, (byKind.get(q.kind) ?? 0) + 1);
    }
    for (const kind of NON_CLAIM_KINDS) expect(byKind.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(kind === 'score' ? 1 : 2);
  });

  it('never lets one overlap a numeric claim, so no quantity is both', () => {
    for (const [name, entries] of Object.entries(gold)) {
      const numeric = entries.flatMap((c) => (c.kind === 'numeric' ? [c.quantity] : []));
      for (const q of entries.filter(isNonClaim)) {
        const clash = numeric.find((n) => n.start < q.quantity.end && q.quantity.start < n.end);
        expect(clash, `${name}: ${q.kind} «${q.quantity.text}»`).toBeUndefined();
      }
    }
  });

  it('keeps every article between 250 and 600 words', () => {
    for (const [name, text] of Object.entries(texts)) {
      const words = text.split(/\s+/).filter(Boolean).length;
      expect(words, name).toBeGreaterThanOrEqual(250);
      expect(words, name).toBeLessThanOrEqual(600);
    }
  });

  it('rejects a mark of an unknown kind instead of reading it as a numeric claim', () => {
    const first = Object.keys(marks)[0] as string;
    const title = (texts[first] as string).split('\n')[0] as string;
    const bad = { [first]: [{ kind: 'decade', at: { text: title, n: 0 }, quantity: title }] } as unknown as MarksFile;
    expect(() => resolveMarks(bad, texts)).toThrow(/unknown kind decade/);
  });
});
