import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { QueueSettings } from '../../src/config.js';
import { openQueue, pendingJobs } from '../../src/pipeline/queues.js';
import { allQueues } from '../../src/pipeline/stage-chain.js';

/**
 * Waits (bounded) until no queue holds waiting, delayed or active jobs: after the last record, the
 * writer may still have a story-file flush pending (delayed by design), which is work, not a leak.
 */
export async function drainQueues(connection: Redis, settings: QueueSettings, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const queues = allQueues().map((name) => openQueue(name, connection, settings));
  try {
    while (Date.now() < deadline) {
      let pending = 0;
      for (const queue of queues) pending += await pendingJobs(queue);
      if (pending === 0) return;
      await sleep(250);
    }
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}
