import type { Token } from '../../schema/text.js';

/**
 * What the tagger needs of a token: the text layer's token, with its clitic segmentation split into
 * proclitics / stem / enclitics. All strings except `text` are normalised; offsets are absolute.
 */
export interface NerToken {
  text: string;
  start: number;
  end: number;
  kind: Token['kind'];
  norm: string;
  /** `norm` with ة → ه (the text layer's search key). */
  key: string;
  stem: string;
  proclitics: string[];
  enclitics: string[];
  stemStart: number;
  stemEnd: number;
  sentence: number;
}

/** Splits a text-layer token's `segments` around its stem (the first segment equal to `stem`). */
export function toNerToken(token: Token): NerToken {
  const stemIndex = Math.max(0, token.segments.indexOf(token.stem));
  return {
    text: token.text,
    start: token.start,
    end: token.end,
    kind: token.kind,
    norm: token.norm,
    key: token.key,
    stem: token.stem,
    proclitics: token.segments.slice(0, stemIndex),
    enclitics: token.segments.slice(stemIndex + 1),
    stemStart: token.stemStart,
    stemEnd: token.stemEnd,
    sentence: token.sentence,
  };
}

/** The tokens of each sentence, in order (sentences with no tokens are dropped). */
export function groupBySentence<T extends { sentence: number }>(tokens: readonly T[]): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let currentSentence = -1;
  for (const token of tokens) {
    if (token.sentence !== currentSentence && current.length > 0) {
      groups.push(current);
      current = [];
    }
    currentSentence = token.sentence;
    current.push(token);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The form a name is looked up under: the stem, with the article kept when the word had one. */
export function lexicalForm(token: NerToken): string {
  return token.proclitics.includes('ال') ? `ال${token.stem}` : token.stem;
}
