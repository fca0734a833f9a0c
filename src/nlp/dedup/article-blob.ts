import type { ShingleSample } from './sample.js';
import { decodeSample, encodeSample } from './sample.js';

/** A sentence's [start, end) in the original text. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * What the index keeps of each article beside its fixed-size slot, in one string:
 * content length u16 | sentence count u16 | per sentence: gap from the previous end u16, length u16 |
 * the shingle sample (2 bytes per value). Sentences let passages snap to whole sentences in both
 * articles (4 bytes per sentence); offsets beyond 65,535 are clamped (long gaps are rare in news).
 */
export interface ArticleBlob {
  contentLength: number;
  sentences: SentenceSpan[];
  sample: ShingleSample;
}

export function encodeArticleBlob(blob: ArticleBlob): Buffer {
  const header = Buffer.alloc(4 + 4 * blob.sentences.length);
  header.writeUInt16LE(Math.min(blob.contentLength, 0xffff), 0);
  header.writeUInt16LE(Math.min(blob.sentences.length, 0xffff), 2);
  let previousEnd = 0;
  blob.sentences.slice(0, 0xffff).forEach((sentence, i) => {
    const gap = Math.min(Math.max(0, sentence.start - previousEnd), 0xffff);
    const length = Math.min(Math.max(0, sentence.end - sentence.start), 0xffff);
    header.writeUInt16LE(gap, 4 + 4 * i);
    header.writeUInt16LE(length, 6 + 4 * i);
    previousEnd = previousEnd + gap + length;
  });
  return Buffer.concat([header, encodeSample(blob.sample)]);
}

export function decodeArticleBlob(raw: Uint8Array, sampleLevel: number): ArticleBlob {
  if (raw.length < 4) return { contentLength: 0, sentences: [], sample: { level: sampleLevel, values: new Uint16Array(0) } };
  const view = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const contentLength = view.readUInt16LE(0);
  const count = view.readUInt16LE(2);
  const sentences: SentenceSpan[] = [];
  let previousEnd = 0;
  for (let i = 0; i < count; i++) {
    const start = previousEnd + view.readUInt16LE(4 + 4 * i);
    const end = start + view.readUInt16LE(6 + 4 * i);
    sentences.push({ start, end });
    previousEnd = end;
  }
  return { contentLength, sentences, sample: decodeSample(view.subarray(4 + 4 * count), sampleLevel) };
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
