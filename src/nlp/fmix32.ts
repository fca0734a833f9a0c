/**
 * MurmurHash3's 32-bit finaliser: a bijection on 32-bit integers with full avalanche. Shared by the
 * dedup fingerprints (murmur32) and the NER feature hashes (mixHash); both must stay bit-identical
 * on every machine, so it is written once.
 */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
