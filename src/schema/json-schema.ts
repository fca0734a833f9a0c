import { z } from 'zod';
import { EnrichedRecordSchema } from './record.js';

/** The published JSON Schema of the enriched record, generated from the zod schema (the truth). */
export function recordJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(EnrichedRecordSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
}

export function recordJsonSchemaText(): string {
  return `${JSON.stringify(recordJsonSchema(), null, 2)}\n`;
}
