// The person names of a number's sentence, as noun keys: one outlet names the convict in full
// («ناصر البريكي»), the other by surname alone, which NER may not tag («البريكي»); conflict-rules.ts
// reads a name of one side among the other's context words as the same named subject. Pure.
import { nounKey } from './skeleton.js';
import { nounForm, type FactEntity, type FactToken } from './quantity-words.js';
import { SUBJECT_HEADS } from './quantity-lexicon.js';

/** Name words kept per number. */
export const NAME_WORDS = 3;

/** The words of the PER mentions in the number's sentence (not a head such as «وزير»), at most `NAME_WORDS`. */
export function personNames(tokens: readonly FactToken[], sentence: readonly FactToken[], entities: readonly FactEntity[]): string[] {
  const first = sentence[0];
  const last = sentence[sentence.length - 1];
  if (first === undefined || last === undefined) return [];
  const out: string[] = [];
  for (const e of entities) {
    if (e.type !== 'PER' || e.start === undefined || e.end === undefined || e.start < first.start || e.end > last.end) continue;
    for (const t of tokens) {
      if (t.kind !== 'word' || t.end <= e.start || t.start >= e.end) continue;
      const k = nounKey(nounForm(t));
      if (k.length >= 2 && !SUBJECT_HEADS.has(k)) out.push(k);
    }
  }
  return [...new Set(out)].slice(-NAME_WORDS);
}
