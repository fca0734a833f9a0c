import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publishedJsonSchemas } from '../../../src/schema/json-schema.js';

describe('schema/*.schema.json', () => {
  for (const [name, text] of Object.entries(publishedJsonSchemas())) {
    it(`${name} is in sync with the zod schema (run \`npm run schema\` after changing src/schema)`, () => {
      expect(readFileSync(`schema/${name}`, 'utf8')).toBe(text);
    });
  }
});
