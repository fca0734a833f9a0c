import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

/** A validator for one published JSON Schema in schema/ (what a consumer outside TypeScript would use). */
export function schemaValidator(file: string): (value: unknown) => { valid: boolean; errors: string } {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(`schema/${file}`, 'utf8')) as object);
  return (value) => {
    const valid = validate(value) as boolean;
    return { valid, errors: valid ? '' : ajv.errorsText(validate.errors) };
  };
}

export function recordValidator(): (value: unknown) => { valid: boolean; errors: string } {
  return schemaValidator('record.schema.json');
}
