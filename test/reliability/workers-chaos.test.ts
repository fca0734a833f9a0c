import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { EnrichedRecordSchema } from '../../src/schema/record.js';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { ALL_STAGES, openQueue } from '../../src/pipeline/queues.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { allQueues, CHAIN } from '../../src/pipeline/stage-chain.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';
import { writeGeneratedArticles } from '../../bench/corpus/rotations.js';
import { assertBuilt } from '../helpers/processes.js';
import { WorkerCluster } from '../helpers/cluster.js';
import { drainQueues } from '../helpers/drain.js';
import { isOutputFile } from '../../src/store/output.js';
import { STALL_REQUEUES } from '../../src/pipeline/worker-common.js';
import { STORY_FLUSH_RETRIES } from '../../src/pipeline/write-worker.js';

// 300 in `npm test`: issue 8 puts in the suite the reliability runs that take under a couple of
// minutes (300 take about 100 s on two cores), and its 1,000 in `npm run test:soak`, whose config sets
// KHABAR_TEST_CORPUS=1000 (270 s alone on two cores at 4f73e58, most of it workers restarting after the
// kills). KHABAR_TEST_CORPUS sets another size.
const COUNT = Number(process.env.KHABAR_TEST_CORPUS ?? 300);

/** A deterministic pseudo-random sequence (the chaos is reproducible from its seed). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface RunOutcome {
  records: ReturnType<typeof EnrichedRecordSchema.parse>[];
  failures: string[];
  counts: Record<string, Record<string, number>>;
  /** Why jobs failed, when any did (shown in the assertion message). */
  reasons: string[];
  /** Jobs that failed only as stalled (killed under them 6 times in a row) and were queued again. */
  stalledRequeued: number;
  /** Articles the ingest saw finished as written records. */
  ok: number;
}

async function runCorpus(name: string, cluster: (env: NodeJS.ProcessEnv, out: string) => WorkerCluster | Promise<WorkerCluster>, during?: (cluster: WorkerCluster, done: () => boolean) => Promise<void>): Promise<RunOutcome & { cluster: WorkerCluster }> {
  assertBuilt();
  const settings = testSettings(name, { lockMs: 5_000, stalledIntervalMs: 2_000 });
  const env = { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: settings.prefix, KHABAR_LOCK_MS: '5000', KHABAR_STALLED_INTERVAL_MS: '2000', KHABAR_LOG_LEVEL: 'warn' };
  const out = tempDir(`${name}-out`);
  const workers = await cluster(env, out);
  const connection = createRedis(testRedisUrl());
  const ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 300, pollMs: 250 });
  try {
    const files = writeGeneratedArticles(tempDir(`${name}-in`), COUNT);
    let finishedAll = false;
    const finished = Promise.all(files.map((file) => ingestor.ingestFile(file, null))).finally(() => { finishedAll = true; });
    const chaos = during ? during(workers, () => finishedAll) : Promise.resolve();
    if (process.env.KHABAR_TEST_DEBUG) {
      void (async () => {
        while (!finishedAll) {
          await sleep(3_000);
          const line: string[] = [];
          for (const queueName of allQueues()) {
            const queue = openQueue(queueName, connection, settings);
            const c = await queue.getJobCounts('active', 'waiting', 'delayed', 'failed', 'completed');
            line.push(`${queueName} a${c.active} w${c.waiting} d${c.delayed} f${c.failed} c${c.completed}`);
            await queue.close();
          }
          const written = existsSync(join(out, 'articles')) ? readdirSync(join(out, 'articles')).length : 0;
          console.error(`[${name}] written ${written} pending ${ingestor.pending} | ${line.join(' | ')}`);
        }
      })();
    }
    const summaries = await finished;
    await chaos;
    await drainQueues(connection, settings);
    const articles = join(out, 'articles');
    const records = readdirSync(articles).filter(isOutputFile).map((file) => EnrichedRecordSchema.parse(JSON.parse(readFileSync(join(articles, file), 'utf8'))));
    const failures = existsSync(join(out, 'failed')) ? readdirSync(join(out, 'failed')).filter(isOutputFile) : [];
    const counts: Record<string, Record<string, number>> = {};
    const reasons: string[] = [];
    let stalledRequeued = 0;
    for (const queueName of allQueues()) {
      const queue = openQueue(queueName, connection, settings);
      counts[queueName] = await queue.getJobCounts('active', 'waiting', 'delayed', 'failed', 'waiting-children');
      for (const job of await queue.getFailed(0, -1)) {
        // By design (worker-common.ts, STALL_REQUEUES) such a job is queued again and stays listed as
        // failed; whether its article still ended as one record is what the assertions below check.
        if (job.failedReason.includes('stalled more than allowable limit') && queuedAgain(job.data as JobDataSeen)) {
          stalledRequeued += 1;
          counts[queueName]!.failed! -= 1;
        } else reasons.push(`${queueName}: ${job.failedReason}`);
      }
      await queue.close();
    }
    return { records, failures, counts, reasons, stalledRequeued, ok: summaries.reduce((sum, s) => sum + s.ok, 0), cluster: workers };
  } finally {
    await ingestor.close();
    await workers.stopAll();
    connection.disconnect();
  }
}

