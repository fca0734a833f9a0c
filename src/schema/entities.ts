import { z } from 'zod';
import { TextSpanSchema } from './span.js';

export const EntityTypeSchema = z.enum(['PER', 'ORG', 'LOC', 'MISC']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

/** One mention of a named entity; clitics stay outside the span («وبغداد» → «بغداد»). */
export const EntityMentionSchema = TextSpanSchema.extend({
  type: EntityTypeSchema,
  /** Same id for the same real-world entity across spelling variants, articles and workers. */
  entityId: z.string(),
  /** Fullest form of the entity (in this article, or as registered). */
  canonical: z.string(),
  confidence: z.number().min(0).max(1),
});
export type EntityMention = z.infer<typeof EntityMentionSchema>;
