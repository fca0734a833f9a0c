import { seededRandom } from '../../src/nlp/ner/hash.js';
import type { SentenceFeatures } from '../../src/nlp/ner/features.js';
import { emissionScores, emptyModel, viterbi, type NerWeights } from '../../src/nlp/ner/model.js';
import { TAG_COUNT } from '../../src/nlp/ner/tags.js';

/** One training sentence: its features and its gold tag indices (one per token). */
export interface TrainingExample {
  features: SentenceFeatures;
  gold: number[];
}

export interface TrainingOptions {
  epochs: number;
  seed: number;
  bucketBits: number;
  featureVersion: number;
  /**
   * Feature dropout: each time a sentence is visited, each of its feature occurrences is left out
   * with this probability (seeded), so that no single feature (a memorised word above all) carries
   * a decision alone and the weights spread over the cues that generalise. 0 = off.
   */
  featureDropout?: number;
  /** Called after each epoch (progress reporting; the trainer itself does no I/O). */
  onEpoch?: (epoch: number, mistakes: number, tokens: number) => void;
}

/**
 * Averaged structured perceptron (Collins 2002): decode each sentence with the current weights,
 * and where the best sequence differs from the gold one, add the gold features and subtract the
 * predicted ones. The returned weights are the average over all steps (the lazy "w − u/c" trick),
 * which generalises far better than the last weights. Sentences are visited in a seeded order.
 */
export function trainPerceptron(examples: readonly TrainingExample[], options: TrainingOptions): NerWeights {
  const model = emptyModel(options.bucketBits, options.featureVersion);
  const weightSums = new Float32Array(model.weights.length);
  const transitionSums = new Float64Array(model.transitions.length);
  const random = seededRandom(options.seed);
  const order = examples.map((_, index) => index);
  let step = 1;
  const featureDropout = options.featureDropout ?? 0;

  const updateEmission = (features: SentenceFeatures, i: number, tag: number, delta: number): void => {
    for (let f = features.offsets[i]!; f < features.offsets[i + 1]!; f++) {
      const index = features.buckets[f]! * TAG_COUNT + tag;
      model.weights[index]! += delta;
      weightSums[index]! += step * delta;
    }
  };
  const updateTransition = (previous: number, next: number, delta: number): void => {
    const index = previous * TAG_COUNT + next;
    model.transitions[index]! += delta;
    transitionSums[index]! += step * delta;
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    // Fisher–Yates with the seeded generator: the same seed gives the same model.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let mistakes = 0;
    let tokens = 0;
    for (const index of order) {
      const example = examples[index]!;
      const { gold } = example;
      const features = featureDropout > 0 ? dropFeatures(example.features, featureDropout, random) : example.features;
      const n = gold.length;
      tokens += n;
      const predicted = viterbi(model, emissionScores(model, features, n), n);
      for (let i = 0; i < n; i++) {
        const previousGold = i === 0 ? TAG_COUNT : gold[i - 1]!;
        const previousPredicted = i === 0 ? TAG_COUNT : predicted[i - 1]!;
        if (gold[i] !== predicted[i]) {
          mistakes++;
          updateEmission(features, i, gold[i]!, 1);
          updateEmission(features, i, predicted[i]!, -1);
        }
        if (gold[i] !== predicted[i] || previousGold !== previousPredicted) {
          updateTransition(previousGold, gold[i]!, 1);
          updateTransition(previousPredicted, predicted[i]!, -1);
        }
      }
      step++;
    }
    options.onEpoch?.(epoch, mistakes, tokens);
  }

  for (let k = 0; k < model.weights.length; k++) model.weights[k] = model.weights[k]! - weightSums[k]! / step;
  for (let k = 0; k < model.transitions.length; k++) model.transitions[k] = model.transitions[k]! - transitionSums[k]! / step;
  return model;
}

/** A copy of `features` with each feature occurrence kept with probability 1 − `rate`. */
function dropFeatures(features: SentenceFeatures, rate: number, random: () => number): SentenceFeatures {
  const { buckets, offsets } = features;
  const kept = new Uint32Array(buckets.length);
  const keptOffsets = new Uint32Array(offsets.length);
  let size = 0;
  for (let i = 0; i + 1 < offsets.length; i++) {
    keptOffsets[i] = size;
    for (let f = offsets[i]!; f < offsets[i + 1]!; f++) if (random() >= rate) kept[size++] = buckets[f]!;
  }
  keptOffsets[offsets.length - 1] = size;
  return { buckets: kept.subarray(0, size), offsets: keptOffsets };
}
