import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { startInProcessWorkers, type InProcessWorkers } from '../../src/pipeline/in-process.js';
import { openQueue } from '../../src/pipeline/queues.js';
import { firstQueue } from '../../src/pipeline/stage-chain.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { openDb, type Db } from '../../src/store/pg/db.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';
import { drainQueues } from '../helpers/drain.js';
import { useTestPostgres } from '../helpers/postgres.js';

// The write stage on real Redis and a real PostgreSQL, chosen as production chooses it: by
// KHABAR_DATABASE_URL in the environment (this file runs in its own process).
const postgres = useTestPostgres();

describe('the write stage with KHABAR_DATABASE_URL', () => {
  const settings = testSettings('write-pg');
  const out = tempDir('write-pg-out');
  const connection = createRedis(testRedisUrl());
  let workers: InProcessWorkers;
  let db: Db;

  beforeAll(async () => {
    process.env.KHABAR_DATABASE_URL = postgres().url;
    workers = await startInProcessWorkers({ redisUrl: testRedisUrl(), settings, logger: quietLogger, outDir: out });
    db = openDb(postgres().url, { max: 2 });
  }, 120_000);
  afterAll(async () => {
    await workers?.close();
    await db?.destroy();
    connection.disconnect();
    delete process.env.KHABAR_DATABASE_URL;
  });

  async function rows(table: string): Promise<number> {
    const { rows: result } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    return result[0]?.n ?? -1;
  }

  it('stores each seed article once, even when its job runs twice', async () => {
    const ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 1000, pollMs: 100 });
    const seeds = readdirSync('seeds').filter((name) => name.endsWith('.txt'));
    for (const name of seeds) await ingestor.ingestFile(join('seeds', name), null);
    await ingestor.close();
    await drainQueues(connection, settings, 120_000);

    const files = readdirSync(join(out, 'articles')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
    expect(files).toHaveLength(seeds.length);
    const ids = (await db.selectFrom('articles').select('id').orderBy('id').execute()).map((row) => row.id);
    expect(ids).toEqual(files);
    const before = { mentions: await rows('mentions'), claims: await rows('claims'), quantities: await rows('quantities'), links: await rows('claim_links'), members: await rows('story_members') };
    expect(before.mentions).toBeGreaterThan(0);

    // Every article's job again, as a retry after a lost acknowledgement would run it: in `khabar
    // run`'s layout one job of the first queue runs the article through every stage and its write.
    const first = openQueue(firstQueue(), connection, settings);
    const done = await first.getJobs(['completed']);
    expect(done).toHaveLength(seeds.length);
    for (const job of done) await first.add(job.name, job.data, { jobId: `again-${job.id}` });
    await first.close();
    await drainQueues(connection, settings, 120_000);

    expect(await rows('articles')).toBe(seeds.length);
    const after = { mentions: await rows('mentions'), claims: await rows('claims'), quantities: await rows('quantities'), links: await rows('claim_links'), members: await rows('story_members') };
    expect(after).toEqual(before);
    expect(after.members).toBe(seeds.length);
  }, 240_000);
});
