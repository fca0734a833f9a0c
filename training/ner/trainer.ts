// The whole NER training recipe as one pure function (no I/O): scripts/train-ner.ts calls it once on
// the full training data and writes the weights; the k-fold evaluation (training/ner/folds.ts,
// scripts/eval-ner.ts) calls it once per fold in memory.
import type { ConllSentence } from './conll.js';
import { alignConllSentence, nameLexiconFromCorpus, type AlignedSentence } from './corpus.js';
import { replaceMentions, type ReplacementNames } from './augment.js';
import { nameHeads, normaliseHeadNouns, parseHeadGroups } from './conventions.js';
import { trainPerceptron, type TrainingExample } from './train.js';
import { withoutConflicts } from './mix.js';
import { extractFeatures, FEATURE_VERSION, gazetteerMarks, type SentenceFeatures } from '../../src/nlp/ner/features.js';
import { mixHash, seededRandom } from '../../src/nlp/ner/hash.js';
import { buildGazetteer, curatedGazetteerLists, defaultGazetteer, defaultGazetteerLists, type Gazetteer } from '../../src/nlp/ner/gazetteer.js';
import type { NerWeights } from '../../src/nlp/ner/model.js';
import type { WordClusters } from '../../src/nlp/ner/clusters.js';

export interface NerTrainingOptions {
  epochs: number;
  seed: number;
  bucketBits: number;
  /** K perceptrons (seeds seed, seed + 100, …) averaged into one weight table. */
  bag: number;
  /** Share of words shown without their identity, and of the words of names the gazetteers know. */
  dropout: number;
  gazetteerDropout: number;
  featureDropout: number;
  /** `blocks`, `interleaved` or `runs:N` (see `jackknifeFold`). */
  jackknife: string;
  /** Head-noun groups of our span convention (conventions.ts): `heads`, `anercorp`, `all` or a list. */
  convention: string;
  /** Share of sentences copied with mention replacement, and the swap rate within a copy. */
  augment: number;
  augmentRate: number;
  /**
   * How the out-of-domain sentences (WikiFANE) are told apart: `none` (plain concatenation), `bias`
   * (a per-tag bias feature that only they carry, so their tag priors, far more places, stay theirs)
   * or `copy` (Daumé's "frustratingly easy" adaptation: each of their features also in a
   * domain-specific copy, which absorbs what is peculiar to them; news sentences and inference use
   * the shared copies only).
   */
  domain: 'none' | 'bias' | 'copy';
  /** Leave out the out-of-domain sentences that contradict the news convention (mix.ts). */
  dropConflicts: boolean;
  /**
   * `open`: the committed gazetteers (curated lists + the open-data ones, gazetteer.ts); `curated`:
   * the hand-compiled lists alone, to measure what the open-data lists bring (evaluation only: the
   * runtime always loads `open`).
   */
  gazetteers: 'open' | 'curated';
  /**
   * Word clusters as features (clusters.ts, `npm run build:clusters`), or null (the committed
   * weights). A model trained with them must be given the same clusters to tag (`NerModel.clusters`).
   */
  clusters: WordClusters | null;
}

export const DEFAULT_TRAINING_OPTIONS: NerTrainingOptions = {
  epochs: 8,
  seed: 1,
  bucketBits: 20,
  bag: 3,
  dropout: 0.3,
  gazetteerDropout: 0.6,
  featureDropout: 0.1,
  jackknife: 'runs:30',
  convention: 'heads',
  augment: 0.3,
  augmentRate: 0.5,
  domain: 'copy',
  dropConflicts: true,
  gazetteers: 'open',
  clusters: null,
};

export interface TrainedNer {
  weights: NerWeights;
  nameLexicon: Map<string, string>;
  sentences: number;
}

const JACKKNIFE_FOLDS = 10;

/**
 * The jackknife fold of training sentence `index` of `count`. The name-lexicon feature of a sentence
 * sees the lexicon of the OTHER nine tenths only, so the model learns how far to trust it on names it
 * has not met (as at inference). `runs:30` (the default) deals the tenths out in runs of 30
 * consecutive sentences: with every 10th sentence as its own fold (`interleaved`, runs:1) a name was
 * nearly always in the lexicon through the neighbouring sentences of its own article, which no unseen
 * article offers, and the model learned to trust the lexicon too much. `blocks`: ten contiguous tenths.
 */
