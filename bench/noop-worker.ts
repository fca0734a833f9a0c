/**
 * A no-op stage worker: the same queue names, job options and jobId hand-off as
 * src/pipeline/stage-worker.ts, but the processor does no work. A chain of these measures what
 * BullMQ and Redis alone can carry on this machine (the queue's limit, which khabar cannot beat).
 *
 *   node dist/bench/noop-worker.js <queue>     env: REDIS_URL, KHABAR_PREFIX, BENCH_CONCURRENCY
 *
 * The last queue (`write`) counts finished articles in `<prefix>:bench:done` instead of writing files.
 */
import { Worker, type Job } from 'bullmq';
import { loadEnv, queueSettings } from '../src/config.js';
import { createRedis } from '../src/pipeline/redis.js';
import { WRITE_QUEUE, openQueue, type QueueName } from '../src/pipeline/queues.js';
import { CHAIN, allQueues, nextQueue } from '../src/pipeline/stage-chain.js';
import { baseWorkerOptions } from '../src/pipeline/worker-common.js';
import { doneCounterKey } from './lib/noop-keys.js';

async function main(queueArg: string | undefined): Promise<void> {
  const env = loadEnv();
  if (!env.REDIS_URL) throw new Error('REDIS_URL is required');
  const queue = allQueues().find((name) => name === queueArg);
  if (!queue) throw new Error(`unknown queue "${queueArg ?? ''}": this build has ${allQueues().join(', ')}`);
  const settings = queueSettings(env);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? '1');
  const connection = createRedis(env.REDIS_URL);
  const counter = createRedis(env.REDIS_URL);
  let processor: (job: Job) => Promise<void>;
  if (queue === WRITE_QUEUE) {
    processor = async () => {
      await counter.incr(doneCounterKey(settings.prefix));
    };
  } else {
    const stage = CHAIN.find((name) => name === queue);
    if (!stage) throw new Error(`"${queue}" is not a stage`);
    const nextName: QueueName = nextQueue(stage);
    const next = openQueue(nextName, connection, settings);
    processor = async (job) => {
      // The same hand-off as the real stage worker: the article id as the next job's id.
      await next.add(stage, job.data, { jobId: job.id });
    };
  }
  const worker = new Worker(queue, processor, baseWorkerOptions(connection, settings, concurrency));
  worker.on('error', () => {});
  const stop = async (): Promise<void> => {
    await worker.close();
    connection.disconnect();
    counter.disconnect();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`noop-worker: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
