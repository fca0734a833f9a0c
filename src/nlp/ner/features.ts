import { fnv1a, fnv1aRange, mixHash } from './hash.js';
import type { Gazetteer, GazetteerClass } from './gazetteer.js';
import { clusterFeatureIds, type WordClusters } from './clusters.js';
import { lexicalForm, type NerToken } from './tokens.js';
import { searchKey } from '../text/normalise.js';
import { defaultWholeEvidence as wordEvidence } from '../text/lexicon.js';

/**
 * Hashed sparse features of one sentence: for token i, bucket indices
 * `buckets[offsets[i] .. offsets[i + 1])`. The bucket count is a power of two fixed by the model.
 */
export interface SentenceFeatures {
  buckets: Uint32Array;
  offsets: Uint32Array;
}

// Template ids: part of the hash seed, so changing one means retraining (FEATURE_VERSION).
const T = {
  bias: 0,
  key: 1,
  stem: 2,
  lexical: 3,
  proclitics: 4,
  enclitics: 5,
  prefix2: 6,
  prefix3: 7,
  suffix1: 8,
  suffix2: 9,
  suffix3: 10,
  shape: 11,
  keyPrev: 12,
  keyNext: 13,
  keyPrev2: 14,
  keyNext2: 15,
  stemPrev: 16,
  stemNext: 17,
  stemBigramLeft: 18,
  stemBigramRight: 19,
  gazetteer: 20,
  gazetteerPrev: 21,
  gazetteerNext: 22,
  titleBefore: 23,
  titleBefore2: 24,
  orgHeadBefore: 25,
  placeHeadBefore: 26,
  sentenceStart: 27,
  prevSuffixCurrent: 28,
  nextSuffix: 29,
  kindPrevNext: 30,
  lexicalPrevCurrent: 31,
  gazetteerTrigram: 32,
  evidence: 33,
  titleAcrossAdjectives: 35,
  prefix4: 36,
  suffix4: 37,
  wordSuffix2: 38,
  evidenceWindow: 39,
  keyPrevShape: 40,
  headAcrossAdjectives: 41,
  seen: 42,
  seenPrev: 43,
  seenNext: 44,
  seenLexical: 45,
  charTrigram: 46,
  headNextSeen: 47,
  headNextMarks: 48,
  headNextBand: 49,
  cluster: 50,
  clusterPrev: 51,
  clusterNext: 52,
  clusterPrevCurrent: 53,
} as const;

/**
 * Bumped whenever the features change; a model trained under another version refuses to load. The
 * word-cluster templates fire only when clusters are passed (an option of training and of the model),
 * so weights trained without them see exactly the features they were trained with.
 */
export const FEATURE_VERSION = 5;

/** For each token, the gazetteer classes of phrases that begin (B) or continue (I) at it. */
export function gazetteerMarks(tokens: readonly NerToken[], gazetteer: Gazetteer): string[][] {
  const marks: string[][] = tokens.map(() => []);
  const lookupForms = tokens.map((t) => searchKey(lexicalForm(t)));
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (first.kind !== 'word') continue;
    // The phrase's first word may carry و/ب/ل (stripped, the article kept) or be a name that merely
    // starts with such a letter (واشنطن): try both.
    const firstForms = lookupForms[i] === first.key ? [first.key] : [lookupForms[i]!, first.key];
    for (const firstForm of firstForms) {
      let key = firstForm;
      for (let length = 1; length <= gazetteer.maxWords && i + length <= tokens.length; length++) {
        if (length > 1) {
          const next = tokens[i + length - 1]!;
          if (next.kind !== 'word') break;
          key += ` ${next.key}`;
        }
        const classes: readonly GazetteerClass[] | undefined = gazetteer.phrases.get(key);
        const longerPossible = gazetteer.prefixes.has(key);
        if (!classes) {
          if (longerPossible) continue;
          break;
        }
        for (const cls of classes) {
          const begin = `B${length > 1 ? 'm' : ''}:${cls}`;
          if (!marks[i]!.includes(begin)) marks[i]!.push(begin);
          for (let k = 1; k < length; k++) {
            const inside = `I:${cls}`;
            if (!marks[i + k]!.includes(inside)) marks[i + k]!.push(inside);
          }
          // Last word of the phrase (a title ends right before a name).
          const end = `E:${cls}`;
          if (!marks[i + length - 1]!.includes(end)) marks[i + length - 1]!.push(end);
        }
        if (!longerPossible) break;
      }
    }
  }
  return marks;
}

