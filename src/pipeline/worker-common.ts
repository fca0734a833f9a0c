import { MetricsTime, type Queue, type Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueSettings } from '../config.js';
import { workerIdentity } from './worker-identity.js';
import type { Logger } from '../logger.js';
import type { StageJobData } from './job-data.js';
import { requeuedJobId } from './queues.js';

/**
 * Options every khabar worker shares. Short locks and a short stalled check make a crashed worker's
 * job come back within about lockMs + stalledIntervalMs; `maxStalled` crashes on one job fail it for good.
 * The name lets `queue.getWorkers()` (dashboard) show host, pid, concurrency and start time.
 */
export function baseWorkerOptions(connection: Redis, settings: QueueSettings, concurrency: number): WorkerOptions {
  return {
    connection,
    prefix: settings.prefix,
    concurrency,
    lockDuration: settings.lockMs,
    stalledInterval: settings.stalledIntervalMs,
    maxStalledCount: settings.maxStalled,
    name: `${workerIdentity()}:c${concurrency}:${Date.now()}`,
    metrics: { maxDataPoints: MetricsTime.ONE_HOUR * 24 },
  };
}

/**
 * Stops taking jobs and waits for the active ones; past the timeout, gives them back (force close:
 * their locks lapse and another worker takes them over as stalled jobs). Returns whether it timed out.
 */
export async function closeWithin(worker: Worker, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([worker.close().then(() => 'closed' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') await worker.close(true);
  return outcome === 'timeout';
}

/**
 * A job that failed only because its workers died under it again and again (BullMQ's stalled limit)
 * is queued again, up to this many times, before it becomes a failure record: every step is
 * idempotent, and a kill a second (the soak) can catch a job in 6 kills in a row although nothing is
 * wrong with it. A job that makes its worker crash every time still ends as a failure record.
 */
export const STALL_REQUEUES = 3;

export function failedAsStalled(error: Error): boolean {
  return error.message.includes('stalled more than allowable limit');
}

/**
 * Queues an article's job again when it failed only as stalled and has requeues left (`requeuedJobId`
 * keeps the id deterministic); returns false when the caller should write the failure record.
 */
export async function requeueIfStalled(queue: Queue, name: string, data: StageJobData, error: Error, logger: Logger, stage: string): Promise<boolean> {
  const requeued = (data.requeued ?? 0) + 1;
  if (!failedAsStalled(error) || requeued > STALL_REQUEUES) return false;
  logger.warn({ stage, articleId: data.record.id, requeued }, 'job failed as stalled (its workers were killed under it): queued again');
  await queue.add(name, { ...data, requeued }, { jobId: requeuedJobId(data.record.id, requeued) });
  return true;
}

