import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/pg/db.js';
import { testPrefix, testRedisUrl } from '../helpers/redis.js';
import { assertBuilt, startKhabar } from '../helpers/processes.js';
import { tempDir } from '../helpers/pipeline.js';
import { useTestPostgres } from '../helpers/postgres.js';

const postgres = useTestPostgres();
let db: Db | null = null;
afterAll(async () => {
  await db?.destroy();
});

describe('khabar run --once seeds/ with KHABAR_DATABASE_URL', () => {
  it('migrates at start and leaves one article row per record file, which a second run does not repeat', async () => {
    assertBuilt();
    const out = tempDir('e2e-pg-out');
    const env = { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: testPrefix('e2e-pg'), KHABAR_DATABASE_URL: postgres().url };
    const run = startKhabar(['run', '--once', 'seeds/', '--out', out, '--inbox', tempDir('e2e-pg-inbox')], env);
    expect(await run.exited, run.output()).toBe(0);
    const files = readdirSync(join(out, 'articles')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
    expect(files).toHaveLength(5);
    db = openDb(postgres().url, { max: 1 });
    const ids = (await db.selectFrom('articles').select('id').orderBy('id').execute()).map((row) => row.id);
    expect(ids).toEqual(files);

    const again = startKhabar(['run', '--once', 'seeds/', '--out', out, '--inbox', tempDir('e2e-pg-inbox2')], { ...env, KHABAR_PREFIX: testPrefix('e2e-pg2') });
    expect(await again.exited, again.output()).toBe(0);
    const { rows } = await sql<{ n: number; distinct_ids: number }>`select count(*)::int as n, count(distinct id)::int as distinct_ids from articles`.execute(db);
    expect(rows[0]).toEqual({ n: 5, distinct_ids: 5 });

    const migrate = startKhabar(['db', 'migrate'], env);
    expect(await migrate.exited, migrate.output()).toBe(0);
    expect(migrate.output()).toMatch(/schema already up to date/);
    const missing = startKhabar(['db', 'migrate'], { ...env, KHABAR_DATABASE_URL: '' });
    expect(await missing.exited).toBe(2);
    expect(missing.output()).toMatch(/needs KHABAR_DATABASE_URL/);
  }, 240_000);
});