/**
 * How strongly the text layer's lexicon says a form is an ordinary Arabic stem, in coarse bands:
 * names (foreign ones above all) are mostly out of the lexicon or rare in it.
 */
function evidenceBand(form: string): string {
  const evidence = wordEvidence(form);
  return evidence === 0 ? '0' : evidence < 2 ? '1' : evidence < 4 ? '2' : evidence < 7 ? '3' : '4';
}

/** «اللبناني», «الإيرانية», «الأميركي»: a nisba adjective that may stand between a title and a name. */
function isNisbaAdjective(token: NerToken): boolean {
  return token.proclitics.includes('ال') && /(ي|ية|يه)$/.test(token.stem) && token.stem.length >= 4;
}

function shapeOf(token: NerToken): string {
  const length = token.stem.length;
  const lengthClass = length <= 2 ? 's' : length <= 4 ? 'm' : length <= 7 ? 'l' : 'x';
  return `${token.kind}:${lengthClass}`;
}

/**
 * Training-time word dropout: tokens whose identity (word, stem, lexical form, corpus-lexicon entry)
 * is hidden from every feature, as if the word were unknown, so that the model also learns the
 * context, affix, gazetteer and trigger cues that carry it through names it has never seen.
 */
export type TokenMask = readonly boolean[];

const UNKNOWN = '<unk>';

const hashCache = new Map<string, number>();

/** Hash of a feature string (cached: words and affixes repeat across a document and a corpus). */
function h(value: string): number {
  let hash = hashCache.get(value);
  if (hash === undefined) {
    hash = fnv1a(value, 0);
    if (hashCache.size > 50_000) hashCache.clear();
    hashCache.set(value, hash);
  }
  return hash;
}

const H_PAD = fnv1a('<pad>', 0);
const H_UNKNOWN = fnv1a(UNKNOWN, 0);
const H_ONE = fnv1a('1', 0);
const H_EMPTY = fnv1a('', 0);

/** What a word form contributes regardless of its context, computed once per form. */
interface FormFeatures {
  kind: NerToken['kind'];
  stem: string;
  lexical: string;
  hKey: number;
  hStem: number;
  hLexical: number;
  hBand: number;
  hKind: number;
  hShape: number;
  hSuffix2: number;
  /** Template-mixed hashes of the form's own features (affixes, clitics, shape, letter trigrams). */
  own: number[];
}

const formCache = new Map<string, FormFeatures>();
/** Reused output buffer (the result is a copy of its used part). */
let scratch = new Uint32Array(4096);

function formFeatures(t: NerToken): FormFeatures {
  // Keyed by the token's own text (the layer's string: its hash is computed once by the engine).
  const cached = formCache.get(t.text);
  if (cached && cached.kind === t.kind) return cached;
  const stem = searchKey(t.stem);
  const len = stem.length;
  const own: number[] = [
    mixHash(T.bias, H_EMPTY),
    mixHash(T.proclitics, h(t.proclitics.join('+'))),
    mixHash(T.enclitics, h(t.enclitics.join('+'))),
    mixHash(T.prefix2, fnv1aRange(stem, 0, 2, 0)),
    mixHash(T.prefix3, fnv1aRange(stem, 0, 3, 0)),
    mixHash(T.prefix4, fnv1aRange(stem, 0, 4, 0)),
    mixHash(T.suffix1, fnv1aRange(stem, len - 1, len, 0)),
    mixHash(T.suffix2, fnv1aRange(stem, len - 2, len, 0)),
    mixHash(T.suffix3, fnv1aRange(stem, len - 3, len, 0)),
    mixHash(T.suffix4, fnv1aRange(stem, len - 4, len, 0)),
    mixHash(T.wordSuffix2, fnv1aRange(t.key, t.key.length - 2, t.key.length, 0)),
  ];
  const hShape = h(shapeOf(t));
  const hBand = h(t.kind === 'word' ? evidenceBand(t.norm) : t.kind);
  own.push(mixHash(T.shape, hShape), mixHash(T.evidence, hBand));
  if (t.kind === 'word' && len > 3) {
    // Letter trigrams of «<stem>»: transliterated names share them («ـوف», «سكي», «ستا»). The
    // edges are marked by distinct seeds instead of < and > characters.
    own.push(mixHash(T.charTrigram, fnv1aRange(stem, 0, 2, 1)));
    for (let k = 0; k + 3 <= len; k++) own.push(mixHash(T.charTrigram, fnv1aRange(stem, k, k + 3, 0)));
    own.push(mixHash(T.charTrigram, fnv1aRange(stem, len - 2, len, 2)));
  }
  const lexical = searchKey(lexicalForm(t));
  const features: FormFeatures = {
    kind: t.kind,
    stem,
    lexical,
    hKey: h(t.key),
    hStem: h(stem),
    hLexical: h(lexical),
    hBand,
    hKind: h(t.kind),
    hShape,
    hSuffix2: fnv1aRange(stem, len - 2, len, 0),
    own,
  };
  if (formCache.size > 20_000) formCache.clear();
  formCache.set(t.text, features);
  return features;
}

