import type { DedupLayer } from '../../../schema/dedup.js';
import type { DedupOptions } from '../params.js';
import type { PairLink } from '../links.js';
import type { PreparedArticle } from '../prepare.js';
import { decodeArticleBlob, sentenceOfPosition, type SentenceSpan } from '../article-blob.js';
import { chainSentences, swapMatch, type SentenceMatch, type SentenceRun } from '../passages.js';
import type { MetaOf } from '../index-store.js';
import type { PendingMatch } from './candidates.js';

type PassageOptions = Pick<DedupOptions, 'passageMinFingerprints' | 'passageMinTokens' | 'passageShingle' | 'passageJoinTokens' | 'passageBackgroundHolders'>;

export interface ReusedPassages {
  /** For the record, by other id then start. */
  found: DedupLayer['reusedPassages'];
  /** Others with whom a run is long enough to put both in one story (see `joinsStory`). */
  substantial: Set<number>;
  /** Others whose shared passage is background: other articles already hold it too (see `isBackground`). */
  background: Set<number>;
  /** Others with at least one passage. */
  others: Set<number>;
  /** Per other, its passages as sentence ranges in this article and in the other: where each side's claims stand beside them. */
  sentenceRuns: Map<number, Array<Pick<SentenceRun, 'first' | 'last' | 'otherFirst' | 'otherLast'>>>;
  links: PairLink[];
}

interface Passage {
  start: number;
  end: number;
  otherStart: number;
  otherEnd: number;
}

/** How many indexed articles hold each of this article's shared fingerprints. */
function fingerprintHolders(matchesByOther: ReadonlyMap<number, readonly PendingMatch[]>): Map<number, number> {
  const holders = new Map<number, number>();
  for (const matches of matchesByOther.values()) for (const hash of new Set(matches.map((match) => match.hash))) holders.set(hash, (holders.get(hash) ?? 0) + 1);
  return holders;
}

/**
 * A passage shared with `other` is background when most of its fingerprints are held by at least
 * `passageBackgroundHolders` indexed articles: a paragraph that recurs across articles (the war's
 * context, a standing explanation) and says nothing about which event an article reports. It is
 * still reported; it joins stories only when the two articles' event sketches match too.
 */
function isBackground(matches: readonly PendingMatch[], holders: ReadonlyMap<number, number>, options: Pick<DedupOptions, 'passageBackgroundHolders'>): boolean {
  const counts = [...new Set(matches.map((match) => match.hash))].map((hash) => holders.get(hash) ?? 0).sort((x, y) => x - y);
  return counts.length > 0 && counts[Math.floor(counts.length / 2)]! >= options.passageBackgroundHolders;
}

/** Runs of matching sentences, chained from the article with the smaller id: the same passages whichever came second. */
function runsBetween(myId: string, otherId: string, matches: readonly SentenceMatch[], options: PassageOptions): SentenceRun[] {
  const chainOptions = { minFingerprints: options.passageMinFingerprints, minTokens: options.passageMinTokens, shingleSize: options.passageShingle };
  if (!(otherId < myId)) return chainSentences(matches, chainOptions);
  return chainSentences(matches.map(swapMatch), chainOptions).map((run) => ({ ...run, first: run.otherFirst, last: run.otherLast, otherFirst: run.first, otherLast: run.last }));
}

function spanOf(sentences: readonly SentenceSpan[], first: number, last: number): [number, number] | null {
  const from = sentences[first];
  const to = sentences[last];
  return from && to ? [from.start, to.end] : null;
}

/** The runs as character spans in both texts, with the runs kept (a run whose sentences either side lacks is dropped). */
function passagesOf(runs: readonly SentenceRun[], mine: readonly SentenceSpan[], theirs: readonly SentenceSpan[]): { passages: Passage[]; kept: SentenceRun[] } {
  const passages: Passage[] = [];
  const kept: SentenceRun[] = [];
  for (const run of runs) {
    const here = spanOf(mine, run.first, run.last);
    const there = spanOf(theirs, run.otherFirst, run.otherLast);
    if (!here || !there) continue;
    passages.push({ start: here[0], end: here[1], otherStart: there[0], otherEnd: there[1] });
    kept.push(run);
  }
  return { passages, kept };
}

/** The pair link, its passages stored from the side of the smaller article number. */
function passageLink(self: number, other: number, passages: readonly Passage[]): PairLink {
  const selfFirst = self < other;
  return {
    kind: 'reused-passage',
    a: self,
    b: other,
    similarity: 0,
    passages: passages.map((p) =>
      selfFirst ? { aStart: p.start, aEnd: p.end, bStart: p.otherStart, bEnd: p.otherEnd } : { aStart: p.otherStart, aEnd: p.otherEnd, bStart: p.start, bEnd: p.end },
    ),
  };
}

/**
 * Reused passages, between articles that are not copies of each other as a whole (`others`, whose
 * stored blobs are `blobs`): shared fingerprints chained into runs of whole sentences.
 */
export function reusedPassages(
  myId: string,
  self: number,
  prepared: Pick<PreparedArticle, 'sentences'>,
  others: readonly number[],
  matchesByOther: ReadonlyMap<number, readonly PendingMatch[]>,
  blobs: ReadonlyMap<number, Buffer>,
  meta: MetaOf,
  options: PassageOptions,
): ReusedPassages {
  const result: ReusedPassages = { found: [], substantial: new Set(), background: new Set(), others: new Set(), sentenceRuns: new Map(), links: [] };
  const holders = fingerprintHolders(matchesByOther);
  for (const other of others) {
    const otherId = meta(other).id;
    const theirs = decodeArticleBlob(blobs.get(other) ?? Buffer.alloc(0), meta(other).sampleLevel);
    const matches: SentenceMatch[] = matchesByOther.get(other)!.map((match) => ({ ...match, otherSentence: sentenceOfPosition(theirs.firstPositions, match.otherPosition) }));
    const runs = runsBetween(myId, otherId, matches, options);
    const { passages, kept } = passagesOf(runs, prepared.sentences, theirs.sentences);
    if (passages.length === 0) continue;
    for (const passage of passages) result.found.push({ otherId, ...passage });
    if (runs.some((run) => run.tokens >= options.passageJoinTokens)) result.substantial.add(other);
    if (isBackground(matchesByOther.get(other)!, holders, options)) result.background.add(other);
    result.others.add(other);
    result.sentenceRuns.set(other, kept.map(({ first, last, otherFirst, otherLast }) => ({ first, last, otherFirst, otherLast })));
    result.links.push(passageLink(self, other, passages));
  }
  result.found.sort((x, y) => x.otherId.localeCompare(y.otherId) || x.start - y.start);
  return result;
}
