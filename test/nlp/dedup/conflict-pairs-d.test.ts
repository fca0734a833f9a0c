// Guards the fourth, blind set of conflict pairs (test/fixtures/conflict-pairs-d/, README beside it),
// written for issue 25 after the third set was spent, with passages as they stand in an article
// paragraph (three to five sentences, the subject often named only in an earlier sentence, other
// numbers of the same unit beside the compared one). These checks only read the file and compare
// each label with the reading written beside it; no claims, dedup or conflict code runs on the set,
// so it stays blind until the lead evaluates the conflict code on it, once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../src/paths.js';
import {
  readPairLines,
  REASONS,
  REASON_LABEL,
  numberSpan,
  type ConflictPair,
  type PairSide,
  type Reason,
} from './conflict-pairs.js';
import { wordJaccard } from './word-jaccard.js';

const DIR = 'test/fixtures/conflict-pairs-d';
const FIRST = 'test/fixtures/conflict-pairs/pairs.jsonl';
const SECOND = 'test/fixtures/conflict-pairs-b/pairs.jsonl';
const THIRD = 'test/fixtures/conflict-pairs-c/pairs.jsonl';
const EARLIER = [FIRST, SECOND, THIRD];

const lines = readPairLines(projectPath(DIR, 'pairs.jsonl'));
const pairs: ConflictPair[] = lines.flatMap(({ parsed }) => (parsed.success ? [parsed.data] : []));
const withReason = (reason: Reason): ConflictPair[] => pairs.filter((p) => p.reason === reason);
const TRAPS = REASONS.filter((r) => REASON_LABEL[r] === 'no-conflict');
const utcDay = (side: PairSide): string => new Date(side.publishedAt).toISOString().slice(0, 10);
const sameEvent = (p: ConflictPair): boolean => p.a.event !== undefined && p.a.event === p.b.event;
const loose = (s: PairSide): boolean => s.approx || s.bound !== undefined || s.valueMax !== null;
// Arabic-Indic digits read as ASCII ones, so a reprint that rewrote «45» as «٤٥» is still the same mention.
const asciiDigits = (text: string): string =>
  text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
const hasDigit = (text: string): boolean => /[0-9\u0660-\u0669]/.test(text);
// A full stop ends a sentence only before a space or the end («5.2» is one number).
const sentences = (text: string): string[] => text.split(/[.!؟?]+(?=\s|$)/).filter((s) => s.trim() !== '');
const words = (text: string): number => text.split(/\s+/).filter((w) => w !== '').length;

// The values a side allows as this set's author reads it: a bound is open on one end, a range is
// its two ends, and «نحو»/«قرابة» allow 10 % either way (the README's reading of approximation).
function allowed(s: PairSide): [number, number] {
  if (s.valueMax !== null) return [s.value, s.valueMax];
  if (s.bound === 'lower') return [s.value, Infinity];
  if (s.bound === 'upper') return [-Infinity, s.value];
  return s.approx ? [s.value * 0.9, s.value * 1.1] : [s.value, s.value];
}
const overlap = (a: PairSide, b: PairSide): boolean => {
  const [a0, a1] = allowed(a);
  const [b0, b1] = allowed(b);
  return a0 <= b1 && b0 <= a1;
};

