/**
 * A compact copy of an article's shingle set for verifying near-duplicate candidates: the high 16
 * bits of each 32-bit shingle hash (2 bytes per shingle). Jaccard computed on these sets differs from
 * the exact Jaccard only by chance collisions of 16-bit values, and the expected number of those is
 * known (|A′|·|B′| / 2^bits for the non-shared parts), so it is subtracted.
 *
 * Long articles keep a consistent sample so that memory per article stays bounded: at level L only
 * values whose low L bits are zero are kept (L grows until at most `cap` remain). Those bits are part
 * of the stored value, so two samples at different levels are compared at the higher level by
 * filtering the other one, which is again a uniform sample of both sets.
 */
export interface ShingleSample {
  level: number;
  /** Sorted, distinct high-16-bit values (low `level` bits zero). */
  values: Uint16Array;
}

const mask = (level: number): number => (1 << level) - 1;

export function shingleSample(shingles: Uint32Array, cap: number): ShingleSample {
  const all = [...new Set(Array.from(shingles, (hash) => hash >>> 16))].sort((a, b) => a - b);
  let level = 0;
  let kept = all;
  while (kept.length > cap && level < 12) {
    level++;
    kept = all.filter((value) => (value & mask(level)) === 0);
  }
  return { level, values: Uint16Array.from(kept) };
}

function atLevel(sample: ShingleSample, level: number): Uint16Array {
  return sample.level >= level ? sample.values : sample.values.filter((value) => (value & mask(level)) === 0);
}

/** The Jaccard similarity of the two shingle sets, from their samples. */
export function sampleJaccard(a: ShingleSample, b: ShingleSample): number {
  const level = Math.max(a.level, b.level);
  const x = atLevel(a, level);
  const y = atLevel(b, level);
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
  const chance = ((x.length - shared) * (y.length - shared)) / 2 ** (16 - level);
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
