// How an annotated corpus uses single words: how often each form (by gazetteer lookup key) stands
// as a token, and how often as a one-word name of each type. The gazetteer build asks it whether a
// place or given name of the open data is, in running text, mostly an ordinary word («سوف», «سنه»,
// «زياره»): such an entry would mark far more ordinary words than names.
import type { ConllSentence } from './conll.js';
import { phraseKey } from '../../src/nlp/ner/gazetteer.js';

export interface WordUsage {
  total: number;
  /** Times the form is a whole one-word name, by type (PER, ORG, LOC, MISC). */
  asName: Map<string, number>;
}

export function wordUsage(sentences: Iterable<ConllSentence>): Map<string, WordUsage> {
  const usage = new Map<string, WordUsage>();
  for (const { tokens, tags } of sentences) {
    tokens.forEach((token, i) => {
      const key = phraseKey(token);
      let entry = usage.get(key);
      if (!entry) usage.set(key, (entry = { total: 0, asName: new Map() }));
      entry.total++;
      const tag = tags[i]!;
      if (tag.startsWith('B-') && tags[i + 1]?.startsWith('I-') !== true) {
        entry.asName.set(tag.slice(2), (entry.asName.get(tag.slice(2)) ?? 0) + 1);
      }
    });
  }
  return usage;
}

/** A corpus that has a form at least this often decides; below it the fallback does. */
export const MIN_OCCURRENCES = 3;

/**
 * Whether a one-word name is mostly an ordinary word: the corpus says so when it has the form often
 * enough (a name of `type` in under `minShare` of its occurrences), else `fallback` decides.
 */
export function mostlyOrdinary(
  usage: ReadonlyMap<string, WordUsage>,
  type: string,
  minShare: number,
  fallback: (name: string) => boolean,
): (name: string) => boolean {
  return (name) => {
    const entry = usage.get(phraseKey(name));
    if (!entry || entry.total < MIN_OCCURRENCES) return fallback(name);
    return (entry.asName.get(type) ?? 0) / entry.total < minShare;
  };
}
