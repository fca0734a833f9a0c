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
export const FEATURE_VERSION = 2;

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

const PAD: NerToken = {
  text: '',
  start: 0,
  end: 0,
  kind: 'symbol',
  norm: '<pad>',
  key: '<pad>',
  stem: '<pad>',
  proclitics: [],
  enclitics: [],
  stemStart: 0,
  stemEnd: 0,
  sentence: 0,
};

export function extractFeatures(
  tokens: readonly NerToken[],
  gazetteer: Gazetteer,
  bucketBits: number,
  nameLexicon: ReadonlyMap<string, string>,
): SentenceFeatures {
  const mask = (1 << bucketBits) - 1;
  const marks = gazetteerMarks(tokens, gazetteer);
  const out: number[] = [];
  const offsets = new Uint32Array(tokens.length + 1);
  const at = (i: number): NerToken => (i >= 0 && i < tokens.length ? tokens[i]! : PAD);
  const stemKey = (t: NerToken): string => searchKey(t.stem);
  const add = (template: number, value: string): void => {
    out.push(fnv1a(value, template) & mask);
  };
  const seenTags = tokens.map((t) => (t.kind === 'word' || t.kind === 'latin' ? (nameLexicon.get(t.key) ?? '-') : '-'));
  for (let i = 0; i < tokens.length; i++) {
    offsets[i] = out.length;
    const t = tokens[i]!;
    const prev = at(i - 1);
    const next = at(i + 1);
    const stem = stemKey(t);
    const lexical = searchKey(lexicalForm(t));
    add(T.bias, '');
    add(T.key, t.key);
    add(T.stem, stem);
    add(T.lexical, lexical);
    add(T.proclitics, t.proclitics.join('+'));
    add(T.enclitics, t.enclitics.join('+'));
    add(T.prefix2, stem.slice(0, 2));
    add(T.prefix3, stem.slice(0, 3));
    add(T.suffix1, stem.slice(-1));
    add(T.suffix2, stem.slice(-2));
    add(T.suffix3, stem.slice(-3));
    add(T.shape, shapeOf(t));
    add(T.keyPrev, prev.key);
    add(T.keyNext, next.key);
    add(T.keyPrev2, at(i - 2).key);
    add(T.keyNext2, at(i + 2).key);
    add(T.stemPrev, stemKey(prev));
    add(T.stemNext, stemKey(next));
    add(T.stemBigramLeft, `${stemKey(prev)}|${stem}`);
    add(T.stemBigramRight, `${stem}|${stemKey(next)}`);
    add(T.lexicalPrevCurrent, `${searchKey(lexicalForm(prev))}|${lexical}`);
    for (const mark of marks[i]!) add(T.gazetteer, mark);
    for (const mark of i > 0 ? marks[i - 1]! : []) add(T.gazetteerPrev, mark);
    for (const mark of i + 1 < tokens.length ? marks[i + 1]! : []) add(T.gazetteerNext, mark);
    const prevMarks = i > 0 ? marks[i - 1]! : [];
    const prev2Marks = i > 1 ? marks[i - 2]! : [];
    if (prevMarks.includes('E:title')) add(T.titleBefore, '1');
    if (prev2Marks.includes('E:title')) add(T.titleBefore2, '1');
    if (prevMarks.includes('E:orgHead')) add(T.orgHeadBefore, '1');
    if (prevMarks.includes('E:placeHead')) add(T.placeHeadBefore, '1');
    add(T.gazetteerTrigram, `${prevMarks.join(',')}|${marks[i]!.join(',')}`);
    if (i === 0) add(T.sentenceStart, '1');
    add(T.prevSuffixCurrent, `${stemKey(prev).slice(-2)}|${stem}`);
    add(T.nextSuffix, stemKey(next).slice(-2));
    add(T.kindPrevNext, `${prev.kind}|${t.kind}|${next.kind}`);
    const band = t.kind === 'word' ? evidenceBand(t.stem) : t.kind;
    add(T.evidence, band);
    add(T.evidenceNorm, t.kind === 'word' ? evidenceBand(t.norm) : t.kind);
    add(T.evidenceWindow, `${prev.kind === 'word' ? evidenceBand(prev.stem) : prev.kind}|${band}|${next.kind === 'word' ? evidenceBand(next.stem) : next.kind}`);
    add(T.prefix4, stem.slice(0, 4));
    add(T.suffix4, stem.slice(-4));
    add(T.wordSuffix2, t.key.slice(-2));
    add(T.keyPrevShape, `${prev.key}|${shapeOf(t)}`);
    // How the training corpus labelled this word (and its neighbours), when it did.
    add(T.seen, seenTags[i]!);
    add(T.seenPrev, `${i > 0 ? seenTags[i - 1] : '^'}|${seenTags[i]}`);
    add(T.seenNext, `${seenTags[i]}|${i + 1 < tokens.length ? seenTags[i + 1] : '$'}`);
    if (lexical !== t.key) add(T.seenLexical, nameLexicon.get(lexical) ?? '-');
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
  offsets[tokens.length] = out.length;
  return { buckets: Uint32Array.from(out), offsets };
}
