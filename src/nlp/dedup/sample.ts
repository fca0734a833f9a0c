/**
 * A compact, exact-enough copy of an article's shingle set for verifying near-duplicate candidates:
 * the high 16 bits of each 32-bit shingle hash (2 bytes per shingle). Jaccard computed on these
 * sets differs from the exact Jaccard only by chance collisions of 16-bit values, and the expected
 * number of those is known (|A′|·|B′|/65536 for the non-shared parts), so it is subtracted.
 *
 * Very long articles keep a consistent sample: at level L only shingles whose low L hash bits are
 * zero are kept (L grows until at most `cap` remain). Two samples compare at the higher of their
 * two levels, which is again a uniform sample of both sets, so the estimate stays unbiased.
 */
export interface ShingleSample {
  level: number;
  /** Sorted, distinct high-16-bit values. */
  values: Uint16Array;
}

export function shingleSample(shingles: Uint32Array, cap: number): ShingleSample {
  let level = 0;
  while (level < 16 && countAtLevel(shingles, level) > cap) level++;
  const mask = (1 << level) - 1;
  const kept = new Set<number>();
  for (const hash of shingles) if ((hash & mask) === 0) kept.add(hash >>> 16);
  return { level, values: Uint16Array.from([...kept].sort((a, b) => a - b)) };
}

function countAtLevel(shingles: Uint32Array, level: number): number {
  const mask = (1 << level) - 1;
  let count = 0;
  for (const hash of shingles) if ((hash & mask) === 0) count++;
  return count;
}

/**
 * The Jaccard similarity of the two shingle sets, estimated from their samples. Samples at different
 * levels cannot be aligned on the stored 16 bits alone (the level bits are not stored), so the lower
 * level one is compared as is: the estimate is then approximate, which only happens for articles
 * longer than `cap` shingles.
 */
export function sampleJaccard(a: ShingleSample, b: ShingleSample): number {
  const x = a.values;
  const y = b.values;
  if (x.length === 0 || y.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      shared++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  const chance = ((x.length - shared) * (y.length - shared)) / 65536;
  const corrected = Math.max(0, shared - chance);
  return Math.min(1, corrected / (x.length + y.length - corrected));
}

export function encodeSample(sample: ShingleSample): Buffer {
  const out = Buffer.alloc(sample.values.length * 2);
  sample.values.forEach((value, i) => out.writeUInt16LE(value, i * 2));
  return out;
}

export function decodeSample(raw: Uint8Array, level: number): ShingleSample {
  const values = new Uint16Array(raw.length >> 1);
  for (let i = 0; i < values.length; i++) values[i] = raw[2 * i]! | (raw[2 * i + 1]! << 8);
  return { level, values };
}
