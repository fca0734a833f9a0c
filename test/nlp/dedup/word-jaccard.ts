// How alike two gold texts are in words, for the gold sets' guard tests (a copy must really be one).
// Our own check on whitespace words, deliberately not dedup's shingles, so the gold stays blind.

// A guard compares each new article with every article of the sets before it (about 150 × 1,500
// pairs for a tenth set): the word set of a text is built once, not once a pair. A test file reads a
// few thousand texts at most, so the cache needs no bound beyond its file's life.
const wordSets = new Map<string, ReadonlySet<string>>();

function wordsOf(text: string): ReadonlySet<string> {
  let words = wordSets.get(text);
  if (!words) {
    words = new Set(text.split(/\s+/));
    wordSets.set(text, words);
  }
  return words;
}

/** Share of distinct whitespace-separated words two texts have in common (exact Jaccard). */
export function wordJaccard(a: string, b: string): number {
  let sa = wordsOf(a);
  let sb = wordsOf(b);
  if (sa.size > sb.size) [sa, sb] = [sb, sa];
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  return shared / (sa.size + sb.size - shared);
}
