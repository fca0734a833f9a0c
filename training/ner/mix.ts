// Mixing an out-of-domain corpus (WikiFANE Gold) into the news training data without teaching the
// news model another corpus's conventions.
import { normalise, searchKey } from '../../src/nlp/text/normalise.js';
import type { ConllSentence } from './conll.js';

/** A word is a name by the news convention when at least this share of its ≥ 3 news occurrences is tagged. */
const NAME_SHARE = 0.8;
const MIN_OCCURRENCES = 3;

const keyOf = (token: string): string => searchKey(normalise(token));

/**
 * The search keys that the news data nearly always tags as a name («الله», «الإسلام» and «دولار» are
 * MISC in ANERcorp, O in WikiFANE, whose taxonomy has no class for them).
 */
export function conventionalNames(news: readonly ConllSentence[]): Set<string> {
  const counts = new Map<string, { name: number; all: number }>();
  for (const sentence of news) {
    sentence.tokens.forEach((token, i) => {
      const key = keyOf(token);
      if (key.length < 2) return;
      const c = counts.get(key) ?? { name: 0, all: 0 };
      c.all++;
      if (sentence.tags[i] !== 'O') c.name++;
      counts.set(key, c);
    });
  }
  return new Set([...counts].filter(([, c]) => c.all >= MIN_OCCURRENCES && c.name >= NAME_SHARE * c.all).map(([key]) => key));
}

/**
 * The out-of-domain sentences that do not contradict the news convention: a sentence that leaves O a
 * word the news data nearly always tags is left out (its other words would teach that the word is
 * no name). Measured on the document-level folds (src/nlp/ner/README.md).
 */
export function withoutConflicts(outOfDomain: readonly ConllSentence[], news: readonly ConllSentence[]): ConllSentence[] {
  const names = conventionalNames(news);
  return outOfDomain.filter((sentence) => !sentence.tokens.some((token, i) => sentence.tags[i] === 'O' && names.has(keyOf(token))));
}
