import type { Gazetteer } from './gazetteer.js';
import type { NerToken } from './tokens.js';

const PLACE_CLASSES = new Set(['country', 'city', 'region']);
const cache = new WeakMap<Gazetteer, Set<string>>();

/**
 * Search keys of the places our gazetteers know, each also written as one word when the list has it
 * in several: «بيونغيانغ» is the «بيونغ يانغ» of the list (the same holds for «نيودلهي», «كوالالمبور»).
 * Known people («person») are left out, whatever else they are.
 */
export function placeFormsOf(gazetteer: Gazetteer): ReadonlySet<string> {
  let forms = cache.get(gazetteer);
  if (!forms) {
    forms = new Set<string>();
    for (const [phrase, classes] of gazetteer.phrases) {
      if (!classes.some((c) => PLACE_CLASSES.has(c)) || classes.includes('person')) continue;
      forms.add(phrase);
      if (phrase.includes(' ')) forms.add(phrase.replaceAll(' ', ''));
    }
    cache.set(gazetteer, forms);
  }
  return forms;
}

/** Confidence from which the model's own person tag on a known place stands (see `isPlaceNotPerson`). */
export const STRONG_PERSON_CONFIDENCE = 0.9;

/**
 * Whether a one-word person the model tagged at `i` is really the place of that name: the word is a
 * known place (`placeKey`, clitics outside), and the model was not sure (below
 * `STRONG_PERSON_CONFIDENCE`) or saw no person around it (no title or given name just before:
 * «الرئيس جورجيا» would be a person). «وقالت بيونغيانغ» is the capital speaking, not a person.
 */
export function isPlaceNotPerson(
  tokens: readonly NerToken[],
  i: number,
  placeKey: string,
  confidence: number,
  gazetteer: Gazetteer,
): boolean {
  if (!placeFormsOf(gazetteer).has(placeKey)) return false;
  const before = i > 0 ? (gazetteer.phrases.get(tokens[i - 1]!.key) ?? []) : [];
  const personContext = before.includes('title') || before.includes('givenName');
  return confidence < STRONG_PERSON_CONFIDENCE || !personContext;
}
