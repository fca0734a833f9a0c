/**
 * Which feature buckets have weights, for weights held packed: only the rows the weights file stores
 * (the buckets with a non-zero weight), one after another, instead of a row for each of the 2^20
 * buckets. The committed model stores 674,593 of 1,048,576 rows: 12.1 MB of 16-bit weights instead
 * of 18.9 MB in every worker process (issue 21). A bucket's row is found with a bitmap of the
 * stored buckets and, per 32 buckets, the number stored before them (a rank directory): 256 KB for
 * 2^20 buckets, and a lookup is two array reads and a population count, no hashing.
 */
export interface PackedRows {
  /** Bit `bucket & 31` of `present[bucket >>> 5]` is set when the bucket has a stored row. */
  readonly present: Int32Array;
  /** Rows stored for the buckets before `32 * word`. */
  readonly rankBefore: Int32Array;
  /** Rows stored in all. */
  readonly count: number;
}

/** The index of stored buckets given in ascending order (as the weights file lists them). */
export function packRows(buckets: ArrayLike<number>, bucketBits: number): PackedRows {
  const words = Math.max(1, (1 << bucketBits) >>> 5);
  const present = new Int32Array(words);
  let previous = -1;
  for (let r = 0; r < buckets.length; r++) {
    const bucket = buckets[r]!;
    if (bucket <= previous || bucket >= 1 << bucketBits) throw new RangeError(`stored buckets must ascend within 2^${bucketBits} (${bucket} after ${previous})`);
    present[bucket >>> 5]! |= 1 << (bucket & 31);
    previous = bucket;
  }
  const rankBefore = new Int32Array(words);
  let seen = 0;
  for (let w = 0; w < words; w++) {
    rankBefore[w] = seen;
    seen += popcount(present[w]!);
  }
  return { present, rankBefore, count: buckets.length };
}

/** Set bits of a 32-bit integer. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The stored row of a bucket, or -1 when the bucket has none (all its weights are zero). */
export function rowOf(rows: PackedRows, bucket: number): number {
  const word = rows.present[bucket >>> 5]!;
  const shift = bucket & 31;
  if (((word >>> shift) & 1) === 0) return -1;
  // `~(-1 << shift)`: the bits below the bucket's own (none for shift 0, 31 of them for shift 31).
  return rows.rankBefore[bucket >>> 5]! + popcount(word & ~(-1 << shift));
}
