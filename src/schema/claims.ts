import { z } from 'zod';
import { TextSpanSchema } from './span.js';

/**
 * What a numeric claim states (issue 20): a count of something (casualties, troops, votes, barrels),
 * an amount of money, or a percentage.
 */
export const ClaimQuantityKindSchema = z.enum(['count', 'money', 'percent', 'term']);
export type ClaimQuantityKind = z.infer<typeof ClaimQuantityKindSchema>;

/**
 * Numbers that are not numeric claims: a duration or an age («لمدة ثلاثة أيام», «عمره 45 عاما»), a
 * date or a time, an ordinal («الـ7»), a model or product number («787 دريملاينر», «إف-16»), a phone
 * number, a vague plural with no number or scale word («آلاف الجنود»), a match score («3-1»).
 */
export const NonClaimQuantityKindSchema = z.enum(['duration', 'age', 'date', 'time', 'ordinal', 'model', 'phone', 'vague', 'score']);
export type NonClaimQuantityKind = z.infer<typeof NonClaimQuantityKindSchema>;

export const QuantitySchema = TextSpanSchema.extend({
  /** count, money or percent; absent from records written before issue 20. */
  kind: ClaimQuantityKindSchema.optional(),
  value: z.number(),
  /** Upper end of a range («بين 20 و30»); null for a single value. */
  valueMax: z.number().nullable(),
  approx: z.boolean(),
  /** The counted noun as written («جندي»), normalised. */
  unit: z.string().nullable(),
  /** What is counted, in a few words («جندي أجنبي»). */
  counted: z.string().nullable(),
});
export type Quantity = z.infer<typeof QuantitySchema>;

/**
 * A number in the text that is not a numeric claim, with what it is instead. It never takes part in
 * claims, conflicts or claim links; it is listed so a reader sees every number was read.
 */
export const NonClaimQuantitySchema = TextSpanSchema.extend({
  kind: NonClaimQuantityKindSchema,
  /** The number as read («إف-16»: 16; «آلاف الجنود»: 1000 with `valueMax` 9999). */
  value: z.number(),
  valueMax: z.number().nullable(),
  /** The noun that goes with it, as written («عاما», «طائرة»), or null. */
  counted: z.string().nullable(),
});
export type NonClaimQuantity = z.infer<typeof NonClaimQuantitySchema>;

export const SpeakerSchema = TextSpanSchema.extend({
  entityId: z.string().nullable(),
  anonymous: z.boolean(),
  /** For anonymous sources: the kind («مصدر أمني», «مسؤول», «شهود»). */
  kind: z.string().nullable(),
  /**
   * The earlier full mention this speaker refers to: for «وأوضح المصدر» the span of «مصدر أمني …»
   * named before. For an implicit subject («وأضاف أن…») the speaker span itself is that earlier
   * mention and `antecedent` repeats it. Null for a first mention.
   */
  antecedent: TextSpanSchema.nullable(),
  /**
   * How the speaker was found: `explicit` when its words stand in the statement's own clause
   * («وقال الوزير», «بحسب رويترز», also a written anaphor «وأوضح المصدر», whose earlier mention is in
   * `antecedent`); otherwise the cue's subject is a pronoun or missing («وأضافت أن …», «مؤكدا أن») and
   * the speaker is the nearest earlier one that agrees with the cue in gender and number, found in
   * the `same-sentence`, the `previous-sentence` of the same paragraph, earlier in the `paragraph`, or
   * in an `earlier-paragraph` (only when the cue's paragraph names no one else who fits). For those,
   * `antecedent` is the span found and `entityId` is the antecedent's entity. Always set by the claims
   * stage; optional so that records written before it still parse.
   */
  resolvedFrom: z.enum(['explicit', 'same-sentence', 'previous-sentence', 'paragraph', 'earlier-paragraph']).optional(),
});

export const ClaimSchema = TextSpanSchema.extend({
  kind: z.enum(['attributed', 'numeric']),
  sentence: z.number().int().nonnegative(),
  cue: TextSpanSchema.nullable(),
  speaker: SpeakerSchema.nullable(),
  content: TextSpanSchema.nullable(),
  quote: z.enum(['direct', 'indirect', 'mixed']).nullable(),
  quantities: z.array(QuantitySchema),
  /** For numeric claims: index in `claims` of the attributed claim that carries it, if any. */
  attributedTo: z.number().int().nonnegative().nullable(),
  checkworthiness: z.number().min(0).max(1),
  /** Why: feature name → contribution. */
  checkworthinessFeatures: z.record(z.string(), z.number()),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const DateMentionSchema = TextSpanSchema.extend({
  kind: z.enum(['date', 'time', 'datetime', 'year', 'weekday', 'relative', 'month']),
  /** ISO 8601 (date, date-time or year) when the text and the article date allow it. */
  iso: z.string().nullable(),
});
export type DateMention = z.infer<typeof DateMentionSchema>;