describe('conflict pairs D: format', () => {
  it('parses every line with the pair schema', () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const { line, parsed } of lines) expect(parsed.success, `line ${line}: ${parsed.error?.message}`).toBe(true);
  });

  it('holds at least 100 pairs, ids cp-501 on in file order, each from two different outlets', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    expect(pairs.map((p) => p.id)).toEqual(pairs.map((_, i) => `cp-${501 + i}`));
    for (const p of pairs) expect(p.a.outlet, p.id).not.toBe(p.b.outlet);
  });

  it("finds each side's number exactly once in its text, so its offsets resolve", () => {
    for (const p of pairs) {
      for (const side of [p.a, p.b]) {
        const span = numberSpan(side);
        expect(span, `${p.id}: «${side.number}» must occur exactly once`).not.toBeNull();
        if (span) expect(side.text.slice(span.start, span.end)).toBe(side.number);
        expect(side.number, p.id).toMatch(/[0-9\u0660-\u0669]|[\u0621-\u064A]{3,}/);
      }
    }
  });

  it('writes each side as an article paragraph: three to five sentences of Arabic, 40 to 90 words', () => {
    for (const p of pairs) {
      for (const side of [p.a, p.b]) {
        expect(side.text, p.id).toMatch(/[\u0621-\u064A]/);
        const count = sentences(side.text).length;
        expect(count, p.id).toBeGreaterThanOrEqual(3);
        expect(count, p.id).toBeLessThanOrEqual(5);
        expect(words(side.text), p.id).toBeGreaterThanOrEqual(40);
        expect(words(side.text), p.id).toBeLessThanOrEqual(90);
      }
    }
  });

  it('dates every side from 2026-09-01 to 2026-10-01 (UTC)', () => {
    for (const p of pairs) {
      for (const side of [p.a, p.b]) {
        expect(utcDay(side) >= '2026-09-01' && utcDay(side) <= '2026-10-01', `${p.id}: ${side.publishedAt}`).toBe(true);
      }
    }
  });

  it('shares no passage with the first three sets (new events and sentences, not copies)', () => {
    const earlier = EARLIER.map((file) => readFileSync(projectPath(file), 'utf8')).join('\n');
    for (const p of pairs) for (const side of [p.a, p.b]) expect(earlier.includes(side.text), p.id).toBe(false);
  });

  it('uses no outlet name of the first three sets (the outlets are new invented names)', () => {
    const earlierOutlets = new Set(
      EARLIER.flatMap((file) =>
        readPairLines(projectPath(file)).flatMap(({ parsed }) =>
          parsed.success ? [parsed.data.a.outlet, parsed.data.b.outlet] : [],
        ),
      ),
    );
    expect(earlierOutlets.size).toBeGreaterThan(0);
    for (const p of pairs) for (const side of [p.a, p.b]) expect(earlierOutlets.has(side.outlet), `${p.id}: ${side.outlet}`).toBe(false);
  });

  it('reuses no event id of the first three sets or the story golds (an id there names another event)', () => {
    const others = [
      ...EARLIER,
      'test/fixtures/stories-gold/events.json',
      'test/fixtures/stories-gold-b/events.json',
      'test/fixtures/stories-gold-c/events.json',
    ]
      .map((file) => readFileSync(projectPath(file), 'utf8'))
      .join('\n');
    for (const p of pairs) {
      for (const side of [p.a, p.b]) {
        if (side.event !== undefined) expect(others.includes(`"${side.event}"`), `${p.id}: ${side.event}`).toBe(false);
      }
    }
  });
});

describe('conflict pairs D: labels', () => {
  it('labels a pair conflict exactly when its reason is real-discrepancy', () => {
    for (const p of pairs) expect(p.label, p.id).toBe(REASON_LABEL[p.reason]);
  });

  it('has 30–50 % conflicts and at least 5 pairs of every trap', () => {
    const share = withReason('real-discrepancy').length / pairs.length;
    expect(share).toBeGreaterThanOrEqual(0.3);
    expect(share).toBeLessThanOrEqual(0.5);
    for (const trap of TRAPS) expect(withReason(trap).length, trap).toBeGreaterThanOrEqual(5);
  });

  it("gives the README's count of every reason", () => {
    const readme = readFileSync(projectPath(DIR, 'README.md'), 'utf8');
    for (const reason of REASONS) {
      const row = new RegExp(`^\\| \`${reason}\` \\| (conflict|no-conflict) \\| (\\d+) \\|`, 'm').exec(readme);
      expect(row, `README row for ${reason}`).not.toBeNull();
      expect(row?.[1], reason).toBe(REASON_LABEL[reason]);
      expect(Number(row?.[2]), reason).toBe(withReason(reason).length);
    }
  });

  it('has real discrepancies that pair a number in words with one in digits', () => {
    const mixed = withReason('real-discrepancy').filter((p) => hasDigit(p.a.number) !== hasDigit(p.b.number));
    expect(mixed.length).toBeGreaterThanOrEqual(10);
  });

  it('writes the compared number in words on at least a sixth of the sides', () => {
    const inWords = pairs.flatMap((p) => [p.a, p.b]).filter((side) => !hasDigit(side.number));
    expect(inWords.length).toBeGreaterThanOrEqual(pairs.length / 3);
  });

  it('has percentage sides with three or more rates in the passage, of which one is compared', () => {
    const rates = (text: string): number => (text.match(/%|في المئة|بالمئة/g) ?? []).length;
    const crowded = pairs.flatMap((p) => [p.a, p.b]).filter((side) => side.unit === '%' && rates(side.text) >= 3);
    expect(crowded.length).toBeGreaterThanOrEqual(10);
  });
});

