// The guard of a blind set of conflict pairs (issue 25), shared by the sets written after the
// second (conflict-pairs-c, -d, -e; each README beside its pairs). It only reads the files and
// compares each label with the reading written beside it; no claims, dedup or conflict code runs
// on a set, so it stays blind until the lead evaluates the conflict code on it, once. Each set's
// test file calls `guardBlindPairSet` with its own limits; the checks are the same for all.
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

export interface BlindPairSetGuard {
  /** The set's letter, used in the test names («D»). */
  name: string;
  /** Folder of `pairs.jsonl` and `README.md`, relative to the project. */
  dir: string;
  /** Number of the first id: pairs are `cp-<firstId>` on, in file order. */
  firstId: number;
  /** The earlier sets' `pairs.jsonl` files: no passage of theirs may occur here, no event id be reused. */
  earlierSets: string[];
  /** The earlier story golds' `events.json` files: no event id of theirs may be reused. */
  storyGolds: string[];
  /** Also check that no outlet name of the earlier sets is used. */
  newOutlets: boolean;
  /** First and last UTC day a side may be published on (`YYYY-MM-DD`). */
  days: [string, string];
  /** How a side is written, for the test name («an article paragraph»). */
  passage: string;
  /** Sentences per side, inclusive. */
  sentences: [number, number];
  /** Whitespace words per side, inclusive. */
  words: [number, number];
  /** Least number of real discrepancies that pair a number in words with one in digits. */
  minWordsDigitsConflicts: number;
  /** The compared number is written in words on at least one side in this many (no check if absent). */
  inWordsOneSideIn?: number;
  /** Least number of percentage sides with three or more rates in the passage (none if absent). */
  minCrowdedRates?: number;
}

/** How sets H onward write a side, and what they hold at least: every guard since H asks the same, so it is written once. */
export const PARAGRAPH_PAIR_SET: Pick<BlindPairSetGuard, 'newOutlets' | 'passage' | 'sentences' | 'words' | 'minWordsDigitsConflicts' | 'inWordsOneSideIn' | 'minCrowdedRates'> = {
  newOutlets: true,
  passage: 'an article paragraph',
  sentences: [2, 4],
  words: [35, 55],
  minWordsDigitsConflicts: 20,
  inWordsOneSideIn: 4,
  minCrowdedRates: 12,
};

// Arabic-Indic digits read as ASCII ones, so a reprint that rewrote «45» as «٤٥» is still the same mention.
const asciiDigits = (text: string): string =>
  text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
const hasDigit = (text: string): boolean => /[0-9\u0660-\u0669]/.test(text);
// A full stop ends a sentence only before a space or the end («5.2» is one number).
const sentences = (text: string): string[] => text.split(/[.!؟?]+(?=\s|$)/).filter((s) => s.trim() !== '');
const words = (text: string): number => text.split(/\s+/).filter((w) => w !== '').length;
const utcDay = (side: PairSide): string => new Date(side.publishedAt).toISOString().slice(0, 10);
const sameEvent = (p: ConflictPair): boolean => p.a.event !== undefined && p.a.event === p.b.event;
const loose = (s: PairSide): boolean => s.approx || s.bound !== undefined || s.valueMax !== null;

// The values a side allows as the set's author reads it: a bound is open on one end, a range is
// its two ends, and «نحو»/«قرابة» allow 10 % either way (the READMEs' reading of approximation).
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

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const spelled = (n: number): string => COUNT_WORDS[n] ?? String(n);
const setsNamed = (n: number): string => `the first ${spelled(n)} sets`;

