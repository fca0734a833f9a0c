// The writer's hook, end to end on real Redis: the seeds through the real pipeline (in-process
// workers), a keyword watch registered before them; the writer queues each written record for
// matching, and the alerts worker raises one alert per matching seed, none for the others.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlertWorkers, type RunningAlertWorkers } from '../../src/alerts/alert-worker.js';
import { ALERTS_QUEUE } from '../../src/alerts/queue-match.js';
import { AlertSchema, WatchSchema, watchIdOf } from '../../src/alerts/watch.js';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { startInProcessWorkers, type InProcessWorkers } from '../../src/pipeline/in-process.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { AlertStore } from '../../src/store/alert-store.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';
import { waitFor } from '../helpers/wait.js';

const SEEDS = readdirSync('seeds').filter((name) => name.endsWith('.txt')).sort().map((name) => resolve('seeds', name));

describe('alerts from the pipeline\'s writer (real Redis)', () => {
  const settings = testSettings('alerts-pipeline');
  const outDir = tempDir('alerts-pipeline-out');
  const connection = createRedis(testRedisUrl());
  const store = new AlertStore(connection, settings.prefix);
  let workers: InProcessWorkers;
  let alerts: RunningAlertWorkers;
  let ingestor: Ingestor;

  beforeAll(async () => {
    workers = await startInProcessWorkers({ redisUrl: testRedisUrl(), settings, logger: quietLogger, outDir });
    alerts = startAlertWorkers({ connection: createRedis(testRedisUrl()), settings, logger: quietLogger, webhookSecret: null });
    ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 1000, pollMs: 100 });
  }, 60_000);

  afterAll(async () => {
    await ingestor?.close();
    await alerts?.close();
    await workers?.close();
    connection.disconnect();
  });

  it('raises one alert for each seed that names «عين الأسد», in any spelling, and none for the others', async () => {
    const draft = { kind: 'keyword' as const, value: 'عين الاسد', minCheckworthiness: null, webhook: null };
    await store.putWatch(watchIdOf(draft), WatchSchema.parse({ ...draft, id: watchIdOf(draft), label: 'Ain al-Asad', createdAt: new Date().toISOString() }));
    const expected = SEEDS.filter((path) => /عين ال[اأ]سد/.test(readFileSync(path, 'utf8'))).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(SEEDS.length);
    for (const seed of SEEDS) await ingestor.ingestFile(seed, null);
    await waitFor(`${expected} alerts`, async () => (await store.count()) >= expected, 120_000);
    await waitFor('every seed written', () => readdirSync(resolve(outDir, 'articles')).filter((name) => name.endsWith('.json')).length === SEEDS.length, 60_000);
    await new Promise((done) => setTimeout(done, 1_500)); // the last matches, and anything doubled
    const raised = (await store.latest(100)).map(({ alert }) => AlertSchema.parse(alert));
    expect(raised).toHaveLength(expected);
    expect(new Set(raised.map((alert) => alert.articleId)).size).toBe(expected);
    for (const alert of raised) expect(alert.watchLabel).toBe('Ain al-Asad');
  }, 240_000);
});

describe('the writer with no watch registered (real Redis)', () => {
  const settings = testSettings('alerts-none');
  const outDir = tempDir('alerts-none-out');
  const connection = createRedis(testRedisUrl());
  let workers: InProcessWorkers;
  let ingestor: Ingestor;

  beforeAll(async () => {
    workers = await startInProcessWorkers({ redisUrl: testRedisUrl(), settings, logger: quietLogger, outDir });
    ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 1000, pollMs: 100 });
  }, 60_000);

  afterAll(async () => {
    await ingestor?.close();
    await workers?.close();
    connection.disconnect();
  });

  it('writes every seed and queues no match job (issue 21: nothing to match against)', async () => {
    for (const seed of SEEDS) await ingestor.ingestFile(seed, null);
    await waitFor('every seed written', () => readdirSync(resolve(outDir, 'articles')).filter((name) => name.endsWith('.json')).length === SEEDS.length, 120_000);
    const queue = new Queue(ALERTS_QUEUE, { connection, prefix: settings.prefix });
    try {
      const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized');
      expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(0);
    } finally {
      await queue.close();
    }
  }, 240_000);
});
