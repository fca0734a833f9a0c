/**
 * Fast, deterministic 32-bit hashing (MurmurHash3 x86_32) over UTF-16 strings. Every worker on every
 * machine must compute the same values, so nothing here depends on the process (no random seeds).
 */

import { fmix32 } from '../fmix32.js';

export { fmix32 };

/** MurmurHash3 x86_32 of a string's UTF-16 code units (two units per 32-bit block). */
export function murmur32(text: string, seed = 0): number {
  let h = seed | 0;
  const length = text.length;
  const pairs = length >>> 1;
  for (let i = 0; i < pairs; i++) {
    let k = text.charCodeAt(2 * i) | (text.charCodeAt(2 * i + 1) << 16);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (length & 1) {
    let k = text.charCodeAt(length - 1);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= length * 2;
  return fmix32(h);
}

/** Two independent 32-bit hashes of a string: 64 bits for keys that must not collide across a large index. */
export function hash64(text: string): [number, number] {
  return [murmur32(text, 0x9747b28c), murmur32(text, 0x5bd1e995)];
}

/** A 64-bit hash as 16 lower-case hex digits. */
export function hash64Hex(text: string): string {
  const [high, low] = hash64(text);
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/** Combines a list of 32-bit values into one 64-bit hash (for LSH band keys). */
export function hashWords64(values: ArrayLike<number>, start: number, end: number, salt: number): [number, number] {
  let a = 0x243f6a88 ^ salt;
  let b = 0x85a308d3 ^ Math.imul(salt, 0x9e3779b1);
  for (let i = start; i < end; i++) {
    const v = values[i]! | 0;
    a = fmix32((Math.imul(a, 31) ^ v) + 0x6a09e667);
    b = fmix32((Math.imul(b, 37) + v) ^ 0x3c6ef372);
  }
  return [a >>> 0, b >>> 0];
}
