// Document-level folds of ANERcorp for cross-validation that predicts new articles. ANERcorp is a
// stream of sentences with no article markers, so a fold cut between two sentences of one article
// would put the article's names on both sides (the every-10th split does so for nearly every
// sentence, which is why it flatters the model by some 14 points). The folds here are contiguous
// blocks, cut only where an article plausibly begins.
import { normalise, searchKey } from '../../src/nlp/text/normalise.js';
import type { ConllSentence } from './conll.js';

/** How many sentences on each side of a cut are compared for shared names. */
const NAME_WINDOW = 5;
/** How far (in sentences) a fold cut may move from the even cut to find a clean article start. */
const CUT_SEARCH = 60;
/** The wider window over which names of every type are compared to choose among candidate cuts. */
const CUT_WINDOW = 10;

/**
 * First words that continue the sentence before («وقال», «كما», «من جهته» …): a sentence that opens
 * with a conjunction-prefixed word, a demonstrative or a pronoun, or with one of these, is never an
 * article's first sentence.
 */
const CONTINUATIONS = new Set(['هذا', 'هذه', 'ذلك', 'تلك', 'هو', 'هي', 'وهو', 'وهي', 'كما', 'لكن', 'ولكن', 'من', 'إلا', 'الا', 'غير', 'بينما', 'حيث', 'ثم', 'أما', 'اما', 'إذ', 'اذ', 'جاء', 'يذكر', 'يشار', 'وأضاف', '"', '(', '-', ':']);

/** Search keys of the names of a sentence whose type matches `types` (a tag suffix pattern). */
function nameKeys(sentence: ConllSentence, types = /-(PER|ORG)$/): Set<string> {
  const keys = new Set<string>();
  sentence.tokens.forEach((token, i) => {
    if (!types.test(sentence.tags[i]!)) return;
    const key = searchKey(normalise(token));
    if (key.length >= 3) keys.add(key);
  });
  return keys;
}

/** The sentence text as a key for duplicates (ANERcorp repeats a few articles, see `duplicateSpans`). */
const sentenceKey = (sentence: ConllSentence): string => sentence.tokens.join(' ');

/**
 * Index ranges [first, last] that must not be cut: from a sentence of four or more tokens to its
 * later repetition. ANERcorp holds one article twice (sentences 8–38 again as 39–69) and two short
 * repeats; a cut between the copies would evaluate on sentences that were trained on.
 */
export function duplicateSpans(sentences: readonly ConllSentence[]): Array<[number, number]> {
  const first = new Map<string, number>();
  const spans: Array<[number, number]> = [];
  sentences.forEach((sentence, index) => {
    if (sentence.tokens.length < 4) return;
    const key = sentenceKey(sentence);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else spans.push([earlier, index]);
  });
  return spans;
}

/**
 * Whether an article plausibly begins at sentence `index`: its first word is no continuation (no
 * «و»/«ف» prefix on a word of three or more letters, none of `CONTINUATIONS`), it has five tokens
 * or more (no stray «.» or subheading), the five sentences
 * before it share no person or organisation name with the five from it on, and no repeated article
 * straddles the cut. Sentence 0 always begins one.
 */
export function isArticleStart(sentences: readonly ConllSentence[], index: number, duplicates: ReadonlyArray<readonly [number, number]> = duplicateSpans(sentences)): boolean {
  if (index === 0) return true;
  if (index <= 0 || index >= sentences.length || sentences[index]!.tokens.length < 5) return false;
  const first = sentences[index]!.tokens[0] ?? '';
  if (CONTINUATIONS.has(first) || (/^[وف]/.test(first) && first.length >= 4)) return false;
  if (duplicates.some(([a, b]) => a < index && index <= b)) return false;
  const before = new Set<string>();
  for (let i = Math.max(0, index - NAME_WINDOW); i < index; i++) for (const key of nameKeys(sentences[i]!)) before.add(key);
  for (let i = index; i < Math.min(sentences.length, index + NAME_WINDOW); i++) {
    for (const key of nameKeys(sentences[i]!)) if (before.has(key)) return false;
  }
  return true;
}

/** The sentence indices at which `isArticleStart` holds, in order. */
export function articleStarts(sentences: readonly ConllSentence[]): number[] {
  const duplicates = duplicateSpans(sentences);
  return sentences.flatMap((_, index) => (isArticleStart(sentences, index, duplicates) ? [index] : []));
}

export interface DocumentFold {
  /** Held-out sentences [start, end) of the corpus. */
  start: number;
  end: number;
}

/** How many name keys (any type) the ten sentences before `index` share with the ten from it on. */
function sharedNames(sentences: readonly ConllSentence[], index: number): number {
  const keysOf = (from: number, to: number): Set<string> =>
    new Set(sentences.slice(Math.max(0, from), to).flatMap((s) => [...nameKeys(s, /-(PER|ORG|LOC|MISC)$/)]));
  const before = keysOf(index - CUT_WINDOW, index);
  return [...keysOf(index, index + CUT_WINDOW)].filter((key) => before.has(key)).length;
}

/**
 * `k` contiguous folds of nearly equal size. Each cut is moved from the even cut (i·n/k sentences) to
 * an article start within 60 sentences: the one whose neighbourhoods share the fewest names of any
 * type (the clearest change of subject), the nearest among equals. No article is split across folds.
 */
export function documentFolds(sentences: readonly ConllSentence[], k: number): DocumentFold[] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`k-fold needs k ≥ 2, not ${k}`);
  const starts = articleStarts(sentences);
  const cuts = [0];
  for (let i = 1; i < k; i++) {
    const even = Math.round((i * sentences.length) / k);
    const candidates = starts
      .filter((s) => Math.abs(s - even) <= CUT_SEARCH && s > cuts[cuts.length - 1]!)
      .map((s) => ({ s, shared: sharedNames(sentences, s), distance: Math.abs(s - even) }))
      .sort((a, b) => a.shared - b.shared || a.distance - b.distance || a.s - b.s);
    if (candidates.length === 0) throw new Error(`no article start within ${CUT_SEARCH} sentences of sentence ${even}`);
    cuts.push(candidates[0]!.s);
  }
  cuts.push(sentences.length);
  return cuts.slice(0, -1).map((start, i) => ({ start, end: cuts[i + 1]! }));
}
