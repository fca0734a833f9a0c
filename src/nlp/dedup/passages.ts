/** A passage fingerprint shared by two articles: its hash, and where it lies in each. */
export interface SentenceMatch {
  hash: number;
  /** Content-token position and sentence index in this article… */
  position: number;
  sentence: number;
  /** …and in the other. */
  otherPosition: number;
  otherSentence: number;
}

export interface SentenceRun {
  /** First and last sentence (inclusive) of the passage in each article. */
  first: number;
  last: number;
  otherFirst: number;
  otherLast: number;
  /** Distinct shared fingerprints inside the run. */
  fingerprints: number;
  /** Content tokens from the first to the last shared fingerprint, in the shorter of the two articles' extents. */
  tokens: number;
}

export interface ChainOptions {
  /** A passage needs at least this many distinct shared fingerprints… */
  minFingerprints: number;
  /** …spread over at least this many content tokens in each article. */
  minTokens: number;
  shingleSize: number;
}

/**
 * Chains shared fingerprints into passages of whole sentences: a passage is a maximal run of
 * matches in which both articles stay in the same sentence or move to the next one, so a reprinted
 * paragraph with a few words changed («زيارة طائب» → «زيارة طائب الأخيرة لبغداد») is one passage and
 * its sentences are reported whole in both articles. A run needs several distinct fingerprints over
 * a stretch of text in both articles, so one stock phrase («قاعدة عين الأسد») repeated in several
 * sentences is not a passage. Callers pass the matches oriented from the article with the smaller
 * id, so the result does not depend on which article came second.
 */
export function chainSentences(matches: readonly SentenceMatch[], options: ChainOptions): SentenceRun[] {
  const sorted = [...matches].sort((a, b) => a.sentence - b.sentence || a.otherSentence - b.otherSentence || a.position - b.position || a.otherPosition - b.otherPosition);
  const runs: SentenceRun[] = [];
  let run: SentenceMatch[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const hashes = new Set(run.map((match) => match.hash));
    const span = (values: number[]) => Math.max(...values) - Math.min(...values) + options.shingleSize;
    const tokens = Math.min(span(run.map((m) => m.position)), span(run.map((m) => m.otherPosition)));
    if (hashes.size >= options.minFingerprints && tokens >= options.minTokens) {
      runs.push({
        first: run[0]!.sentence,
        last: run[run.length - 1]!.sentence,
        otherFirst: Math.min(...run.map((m) => m.otherSentence)),
        otherLast: Math.max(...run.map((m) => m.otherSentence)),
        fingerprints: hashes.size,
        tokens,
      });
    }
    run = [];
  };
  for (const match of sorted) {
    const previous = run[run.length - 1];
    const step = previous ? match.sentence - previous.sentence : -1;
    const otherStep = previous ? match.otherSentence - previous.otherSentence : -1;
    if (!(previous && step >= 0 && step <= 1 && otherStep >= 0 && otherStep <= 1)) flush();
    run.push(match);
  }
  flush();
  return runs;
}

/** The same matches seen from the other article. */
export function swapMatch(match: SentenceMatch): SentenceMatch {
  return { hash: match.hash, position: match.otherPosition, sentence: match.otherSentence, otherPosition: match.position, otherSentence: match.sentence };
}

/** Index of the sentence that holds an offset (the nearest one before it when it falls between two). */
export function sentenceIndexAt(sentences: readonly { start: number; end: number }[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sentences[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
