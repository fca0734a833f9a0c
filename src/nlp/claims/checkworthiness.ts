// Check-worthiness: a transparent additive score squashed into [0, 1], so that a fact-checker can
// sort claims and see why each one ranks where it does. Features follow the ClaimBuster /
// CheckThat! literature's findings (numbers, named actors, casualties, accusations, causal and
// comparative language make a sentence worth checking); the weights are ours, set by hand.
import {
  ACCUSATION_WORDS, CASUALTY_WORDS, CAUSAL_WORDS, COMPARATIVE_WORDS,
} from './lexicon/words.js';
import type { Word } from './words.js';

export const WEIGHTS = {
  bias: -1.6,
  number: 0.9,
  exactNumber: 0.3,
  namedActor: 0.5,
  namedSpeaker: 0.4,
  anonymousSpeaker: 0.2,
  casualties: 0.9,
  accusation: 0.7,
  causal: 0.4,
  comparative: 0.4,
  directQuote: 0.2,
} as const;

export interface CheckInput {
  /** Words of the claim's content (or sentence for a numeric claim). */
  words: Word[];
  quantities: Array<{ approx: boolean }>;
  namedEntities: number;
  speaker: { named: boolean; anonymous: boolean } | null;
  accusationCue: boolean;
  direct: boolean;
}

function anyIn(words: Word[], set: ReadonlySet<string>): boolean {
  for (const w of words) {
    if (w.token.kind !== 'word') continue;
    // The form, its stem and the form without a conjunction cover «وقتل», «بمقتل», «القتلى».
    if (set.has(w.norm) || set.has(w.stem) || set.has(w.bare)) return true;
    if (w.norm.startsWith('ال') && set.has(w.norm.slice(2))) return true;
  }
  return false;
}

/** The score and the contribution of each feature that fired. */
export function checkworthiness(input: CheckInput): { score: number; features: Record<string, number> } {
  const features: Record<string, number> = {};
  const add = (name: keyof typeof WEIGHTS, on: boolean): void => {
    if (on) features[name] = WEIGHTS[name];
  };
  add('number', input.quantities.length > 0);
  add('exactNumber', input.quantities.some((q) => !q.approx));
  add('namedActor', input.namedEntities > 0);
  add('namedSpeaker', input.speaker?.named === true);
  add('anonymousSpeaker', input.speaker?.anonymous === true);
  add('casualties', anyIn(input.words, CASUALTY_WORDS));
  add('accusation', input.accusationCue || anyIn(input.words, ACCUSATION_WORDS));
  add('causal', anyIn(input.words, CAUSAL_WORDS));
  add('comparative', anyIn(input.words, COMPARATIVE_WORDS));
  add('directQuote', input.direct);
  let sum: number = WEIGHTS.bias;
  for (const v of Object.values(features)) sum += v;
  features.bias = WEIGHTS.bias;
  const score = 1 / (1 + Math.exp(-sum));
  return { score: Math.round(score * 1000) / 1000, features };
}
