import type { ContentToken } from './shingles.js';
import { shingleHashes } from './shingles.js';

/** One passage fingerprint: a sampled k-token shingle with where it lies in the article. */
export interface PassageFingerprint {
  hash: number;
  /** Index of the shingle's first token among the content tokens. */
  position: number;
  /** [start, end) in the original text, from the first to the last token of the shingle. */
  start: number;
  end: number;
}

/** Seed for passage shingles, distinct from the near-duplicate shingles' (different k, different hash). */
const PASSAGE_SEED = 0x51ed27;

/**
 * Winnowing (Schleimer, Wilkerson & Aiken 2003): of every window of `window` consecutive shingle hashes
 * keep the minimum (the rightmost on ties). Two texts that share a run of at least
 * window + shingleSize − 1 tokens are guaranteed to keep a common fingerprint, and the choice inside a
 * shared window depends only on that window, so both texts keep the SAME fingerprints there. That
 * symmetry makes passage links independent of which article was indexed first.
 */
export function winnow(content: readonly ContentToken[], shingleSize: number, window: number): PassageFingerprint[] {
  return winnowHashes(content, shingleSize, window);
}

/**
 * The window an article uses: the configured one, widened for long articles so that they keep about
 * `maxFingerprints` (winnowing keeps ~2/(w+1) of the shingles). Two articles with different windows
 * still keep a common fingerprint for any shared run of max(w₁, w₂) + k − 1 tokens: the minimum of a
 * wide window is also the minimum of every narrower window inside it.
 */
export function adaptiveWindow(contentLength: number, window: number, maxFingerprints: number): number {
  return Math.max(window, Math.ceil((2 * contentLength) / maxFingerprints));
}

function winnowHashes(content: readonly ContentToken[], shingleSize: number, window: number): PassageFingerprint[] {
  if (content.length < shingleSize) return [];
  const hashes = shingleHashes(content, shingleSize, PASSAGE_SEED);
  const out: PassageFingerprint[] = [];
  const take = (position: number): void => {
    out.push({
      hash: hashes[position]!,
      position,
      start: content[position]!.start,
      end: content[position + shingleSize - 1]!.end,
    });
  };
  if (hashes.length <= window) {
    take(argMinRightmost(hashes, 0, hashes.length));
    return out;
  }
  let last = -1;
  for (let left = 0; left + window <= hashes.length; left++) {
    const chosen = argMinRightmost(hashes, left, left + window);
    if (chosen !== last) {
      take(chosen);
      last = chosen;
    }
  }
  return out;
}

function argMinRightmost(values: Uint32Array, start: number, end: number): number {
  let best = start;
  for (let i = start + 1; i < end; i++) if (values[i]! <= values[best]!) best = i;
  return best;
}
