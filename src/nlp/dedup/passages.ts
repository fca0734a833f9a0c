/** A fingerprint shared by the new article and one indexed article. */
export interface FingerprintMatch {
  /** Content-token position and original offsets in the new article. */
  position: number;
  start: number;
  end: number;
  /** The same in the other article. */
  otherPosition: number;
  otherStart: number;
  otherEnd: number;
}

export interface PassageOptions {
  /** Two matches chain when both texts advance by at most this many content tokens between them. */
  maxGap: number;
  /** A passage needs at least this many shared fingerprints… */
  minFingerprints: number;
  /** …and must cover at least this many content tokens in each article. */
  minTokens: number;
}

export interface PassageSpan {
  start: number;
  end: number;
  otherStart: number;
  otherEnd: number;
  /** Content-token extent in each article (for the length test). */
  tokens: number;
  otherTokens: number;
  fingerprints: number;
}

/**
 * Chains fingerprint matches with one other article into maximal passages: matches are taken in the
 * new article's order and joined while both articles move forward by no more than `maxGap` tokens,
 * so a reprinted paragraph with a few words changed («زيارة طائب» → «زيارة طائب الأخيرة لبغداد»)
 * stays one passage, and two reprinted paragraphs that follow each other in both articles are one
 * maximal run. Chains that are too short (one stray shared phrase) are dropped.
 */
export function chainPassages(matches: readonly FingerprintMatch[], shingleSize: number, options: PassageOptions): PassageSpan[] {
  const sorted = [...matches].sort((a, b) => a.position - b.position || a.otherPosition - b.otherPosition);
  const passages: PassageSpan[] = [];
  let chain: FingerprintMatch[] = [];
  const flush = (): void => {
    if (chain.length === 0) return;
    const first = chain[0]!;
    const last = chain[chain.length - 1]!;
    const tokens = last.position - first.position + shingleSize;
    const otherTokens = last.otherPosition - first.otherPosition + shingleSize;
    if (chain.length >= options.minFingerprints && Math.min(tokens, otherTokens) >= options.minTokens) {
      passages.push({
        start: Math.min(...chain.map((m) => m.start)),
        end: Math.max(...chain.map((m) => m.end)),
        otherStart: Math.min(...chain.map((m) => m.otherStart)),
        otherEnd: Math.max(...chain.map((m) => m.otherEnd)),
        tokens,
        otherTokens,
        fingerprints: chain.length,
      });
    }
    chain = [];
  };
  const reach = options.maxGap + shingleSize;
  const joins = (previous: FingerprintMatch, match: FingerprintMatch): boolean => {
    const step = match.position - previous.position;
    const otherStep = match.otherPosition - previous.otherPosition;
    return step > 0 && otherStep > 0 && step <= reach && otherStep <= reach;
  };
  // Matches at one position (a shingle that the other text repeats) are alternatives: the one that
  // continues the current chain is taken, else the first starts a new chain.
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.position === sorted[i]!.position) j++;
    const group = sorted.slice(i, j);
    i = j;
    const previous = chain[chain.length - 1];
    const next = previous ? group.find((match) => joins(previous, match)) : undefined;
    if (next) {
      chain.push(next);
      continue;
    }
    flush();
    chain.push(group[0]!);
  }
  flush();
  return mergeOverlapping(passages);
}

/** Passages that overlap in both articles are one passage. */
function mergeOverlapping(passages: PassageSpan[]): PassageSpan[] {
  const sorted = [...passages].sort((a, b) => a.start - b.start);
  const out: PassageSpan[] = [];
  for (const passage of sorted) {
    const previous = out[out.length - 1];
    if (previous && passage.start <= previous.end && passage.otherStart <= previous.otherEnd && passage.otherEnd >= previous.otherStart) {
      previous.end = Math.max(previous.end, passage.end);
      previous.otherStart = Math.min(previous.otherStart, passage.otherStart);
      previous.otherEnd = Math.max(previous.otherEnd, passage.otherEnd);
      previous.tokens += passage.tokens;
      previous.otherTokens += passage.otherTokens;
      previous.fingerprints += passage.fingerprints;
    } else out.push({ ...passage });
  }
  return out;
}
