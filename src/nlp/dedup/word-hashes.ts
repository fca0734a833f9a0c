// The 16-bit word hashes a stored claim digest keeps (claims.ts): its content words, and the word
// lists of its quantities; and the Jaccard of two claims' words. Pure.
import { murmur32 } from './murmur.js';

/** The 16-bit hashes of a claim's content words that the index compares (the first `limit` distinct ones). */
export function wordHashes(words: readonly string[], limit = 40): Set<number> {
  return new Set([...new Set(words.map((word) => murmur32(word, 0x5eed) & 0xffff))].slice(0, limit));
}

/**
 * A word list whose first `own` words are the number's own sentence's and the rest the sentence
 * before it's (`context`, `scene`): hashes of the own words first (at most `ownLimit`), then the
 * others not already there, `limit` in all, and how many are own (two words may share a hash).
 */
export function splitHashes<K extends string>(name: K, words: readonly string[], own: number, ownLimit: number, limit: number): Record<K, number[]> & Record<`${K}Own`, number> {
  const hashes = [...wordHashes(words.slice(0, own), ownLimit)];
  const ownCount = hashes.length;
  for (const hash of wordHashes(words.slice(own))) if (hashes.length < limit && !hashes.includes(hash)) hashes.push(hash);
  return { [name]: hashes, [`${name}Own`]: ownCount } as Record<K, number[]> & Record<`${K}Own`, number>;
}

/** Jaccard similarity of two claims' content-word skeletons. */
export function claimContentSimilarity(a: readonly string[], b: readonly string[]): number {
  return wordSetSimilarity(new Set(a), new Set(b));
}

/** `claimContentSimilarity` over sets already built (the dedup step compares one claim with many). */
export function wordSetSimilarity<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
