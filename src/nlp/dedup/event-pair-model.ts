import { z } from 'zod';
import { eventSimilarity, shareHeadlinePerson, type EventSketch, type FeatureRarity } from './event.js';
import { daysAgree } from './event-day.js';
import { sameLeadTown } from './event-match.js';

/**
 * The similar-content decision learned from the story golds instead of hand-set (issue 25, story
 * round 12): whether two reports that share a headline feature and pass every gate of event-match.ts
 * (actors, datelines, towns, facilities, facts, days) report one event, as a logistic model over
 * what their two sketches and dates say. The hand rule it replaces is a line in two of these
 * features (similarity against a threshold that grows with the hours apart, 0.75× with one town in
 * both leads); the model weighs those and the rest (how much of each headline the other lacks, the
 * rarity of what they share, whether both leads name a day and it agrees) by what the spent golds
 * show, trained and measured with whole gold sets held out (scripts/train-story-pairs.ts).
 *
 * Pure: a function of the two sketches, the hours apart and the rarity, so the Redis index and its
 * in-process twin decide alike and the decision is the pair's, not the order's.
 */

/** A weight only a title word or a lead's named thing reaches (event.ts `HEADLINE_WEIGHT`). */
const HEADLINE = 6;

/** The features, in the order `eventPairFeatures` returns them and a model's weights are kept. */
export const PAIR_FEATURES = [
  'similarity',
  'similarityFlat',
  'daysApart',
  'similarityByDays',
  'headlinePerson',
  'sameLeadTown',
  'daysNamedAgree',
  'daysNamedOneSide',
  'headlineSharedMass',
  'headlineUnsharedMass',
] as const;
export type PairFeatureName = (typeof PAIR_FEATURES)[number];

/** The heaviest features' share of one side that the other side also carries at headline weight, and the share it lacks. */
function headlineMass(a: EventSketch, b: EventSketch, rarity?: FeatureRarity): { shared: number; unshared: number } {
  let shared = 0;
  let unshared = 0;
  let total = 0;
  for (const [hash, weight] of a.features) {
    if (weight < HEADLINE) continue;
    const w = weight * (rarity?.get(hash) ?? 1);
    total += w;
    if ((b.features.get(hash) ?? 0) >= HEADLINE) shared += w;
    else if (!b.features.has(hash)) unshared += w;
  }
  return total === 0 ? { shared: 0, unshared: 0 } : { shared: shared / total, unshared: unshared / total };
}

/**
 * The pair's features (`PAIR_FEATURES`). `gapSeconds` null (a date unknown) reads as no gap, as the
 * hand rule's `similarityNeeded` does.
 */
export function eventPairFeatures(a: EventSketch, b: EventSketch, gapSeconds: number | null, rarity?: FeatureRarity): number[] {
  const similarity = eventSimilarity(a, b, rarity);
  const days = gapSeconds === null ? 0 : Math.abs(gapSeconds) / 86400;
  const ab = headlineMass(a, b, rarity);
  const ba = headlineMass(b, a, rarity);
  const daysA = a.days ?? [];
  const daysB = b.days ?? [];
  return [
    similarity,
    eventSimilarity(a, b),
    days,
    similarity * days,
    shareHeadlinePerson(a, b) ? 1 : 0,
    sameLeadTown(a, b) ? 1 : 0,
    daysA.length > 0 && daysB.length > 0 && daysAgree(daysA, daysB, 0) ? 1 : 0,
    (daysA.length > 0) !== (daysB.length > 0) ? 1 : 0,
    Math.min(ab.shared, ba.shared),
    // Each headline's own heavy words the other report does not carry at all: two countries' same-day
    // decisions share the decision's words and differ in who took it.
    Math.min(ab.unshared, ba.unshared),
  ];
}

function modelSchema(names: readonly string[]) {
  return z.object({
    /** The feature names the weights are for, in order: a model of other features is refused, not misread. */
    features: z.array(z.string()).refine((given) => given.length === names.length && given.every((name, i) => name === names[i]), {
      message: `this model must weigh exactly these features, in order: ${names.join(', ')}`,
    }),
    weights: z.array(z.number().finite()).length(names.length),
    bias: z.number().finite(),
    /** The probability from which two reports are one event. */
    threshold: z.number().min(0).max(1),
  });
}

/** One logistic model: its features' names, weights and bias, and the threshold it decides at. */
export const PairModelSchema = modelSchema(PAIR_FEATURES);
export type PairModel = z.infer<typeof PairModelSchema>;

/** The similar-content model as shipped, with how it was made. */
export const ShippedPairModelSchema = PairModelSchema.extend({
  /** The command and the sets it was trained on, for the reader. */
  trainedOn: z.string(),
});
export type ShippedPairModel = z.infer<typeof ShippedPairModelSchema>;

/** The model's probability that the pair reports one event. */
export function pairProbability(model: Pick<PairModel, 'weights' | 'bias'>, features: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += (model.weights[i] ?? 0) * features[i]!;
  return 1 / (1 + Math.exp(-z));
}
