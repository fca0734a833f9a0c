import { TAG_COUNT, transitionAllowed } from './tags.js';
import type { SentenceFeatures } from './features.js';
import { popcount, rowOf, type PackedRows } from './packed-rows.js';

/**
 * A linear-chain model over IOB2 tags: one weight per (feature bucket, tag) and one per tag
 * transition (row TAG_COUNT holds the start-of-sentence scores). Scores are sums of weights.
 */
export interface NerWeights {
  bucketBits: number;
  featureVersion: number;
  /**
   * `weights[bucket * TAG_COUNT + tag]`: floats while training; as the weights file stores them
   * (16-bit integers, times `scale`) once loaded, half the memory in every worker process (issue 21:
   * 18 of a process's ~200 MB).
   */
  weights: Float32Array | Int16Array;
  /**
   * Set when `weights` hold only the stored rows (loaded from the weights file, ./packed-rows.ts):
   * a bucket's weights are then `weights[rowOf(rows, bucket) * TAG_COUNT + tag]`, and a bucket with
   * no row weighs zero. 12 MB instead of 19 in every worker process (issue 21).
   */
  rows?: PackedRows;
  /** Set when `weights` are quantised: the real weight is `weights[k] * scale`. */
  scale?: number;
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

/** The real weight of a (bucket, tag), whichever way the weights are held (for tools and tests). */
export function weightAt(model: NerWeights, bucket: number, tag: number): number {
  const row = model.rows ? rowOf(model.rows, bucket) : bucket;
  return row < 0 ? 0 : model.weights[row * TAG_COUNT + tag]! * (model.scale ?? 1);
}

/**
 * A token's nine sums into `scores`, scaled once: with quantised weights the integer sums are exact,
 * so one multiply gives the sum of the weights. Shared by the dense and the packed loops (once a
 * token, not a feature: the per-feature loops stay unrolled in each).
 */
function putTokenScores(scores: Float64Array, base: number, scale: number, s0: number, s1: number, s2: number, s3: number, s4: number, s5: number, s6: number, s7: number, s8: number): void {
  scores[base] = s0 * scale;
  scores[base + 1] = s1 * scale;
  scores[base + 2] = s2 * scale;
  scores[base + 3] = s3 * scale;
  scores[base + 4] = s4 * scale;
  scores[base + 5] = s5 * scale;
  scores[base + 6] = s6 * scale;
  scores[base + 7] = s7 * scale;
  scores[base + 8] = s8 * scale;
}

/** Per-token, per-tag emission scores: `scores[i * TAG_COUNT + tag]`. */
export function emissionScores(model: NerWeights, features: SentenceFeatures, tokenCount: number): Float64Array {
  if (model.rows) return packedEmissionScores(model, model.rows, features, tokenCount);
  const scores = new Float64Array(tokenCount * TAG_COUNT);
  const { weights } = model;
  const scale = model.scale ?? 1;
  const { buckets, offsets } = features;
  if (TAG_COUNT !== 9) throw new Error('emissionScores is unrolled for 9 tags');
  for (let i = 0; i < tokenCount; i++) {
    // Nine running sums in locals (the hot loop of the tagger: ~75 features × 9 tags a token).
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    const end = offsets[i + 1]!;
    for (let f = offsets[i]!; f < end; f++) {
      const row = buckets[f]! * 9;
      s0 += weights[row]!;
      s1 += weights[row + 1]!;
      s2 += weights[row + 2]!;
      s3 += weights[row + 3]!;
      s4 += weights[row + 4]!;
      s5 += weights[row + 5]!;
      s6 += weights[row + 6]!;
      s7 += weights[row + 7]!;
      s8 += weights[row + 8]!;
    }
    putTokenScores(scores, i * 9, scale, s0, s1, s2, s3, s4, s5, s6, s7, s8);
  }
  return scores;
}

/**
 * `emissionScores` over packed rows. A bucket without a row adds nothing: its weights are zero,
 * and the sums are of 16-bit integers, so leaving them out gives the very same scores.
 */
function packedEmissionScores(model: NerWeights, rows: PackedRows, features: SentenceFeatures, tokenCount: number): Float64Array {
  const scores = new Float64Array(tokenCount * TAG_COUNT);
  const { weights } = model;
  const scale = model.scale ?? 1;
  const { present, rankBefore } = rows;
  const { buckets, offsets } = features;
  if (TAG_COUNT !== 9) throw new Error('emissionScores is unrolled for 9 tags');
  for (let i = 0; i < tokenCount; i++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    const end = offsets[i + 1]!;
    for (let f = offsets[i]!; f < end; f++) {
      const bucket = buckets[f]!;
      const word = present[bucket >>> 5]!;
      const shift = bucket & 31;
      if (((word >>> shift) & 1) === 0) continue;
      // rowOf, inlined: the hot loop of the tagger.
      const row = (rankBefore[bucket >>> 5]! + popcount(word & ~(-1 << shift))) * 9;
      s0 += weights[row]!;
      s1 += weights[row + 1]!;
      s2 += weights[row + 2]!;
      s3 += weights[row + 3]!;
      s4 += weights[row + 4]!;
      s5 += weights[row + 5]!;
      s6 += weights[row + 6]!;
      s7 += weights[row + 7]!;
      s8 += weights[row + 8]!;
    }
    putTokenScores(scores, i * 9, scale, s0, s1, s2, s3, s4, s5, s6, s7, s8);
  }
  return scores;
}

const FORBIDDEN = -1e9;

/**
 * Transition scores with the IOB2 constraint folded in (forbidden moves get a huge penalty), as a
 * flat (TAG_COUNT + 1) × TAG_COUNT table; built per call (90 numbers) since training changes them.
 */
function constrainedTransitions(model: NerWeights): Float64Array {
  const table = new Float64Array((TAG_COUNT + 1) * TAG_COUNT);
  for (let previous = 0; previous <= TAG_COUNT; previous++) {
    for (let next = 0; next < TAG_COUNT; next++) {
      const allowed = transitionAllowed(previous === TAG_COUNT ? null : previous, next);
      table[previous * TAG_COUNT + next] = allowed ? model.transitions[previous * TAG_COUNT + next]! : FORBIDDEN;
    }
  }
  return table;
}

/** Best-path scores into each (token, tag): `forward[i * TAG_COUNT + tag]`, with back-pointers. */
function forwardPass(trans: Float64Array, scores: Float64Array, n: number): { forward: Float64Array; back: Int8Array } {
  const forward = new Float64Array(n * TAG_COUNT);
  const back = new Int8Array(n * TAG_COUNT);
  const start = TAG_COUNT * TAG_COUNT;
  for (let tag = 0; tag < TAG_COUNT; tag++) forward[tag] = scores[tag]! + trans[start + tag]!;
  for (let i = 1; i < n; i++) {
    const base = i * TAG_COUNT;
    const previousBase = base - TAG_COUNT;
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      let bestScore = -Infinity;
      let bestPrevious = 0;
      for (let previous = 0; previous < TAG_COUNT; previous++) {
        const s = forward[previousBase + previous]! + trans[previous * TAG_COUNT + tag]!;
        if (s > bestScore) {
          bestScore = s;
          bestPrevious = previous;
        }
      }
      forward[base + tag] = bestScore + scores[base + tag]!;
      back[base + tag] = bestPrevious;
    }
  }
  return { forward, back };
}