/** Declares the describe/it blocks that guard one blind pair set. */
export function guardBlindPairSet(o: BlindPairSetGuard): void {
  const lines = readPairLines(projectPath(o.dir, 'pairs.jsonl'));
  const pairs: ConflictPair[] = lines.flatMap(({ parsed }) => (parsed.success ? [parsed.data] : []));
  const withReason = (reason: Reason): ConflictPair[] => pairs.filter((p) => p.reason === reason);
  const traps = REASONS.filter((r) => REASON_LABEL[r] === 'no-conflict');
  const earlier = setsNamed(o.earlierSets.length);
  const [minSentences, maxSentences] = o.sentences;
  const [minWords, maxWords] = o.words;
  const [firstDay, lastDay] = o.days;

  describe(`conflict pairs ${o.name}: format`, () => {
    it('parses every line with the pair schema', () => {
      expect(lines.length).toBeGreaterThan(0);
      for (const { line, parsed } of lines) expect(parsed.success, `line ${line}: ${parsed.error?.message}`).toBe(true);
    });

    it(`holds at least 100 pairs, ids cp-${o.firstId} on in file order, each from two different outlets`, () => {
      expect(pairs.length).toBeGreaterThanOrEqual(100);
      expect(pairs.map((p) => p.id)).toEqual(pairs.map((_, i) => `cp-${o.firstId + i}`));
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

    it(`writes each side as ${o.passage}: ${minSentences} to ${maxSentences} sentences of Arabic, ${minWords} to ${maxWords} words`, () => {
      for (const p of pairs) {
        for (const side of [p.a, p.b]) {
          expect(side.text, p.id).toMatch(/[\u0621-\u064A]/);
          const count = sentences(side.text).length;
          expect(count, p.id).toBeGreaterThanOrEqual(minSentences);
          expect(count, p.id).toBeLessThanOrEqual(maxSentences);
          expect(words(side.text), p.id).toBeGreaterThanOrEqual(minWords);
          expect(words(side.text), p.id).toBeLessThanOrEqual(maxWords);
        }
      }
    });

    it(`dates every side from ${firstDay} to ${lastDay} (UTC)`, () => {
      for (const p of pairs) {
        for (const side of [p.a, p.b]) {
          expect(utcDay(side) >= firstDay && utcDay(side) <= lastDay, `${p.id}: ${side.publishedAt}`).toBe(true);
        }
      }
    });

    it(`shares no passage with ${earlier} (new events and sentences, not copies)`, () => {
      const text = o.earlierSets.map((file) => readFileSync(projectPath(file), 'utf8')).join('\n');
      for (const p of pairs) for (const side of [p.a, p.b]) expect(text.includes(side.text), p.id).toBe(false);
    });

    if (o.newOutlets) {
      it(`uses no outlet name of ${earlier} (the outlets are new invented names)`, () => {
        const earlierOutlets = new Set(
          o.earlierSets.flatMap((file) =>
            readPairLines(projectPath(file)).flatMap(({ parsed }) =>
              parsed.success ? [parsed.data.a.outlet, parsed.data.b.outlet] : [],
            ),
          ),
        );
        expect(earlierOutlets.size).toBeGreaterThan(0);
        for (const p of pairs) for (const side of [p.a, p.b]) expect(earlierOutlets.has(side.outlet), `${p.id}: ${side.outlet}`).toBe(false);
      });
    }

    it(`reuses no event id of ${earlier} or the story golds (an id there names another event)`, () => {
      const others = [...o.earlierSets, ...o.storyGolds].map((file) => readFileSync(projectPath(file), 'utf8')).join('\n');
      for (const p of pairs) {
        for (const side of [p.a, p.b]) {
          if (side.event !== undefined) expect(others.includes(`"${side.event}"`), `${p.id}: ${side.event}`).toBe(false);
        }
      }
    });
  });

  describe(`conflict pairs ${o.name}: labels`, () => {
    it('labels a pair conflict exactly when its reason is real-discrepancy', () => {
      for (const p of pairs) expect(p.label, p.id).toBe(REASON_LABEL[p.reason]);
    });

    it('has 30–50 % conflicts and at least 5 pairs of every trap', () => {
      const share = withReason('real-discrepancy').length / pairs.length;
      expect(share).toBeGreaterThanOrEqual(0.3);
      expect(share).toBeLessThanOrEqual(0.5);
      for (const trap of traps) expect(withReason(trap).length, trap).toBeGreaterThanOrEqual(5);
    });

    it("gives the README's count of every reason", () => {
      const readme = readFileSync(projectPath(o.dir, 'README.md'), 'utf8');
      for (const reason of REASONS) {
        const row = new RegExp(`^\\| \`${reason}\` \\| (conflict|no-conflict) \\| (\\d+) \\|`, 'm').exec(readme);
        expect(row, `README row for ${reason}`).not.toBeNull();
        expect(row?.[1], reason).toBe(REASON_LABEL[reason]);
        expect(Number(row?.[2]), reason).toBe(withReason(reason).length);
      }
    });

    it('has real discrepancies that pair a number in words with one in digits', () => {
      const mixed = withReason('real-discrepancy').filter((p) => hasDigit(p.a.number) !== hasDigit(p.b.number));
      expect(mixed.length).toBeGreaterThanOrEqual(o.minWordsDigitsConflicts);
    });

    const { inWordsOneSideIn, minCrowdedRates } = o;
    if (inWordsOneSideIn !== undefined) {
      it(`writes the compared number in words on at least one side in ${inWordsOneSideIn}`, () => {
        const sides = pairs.flatMap((p) => [p.a, p.b]);
        const inWords = sides.filter((side) => !hasDigit(side.number));
        expect(inWords.length).toBeGreaterThanOrEqual(sides.length / inWordsOneSideIn);
      });
    }

    if (minCrowdedRates !== undefined) {
      it('has percentage sides with three or more rates in the passage, of which one is compared', () => {
        const rates = (text: string): number => (text.match(/%|في المئة|بالمئة/g) ?? []).length;
        const crowded = pairs.flatMap((p) => [p.a, p.b]).filter((side) => side.unit === '%' && rates(side.text) >= 3);
        expect(crowded.length).toBeGreaterThanOrEqual(minCrowdedRates);
      });
    }
  });

  describe(`conflict pairs ${o.name}: each reason agrees with the readings written beside it`, () => {
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
}
