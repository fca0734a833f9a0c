// How alike two gold texts are in words, for the gold sets' guard tests (a copy must really be one).
// Our own check on whitespace words, deliberately not dedup's shingles, so the gold stays blind.

/** Share of distinct whitespace-separated words two texts have in common (exact Jaccard). */
export function wordJaccard(a: string, b: string): number {
  const sa = new Set(a.split(/\s+/));
  const sb = new Set(b.split(/\s+/));
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  return shared / (sa.size + sb.size - shared);
}
