import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPrefix, testRedisUrl } from '../helpers/redis.js';
import { assertBuilt, startKhabar } from '../helpers/processes.js';
import { tempDir } from '../helpers/pipeline.js';
import { recordValidator } from '../helpers/json-schema.js';

describe('khabar run --once seeds/ (the CLI as a user runs it)', () => {
  it('exits 0 after writing five records that the published JSON Schema accepts', async () => {
    assertBuilt();
    const out = tempDir('e2e-out');
    const inbox = tempDir('e2e-inbox');
    const run = startKhabar(['run', '--once', 'seeds/', '--out', out, '--inbox', inbox], { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: testPrefix('e2e') });
    const code = await run.exited;
    expect(code, run.output()).toBe(0);
    expect(run.output()).toMatch(/5 record\(s\) written/);
    const files = readdirSync(join(out, 'articles')).filter((name) => name.endsWith('.json'));
    expect(files).toHaveLength(5);
    const validate = recordValidator();
    const sources = new Set<string>();
    for (const file of files) {
      const record = JSON.parse(readFileSync(join(out, 'articles', file), 'utf8')) as { source: { file: string }; text: string };
      const result = validate(record);
      expect(result.valid, result.errors).toBe(true);
      expect(record.text).toBe(readFileSync(join('seeds', record.source.file), 'utf8'));
      sources.add(record.source.file);
    }
    expect([...sources].sort()).toEqual(readdirSync('seeds').filter((name) => name.endsWith('.txt')).sort());
  });

  it('says how to get Redis when there is none, instead of crashing', async () => {
    const home = tempDir('no-redis-home');
    const status = startKhabar(['status'], { REDIS_URL: '', KHABAR_HOME: home });
    const code = await status.exited;
    expect(code).toBe(2);
    expect(status.output()).toMatch(/apt-get install redis-server/);
    expect(status.output()).toMatch(/REDIS_URL/);
  });
});
