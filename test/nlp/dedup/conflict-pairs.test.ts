// Guards the labelled conflict pairs (test/fixtures/conflict-pairs/, README beside it), issue 25's
// test set for conflicts between two outlets' numbers. These checks only read the files and compare
// each label with the reading written beside it; no claims, dedup or conflict code runs on the set,
// so it stays blind until that code is first evaluated on it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../src/paths.js';
import {
  CONFLICT_PAIRS_DIR,
  ConflictPairSchema,
  REASONS,
  REASON_LABEL,
  numberSpan,
  readPairLines,
  readPairs,
  type ConflictPair,
  type PairSide,
  type Reason,
} from './conflict-pairs.js';
import { wordJaccard } from './word-jaccard.js';

const lines = readPairLines();
const pairs = readPairs();
const withReason = (reason: Reason): ConflictPair[] => pairs.filter((p) => p.reason === reason);
const TRAPS = REASONS.filter((r) => REASON_LABEL[r] === 'no-conflict');
const utcDay = (side: PairSide): string => new Date(side.publishedAt).toISOString().slice(0, 10);
const sameEvent = (p: ConflictPair): boolean => p.a.event !== undefined && p.a.event === p.b.event;

describe('the conflict pairs: format', () => {
  it('parses every line with the pair schema', () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const { line, parsed } of lines) expect(parsed.success, `line ${line}: ${parsed.error?.message}`).toBe(true);
  });

  it('holds at least 80 pairs with unique ids, each from two different outlets', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(80);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
    for (const p of pairs) expect(p.a.outlet, p.id).not.toBe(p.b.outlet);
  });

  it('finds each side\'s number exactly once in its text, so its offsets resolve', () => {
    for (const p of pairs) {
      for (const side of [p.a, p.b]) {
        const span = numberSpan(side);
        expect(span, `${p.id}: «${side.number}» must occur exactly once`).not.toBeNull();
        if (span) expect(side.text.slice(span.start, span.end)).toBe(side.number);
        expect(side.number, p.id).toMatch(/[0-9\u0660-\u0669]|[\u0621-\u064A]{3,}/);
      }
    }
  });

  it('keeps each side to one to three sentences of Arabic', () => {
    for (const p of pairs) {
      for (const side of [p.a, p.b]) {
        expect(side.text, p.id).toMatch(/[\u0621-\u064A]/);
        // A full stop ends a sentence only before a space or the end («6.1» is one number).
        const sentences = side.text.split(/[.!؟?]+(?=\s|$)/).filter((s) => s.trim() !== '');
        expect(sentences.length, p.id).toBeGreaterThanOrEqual(1);
        expect(sentences.length, p.id).toBeLessThanOrEqual(3);
      }
    }
  });

  it('rejects an unknown field, a reason outside the list, a bad range and a missing number', () => {
    const [first] = pairs;
    expect(first).toBeDefined();
    if (!first) return;
    expect(ConflictPairSchema.safeParse(first).success).toBe(true);
    expect(ConflictPairSchema.safeParse({ ...first, extra: 1 }).success).toBe(false);
    expect(ConflictPairSchema.safeParse({ ...first, reason: 'looks-different' }).success).toBe(false);
    expect(ConflictPairSchema.safeParse({ ...first, a: { ...first.a, valueMax: first.a.value - 1 } }).success).toBe(false);
    expect(ConflictPairSchema.safeParse({ ...first, b: { ...first.b, number: undefined } }).success).toBe(false);
  });
});

describe('the conflict pairs: labels', () => {
  it('labels a pair conflict exactly when its reason is real-discrepancy', () => {
    for (const p of pairs) expect(p.label, p.id).toBe(REASON_LABEL[p.reason]);
  });

  it('has 30–50 % conflicts and at least 5 pairs of every trap', () => {
    const share = withReason('real-discrepancy').length / pairs.length;
    expect(share).toBeGreaterThanOrEqual(0.3);
    expect(share).toBeLessThanOrEqual(0.5);
    for (const trap of TRAPS) expect(withReason(trap).length, trap).toBeGreaterThanOrEqual(5);
  });

  it('gives the README\'s count of every reason', () => {
    const readme = readFileSync(projectPath(CONFLICT_PAIRS_DIR, 'README.md'), 'utf8');
    for (const reason of REASONS) {
      const row = new RegExp(`^\\| \`${reason}\` \\| (conflict|no-conflict) \\| (\\d+) \\|`, 'm').exec(readme);
      expect(row, `README row for ${reason}`).not.toBeNull();
      expect(row?.[1], reason).toBe(REASON_LABEL[reason]);
      expect(Number(row?.[2]), reason).toBe(withReason(reason).length);
    }
  });
});

describe('the conflict pairs: each reason agrees with the readings written beside it', () => {
  it('a real discrepancy: one figure of one event, counted and subject alike, values differ', () => {
    for (const p of withReason('real-discrepancy')) {
      expect(sameEvent(p), p.id).toBe(true);
      expect([p.a.kind, p.b.kind], p.id).toEqual(['figure', 'figure']);
      expect(p.a.counted, p.id).toBe(p.b.counted);
      expect(p.a.subject, p.id).toBe(p.b.subject);
      expect([p.a.value, p.a.valueMax], p.id).not.toEqual([p.b.value, p.b.valueMax]);
    }
  });

  it('an update: one event and count, the later value published on a later day', () => {
    for (const p of withReason('update')) {
      expect(sameEvent(p), p.id).toBe(true);
      expect(p.a.counted, p.id).toBe(p.b.counted);
      expect(p.a.subject, p.id).toBe(p.b.subject);
      expect(utcDay(p.a), p.id).not.toBe(utcDay(p.b));
      expect(p.a.value, p.id).not.toBe(p.b.value);
    }
  });

  it('same text: the same number in an exact or near copy', () => {
    for (const p of withReason('same-text')) {
      expect(p.a.number, p.id).toBe(p.b.number);
      expect(p.a.value, p.id).toBe(p.b.value);
      // A one-word edit in a sentence of 15 words already costs about 0.12 of word Jaccard.
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
      const loose = (s: PairSide): boolean => s.approx || s.bound !== undefined || s.valueMax !== null;
      expect(loose(p.a) || loose(p.b), p.id).toBe(true);
      expect(sameEvent(p), p.id).toBe(true);
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

  it('not a claim exactly when a side\'s number is not a figure', () => {
    for (const p of pairs) {
      const notFigure = p.a.kind !== 'figure' || p.b.kind !== 'figure';
      expect(notFigure, p.id).toBe(p.reason === 'not-a-claim');
    }
  });
});
