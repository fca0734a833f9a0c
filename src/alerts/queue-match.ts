import type { Queue } from 'bullmq';
import type { EnrichedRecord } from '../schema/record.js';
import { alertViewOf } from './match.js';

/** Match jobs: one per written record (the writer queues it), matched against every watch. */
export const ALERTS_QUEUE = 'alerts';

/**
 * Queues a written record for matching against the watches. The writer calls it before it leaves the
 * record's "written" marker, so a writer killed in between writes and queues again; the job id makes
 * that a no-op while the job is kept, and the alert store raises an alert once per article and watch
 * in any case. The job carries a small view of the record (src/alerts/match.ts), not the record.
 */
export async function queueAlertMatch(queue: Queue, record: EnrichedRecord): Promise<void> {
  const view = alertViewOf(record);
  await queue.add('match', view, { jobId: `match-${view.articleId}`, attempts: 5, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: { count: 1000 } });
}
