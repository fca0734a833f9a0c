import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker, type Job } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { WRITE_QUEUE, articleJobId, failureJobId, openQueue, requeuedJobId } from '../../src/pipeline/queues.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { CHAIN, nextQueue } from '../../src/pipeline/stage-chain.js';
import { startStageWorker, type RunningStageWorker } from '../../src/pipeline/stage-worker.js';
import { STALL_REQUEUES } from '../../src/pipeline/worker-common.js';
import { StageJobDataSchema, WriteJobDataSchema, type StageJobData } from '../../src/pipeline/job-data.js';
import { projectPath } from '../../src/paths.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * BullMQ fails a job that stalled more often than `maxStalledCount` (its worker died under it each
 * time). Every stage step is idempotent, so khabar queues such a job again, up to STALL_REQUEUES
 * times, before writing a failure record. Here a "zombie" worker takes jobs and never renews their
 * locks (as a worker killed mid-job), with maxStalledCount 0 so one stall is the limit.
 */
describe('a job that failed only as stalled', () => {
  const settings = testSettings('stall-requeue', { maxStalled: 0, lockMs: 500, stalledIntervalMs: 250 });
  const connection = createRedis(testRedisUrl());
  const zombieConnection = createRedis(testRedisUrl());
  const workerConnections = [createRedis(testRedisUrl()), createRedis(testRedisUrl())];
  const held: StageJobData[] = [];
  let zombie: Worker | null = null;
  let stage: RunningStageWorker | null = null;
  let ingestor: Ingestor | null = null;

  afterAll(async () => {
    await stage?.close(2_000);
    await zombie?.close(true);
    await ingestor?.close();
    for (const redis of [connection, zombieConnection, ...workerConnections]) redis.disconnect();
  });

  it(`is queued again and then processed, and becomes a failure record after ${STALL_REQUEUES} requeues`, async () => {
    const first = CHAIN[0]!;
    // Never resolves: the job stays active, its lock lapses (no renewal), as when the worker is killed.
    zombie = new Worker(
      first,
      async (job: Job) => {
        held.push(StageJobDataSchema.parse(job.data));
        await new Promise<never>(() => {});
      },
      { connection: zombieConnection, prefix: settings.prefix, concurrency: 2, lockDuration: settings.lockMs, skipLockRenewal: true, skipStalledCheck: true },
    );
    const inbox = tempDir('stall-in');
    const file = join(inbox, '000.txt');
    copyFileSync(projectPath('seeds', '000_4b730099a6eb1bd4.txt'), file);
    ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 10_000, pollMs: 200 });
    void ingestor.ingestFile(file, null);
    const original = await until('the zombie to take the job', async () => held[0]);
    const id = original.record.id;
    // The same article, already queued again STALL_REQUEUES times: its next stall is final.
    const queue = openQueue(first, connection, settings);
    await queue.add('article', { ...original, requeued: STALL_REQUEUES }, { jobId: requeuedJobId(id, STALL_REQUEUES) });
    await until('the zombie to take the second job', async () => held.length === 2);

    // A healthy worker finds both stalled (the limit is 0), fails them, and khabar takes over.
    stage = await startStageWorker({ stage: first, connection: workerConnections[0]!, stateRedis: workerConnections[1]!, settings, logger: quietLogger });
    const next = openQueue(nextQueue(first), connection, settings);
    const write = openQueue(WRITE_QUEUE, connection, settings);

    // The first one: queued again as requeue 1, processed, handed to the next stage under the article's id.
    const requeued = await until('the requeued job to complete', async () => {
      const job = await queue.getJob(requeuedJobId(id, 1));
      return job && (await job.isCompleted()) ? job : null;
    });
    expect(StageJobDataSchema.parse(requeued.data).requeued).toBe(1);
    expect(await (await queue.getJob(articleJobId(id)))?.isFailed()).toBe(true);
    const handedOn = await until('the next stage job', async () => next.getJob(articleJobId(id)));
    expect(StageJobDataSchema.parse(handedOn.data).record.id).toBe(id);

    // The one at the limit: no requeue beyond STALL_REQUEUES, a failure record instead (never a silent drop).
    const failure = await until('the failure record job', async () => write.getJob(failureJobId(id)));
    const data = WriteJobDataSchema.parse(failure.data);
    expect(data.kind).toBe('failure');
    if (data.kind !== 'failure') return;
    expect(data.failure.stage).toBe(first);
    expect(data.failure.error.message).toContain('stalled more than allowable limit');
    expect(await queue.getJob(requeuedJobId(id, STALL_REQUEUES + 1))).toBeUndefined();

    await Promise.all([queue.close(), next.close(), write.close()]);
  });
});