function jackknifeFold(rule: string): (index: number, count: number) => number {
  const runMatch = /^runs:(\d+)$/.exec(rule);
  if (rule === 'blocks') return (index, count) => Math.floor((index * JACKKNIFE_FOLDS) / count);
  if (rule !== 'interleaved' && !runMatch) throw new Error('--jackknife must be blocks, runs:N or interleaved');
  const runLength = runMatch ? Number(runMatch[1]) : 1;
  return (index) => Math.floor(index / runLength) % JACKKNIFE_FOLDS;
}

/**
 * Trains the tagger on `sentences` (ANERcorp's training part, then the supplement, in that order: the
 * jackknife runs follow the order). The data is first normalised to our head-noun span convention.
 * Deterministic: the same sentences and options give the same weights, bit for bit.
 */
export function trainNer(
  sentences: readonly ConllSentence[],
  options: NerTrainingOptions,
  log: (line: string) => void = () => {},
  outOfDomain: readonly ConllSentence[] = [],
): TrainedNer {
  const heads = nameHeads(parseHeadGroups(options.convention));
  const mixedIn = options.dropConflicts ? withoutConflicts(outOfDomain, sentences) : outOfDomain;
  if (mixedIn.length !== outOfDomain.length) log(`${outOfDomain.length - mixedIn.length} of ${outOfDomain.length} out-of-domain sentences left out (conflicts)`);
  const training = [...sentences, ...mixedIn].map((s) => normaliseHeadNouns(s, heads));
  const inDomain = sentences.length;
  const foldOf = jackknifeFold(options.jackknife);
  const foldLexicons = Array.from({ length: JACKKNIFE_FOLDS }, (_, fold) =>
    nameLexiconFromCorpus(training.filter((_, index) => foldOf(index, training.length) !== fold)),
  );
  const lexiconOf = (index: number): ReadonlyMap<string, string> => foldLexicons[foldOf(index, training.length)]!;

  // Bagging: K perceptrons, each with its own seed for the visiting order and the dropouts, averaged
  // into one weight table. One perceptron's F1 on unseen articles swings by a point or more with the
  // seed; the average is steadier and better.
  let sum: NerWeights | null = null;
  for (let k = 0; k < options.bag; k++) {
    const seed = options.seed + 100 * k;
    const examples = buildExamples(training, inDomain, lexiconOf, options, seed);
    log(`model ${k + 1}/${options.bag}: ${examples.length} examples`);
    const model = trainPerceptron(examples, {
      epochs: options.epochs,
      seed,
      bucketBits: options.bucketBits,
      featureVersion: FEATURE_VERSION,
      featureDropout: options.featureDropout,
      onEpoch: (epoch, mistakes, tokens) => log(`  epoch ${epoch}: ${mistakes} token errors / ${tokens}`),
    });
    if (!sum) sum = model;
    else {
      for (let i = 0; i < model.weights.length; i++) sum.weights[i]! += model.weights[i]!;
      for (let i = 0; i < model.transitions.length; i++) sum.transitions[i]! += model.transitions[i]!;
    }
  }
  if (!sum) throw new Error('--bag must be at least 1');
  for (let i = 0; i < sum.weights.length; i++) sum.weights[i]! /= options.bag;
  for (let i = 0; i < sum.transitions.length; i++) sum.transitions[i]! /= options.bag;
  return { weights: sum, nameLexicon: nameLexiconFromCorpus(training), sentences: training.length };
}

/**
 * The training examples with the word dropout and the mention replacement drawn from `seed`. Word
 * dropout: words inside a name that the gazetteers know (and, at a lower rate, any word) are often
 * seen without their identity, so that the model learns the gazetteer and context cues that carry
 * names it has never seen. Mention replacement (augment.ts): a copy of a share of the sentences with
 * PER/ORG/LOC names swapped for gazetteer names of their type; the swapped-in words are always
 * hidden, so the copies teach the gazetteer features and the context, not the gazetteers' words.
 */