/** Best tag sequence (Viterbi) under the model's scores. */
export function viterbi(model: NerWeights, scores: Float64Array, tokenCount: number): number[] {
  if (tokenCount === 0) return [];
  const { forward, back } = forwardPass(constrainedTransitions(model), scores, tokenCount);
  return backtrack(forward, back, tokenCount);
}

function backtrack(forward: Float64Array, back: Int8Array, n: number): number[] {
  const tags = new Array<number>(n);
  const lastBase = (n - 1) * TAG_COUNT;
  let last = 0;
  for (let tag = 1; tag < TAG_COUNT; tag++) if (forward[lastBase + tag]! > forward[lastBase + last]!) last = tag;
  tags[n - 1] = last;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * TAG_COUNT + tags[i]!]!;
  return tags;
}

/** Score units over which the confidence of a tag goes from 0.5 to about 0.73 (logistic scale). */
const CONFIDENCE_SCALE = 20;

/**
 * Best tags and, per token, a confidence from max-marginals: the best path's score against the best
 * path that gives the token any other tag, squashed by a logistic. Perceptron scores are not
 * probabilities; this is a monotone, comparable confidence in (0, 1), cheap (two Viterbi passes).
 */
export function decodeWithConfidence(model: NerWeights, scores: Float64Array, n: number): { tags: number[]; confidence: number[] } {
  if (n === 0) return { tags: [], confidence: [] };
  const trans = constrainedTransitions(model);
  const { forward, back } = forwardPass(trans, scores, n);
  const tags = backtrack(forward, back, n);
  // backward[i][tag]: best score of tokens i+1.. given tag at i (emission of i not included).
  const backward = new Float64Array(n * TAG_COUNT);
  for (let i = n - 2; i >= 0; i--) {
    const base = i * TAG_COUNT;
    const nextBase = base + TAG_COUNT;
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      let best = -Infinity;
      for (let next = 0; next < TAG_COUNT; next++) {
        const s = trans[tag * TAG_COUNT + next]! + scores[nextBase + next]! + backward[nextBase + next]!;
        if (s > best) best = s;
      }
      backward[base + tag] = best;
    }
  }
  const confidence = tags.map((chosen, i) => {
    const base = i * TAG_COUNT;
    const chosenScore = forward[base + chosen]! + backward[base + chosen]!;
    let rival = -Infinity;
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      if (tag !== chosen) rival = Math.max(rival, forward[base + tag]! + backward[base + tag]!);
    }
    return 1 / (1 + Math.exp(-(chosenScore - rival) / CONFIDENCE_SCALE));
  });
  return { tags, confidence };
}