describe('conflict pairs D: each reason agrees with the readings written beside it', () => {
  it('a real discrepancy: one figure of one event, counted and subject alike, values differ', () => {
    for (const p of withReason('real-discrepancy')) {
      expect(sameEvent(p), p.id).toBe(true);
      expect([p.a.kind, p.b.kind], p.id).toEqual(['figure', 'figure']);
      expect(p.a.counted, p.id).toBe(p.b.counted);
      expect(p.a.subject, p.id).toBe(p.b.subject);
      expect([p.a.value, p.a.valueMax], p.id).not.toEqual([p.b.value, p.b.valueMax]);
      expect(overlap(p.a, p.b), `${p.id}: the two readings must exclude each other`).toBe(false);
    }
  });

  it('an update: one event and count, the later value published on a later day', () => {
    for (const p of withReason('update')) {
      expect(sameEvent(p), p.id).toBe(true);
      expect(p.a.counted, p.id).toBe(p.b.counted);
      expect(p.a.subject, p.id).toBe(p.b.subject);
      expect(utcDay(p.a) < utcDay(p.b), `${p.id}: a is the earlier day`).toBe(true);
      expect(p.a.value, p.id).not.toBe(p.b.value);
    }
  });

  it('same text: the same number (in either digit script) in an exact or near copy', () => {
    for (const p of withReason('same-text')) {
      expect(asciiDigits(p.a.number), p.id).toBe(asciiDigits(p.b.number));
      expect(p.a.value, p.id).toBe(p.b.value);
      expect(wordJaccard(p.a.text, p.b.text), p.id).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('rounding: one value written two ways', () => {
    for (const p of withReason('rounding')) {
      expect(p.a.number, p.id).not.toBe(p.b.number);
      expect(Math.abs(p.a.value - p.b.value) / Math.max(p.a.value, p.b.value), p.id).toBeLessThan(1e-9);
    }
  });

  it('a consistent bound: one side is approximate, a bound or a range', () => {
    for (const p of withReason('consistent-bound')) {
      expect(loose(p.a) || loose(p.b), p.id).toBe(true);
      expect(sameEvent(p), p.id).toBe(true);
      expect(overlap(p.a, p.b), `${p.id}: the two readings must agree`).toBe(true);
    }
  });

  it('a consistent sum: one event, a part and the total it belongs to', () => {
    for (const p of withReason('consistent-sum')) {
      expect(sameEvent(p), p.id).toBe(true);
      expect(p.a.value, p.id).not.toBe(p.b.value);
    }
  });

  it('different subject or thing: the subject, event or counted thing is not the same', () => {
    for (const p of withReason('different-subject')) {
      expect(p.a.subject !== p.b.subject || !sameEvent(p), p.id).toBe(true);
    }
    for (const p of withReason('different-thing')) {
      expect(sameEvent(p), p.id).toBe(true);
      expect(p.a.counted, p.id).not.toBe(p.b.counted);
    }
  });

  it("not a claim exactly when a side's number is not a figure", () => {
    for (const p of pairs) {
      const notFigure = p.a.kind !== 'figure' || p.b.kind !== 'figure';
      expect(notFigure, p.id).toBe(p.reason === 'not-a-claim');
    }
  });
});
