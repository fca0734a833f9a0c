// Writes schema/*.schema.json from the zod schemas. `npm run schema`; a test fails when they drift.
import { writeFileSync } from 'node:fs';
import { publishedJsonSchemas } from '../src/schema/json-schema.js';
import { projectPath } from '../src/paths.js';

for (const [name, text] of Object.entries(publishedJsonSchemas())) {
  writeFileSync(projectPath('schema', name), text);
  console.log(`wrote schema/${name}`);
}
