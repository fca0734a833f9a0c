import { goldTagsForTokens } from './alignment.js';
import { sentenceText, type ConllSentence } from './conll.js';
import { normalise, searchKey } from './text-shim.js';
import { analyseText } from './text-shim.js';
import { groupBySentence, toNerToken, type NerToken } from './tokens.js';

/** A CoNLL sentence run through the text layer exactly as raw text is at inference. */
export interface AlignedSentence {
  text: string;
  goldSpans: Array<[number, number]>;
  /** Our tokens, grouped by the text layer's sentences. */
  groups: NerToken[][];
  /** Gold tag indices per group, aligned with `groups`. */
  goldGroups: number[][];
}

export function alignConllSentence(sentence: ConllSentence): AlignedSentence {
  const { text, spans } = sentenceText(sentence);
  const layer = analyseText(text);
  const tokens = layer.tokens.map(toNerToken);
  const gold = goldTagsForTokens(spans, sentence.tags, tokens);
  const groups = groupBySentence(tokens);
  const goldGroups: number[][] = [];
  let at = 0;
  for (const group of groups) {
    goldGroups.push(gold.slice(at, at + group.length));
    at += group.length;
  }
  return { text, goldSpans: spans, groups, goldGroups };
}

const CLITIC_LETTERS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/**
 * Search keys of the words that the corpus labels as names, minus those that are just a clitic
 * letter (or two) glued to another name form («وبريطانيا» goes, «بغداد» and «وليد» stay).
 */
export function nameFormsFromCorpus(sentences: readonly ConllSentence[]): string[] {
  const forms = new Set<string>();
  for (const sentence of sentences) {
    sentence.tokens.forEach((token, i) => {
      if (sentence.tags[i] !== 'O') forms.add(searchKey(normalise(token)));
    });
  }
  const kept = [...forms].filter((form) => {
    for (let k = 1; k <= 2 && k < form.length - 2; k++) {
      if (!CLITIC_LETTERS.has(form[k - 1]!)) break;
      if (forms.has(form.slice(k))) return false;
    }
    return form.length >= 2 && !/^[\d\p{P}]+$/u.test(form);
  });
  return kept.sort();
}
