// Writes schema/record.schema.json from the zod schema. `npm run schema`; a test fails when it drifts.
import { writeFileSync } from 'node:fs';
import { recordJsonSchemaText } from '../src/schema/json-schema.js';
import { projectPath } from '../src/paths.js';

const target = projectPath('schema', 'record.schema.json');
writeFileSync(target, recordJsonSchemaText());
console.log(`wrote ${target.replace(projectPath(), '.')}`);
