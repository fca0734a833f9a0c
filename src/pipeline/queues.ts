import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { QueueSettings } from '../config.js';
import type { StageName } from '../schema/record.js';

/** The last queue of every chain: writes records and failure records to the output folder. */
export const WRITE_QUEUE = 'write' as const;
export type QueueName = StageName | typeof WRITE_QUEUE;

/** `khabar worker all`: every stage's worker and the writer in one process (what `khabar run` starts, one a core). */
export const ALL_STAGES = 'all' as const;

/** Job options every stage job gets: retries with exponential backoff, bounded history. */
export function defaultJobOptions(settings: QueueSettings): JobsOptions {
  return {
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    removeOnComplete: settings.keepCompleted,
    removeOnFail: { count: settings.keepFailed },
  };
}

/** Opens (without creating anything in Redis) the queue object for a stage. */
export function openQueue(name: QueueName, connection: ConnectionOptions, settings: QueueSettings): Queue {
  return new Queue(name, { connection, prefix: settings.prefix, defaultJobOptions: defaultJobOptions(settings) });
}

/**
 * Jobs still to be done in a queue: waiting, active, delayed or prioritized (not completed or failed).
 * The one definition of "pending" for backpressure, `run --once`'s final drain and the tests.
 */
export async function pendingJobs(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

/**
 * Job ids: BullMQ rejects ids with ':' and ids that parse as integers (a hex id can be all digits),
 * so every id gets a kind in front. The same article keeps the same job id in every queue.
 */
export function articleJobId(articleId: string): string {
  return `article-${articleId}`;
}

/** The job queued again for an article after its job failed as stalled (`n`: how many times so far). */
export function requeuedJobId(articleId: string, n: number): string {
  return `article-${articleId}-requeue${n}`;
}

export function failureJobId(articleId: string): string {
  return `failed-${articleId}`;
}
