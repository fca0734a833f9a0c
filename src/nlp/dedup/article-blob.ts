import type { ShingleSample } from './sample.js';
import { decodeSample, encodeSample } from './sample.js';

/** A sentence's [start, end) in the original text. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * What the index keeps of each article beside its fixed-size slot, in one string:
 * claims length u16 | the claim digests (`encodeClaimDigests`; first, so that the register script
 * can cut them out without parsing the rest) | content length | sentence count | per sentence: gap
 * from the previous end, length, and the content-token position of its first content token as a
 * step from the previous sentence's (all unsigned LEB128 varints: 1–2 bytes each, where fixed u16
 * took 6 bytes a sentence) | the shingle sample (Rice-coded, see `encodeSample`). Sentences let
 * passages snap to whole sentences in both articles, and the first positions say which sentence holds
 * a passage posting (which stores only the fingerprint's position).
 */
export interface ArticleBlob {
  contentLength: number;
  sentences: SentenceSpan[];
  /** Per sentence: the content-token position of its first content token (of the next one when it has none). */
  firstPositions: number[];
  sample: ShingleSample;
  /** The article's claim digests (empty when none has an index key). */
  claims?: Buffer;
}

/** Claim digests beyond this many bytes are not stored (a digest is ~56 bytes: over a thousand claims). */
const MAX_CLAIM_BYTES = 0xffff;

function writeVarint(out: number[], value: number): void {
  let rest = Math.max(0, Math.floor(value));
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

function readVarint(view: Uint8Array, at: { offset: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = view[at.offset++];
    if (byte === undefined) return value;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
  }
}

export function encodeArticleBlob(blob: ArticleBlob): Buffer {
  const claims = blob.claims && blob.claims.length <= MAX_CLAIM_BYTES ? blob.claims : Buffer.alloc(0);
  const bytes: number[] = [claims.length & 0xff, claims.length >> 8];
  const head: number[] = [];
  writeVarint(head, blob.contentLength);
  writeVarint(head, blob.sentences.length);
  let previousEnd = 0;
  let previousFirst = 0;
  blob.sentences.forEach((sentence, i) => {
    const gap = Math.max(0, sentence.start - previousEnd);
    const length = Math.max(0, sentence.end - sentence.start);
    const first = Math.max(previousFirst, blob.firstPositions[i] ?? previousFirst);
    writeVarint(head, gap);
    writeVarint(head, length);
    writeVarint(head, first - previousFirst);
    previousEnd = previousEnd + gap + length;
    previousFirst = first;
  });
  return Buffer.concat([Buffer.from(bytes), claims, Buffer.from(head), encodeSample(blob.sample)]);
}

/** The claim digests at the head of a stored blob (what the register script cuts out in Lua). */
export function blobClaims(raw: Uint8Array): Buffer {
  if (raw.length < 2) return Buffer.alloc(0);
  const length = raw[0]! | (raw[1]! << 8);
  return Buffer.from(raw.buffer, raw.byteOffset + 2, Math.min(length, raw.length - 2));
}

export function decodeArticleBlob(raw: Uint8Array, sampleLevel: number): ArticleBlob {
  const empty = { contentLength: 0, sentences: [], firstPositions: [], sample: decodeSample(new Uint8Array(0), sampleLevel), claims: Buffer.alloc(0) };
  if (raw.length < 2) return empty;
  const claims = blobClaims(raw);
  const at = { offset: 2 + claims.length };
  if (at.offset >= raw.length) return { ...empty, claims };
  const contentLength = readVarint(raw, at);
  const count = readVarint(raw, at);
  const sentences: SentenceSpan[] = [];
  const firstPositions: number[] = [];
  let previousEnd = 0;
  let previousFirst = 0;
  for (let i = 0; i < count && at.offset < raw.length; i++) {
    const start = previousEnd + readVarint(raw, at);
    const end = start + readVarint(raw, at);
    previousFirst += readVarint(raw, at);
    sentences.push({ start, end });
    firstPositions.push(previousFirst);
    previousEnd = end;
  }
  const view = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  return { contentLength, sentences, firstPositions, sample: decodeSample(view.subarray(at.offset), sampleLevel), claims };
}

/** Per sentence, the position of its first content token (tokens sorted by start): see `ArticleBlob`. */
export function firstContentPositions(sentences: readonly SentenceSpan[], content: ReadonlyArray<{ start: number }>): number[] {
  const out: number[] = [];
  let position = 0;
  for (const sentence of sentences) {
    while (position < content.length && content[position]!.start < sentence.start) position++;
    out.push(position);
  }
  return out;
}

/**
 * The sentence that holds the content token at `position`: the last sentence whose first content
 * position is at or before it (the same sentence `sentenceIndexAt` finds from the token's offset).
 */
export function sentenceOfPosition(firstPositions: readonly number[], position: number): number {
  let low = 0;
  let high = firstPositions.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (firstPositions[middle]! <= position) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Sentences from the text layer, or (without them) from the tokens' sentence indexes. */
export function sentenceSpans(sentences: readonly SentenceSpan[], tokens: ReadonlyArray<{ start: number; end: number; sentence: number }>): SentenceSpan[] {
  if (sentences.length > 0) return sentences.map(({ start, end }) => ({ start, end }));
  const spans = new Map<number, SentenceSpan>();
  for (const token of tokens) {
    const span = spans.get(token.sentence);
    if (!span) spans.set(token.sentence, { start: token.start, end: token.end });
    else {
      span.start = Math.min(span.start, token.start);
      span.end = Math.max(span.end, token.end);
    }
  }
  return [...spans.values()].sort((a, b) => a.start - b.start);
}
