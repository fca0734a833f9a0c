import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { allQueues } from '../../src/pipeline/stage-chain.js';
import { WRITE_QUEUE } from '../../src/pipeline/queues.js';
import { EnrichedRecordSchema } from '../../src/schema/record.js';
import { isOutputFile } from '../../src/store/output.js';
import { openDb, type Db } from '../../src/store/pg/db.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';
import { writeGeneratedArticles } from '../../bench/corpus/rotations.js';
import { assertBuilt, startKhabar, stopKhabar, type KhabarProcess } from '../helpers/processes.js';
import { drainQueues } from '../helpers/drain.js';
import { useTestPostgres } from '../helpers/postgres.js';

const COUNT = 150;
const postgres = useTestPostgres();

describe('kill -9 of the write worker mid-transaction, with KHABAR_DATABASE_URL', () => {
  const settings = testSettings('kill9-pg', { lockMs: 2_000, stalledIntervalMs: 1_000 });
  const workers = new Map<string, KhabarProcess>();
  const connection = createRedis(testRedisUrl());
  let db: Db | null = null;

  afterAll(async () => {
    await Promise.all([...workers.values()].map((worker) => stopKhabar(worker)));
    connection.disconnect();
    await db?.destroy();
  });

  it(`leaves exactly one row an article and every child row once, after three kills of the writer`, async () => {
    assertBuilt();
    const env = { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: settings.prefix, KHABAR_LOCK_MS: '2000', KHABAR_STALLED_INTERVAL_MS: '1000', KHABAR_LOG_LEVEL: 'warn', KHABAR_DATABASE_URL: postgres().url };
    const out = tempDir('kill9-pg-out');
    const files = writeGeneratedArticles(tempDir('kill9-pg-in'), COUNT);
    const start = (queue: string) => workers.set(queue, startKhabar(['worker', queue, '--out', out], env));
    for (const queue of allQueues()) start(queue);

    const ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 10_000, pollMs: 200 });
    const finished = Promise.all(files.map((file) => ingestor.ingestFile(file, null)));
    const articlesDir = join(out, 'articles');
    const written = () => (existsSync(articlesDir) ? readdirSync(articlesDir).filter(isOutputFile).length : 0);
    for (const threshold of [15, 50, 90]) {
      while (written() < threshold) await sleep(25);
      const victim = workers.get(WRITE_QUEUE);
      victim?.child.kill('SIGKILL');
      await victim?.exited;
      start(WRITE_QUEUE);
    }
    const summaries = await finished;
    await ingestor.close();
    await drainQueues(connection, settings, 150_000);
    expect(summaries.reduce((sum, s) => sum + s.ok, 0)).toBe(COUNT);
    expect(written()).toBe(COUNT);

    const records = readdirSync(articlesDir).filter(isOutputFile).map((name) => EnrichedRecordSchema.parse(JSON.parse(readFileSync(join(articlesDir, name), 'utf8'))));
    db = openDb(postgres().url, { max: 1 });
    const count = async (table: string) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db as Db)).rows[0]?.n;
    const ids = (await db.selectFrom('articles').select('id').orderBy('id').execute()).map((row) => row.id);
    expect(ids).toEqual(records.map((record) => record.id).sort());
    expect(await count('mentions')).toBe(records.reduce((sum, r) => sum + (r.entities?.length ?? 0), 0));
    expect(await count('claims')).toBe(records.reduce((sum, r) => sum + (r.claims?.length ?? 0), 0));
    expect(await count('claim_links')).toBe(records.reduce((sum, r) => sum + (r.dedup?.claimLinks.length ?? 0), 0));
    expect(await count('story_members')).toBe(COUNT);
  }, 240_000);
});
