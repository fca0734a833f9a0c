import { TAG_COUNT, transitionAllowed } from './tags.js';
import type { SentenceFeatures } from './features.js';

/**
 * A linear-chain model over IOB2 tags: one weight per (feature bucket, tag) and one per tag
 * transition (row TAG_COUNT holds the start-of-sentence scores). Scores are sums of weights.
 */
export interface NerWeights {
  bucketBits: number;
  featureVersion: number;
  /** `weights[bucket * TAG_COUNT + tag]`. */
  weights: Float32Array;
  /** `transitions[previous * TAG_COUNT + next]`, previous = TAG_COUNT for the sentence start. */
  transitions: Float32Array;
}

export function emptyModel(bucketBits: number, featureVersion: number): NerWeights {
  return {
    bucketBits,
    featureVersion,
    weights: new Float32Array((1 << bucketBits) * TAG_COUNT),
    transitions: new Float32Array((TAG_COUNT + 1) * TAG_COUNT),
  };
}

/** Per-token, per-tag emission scores: `scores[i * TAG_COUNT + tag]`. */
export function emissionScores(model: NerWeights, features: SentenceFeatures, tokenCount: number): Float64Array {
  const scores = new Float64Array(tokenCount * TAG_COUNT);
  const { weights } = model;
  for (let i = 0; i < tokenCount; i++) {
    const base = i * TAG_COUNT;
    for (let f = features.offsets[i]!; f < features.offsets[i + 1]!; f++) {
      const row = features.buckets[f]! * TAG_COUNT;
      for (let tag = 0; tag < TAG_COUNT; tag++) scores[base + tag]! += weights[row + tag]!;
    }
  }
  return scores;
}

const FORBIDDEN = -1e9;

/** Transition scores with the IOB2 constraint folded in (forbidden moves get a huge penalty). */
function constrainedTransition(model: NerWeights, previous: number, next: number): number {
  const allowed = transitionAllowed(previous === TAG_COUNT ? null : previous, next);
  return allowed ? model.transitions[previous * TAG_COUNT + next]! : FORBIDDEN;
}

/** Best tag sequence (Viterbi) under the model's scores. */
export function viterbi(model: NerWeights, scores: Float64Array, tokenCount: number): number[] {
  if (tokenCount === 0) return [];
  const best = new Float64Array(tokenCount * TAG_COUNT);
  const back = new Int8Array(tokenCount * TAG_COUNT);
  for (let tag = 0; tag < TAG_COUNT; tag++) best[tag] = scores[tag]! + constrainedTransition(model, TAG_COUNT, tag);
  for (let i = 1; i < tokenCount; i++) {
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      let bestScore = -Infinity;
      let bestPrev = 0;
      for (let prev = 0; prev < TAG_COUNT; prev++) {
        const s = best[(i - 1) * TAG_COUNT + prev]! + constrainedTransition(model, prev, tag);
        if (s > bestScore) {
          bestScore = s;
          bestPrev = prev;
        }
      }
      best[i * TAG_COUNT + tag] = bestScore + scores[i * TAG_COUNT + tag]!;
      back[i * TAG_COUNT + tag] = bestPrev;
    }
  }
  const tags = new Array<number>(tokenCount);
  let last = 0;
  for (let tag = 1; tag < TAG_COUNT; tag++) {
    if (best[(tokenCount - 1) * TAG_COUNT + tag]! > best[(tokenCount - 1) * TAG_COUNT + last]!) last = tag;
  }
  tags[tokenCount - 1] = last;
  for (let i = tokenCount - 1; i > 0; i--) tags[i - 1] = back[i * TAG_COUNT + tags[i]!]!;
  return tags;
}

/** log(sum(exp(values[0..count)))) without allocating. */
function logSumExp(values: Float64Array, count: number): number {
  let max = -Infinity;
  for (let k = 0; k < count; k++) if (values[k]! > max) max = values[k]!;
  if (max === -Infinity) return max;
  let sum = 0;
  for (let k = 0; k < count; k++) sum += Math.exp(values[k]! - max);
  return max + Math.log(sum);
}

/**
 * Per-token marginal probability of the given tags (forward–backward over the scores read as
 * log-potentials). Perceptron scores are not calibrated; this is a relative confidence in [0, 1].
 */
export function tagMarginals(model: NerWeights, scores: Float64Array, tokenCount: number, tags: readonly number[]): number[] {
  const n = tokenCount;
  if (n === 0) return [];
  const alpha = new Float64Array(n * TAG_COUNT);
  const beta = new Float64Array(n * TAG_COUNT);
  const terms = new Float64Array(TAG_COUNT);
  for (let tag = 0; tag < TAG_COUNT; tag++) alpha[tag] = scores[tag]! + constrainedTransition(model, TAG_COUNT, tag);
  for (let i = 1; i < n; i++) {
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      for (let prev = 0; prev < TAG_COUNT; prev++) {
        terms[prev] = alpha[(i - 1) * TAG_COUNT + prev]! + constrainedTransition(model, prev, tag);
      }
      alpha[i * TAG_COUNT + tag] = logSumExp(terms, TAG_COUNT) + scores[i * TAG_COUNT + tag]!;
    }
  }
  for (let i = n - 2; i >= 0; i--) {
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      for (let next = 0; next < TAG_COUNT; next++) {
        terms[next] =
          constrainedTransition(model, tag, next) + scores[(i + 1) * TAG_COUNT + next]! + beta[(i + 1) * TAG_COUNT + next]!;
      }
      beta[i * TAG_COUNT + tag] = logSumExp(terms, TAG_COUNT);
    }
  }
  for (let tag = 0; tag < TAG_COUNT; tag++) terms[tag] = alpha[(n - 1) * TAG_COUNT + tag]!;
  const logZ = logSumExp(terms, TAG_COUNT);
  return tags.map((tag, i) => Math.exp(alpha[i * TAG_COUNT + tag]! + beta[i * TAG_COUNT + tag]! - logZ));
}
