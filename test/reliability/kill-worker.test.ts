import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { openQueue } from '../../src/pipeline/queues.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { allQueues, firstQueue } from '../../src/pipeline/stage-chain.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';
import { writeGeneratedArticles } from '../../bench/corpus/rotations.js';
import { assertBuilt, startKhabar, stopKhabar, type KhabarProcess } from '../helpers/processes.js';
import { drainQueues } from '../helpers/drain.js';
import { isOutputFile } from '../../src/store/output.js';

const COUNT = 200;

describe('kill -9 of a worker process mid-run', () => {
  const settings = testSettings('kill9', { lockMs: 2_000, stalledIntervalMs: 1_000 });
  const env = { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: settings.prefix, KHABAR_LOCK_MS: '2000', KHABAR_STALLED_INTERVAL_MS: '1000', KHABAR_LOG_LEVEL: 'warn' };
  const out = tempDir('kill9-out');
  const workers = new Map<string, KhabarProcess>();
  const connection = createRedis(testRedisUrl());

  afterAll(async () => {
    await Promise.all([...workers.values()].map((worker) => stopKhabar(worker)));
    connection.disconnect();
  });

  it(`still yields exactly ${COUNT} records after a restart`, async () => {
    assertBuilt();
    const files = writeGeneratedArticles(tempDir('kill9-in'), COUNT);
    const start = (queue: string) => workers.set(queue, startKhabar(['worker', queue, '--out', out], env));
    for (const queue of allQueues()) start(queue);

    const ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 10_000, pollMs: 200 });
    const finished = Promise.all(files.map((file) => ingestor.ingestFile(file, null)));

    const articlesDir = join(out, 'articles');
    const written = () => (existsSync(articlesDir) ? readdirSync(articlesDir).filter(isOutputFile).length : 0);
    while (written() < 20) await sleep(50);
    expect(written()).toBeLessThan(COUNT); // the kill lands in the middle of the run
    const victim = workers.get(firstQueue());
    victim?.child.kill('SIGKILL');
    await victim?.exited;
    await sleep(500);
    start(firstQueue());

    const summaries = await finished;
    await ingestor.close();
    await drainQueues(connection, settings);
    expect(summaries.reduce((sum, s) => sum + s.ok, 0)).toBe(COUNT);
    expect(summaries.reduce((sum, s) => sum + s.failed, 0)).toBe(0);
    expect(written()).toBe(COUNT);
    expect(existsSync(join(out, 'failed')) ? readdirSync(join(out, 'failed')).filter(isOutputFile) : []).toEqual([]);
    for (const name of allQueues()) {
      const queue = openQueue(name, connection, settings);
      const counts = await queue.getJobCounts('active', 'waiting', 'delayed', 'failed');
      expect(counts, name).toMatchObject({ active: 0, waiting: 0, delayed: 0, failed: 0 });
      await queue.close();
    }
  }, 180_000);
});