const NO_CLUSTER: readonly number[] = [];

/**
 * The word-cluster features of token i: its clusters at every level, its neighbours' (a name is
 * often known by the company it keeps: «وزير خارجية X» with X a country's cluster), and the pair of
 * the previous and this word's clusters at the coarsest level.
 */
function addClusterFeatures(cl: ReadonlyArray<readonly number[]>, i: number, add: (template: number, a: number, b?: number) => void): void {
  const current = cl[i]!;
  for (const id of current) add(T.cluster, id);
  if (i > 0) for (const id of cl[i - 1]!) add(T.clusterPrev, id);
  if (i + 1 < cl.length) for (const id of cl[i + 1]!) add(T.clusterNext, id);
  add(T.clusterPrevCurrent, i > 0 ? (cl[i - 1]![0] ?? H_EMPTY) : H_PAD, current[0] ?? H_EMPTY);
}

export function extractFeatures(
  tokens: readonly NerToken[],
  gazetteer: Gazetteer,
  bucketBits: number,
  nameLexicon: ReadonlyMap<string, string>,
  masked?: TokenMask,
  clusters?: WordClusters,
): SentenceFeatures {
  const n = tokens.length;
  const mask = (1 << bucketBits) - 1;
  const marks = gazetteerMarks(tokens, gazetteer);
  let out = scratch.length >= n * 96 + 16 ? scratch : (scratch = new Uint32Array(n * 128 + 16));
  let size = 0;
  const offsets = new Uint32Array(n + 1);
  const grow = (): void => {
    const grown = new Uint32Array(out.length * 2);
    grown.set(out);
    out = scratch = grown;
  };
  const add = (template: number, a: number, b = 0, c = 0): void => {
    if (size === out.length) grow();
    out[size++] = mixHash(template, a, b, c) & mask;
  };
  // Per-token hashes, computed once; positions outside the sentence hash as <pad>.
  const hidden = (i: number): boolean => masked?.[i] === true;
  const forms = tokens.map(formFeatures);
  const hKey = forms.map((f, i) => (hidden(i) ? H_UNKNOWN : f.hKey));
  const hStem = forms.map((f, i) => (hidden(i) ? H_UNKNOWN : f.hStem));
  const hLexical = forms.map((f, i) => (hidden(i) ? H_UNKNOWN : f.hLexical));
  const hSuffix2 = forms.map((f, i) => (hidden(i) ? H_UNKNOWN : f.hSuffix2));
  const hBand = forms.map((f) => f.hBand);
  const hKind = forms.map((f) => f.hKind);
  const hSeen = tokens.map((t, i) =>
    h((t.kind === 'word' || t.kind === 'latin') && !hidden(i) ? (nameLexicon.get(t.key) ?? '-') : '-'),
  );
  const hMarks = marks.map((m) => (m.length === 0 ? H_EMPTY : h(m.join(','))));
  // Word clusters (clusters.ts) are the word's identity too: hidden with it under word dropout.
  const cl = clusters ? forms.map((f, i) => (f.kind !== 'word' || hidden(i) ? NO_CLUSTER : clusterFeatureIds(clusters, f.stem))) : null;
  const at = (hashes: readonly number[], i: number): number => (i < 0 || i >= n ? H_PAD : hashes[i]!);
  for (let i = 0; i < n; i++) {
    offsets[i] = size;
    const t = tokens[i]!;
    const form = forms[i]!;
    for (const value of form.own) {
      if (size === out.length) grow();
      out[size++] = value & mask;
    }
    add(T.key, hKey[i]!);
    add(T.stem, hStem[i]!);
    add(T.lexical, hLexical[i]!);
    add(T.keyPrev, at(hKey, i - 1));
    add(T.keyNext, at(hKey, i + 1));
    add(T.keyPrev2, at(hKey, i - 2));
    add(T.keyNext2, at(hKey, i + 2));
    add(T.stemPrev, at(hStem, i - 1));
    add(T.stemNext, at(hStem, i + 1));
    add(T.stemBigramLeft, at(hStem, i - 1), hStem[i]);
    add(T.stemBigramRight, hStem[i]!, at(hStem, i + 1));
    add(T.lexicalPrevCurrent, at(hLexical, i - 1), hLexical[i]);
    const currentMarks = marks[i]!;
    for (const mark of currentMarks) add(T.gazetteer, h(mark));
    if (i > 0) for (const mark of marks[i - 1]!) add(T.gazetteerPrev, h(mark));
    if (i + 1 < n) for (const mark of marks[i + 1]!) add(T.gazetteerNext, h(mark));
    const prevMarks = i > 0 ? marks[i - 1]! : null;
    if (prevMarks?.includes('E:title')) add(T.titleBefore, H_ONE);
    if (i > 1 && marks[i - 2]!.includes('E:title')) add(T.titleBefore2, H_ONE);
    if (prevMarks?.includes('E:orgHead')) add(T.orgHeadBefore, H_ONE);
    if (prevMarks?.includes('E:placeHead')) add(T.placeHeadBefore, H_ONE);
    add(T.gazetteerTrigram, at(hMarks, i - 1), hMarks[i]);
    // A head noun opens the name right after it (our span convention, conventions.ts): whether it
    // does depends on that next word being a name, so the head's own features say what the corpus
    // lexicon, the gazetteers and the text layer's lexicon know of the next word.
    const headClass = currentMarks.includes('E:orgHead') ? 1 : currentMarks.includes('E:placeHead') ? 2 : 0;
    if (headClass !== 0 && i + 1 < n) {
      add(T.headNextSeen, headClass, hSeen[i + 1]);
      add(T.headNextMarks, headClass, hMarks[i + 1]);
      add(T.headNextBand, headClass, hBand[i + 1]);
    }
    if (cl) addClusterFeatures(cl, i, add);
    if (i === 0) add(T.sentenceStart, H_ONE);
    add(T.prevSuffixCurrent, at(hSuffix2, i - 1), hStem[i]);
    add(T.nextSuffix, at(hSuffix2, i + 1));
    add(T.kindPrevNext, at(hKind, i - 1), hKind[i], at(hKind, i + 1));
    add(T.evidenceWindow, at(hBand, i - 1), hBand[i], at(hBand, i + 1));
    add(T.keyPrevShape, at(hKey, i - 1), form.hShape);
    // How the training corpus labelled this word (and its neighbours), when it did.
    add(T.seen, hSeen[i]!);
    add(T.seenPrev, at(hSeen, i - 1), hSeen[i]);
    add(T.seenNext, hSeen[i]!, at(hSeen, i + 1));
    if (form.lexical !== t.key) add(T.seenLexical, h(hidden(i) ? '-' : (nameLexicon.get(form.lexical) ?? '-')));
    // Title or head noun up to two nisba adjectives back: «الرئيس اللبناني إميل لحود».
    let back = i - 1;
    while (back >= 0 && back >= i - 2 && isNisbaAdjective(tokens[back]!)) back--;
    if (back >= 0 && back < i - 1) {
      if (marks[back]!.includes('E:title')) add(T.titleAcrossAdjectives, H_ONE);
      if (marks[back]!.includes('E:orgHead')) add(T.headAcrossAdjectives, h('org'));
      if (marks[back]!.includes('E:placeHead')) add(T.headAcrossAdjectives, h('place'));
    }
  }
  offsets[n] = size;
  return { buckets: out.slice(0, size), offsets };
}
