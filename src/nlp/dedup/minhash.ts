import { fmix32, hashWords64 } from './murmur.js';

/**
 * MinHash over 32-bit shingle hashes. Permutation i is x ↦ fmix32(a_i·x + b_i) with a_i odd: each step
 * is a bijection on 32-bit integers, so every permutation is a true permutation of the hash space,
 * and all of them come from a fixed seed so every worker computes the same signatures.
 */
export class MinHasher {
  readonly permutations: number;
  private readonly multipliers: Uint32Array;
  private readonly offsets: Uint32Array;

  constructor(permutations: number, seed = 1) {
    this.permutations = permutations;
    this.multipliers = new Uint32Array(permutations);
    this.offsets = new Uint32Array(permutations);
    let state = fmix32(seed ^ 0x2545f491);
    for (let i = 0; i < permutations; i++) {
      state = fmix32(state + 0x9e3779b9);
      this.multipliers[i] = (state | 1) >>> 0;
      state = fmix32(state + 0x9e3779b9);
      this.offsets[i] = state;
    }
  }

  /** The signature: the minimum permuted value of the set under each permutation (all 0xffffffff when empty). */
  signature(shingles: ArrayLike<number>): Uint32Array {
    const signature = new Uint32Array(this.permutations).fill(0xffffffff);
    const p = this.permutations;
    for (let s = 0; s < shingles.length; s++) {
      const x = shingles[s]! | 0;
      for (let i = 0; i < p; i++) {
        const v = fmix32(Math.imul(x, this.multipliers[i]!) + this.offsets[i]!);
        if (v < signature[i]!) signature[i] = v;
      }
    }
    return signature;
  }
}

/**
 * LSH band keys: band j hashes rows [j·rows, (j+1)·rows) of the signature to 64 bits (salted by the
 * band number, so equal rows in different bands do not share a bucket). Two sets land in a common
 * bucket with probability 1 − (1 − J^rows)^bands.
 */
export function bandKeys(signature: Uint32Array, bands: number, rows: number, salt = 0): Array<[number, number]> {
  if (bands * rows > signature.length) throw new Error(`LSH needs ${bands * rows} permutations, signature has ${signature.length}`);
  const keys: Array<[number, number]> = [];
  for (let band = 0; band < bands; band++) keys.push(hashWords64(signature, band * rows, (band + 1) * rows, band + salt * 1000));
  return keys;
}

/**
 * The signature as stored: the low 16 bits of each value (b-bit MinHash). Two different minima agree
 * on 16 bits with probability 2^-16, a bias far below the estimate's own noise, at half the memory.
 */
export function packSignature16(signature: Uint32Array): Buffer {
  const out = Buffer.alloc(signature.length * 2);
  for (let i = 0; i < signature.length; i++) out.writeUInt16LE(signature[i]! & 0xffff, i * 2);
  return out;
}

/** Estimated Jaccard from two packed 16-bit signatures: the share of agreeing positions, corrected for chance agreement. */
export function estimateJaccard16(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length) >> 1;
  if (length === 0) return 0;
  let agree = 0;
  for (let i = 0; i < length; i++) {
    if (a[2 * i] === b[2 * i] && a[2 * i + 1] === b[2 * i + 1]) agree++;
  }
  const chance = 1 / 65536;
  const estimate = (agree / length - chance) / (1 - chance);
  return Math.min(1, Math.max(0, estimate));
}

/** True when a signature is the empty set's (no shingles): such texts are never near duplicates. */
export function isEmptySignature(signature: Uint32Array): boolean {
  return signature.every((value) => value === 0xffffffff);
}
