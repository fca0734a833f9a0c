import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/config.js';
import { dashboardConfig } from '../../../src/dashboard/config.js';
import { ConflictsQuerySchema, queryProblems } from '../../../src/dashboard/conflicts.js';
import { readArticles } from '../../../src/ingest/readers.js';
import { EntityTypeSchema } from '../../../src/schema/entities.js';
import { describeZodError, zodProblems } from '../../../src/schema/zod-errors.js';
import { parseOption } from '../../../src/commands/context.js';

describe('one formatter of zod errors', () => {
  it('names the option, the allowed values and the value given (entities --type FOO)', () => {
    expect(() => parseOption('--type', EntityTypeSchema, 'FOO')).toThrow('--type: expected one of PER, ORG, LOC, MISC, got "FOO"');
    expect(parseOption('--type', EntityTypeSchema, 'LOC')).toBe('LOC');
  });

  it('gives one line per problem, with paths, and echoes a value only when asked to', () => {
    const schema = z.object({ source: z.object({ url: z.string() }), n: z.number().max(3) });
    const quiet = schema.safeParse({ source: { url: 7 }, n: 9 });
    expect(quiet.success).toBe(false);
    const lines = zodProblems(quiet.error!);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^source\.url: /);
    expect(lines[1]).toMatch(/^n: /);
    expect(lines.join('\n')).not.toContain('got');
    const loud = schema.safeParse({ source: { url: 7 }, n: 9 }, { reportInput: true });
    expect(zodProblems(loud.error!)[1]).toMatch(/^n: .*, got 9$/);
    expect(describeZodError(loud.error!, { max: 1 })).not.toContain(';');
  });

  it('is what the query strings, the input reader and the env use', () => {
    const query = ConflictsQuerySchema.safeParse({ limt: '5' });
    expect(queryProblems(query.error!)).toEqual(['query: unknown parameter(s) limt']);
    expect(() => readArticles(new TextEncoder().encode(JSON.stringify({ text: 'نص', url: 5 })), 'a.json')).toThrow(/^not an article: url: /);
    // Env values are never echoed: a variable may hold a secret.
    expect(() => loadEnv({ KHABAR_DASHBOARD_TOKEN: 'secret-short' })).toThrow(/KHABAR_DASHBOARD_TOKEN: KHABAR_DASHBOARD_TOKEN must be at least 16/);
    expect(() => loadEnv({ KHABAR_DASHBOARD_TOKEN: 'secret-short' })).not.toThrow(/secret-short/);
  });
});

describe('one env schema', () => {
  it('declares the dashboard variables where every other variable is declared', () => {
    expect(loadEnv({ KHABAR_DASHBOARD_PORT: '4100', KHABAR_DASHBOARD_READ_ONLY: 'true' })).toMatchObject({ KHABAR_DASHBOARD_PORT: 4100, KHABAR_DASHBOARD_READ_ONLY: true, KHABAR_DASHBOARD_HOST: '127.0.0.1' });
    expect(() => loadEnv({ KHABAR_DASHBOARD_REFRESH_MS: '10' })).toThrow(/KHABAR_DASHBOARD_REFRESH_MS/);
    // The dashboard reads its settings through it: a bad KHABAR_ATTEMPTS is refused there too.
    expect(() => dashboardConfig({ out: 'o' }, { KHABAR_ATTEMPTS: 'many' })).toThrow(/KHABAR_ATTEMPTS/);
    expect(dashboardConfig({ out: 'o' }, { KHABAR_DASHBOARD_PORT: '4100', KHABAR_DASHBOARD_READ_ONLY: '' }).port).toBe(4100);
  });
});
