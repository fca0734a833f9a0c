import { createHash } from 'node:crypto';
import type { Token } from '../../schema/text.js';
import { murmur32 } from './murmur.js';

/** The token fields dedup reads (a structural subset of the text layer's Token). */
export type DedupToken = Pick<Token, 'text' | 'start' | 'end' | 'kind' | 'key' | 'stem' | 'sentence'> & {
  flags?: Token['flags'];
};

/** A token that counts as article prose: a word, Latin word or number outside boilerplate. */
export interface ContentToken {
  /** Index in the record's `tokens`. */
  tokenIndex: number;
  key: string;
  stem: string;
  kind: Token['kind'];
  start: number;
  end: number;
}

const CONTENT_KINDS = new Set<Token['kind']>(['word', 'latin', 'number']);

/**
 * The prose of an article as a list of search keys: punctuation, symbols, links and every token the
 * text layer flagged as boilerplate are skipped, so that «مشاركة :» residue or a different share bar
 * never makes two copies of one text look different.
 */
export function contentTokens(tokens: readonly DedupToken[]): ContentToken[] {
  const out: ContentToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!CONTENT_KINDS.has(token.kind)) continue;
    if (token.flags?.includes('boilerplate')) continue;
    if (token.key.length === 0) continue;
    out.push({ tokenIndex: i, key: token.key, stem: token.stem, kind: token.kind, start: token.start, end: token.end });
  }
  return out;
}

/**
 * Content hash: SHA-256 of the normalised prose (keys joined by one space), first 16 bytes as hex.
 * Two texts that differ only in diacritics, tatweel, alef forms, spacing, punctuation or boilerplate
 * get the same hash.
 */
export function contentHash(content: readonly ContentToken[]): string {
  const hash = createHash('sha256');
  hash.update(content.map((token) => token.key).join(' '), 'utf8');
  return hash.digest('hex').slice(0, 32);
}

/**
 * Hash of every window of `size` consecutive content keys (word n-gram shingles), in text order:
 * element i covers content tokens [i, i + size). A text shorter than `size` gets one shingle of all
 * its keys, so short texts still compare.
 */
export function shingleHashes(content: readonly ContentToken[], size: number, seed = 0): Uint32Array {
  if (content.length === 0) return new Uint32Array(0);
  const count = Math.max(1, content.length - size + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let joined = content[i]!.key;
    const end = Math.min(content.length, i + size);
    for (let j = i + 1; j < end; j++) joined += ' ' + content[j]!.key;
    out[i] = murmur32(joined, seed);
  }
  return out;
}

/** The distinct values of a hash list, sorted ascending (the shingle SET that Jaccard is defined on). */
export function uniqueSorted(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let write = 0;
  for (let read = 0; read < sorted.length; read++) {
    if (read === 0 || sorted[read] !== sorted[write - 1]) sorted[write++] = sorted[read]!;
  }
  return sorted.slice(0, write);
}

/** Exact Jaccard similarity of two sorted, duplicate-free sets. */
export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
