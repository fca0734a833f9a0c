/**
 * FNV-1a over UTF-16 code units, seeded by a feature template id so that the same string under two
 * templates lands in different buckets. Deterministic on every platform (the weights depend on it).
 */
import { fmix32 } from '../fmix32.js';
export function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche so that the low bits (the bucket) depend on every character.
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return hash >>> 0;
}

/** Mulberry32: a small seeded PRNG, for the deterministic shuffle of training sentences. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Combines a feature template id with one to three precomputed string hashes into one well-mixed
 * 32-bit value (murmur3's finaliser), so that composite features («previous stem | stem») cost a
 * few multiplications instead of a string concatenation and a second pass over its characters.
 */
export function mixHash(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template + 0x9e3779b9, 0x85ebca6b) ^ a;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ c;
  return fmix32(h);
}

/** FNV-1a of `text[start, end)` without slicing (affixes and letter n-grams of a stem). */
export function fnv1aRange(text: string, start: number, end: number, seed: number): number {
  let hash = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  for (let i = Math.max(0, start); i < end && i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
