import { fnv1a } from './hash.js';
import type { Gazetteer, GazetteerClass } from './gazetteer.js';
import { lexicalForm, type NerToken } from './tokens.js';
import { searchKey } from '../text/normalise.js';
import { defaultStemEvidence as stemEvidence } from '../text/lexicon.js';

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
  evidenceNorm: 34,
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
} as const;

/** Bumped whenever the features change; a model trained under another version refuses to load. */
export const FEATURE_VERSION = 3;

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
        if (!classes) continue;
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
  const evidence = stemEvidence(form);
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

export function extractFeatures(
  tokens: readonly NerToken[],
  gazetteer: Gazetteer,
  bucketBits: number,
  nameLexicon: ReadonlyMap<string, string>,
  masked?: TokenMask,
): SentenceFeatures {
  const n = tokens.length;
  const mask = (1 << bucketBits) - 1;
  const marks = gazetteerMarks(tokens, gazetteer);
  const out: number[] = [];
  const offsets = new Uint32Array(n + 1);
  const add = (template: number, value: string): void => {
    out.push(fnv1a(value, template) & mask);
  };
  // Per-token strings, computed once; index -1 and n are the sentence boundaries.
  const hidden = (i: number): boolean => masked?.[i] === true;
  const stems = tokens.map((t) => searchKey(t.stem));
  const keys = tokens.map((t, i) => (hidden(i) ? UNKNOWN : t.key));
  const idStems = stems.map((stem, i) => (hidden(i) ? UNKNOWN : stem));
  const lexicals = tokens.map((t, i) => (hidden(i) ? UNKNOWN : searchKey(lexicalForm(t))));
  const bands = tokens.map((t) => (t.kind === 'word' ? evidenceBand(t.stem) : t.kind));
  const seenTags = tokens.map((t, i) =>
    (t.kind === 'word' || t.kind === 'latin') && !hidden(i) ? (nameLexicon.get(t.key) ?? '-') : '-',
  );
  const keyAt = (i: number): string => (i < 0 || i >= n ? '<pad>' : keys[i]!);
  const stemAt = (i: number): string => (i < 0 || i >= n ? '<pad>' : idStems[i]!);
  const kindAt = (i: number): string => (i < 0 || i >= n ? 'pad' : tokens[i]!.kind);
  const bandAt = (i: number): string => (i < 0 || i >= n ? 'pad' : bands[i]!);
  const noMarks: string[] = [];
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    const t = tokens[i]!;
    const stem = stems[i]!;
    const idStem = idStems[i]!;
    const lexical = lexicals[i]!;
    const prevStem = stemAt(i - 1);
    const nextStem = stemAt(i + 1);
    add(T.bias, '');
    add(T.key, keys[i]!);
    add(T.stem, idStem);
    add(T.lexical, lexical);
    add(T.proclitics, t.proclitics.join('+'));
    add(T.enclitics, t.enclitics.join('+'));
    add(T.prefix2, stem.slice(0, 2));
    add(T.prefix3, stem.slice(0, 3));
    add(T.prefix4, stem.slice(0, 4));
    add(T.suffix1, stem.slice(-1));
    add(T.suffix2, stem.slice(-2));
    add(T.suffix3, stem.slice(-3));
    add(T.suffix4, stem.slice(-4));
    add(T.wordSuffix2, t.key.slice(-2));
    add(T.shape, shapeOf(t));
    add(T.keyPrev, keyAt(i - 1));
    add(T.keyNext, keyAt(i + 1));
    add(T.keyPrev2, keyAt(i - 2));
    add(T.keyNext2, keyAt(i + 2));
    add(T.stemPrev, prevStem);
    add(T.stemNext, nextStem);
    add(T.stemBigramLeft, `${prevStem}|${idStem}`);
    add(T.stemBigramRight, `${idStem}|${nextStem}`);
    add(T.lexicalPrevCurrent, `${i > 0 ? lexicals[i - 1] : '<pad>'}|${lexical}`);
    const currentMarks = marks[i]!;
    const prevMarks = i > 0 ? marks[i - 1]! : noMarks;
    const nextMarks = i + 1 < n ? marks[i + 1]! : noMarks;
    for (const mark of currentMarks) add(T.gazetteer, mark);
    for (const mark of prevMarks) add(T.gazetteerPrev, mark);
    for (const mark of nextMarks) add(T.gazetteerNext, mark);
    if (prevMarks.includes('E:title')) add(T.titleBefore, '1');
    if (i > 1 && marks[i - 2]!.includes('E:title')) add(T.titleBefore2, '1');
    if (prevMarks.includes('E:orgHead')) add(T.orgHeadBefore, '1');
    if (prevMarks.includes('E:placeHead')) add(T.placeHeadBefore, '1');
    add(T.gazetteerTrigram, `${prevMarks.join(',')}|${currentMarks.join(',')}`);
    if (i === 0) add(T.sentenceStart, '1');
    add(T.prevSuffixCurrent, `${prevStem.slice(-2)}|${idStem}`);
    add(T.nextSuffix, nextStem.slice(-2));
    add(T.kindPrevNext, `${kindAt(i - 1)}|${t.kind}|${kindAt(i + 1)}`);
    add(T.evidence, bands[i]!);
    add(T.evidenceNorm, t.kind === 'word' ? evidenceBand(t.norm) : t.kind);
    add(T.evidenceWindow, `${bandAt(i - 1)}|${bands[i]}|${bandAt(i + 1)}`);
    add(T.keyPrevShape, `${keyAt(i - 1)}|${shapeOf(t)}`);
    // How the training corpus labelled this word (and its neighbours), when it did.
    add(T.seen, seenTags[i]!);
    add(T.seenPrev, `${i > 0 ? seenTags[i - 1] : '^'}|${seenTags[i]}`);
    add(T.seenNext, `${seenTags[i]}|${i + 1 < n ? seenTags[i + 1] : '$'}`);
    if (lexical !== keys[i]) add(T.seenLexical, hidden(i) ? '-' : (nameLexicon.get(lexical) ?? '-'));
    // Letter trigrams of the stem: transliterated names share them («ـوف», «سكي», «ستا»).
    if (t.kind === 'word' && stem.length > 3) {
      const padded = `<${stem}>`;
      for (let k = 0; k + 3 <= padded.length; k++) add(T.charTrigram, padded.slice(k, k + 3));
    }
    // Title or head noun up to two nisba adjectives back: «الرئيس اللبناني إميل لحود».
    let back = i - 1;
    while (back >= 0 && back >= i - 2 && isNisbaAdjective(tokens[back]!)) back--;
    if (back >= 0 && back < i - 1) {
      if (marks[back]!.includes('E:title')) add(T.titleAcrossAdjectives, '1');
      if (marks[back]!.includes('E:orgHead')) add(T.headAcrossAdjectives, 'org');
      if (marks[back]!.includes('E:placeHead')) add(T.headAcrossAdjectives, 'place');
    }
  }
  offsets[n] = out.length;
  return { buckets: Uint32Array.from(out), offsets };
}
