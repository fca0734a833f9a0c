import { z } from 'zod';
import { EnrichedRecordSchema } from './record.js';
import { StoryFileSchema } from './story.js';

/** The published JSON Schemas, generated from the zod schemas (the truth): file name → schema text. */
export function publishedJsonSchemas(): Record<string, string> {
  const text = (schema: z.ZodType) => `${JSON.stringify(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }), null, 2)}\n`;
  return {
    'record.schema.json': text(EnrichedRecordSchema),
    'story.schema.json': text(StoryFileSchema.meta({ title: 'khabar story file (a story, or a tombstone for a story merged into another)' })),
  };
}

/** The enriched record's JSON Schema text (schema/record.schema.json). */
export function recordJsonSchemaText(): string {
  return publishedJsonSchemas()['record.schema.json'] as string;
}
