import { extractFeatures } from './features.js';
import type { Gazetteer } from './gazetteer.js';
import type { WordClusters } from './clusters.js';
import { decodeWithConfidence, emissionScores, type NerWeights } from './model.js';
import type { NerToken } from './tokens.js';

/** Everything the tagger and linker need, loaded once (src/models/ner.ts) and passed in. */
export interface NerModel {
  weights: NerWeights;
  gazetteer: Gazetteer;
  /** Search key → tags it had in ANERcorp's training part («بغداد» → "B-LOC"); a feature. */
  nameLexicon: ReadonlyMap<string, string>;
  /**
   * Lexicon keys that are names without a leading clitic: they tell «بغداد» (a name that starts
   * with ب) from «وبغداد» (و + a name).
   */
  nameForms: ReadonlySet<string>;
  /** Word clusters, when the weights were trained with them (an option: the committed weights are not). */
  clusters?: WordClusters;
}

export interface TaggedSentence {
  tokens: NerToken[];
  tags: number[];
  /** Confidence of each token's tag (max-marginal margin, see decodeWithConfidence). */
  confidence: number[];
}

export function tagSentence(tokens: NerToken[], model: NerModel): TaggedSentence {
  const n = tokens.length;
  const features = extractFeatures(tokens, model.gazetteer, model.weights.bucketBits, model.nameLexicon, undefined, model.clusters);
  const scores = emissionScores(model.weights, features, n);
  const { tags, confidence } = decodeWithConfidence(model.weights, scores, n);
  return { tokens, tags, confidence };
}
