import { z } from 'zod';
import { EntityTypeSchema } from './entities.js';

/**
 * What the read API (/api, src/api/) answers: one schema a response, so the OpenAPI document is
 * generated from the same definitions the store's readers return.
 */

export const ArticleSummarySchema = z.object({
  id: z.string(),
  source: z.string().nullable().meta({ description: 'the outlet' }),
  url: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** When the article appeared: published, else ingested (ISO 8601). */
  at: z.string(),
  storyId: z.string().nullable(),
  /** Text search only: match (0-1, title words weigh most) plus recency (up to 0.5, halving every ~3 weeks). */
  score: z.number().optional(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Pass as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  });

export const EntitySummarySchema = z.object({
  id: z.string(),
  type: EntityTypeSchema,
  canonical: z.string(),
  /** Name search only: pg_trgm similarity of the best-matching variant (0-1). */
  similarity: z.number().optional(),
});
export type EntitySummary = z.infer<typeof EntitySummarySchema>;

export const TimelineDaySchema = z.object({
  day: z.string().meta({ description: 'YYYY-MM-DD (UTC)' }),
  mentions: z.number().int(),
  articles: z.number().int(),
});

export const EntityDetailSchema = EntitySummarySchema.extend({
  variants: z.array(z.string()),
  timeline: z.array(TimelineDaySchema),
});
export type EntityDetail = z.infer<typeof EntityDetailSchema>;

const SpanOut = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });

export const QuantityOutSchema = SpanOut.extend({
  kind: z.string().nullable(),
  value: z.number(),
  valueMax: z.number().nullable(),
  approx: z.boolean(),
  unit: z.string().nullable(),
  counted: z.string().nullable(),
});

export const ClaimItemSchema = SpanOut.extend({
  articleId: z.string(),
  claim: z.number().int().meta({ description: 'index in the record\'s claims' }),
  kind: z.string(),
  at: z.string(),
  source: z.string().nullable(),
  title: z.string().nullable(),
  cue: z.string().nullable(),
  speaker: z.object({ entityId: z.string().nullable(), text: z.string().nullable() }).nullable(),
  content: SpanOut.nullable(),
  quantities: z.array(QuantityOutSchema),
});
export type ClaimItem = z.infer<typeof ClaimItemSchema>;

export const StorySummarySchema = z.object({
  id: z.string(),
  articles: z.number().int(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  headline: z.string().nullable(),
});
export type StorySummary = z.infer<typeof StorySummarySchema>;

const ClaimRef = z.object({ articleId: z.string(), claim: z.number().int(), text: z.string().nullable(), source: z.string().nullable() });

export const ClaimPairSchema = z.object({
  relation: z.enum(['corroborates', 'conflicts']),
  similarity: z.number(),
  a: ClaimRef,
  b: ClaimRef,
});
export type ClaimPair = z.infer<typeof ClaimPairSchema>;

export const StoryDetailSchema = StorySummarySchema.extend({
  /** Set when this story was merged into another: follow it. */
  mergedInto: z.string().nullable(),
  members: z.array(ArticleSummarySchema),
  corroborations: z.array(ClaimPairSchema),
  conflicts: z.array(ClaimPairSchema),
});
export type StoryDetail = z.infer<typeof StoryDetailSchema>;

export const ApiErrorSchema = z.object({ error: z.string(), issues: z.array(z.string()).optional() });
