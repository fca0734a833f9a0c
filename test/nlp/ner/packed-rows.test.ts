import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packRows, popcount, rowOf } from '../../../src/nlp/ner/packed-rows.js';

describe('packed weight rows', () => {
  it('finds each stored bucket at its place in the list, and no row for the others', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(4095), { maxLength: 600 }), (unsorted) => {
        const stored = [...unsorted].sort((a, b) => a - b);
        const rows = packRows(stored, 12);
        expect(rows.count).toBe(stored.length);
        const expected = new Array<number>(4096).fill(-1);
        stored.forEach((bucket, row) => (expected[bucket] = row));
        expect(Array.from({ length: 4096 }, (_, bucket) => rowOf(rows, bucket))).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('handles the first and last bucket of a 32-bucket word', () => {
    const rows = packRows([0, 31, 32, 63], 6);
    expect([0, 1, 30, 31, 32, 33, 62, 63].map((bucket) => rowOf(rows, bucket))).toEqual([0, -1, -1, 1, 2, -1, -1, 3]);
  });

  it('refuses buckets out of order or out of range', () => {
    expect(() => packRows([5, 5], 6)).toThrow(RangeError);
    expect(() => packRows([64], 6)).toThrow(RangeError);
  });

  it('counts bits of negative words too', () => {
    expect(popcount(-1)).toBe(32);
    expect(popcount(1 << 31)).toBe(1);
    expect(popcount(0x0f0f0f0f)).toBe(16);
  });
});
