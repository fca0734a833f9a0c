// Reads the labelled conflict pairs (test/fixtures/conflict-pairs/, README beside it; here so that
// `npm run eval:conflicts` and the tests share it): two outlets'
// passages, the number compared on each side with its intended reading, and whether a fact-checker
// would flag the two as a conflict. Parsing only: no claims, dedup or conflict code runs here, so the
// set stays blind until issue 25's conflict code is first evaluated on it.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { projectPath } from '../../src/paths.js';

export const CONFLICT_PAIRS_DIR = 'test/fixtures/conflict-pairs';

export const LABELS = ['conflict', 'no-conflict'] as const;
export type Label = (typeof LABELS)[number];

/** The closed list of reasons and the label each implies (definitions in the README). */
export const REASON_LABEL = {
  'real-discrepancy': 'conflict',
  'different-subject': 'no-conflict',
  'different-thing': 'no-conflict',
  'same-text': 'no-conflict',
  'consistent-bound': 'no-conflict',
  'consistent-sum': 'no-conflict',
  rounding: 'no-conflict',
  update: 'no-conflict',
  'not-a-claim': 'no-conflict',
} as const satisfies Record<string, Label>;
export type Reason = keyof typeof REASON_LABEL;
export const REASONS = Object.keys(REASON_LABEL) as [Reason, ...Reason[]];

/**
 * What the number is: a `figure` is a stated quantity a fact-checker can check (a count, amount,
 * size, rate, or a duration that is itself the fact, such as a sentence of 7 years); the others are
 * numbers that state no quantity (a time frame «خلال 24 ساعة», a date, an age, a model «إس-300», an
 * ordinal «الدورة 45», a phone number, an identifier such as a law or flight number).
 */
export const NUMBER_KINDS = ['figure', 'time-span', 'date', 'age', 'model', 'ordinal', 'phone', 'identifier'] as const;

const IsoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not an ISO date');
const EventId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an event id is kebab-case');

export const PairSideSchema = z
  .object({
    outlet: z.string().min(1),
    publishedAt: IsoDate,
    /** The event this side reports; two sides of one pair may report different events. */
    event: EventId.optional(),
    /** One to three sentences, composed for this set. */
    text: z.string().min(1),
    /** The number mention compared, exactly as written (with its approximator: «نحو 50»). */
    number: z.string().min(1),
    /** The value as a reader takes it (scale words applied: «2.4 مليار» is 2400000000). */
    value: z.number(),
    /** Upper end of a range («بين 20 و30»); null otherwise. */
    valueMax: z.number().nullable(),
    /** The number is a bound: `lower` for «أكثر من», «ما لا يقل عن»; `upper` for «أقل من», «لا يتجاوز». */
    bound: z.enum(['lower', 'upper']).optional(),
    /** Stated as approximate («نحو», «قرابة», «حوالي»). */
    approx: z.boolean(),
    kind: z.enum(NUMBER_KINDS),
    /** What is counted or measured, in a few words («قتلى», «مقاعد فاز بها»). */
    counted: z.string().min(1),
    /** Whose or where: the actor, place or event the number is about. */
    subject: z.string().min(1),
    /** The unit or counted noun («مقعد», «دولار», «%»); null for a bare label (an ordinal, a phone number). */
    unit: z.string().min(1).nullable(),
  })
  .strict()
  .refine((s) => s.valueMax === null || s.valueMax > s.value, 'valueMax must exceed value')
  .refine((s) => s.valueMax === null || s.bound === undefined, 'a range is not also a bound');
export type PairSide = z.infer<typeof PairSideSchema>;

export const ConflictPairSchema = z
  .object({
    id: z.string().regex(/^cp-\d{3,4}$/, 'an id is cp- and three or four digits (cp-1000 on)'),
    label: z.enum(LABELS),
    reason: z.enum(REASONS),
    /** Why, in a few English words, for the reader of a wrong answer. */
    note: z.string().min(3),
    a: PairSideSchema,
    b: PairSideSchema,
  })
  .strict();
export type ConflictPair = z.infer<typeof ConflictPairSchema>;

export interface PairLine {
  line: number;
  parsed: ReturnType<typeof ConflictPairSchema.safeParse>;
}

/** The default pair file (the first set, spent); `--pairs` names another of the same format. */
export const DEFAULT_PAIRS_FILE = projectPath(CONFLICT_PAIRS_DIR, 'pairs.jsonl');

export function readPairLines(file: string = DEFAULT_PAIRS_FILE): PairLine[] {
  const raw = readFileSync(file, 'utf8');
  return raw
    .split('\n')
    .map((text, index) => ({ text, line: index + 1 }))
    .filter(({ text }) => text.trim() !== '')
    .map(({ text, line }) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        value = { jsonError: String(error) };
      }
      return { line, parsed: ConflictPairSchema.safeParse(value) };
    });
}

/** The pairs, throwing on the first line that is not a pair (the guard test reports each). */
export function readPairs(file: string = DEFAULT_PAIRS_FILE): ConflictPair[] {
  return readPairLines(file).map(({ line, parsed }) => {
    if (!parsed.success) throw new Error(`${file} line ${line}: ${parsed.error.message}`);
    return parsed.data;
  });
}

/**
 * Where a side's number is in its text: `[start, end)` in UTF-16 code units, as the pipeline's
 * spans are. Null unless the mention occurs exactly once, so the offsets are never ambiguous.
 */
export function numberSpan(side: Pick<PairSide, 'text' | 'number'>): { start: number; end: number } | null {
  const start = side.text.indexOf(side.number);
  if (start < 0 || side.text.indexOf(side.number, start + 1) >= 0) return null;
  return { start, end: start + side.number.length };
}
