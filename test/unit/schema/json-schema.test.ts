import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordJsonSchemaText } from '../../../src/schema/json-schema.js';

describe('schema/record.schema.json', () => {
  it('is in sync with the zod schema (run `npm run schema` after changing src/schema)', () => {
    const committed = readFileSync('schema/record.schema.json', 'utf8');
    expect(committed).toBe(recordJsonSchemaText());
  });
});
