import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DedupClaim } from '../../../src/nlp/dedup/claims.js';
import type { DedupInput } from '../../../src/nlp/dedup/index-contract.js';
import { analyseText } from '../../../src/nlp/text/index.js';

export interface Seed {
  file: string;
  id: string;
  text: string;
}

/** The five sample articles (seeds/NNN_<id>.txt). */
export function loadSeeds(): Seed[] {
  const dir = join(import.meta.dirname, '..', '..', '..', 'seeds');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, id: file.slice(4, 20), text: readFileSync(join(dir, file), 'utf8') }));
}

/** The seed as the dedup stage receives it: tokens and sentences from the text layer. */
export function seedInput(seed: Seed, extra: Partial<DedupInput> = {}): DedupInput {
  const layer = analyseText(seed.text);
  return {
    id: seed.id,
    text: seed.text,
    tokens: layer.tokens,
    sentences: layer.sentences,
    publishedAt: '2021-07-14T00:00:00.000Z',
    sourceName: `source-${seed.file.slice(0, 3)}`,
    ...extra,
  };
}

/** A span of `text` found by its unique content (throws when absent, so a test cannot pass on a typo). */
export function spanOf(text: string, needle: string, from = 0): { text: string; start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`not in text: ${needle}`);
  return { text: needle, start, end: start + needle.length };
}

/** An attributed claim by an anonymous source, built from strings of the seed. */
export function anonymousClaim(text: string, speaker: string, kind: string, content: { text: string; start: number; end: number }): DedupClaim {
  const contentSpan = content;
  const speakerSpan = spanOf(text, speaker);
  const start = Math.min(speakerSpan.start, contentSpan.start);
  const end = Math.max(speakerSpan.end, contentSpan.end);
  return {
    kind: 'attributed',
    text: text.slice(start, end),
    start,
    end,
    speaker: { ...speakerSpan, entityId: null, anonymous: true, kind, antecedent: null },
    content: contentSpan,
    quantities: [],
  };
}

/** A numeric claim: the quantity as written, its value and what it counts. */
export function numericClaim(text: string, quantity: string, value: number, approx: boolean, counted: string): DedupClaim {
  const span = spanOf(text, quantity);
  return {
    kind: 'numeric',
    ...span,
    speaker: null,
    content: null,
    quantities: [{ ...span, value, valueMax: null, approx, unit: counted.split(' ')[0]!, counted }],
  };
}

/** The span from the start of `from` to the end of `to` (both unique strings of the text). */
export function spanBetween(text: string, from: string, to: string): { text: string; start: number; end: number } {
  const start = spanOf(text, from).start;
  const end = spanOf(text, to, start).end;
  return { text: text.slice(start, end), start, end };
}

/** Share of [start, end) that lies inside [coverStart, coverEnd). */
export function coverage(start: number, end: number, coverStart: number, coverEnd: number): number {
  return Math.max(0, Math.min(end, coverEnd) - Math.max(start, coverStart)) / (end - start);
}
