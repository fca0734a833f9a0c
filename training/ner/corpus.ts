import { goldTagsForTokens } from './alignment.js';
import { sentenceText, type ConllSentence } from './conll.js';
import { normalise, searchKey } from '../../src/nlp/text/normalise.js';
import { analyseText } from '../../src/nlp/text/index.js';
import { groupBySentence, toNerToken, type NerToken } from '../../src/nlp/ner/tokens.js';

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

/**
 * The name lexicon: for each search key of a word that the corpus labels inside a name, the tags it
 * had («بغداد» → "B-LOC", «المتحدة» → "I-LOC,I-ORG"). A feature of the tagger (built by jackknife at
 * training time, see training/ner/trainer.ts) and, through `nameFormsOf` (src/nlp/ner/name-forms.ts), the span
 * finder's list.
 */
export function nameLexiconFromCorpus(sentences: readonly ConllSentence[]): Map<string, string> {
  const labels = new Map<string, Set<string>>();
  for (const sentence of sentences) {
    sentence.tokens.forEach((token, i) => {
      const tag = sentence.tags[i]!;
      if (tag === 'O') return;
      const key = searchKey(normalise(token));
      if (key.length < 2 || /^[\d\p{P}]+$/u.test(key)) return;
      const set = labels.get(key) ?? new Set<string>();
      set.add(tag);
      labels.set(key, set);
    });
  }
  const lexicon = new Map<string, string>();
  for (const key of [...labels.keys()].sort()) lexicon.set(key, [...labels.get(key)!].sort().join(','));
  return lexicon;
}
