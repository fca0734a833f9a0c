import type { ShingleSample } from './sample.js';
import { decodeSample, encodeSample } from './sample.js';

/** A sentence's [start, end) in the original text. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * What the index keeps of each article beside its fixed-size slot, in one string:
 * content length u16 | sentence count u16 | per sentence: gap from the previous end u16, length u16,
 * content-token position of its first content token u16 | the shingle sample (Rice-coded, see
 * `encodeSample`). Sentences let passages snap to whole sentences in both articles (6 bytes per
 * sentence), and the first positions say which sentence holds a passage posting (which stores only
 * the fingerprint's position). Offsets beyond 65,535 are clamped (long gaps are rare in news).
 */
export interface ArticleBlob {
  contentLength: number;
  sentences: SentenceSpan[];
  /** Per sentence: the content-token position of its first content token (of the next one when it has none). */
  firstPositions: number[];
  sample: ShingleSample;
}

const SENTENCE_BYTES = 6;

export function encodeArticleBlob(blob: ArticleBlob): Buffer {
  const sentences = blob.sentences.slice(0, 0xffff);
  const header = Buffer.alloc(4 + SENTENCE_BYTES * sentences.length);
  header.writeUInt16LE(Math.min(blob.contentLength, 0xffff), 0);
  header.writeUInt16LE(sentences.length, 2);
  let previousEnd = 0;
  sentences.forEach((sentence, i) => {
    const gap = Math.min(Math.max(0, sentence.start - previousEnd), 0xffff);
    const length = Math.min(Math.max(0, sentence.end - sentence.start), 0xffff);
    const at = 4 + SENTENCE_BYTES * i;
    header.writeUInt16LE(gap, at);
    header.writeUInt16LE(length, at + 2);
    header.writeUInt16LE(Math.min(blob.firstPositions[i] ?? 0, 0xffff), at + 4);
    previousEnd = previousEnd + gap + length;
  });
  return Buffer.concat([header, encodeSample(blob.sample)]);
}

export function decodeArticleBlob(raw: Uint8Array, sampleLevel: number): ArticleBlob {
  if (raw.length < 4) return { contentLength: 0, sentences: [], firstPositions: [], sample: { level: sampleLevel, values: new Uint16Array(0) } };
  const view = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const contentLength = view.readUInt16LE(0);
  const count = view.readUInt16LE(2);
  const sentences: SentenceSpan[] = [];
  const firstPositions: number[] = [];
  let previousEnd = 0;
  for (let i = 0; i < count; i++) {
    const at = 4 + SENTENCE_BYTES * i;
    const start = previousEnd + view.readUInt16LE(at);
    const end = start + view.readUInt16LE(at + 2);
    sentences.push({ start, end });
    firstPositions.push(view.readUInt16LE(at + 4));
    previousEnd = end;
  }
  return { contentLength, sentences, firstPositions, sample: decodeSample(view.subarray(4 + SENTENCE_BYTES * count), sampleLevel) };
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