function buildExamples(
  training: readonly ConllSentence[],
  inDomain: number,
  lexiconOf: (index: number) => ReadonlyMap<string, string>,
  options: NerTrainingOptions,
  seed: number,
): TrainingExample[] {
  const lists = options.gazetteers === 'curated' ? curatedGazetteerLists() : defaultGazetteerLists();
  const gazetteer = gazetteerFor(options);
  const replacementNames: ReplacementNames = {
    PER: lists.people,
    ORG: lists.organisations,
    LOC: [...lists.countries, ...lists.cities, ...lists.regions],
  };
  const random = seededRandom(seed + 7);
  const examples: TrainingExample[] = [];
  const addSentence = (sentence: ConllSentence, lexicon: ReadonlyMap<string, string>, outside: boolean, replaced?: readonly boolean[]): void => {
    const aligned = replaced ? alignConllSentence(sentence) : alignedOnce(sentence);
    aligned.groups.forEach((tokens, g) => {
      const marks = gazetteerMarks(tokens, gazetteer);
      const masked = tokens.map((token, i) => {
        if (token.kind !== 'word') return false;
        if (replaced && isReplaced(aligned.goldSpans, replaced, token)) return true;
        const inGazetteerName = marks[i]!.some((m) => /:(country|city|region|organisation|person|givenName)$/.test(m));
        return random() < (inGazetteerName ? options.gazetteerDropout : options.dropout);
      });
      const features = extractFeatures(tokens, gazetteer, options.bucketBits, lexicon, masked, options.clusters ?? undefined);
      examples.push({ features: outside ? withDomain(features, options) : features, gold: aligned.goldGroups[g]! });
    });
  };
  training.forEach((sentence, index) => {
    const lexicon = lexiconOf(index);
    const outside = index >= inDomain;
    addSentence(sentence, lexicon, outside);
    if (options.augment > 0 && random() < options.augment) {
      const copy = replaceMentions(sentence, replacementNames, options.augmentRate, random);
      if (copy) addSentence(copy, lexicon, outside, copy.replaced);
    }
  });
  return examples;
}

/** Whether one of our tokens lies in a CoNLL token that mention replacement swapped in. */
function isReplaced(spans: ReadonlyArray<readonly [number, number]>, replaced: readonly boolean[], token: { start: number; end: number }): boolean {
  return spans.some(([start, end], k) => replaced[k] === true && start < token.end && end > token.start);
}

/**
 * The text layer's analysis of a training sentence, computed once per process: the k-fold evaluation
 * trains many models on overlapping data, and the alignment (a full `analyseText`) does not depend
 * on the seed. Keyed by tokens and tags, so a sentence normalised otherwise is aligned anew.
 */
const alignedCache = new Map<string, AlignedSentence>();
function alignedOnce(sentence: ConllSentence): AlignedSentence {
  const key = `${sentence.tokens.join(' ')}\u0000${sentence.tags.join(' ')}`;
  let aligned = alignedCache.get(key);
  if (!aligned) alignedCache.set(key, (aligned = alignConllSentence(sentence)));
  return aligned;
}

/** Template ids of the domain features (apart from features.ts's, which never reach these values). */
const DOMAIN_BIAS = 0x7d01;
const DOMAIN_COPY = 0x7d02;

/** An out-of-domain sentence's features with its domain marked (see `NerTrainingOptions.domain`). */
function withDomain(features: SentenceFeatures, options: NerTrainingOptions): SentenceFeatures {
  if (options.domain === 'none') return features;
  const mask = (1 << options.bucketBits) - 1;
  const { buckets, offsets } = features;
  const n = offsets.length - 1;
  const extra = options.domain === 'bias' ? n : buckets.length;
  const out = new Uint32Array(buckets.length + extra);
  const outOffsets = new Uint32Array(offsets.length);
  let size = 0;
  for (let i = 0; i < n; i++) {
    outOffsets[i] = size;
    for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
      out[size++] = buckets[f]!;
      if (options.domain === 'copy') out[size++] = mixHash(DOMAIN_COPY, buckets[f]!) & mask;
    }
    if (options.domain === 'bias') out[size++] = mixHash(DOMAIN_BIAS, 1) & mask;
  }
  outOffsets[n] = size;
  return { buckets: out, offsets: outOffsets };
}

/** The gazetteer a recipe trains (and must be evaluated) with. */
export function gazetteerFor(options: Pick<NerTrainingOptions, 'gazetteers'>): Gazetteer {
  return options.gazetteers === 'curated' ? buildGazetteer(curatedGazetteerLists()) : defaultGazetteer();
}
