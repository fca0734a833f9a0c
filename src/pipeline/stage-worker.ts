import { performance } from 'node:perf_hooks';
import { UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueSettings } from '../config.js';
import type { Logger } from '../logger.js';
import type { StageName } from '../schema/record.js';
import { StageJobDataSchema, failureJobData, type StageJobData } from './job-data.js';
import { articleTextFor } from './article-text.js';
import { forHandOff, onArrival } from './hand-off.js';
import { describeZodError } from '../schema/zod-errors.js';
import { WRITE_QUEUE, articleJobId, failureJobId, openQueue } from './queues.js';
import { nextQueue, stageDefinition } from './stage-chain.js';
import { ArticleLimitError } from './stage-definition.js';
import { stampStage } from './stage-stamp.js';
import { baseWorkerOptions, closeWithin, requeueIfStalled } from './worker-common.js';
import { guardWorkerErrors } from './worker-errors.js';

export interface StageWorkerOptions {
  stage: StageName;
  /** A dedicated connection for the worker (BullMQ blocks on it). */
  connection: Redis;
  /** A connection for the stage's own shared state (registries, indexes). */
  stateRedis: Redis;
  settings: QueueSettings;
  logger: Logger;
  concurrency?: number;
}

export interface RunningStageWorker {
  worker: Worker;
  close(timeoutMs?: number): Promise<void>;
}

/** What a stage job returns: small, so completed jobs cost Redis little. */
export interface StageJobResult {
  articleId: string;
  ms: number;
  next: string;
}

/**
 * Runs one stage: validates the job, adds the stage's layer, and hands the record (compact: see
 * ./hand-off.ts) to the next queue under the article's id. The id makes the hand-off idempotent: a worker killed after the hand-off
 * but before completing its job is retried, and the retry's add is a no-op while the next job exists.
 */
export async function startStageWorker(options: StageWorkerOptions): Promise<RunningStageWorker> {
  const { stage, settings, logger } = options;
  const definition = stageDefinition(stage);
  const process_ = await definition.init({ redis: options.stateRedis, prefix: settings.prefix, logger, maxTokens: settings.articleLimits.maxTokens });
  const connection = options.connection;
  const nextName = nextQueue(stage);
  const next = openQueue(nextName, connection, settings);
  const writeQueue: Queue = nextName === WRITE_QUEUE ? next : openQueue(WRITE_QUEUE, connection, settings);
  const self = openQueue(stage, connection, settings);
  const concurrency = options.concurrency ?? definition.concurrency;

  const processor = async (job: Job): Promise<StageJobResult> => {
    const parsed = StageJobDataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid job data: ${describeZodError(parsed.error, { max: 5 })}`);
    const travelling = parsed.data.record;
    const text = await articleTextFor(options.stateRedis, settings.prefix, travelling);
    if (text === null) {
      // Written already: this is a retry of a job whose hand-off went through before its worker died.
      logger.info({ articleId: travelling.id, stage }, 'article written already: nothing left for this retry');
      return { articleId: travelling.id, ms: 0, next: nextName };
    }
    const record = onArrival(travelling, text);
    const started = performance.now();
    const enriched = await process_(record).catch((error: unknown) => {
      throw error instanceof ArticleLimitError ? new UnrecoverableError(error.message) : error;
    });
    const ms = performance.now() - started;
    const out = stampStage(enriched, stage, ms, job.attemptsMade + 1);
    await next.add(stage, { kind: 'record', record: forHandOff(out) } satisfies StageJobData, { jobId: articleJobId(record.id) });
    logger.debug({ articleId: record.id, stage, ms }, 'stage done');
    return { articleId: record.id, ms, next: nextName };
  };

  const worker = new Worker(stage, processor, baseWorkerOptions(connection, settings, concurrency));

  const errors = guardWorkerErrors(worker, logger, stage);
  worker.on('failed', (job, error) => {
    if (!job) return;
    void reportIfFinal(job, error).catch((reportError: unknown) =>
      logger.error({ stage, articleId: job.id, err: reportError }, 'could not queue the failure record'),
    );
  });

  /** A job that will not be retried any more becomes a failure record (never a silent drop). */
  async function reportIfFinal(job: Job, error: Error): Promise<void> {
    const final = await job.isFailed();
    const parsed = StageJobDataSchema.safeParse(job.data);
    // Invalid job data still names its article when it can: the failure record keeps that id.
    const articleId = parsed.success ? parsed.data.record.id : (job.id ?? 'unknown').replace(/^article-/, '');
    logger.warn({ stage, articleId, attempt: job.attemptsMade, final, err: error.message }, final ? 'job failed for good' : 'job failed, will retry');
    if (!final) return;
    if (parsed.success && (await requeueIfStalled(self, stage, parsed.data, error, logger, stage))) return;
    const data = failureJobData(articleId, stage, error, job.attemptsMade, parsed.success ? parsed.data.record : null);
    await writeQueue.add('failure', data, { jobId: failureJobId(articleId) });
  }

  return {
    worker,
    async close(timeoutMs = settings.shutdownTimeoutMs) {
      errors.stop();
      if (await closeWithin(worker, timeoutMs)) {
        logger.warn({ stage, timeoutMs }, 'active jobs did not finish in time: released them');
      }
      await next.close();
      if (writeQueue !== next) await writeQueue.close();
      await self.close();
    },
  };
}
