import type { ConllSentence } from './conll.js';

/**
 * Training-time mention replacement (Dai & Adel 2020, "An Analysis of Simple Data Augmentation for
 * Named Entity Recognition"): a copy of a training sentence whose PER, ORG and LOC names are swapped
 * for names of the same type from our gazetteers, in the sentence's real context.
 *
 * ANERcorp holds few of the multi-word organisations of today's news, and labels some that it does
 * hold as O (annotation gaps), so the model learns that a gazetteer phrase says little. The copies
 * show it gazetteer phrases in the places names stand. The swapped-in words are marked `replaced`:
 * the trainer hides their identity (word, stem, corpus-lexicon entry), so the model learns to trust
 * the gazetteer *feature* and the context, not to memorise the gazetteers' words.
 */
export interface ReplacementNames {
  PER: readonly string[];
  ORG: readonly string[];
  LOC: readonly string[];
}

export interface AugmentedSentence extends ConllSentence {
  /** Per token: swapped in from a gazetteer. */
  replaced: boolean[];
}

/**
 * `sentence` with each PER/ORG/LOC name replaced (with probability `rate` each) by a random name of
 * the same type; null when nothing was replaced. A proclitic on the old name («وبغداد») is not
 * carried over: which first letters are clitics is not known at this level («بغداد» keeps its ب).
 */
export function replaceMentions(
  sentence: ConllSentence,
  names: ReplacementNames,
  rate: number,
  random: () => number,
): AugmentedSentence | null {
  const tokens: string[] = [];
  const tags: string[] = [];
  const replaced: boolean[] = [];
  let changed = false;
  for (let i = 0; i < sentence.tokens.length; ) {
    const tag = sentence.tags[i]!;
    let end = i + 1;
    if (tag.startsWith('B-')) while (end < sentence.tokens.length && sentence.tags[end] === `I-${tag.slice(2)}`) end++;
    const type = tag.slice(2);
    const pool = tag.startsWith('B-') && (type === 'PER' || type === 'ORG' || type === 'LOC') ? names[type] : null;
    if (!pool || pool.length === 0 || random() >= rate) {
      for (let k = i; k < end; k++) {
        tokens.push(sentence.tokens[k]!);
        tags.push(sentence.tags[k]!);
        replaced.push(false);
      }
      i = end;
      continue;
    }
    const words = pool[Math.floor(random() * pool.length)]!.split(/\s+/).filter((w) => w.length > 0);
    words.forEach((word, k) => {
      tokens.push(word);
      tags.push(`${k === 0 ? 'B' : 'I'}-${type}`);
      replaced.push(true);
    });
    changed = true;
    i = end;
  }
  return changed ? { tokens, tags, replaced } : null;
}