interface JobDataSeen {
  kind?: string;
  requeued?: number;
  retry?: number;
}

/** Whether khabar queued a job that failed as stalled again (a story flush, or an article's step with requeues left). */
function queuedAgain(data: JobDataSeen): boolean {
  if (data.kind === 'story') return (data.retry ?? 0) < STORY_FLUSH_RETRIES;
  return (data.requeued ?? 0) < STALL_REQUEUES;
}

function expectCleanEnd(outcome: RunOutcome): void {
  expect(outcome.records.length, outcome.reasons.join('\n')).toBe(COUNT);
  expect(outcome.ok).toBe(COUNT);
  expect(new Set(outcome.records.map((record) => record.id)).size).toBe(COUNT);
  for (const record of outcome.records) expect(Object.keys(record.pipeline.stages).sort()).toEqual([...CHAIN].sort());
  expect(outcome.failures, outcome.reasons.join('\n')).toEqual([]);
  for (const [queue, counts] of Object.entries(outcome.counts)) {
    expect(counts, `${queue}\n${outcome.reasons.join('\n')}`).toMatchObject({ active: 0, waiting: 0, delayed: 0, failed: 0, 'waiting-children': 0 });
  }
  // Rare: the same job caught in six kills in a row (0 in most runs, 1 in the CI run of c0ae5c5).
  expect(outcome.stalledRequeued).toBeLessThan(COUNT / 100);
}

describe('many worker processes', () => {
  let cluster: WorkerCluster | null = null;
  afterEach(async () => {
    await cluster?.stopAll();
    cluster = null;
  });

  // One run proves both: the work spreads over separate processes per stage, and a kill -9 every
  // second (with an immediate replacement) loses nothing and doubles nothing.
  it(`${COUNT} articles over two processes per stage and one running every stage, a worker killed (-9) every second: one record each`, async () => {
    const next = random(20261121);
    const outcome = await runCorpus(
      'chaos',
      async (env, out) => {
        cluster = new WorkerCluster(env, out);
        // One `khabar worker all` (what `khabar run` starts): it takes articles from the same first
        // queue and runs each through in one job, beside the stage-by-stage processes, and is killed
        // like them. Started first, as it loads every stage's model before it takes a job: the
        // tokenise workers beside it would otherwise empty the first queue before it is up.
        // Its log at info (the cluster's is at warn): "worker started" is the line waited for; at warn
        // it never came and the wait ran out its whole 60 s before every run.
        const all = cluster.start(ALL_STAGES, { KHABAR_LOG_LEVEL: 'info' });
        for (const deadline = Date.now() + 60_000; !all.output().includes('worker started') && Date.now() < deadline; ) await sleep(100);
        expect(all.output(), 'the worker all process did not start within 60 s').toContain('worker started');
        cluster.startAll(2);
        return cluster;
      },
      async (workers, done) => {
        while (!done()) {
          await sleep(1_000);
          if (!done()) await workers.killAndReplace(next());
        }
      },
    );
    expect(outcome.cluster.kills).toBeGreaterThan(3);
    expectCleanEnd(outcome);
    for (const stage of CHAIN) {
      const byWorker = new Map<string, number>();
      for (const record of outcome.records) {
        const worker = record.pipeline.stages[stage]?.worker ?? '?';
        byWorker.set(worker, (byWorker.get(worker) ?? 0) + 1);
      }
      expect(byWorker.size, `${stage} ran in ${[...byWorker.keys()].join(', ')}`).toBeGreaterThanOrEqual(2);
    }
    // Both ways through happened: articles run through by a `worker all` process (every stage in one
    // of its pids), and articles handed from process to process.
    const allPids = new Set(outcome.cluster.pids(ALL_STAGES).map(String));
    const ranIn = (record: RunOutcome['records'][number]) => new Set(CHAIN.map((stage) => record.pipeline.stages[stage]?.worker.split(':').pop() ?? '?'));
    const throughOne = outcome.records.filter((record) => { const pids = ranIn(record); return pids.size === 1 && allPids.has([...pids][0]!); });
    expect(throughOne.length).toBeGreaterThan(0);
    expect(outcome.records.filter((record) => ranIn(record).size > 1).length).toBeGreaterThan(0);
  }, 900_000);
});
