import { performance } from 'node:perf_hooks';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueSettings } from '../config.js';
import type { Logger } from '../logger.js';
import type { RecordInProgress, StageName } from '../schema/record.js';
import { describeZodError } from '../schema/zod-errors.js';
import { IncompleteRecordError } from './finalise.js';
import { StageJobDataSchema, failureJobData } from './job-data.js';
import { articleTextFor } from './article-text.js';
import { onArrival } from './hand-off.js';
import { WRITE_QUEUE, failureJobId, openQueue } from './queues.js';
import { CHAIN, firstQueue, stageDefinition } from './stage-chain.js';
import { ArticleLimitError, type StageProcessor } from './stage-definition.js';
import { stampStage } from './stage-stamp.js';
import { baseWorkerOptions, closeWithin, requeueIfStalled } from './worker-common.js';
import { guardWorkerErrors } from './worker-errors.js';
import type { RunningWriteWorker } from './write-worker.js';

/**
 * Articles at once in a through worker: while one waits on Redis (the entity registry, the dedup
 * step, the writer's files) the other computes; the NLP itself is CPU-bound, so more only stretch
 * each article and hold more memory.
 */
export const THROUGH_CONCURRENCY = 2;

export interface ThroughWorkerOptions {
  /** A dedicated connection for the worker (BullMQ blocks on it). */
  connection: Redis;
  /** A connection for the stages' shared state (entity registry, dedup index). */
  stateRedis: Redis;
  settings: QueueSettings;
  logger: Logger;
  /** The writer running in this process: the last step writes through it. */
  writer: Pick<RunningWriteWorker, 'writeFinished' | 'removeRecord'>;
  concurrency?: number;
}

export interface RunningThroughWorker {
  worker: Worker;
  close(timeoutMs?: number): Promise<void>;
}

/** What a through job returns: the NLP's time (as a stage job's `ms`) and each stage's share. */
export interface ThroughJobResult {
  articleId: string;
  ms: number;
  next: 'written';
  stages: Partial<Record<StageName | 'write', number>>;
}

/** The step an error came from, for the failure record (a step is a stage of the chain, or the write). */
type Step = StageName | 'write';

/**
 * Runs the whole chain for an article in one job, then writes its record (issue 21): `khabar run`'s
 * layout, where one process runs every stage anyway. Handing an article from stage to stage through
 * Redis inside one process cost five queue round trips, five parses of its job data and the text
 * layer rebuilt at every hop, which put the pipeline at 1.55 × `analyse()` before any work (see
 * docs/PERFORMANCE.md). The worker takes jobs from the first stage's queue, so it shares that queue
 * with `khabar worker tokenise` processes elsewhere: an article goes through here, or stage by stage
 * there, and both end in the same record.
 *
 * A crash mid-article loses nothing: the job is retried (as a stalled job) from the start, and every
 * step is idempotent, as a retried stage job's already is (the registry and the dedup index resolve an
 * article id once; the writer rewrites the same bytes). The cost of a retry is the article's NLP again.
 */
export async function startThroughWorker(options: ThroughWorkerOptions): Promise<RunningThroughWorker> {
  const { settings, logger, connection } = options;
  const resources = { redis: options.stateRedis, prefix: settings.prefix, logger, maxTokens: settings.articleLimits.maxTokens };
  const processors: [StageName, StageProcessor][] = [];
  for (const stage of CHAIN) processors.push([stage, await stageDefinition(stage).init(resources)]);
  const queueName = firstQueue();
  const self = openQueue(queueName, connection, settings);
  const writeQueue = openQueue(WRITE_QUEUE, connection, settings);
  /** Which step threw an error, for the failure record of a job that fails for good. */
  const failedStep = new WeakMap<Error, Step>();

  const fail = (step: Step, error: unknown): never => {
    const unrecoverable = error instanceof ArticleLimitError || error instanceof IncompleteRecordError;
    const thrown = unrecoverable ? new UnrecoverableError((error as Error).message) : error instanceof Error ? error : new Error(String(error));
    failedStep.set(thrown, step);
    throw thrown;
  };

  const processor = async (job: Job): Promise<ThroughJobResult> => {
    const parsed = StageJobDataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid job data: ${describeZodError(parsed.error, { max: 5 })}`);
    const travelling = parsed.data.record;
    // The ingest's job carries the text; one queued again by a stage worker elsewhere may not.
    const text = travelling.text ?? (await articleTextFor(options.stateRedis, settings.prefix, travelling));
    if (text === null) {
      logger.info({ articleId: travelling.id, stage: queueName }, 'article written already: nothing left for this retry');
      return { articleId: travelling.id, ms: 0, next: 'written', stages: {} };
    }
    let record: RecordInProgress = onArrival(travelling, text);
    const stages: ThroughJobResult['stages'] = {};
    let nlpMs = 0;
    for (const [stage, run] of processors) {
      if (record.pipeline.stages[stage]) continue; // done by a stage worker before this job was queued again
      const started = performance.now();
      const enriched = await run(record).catch((error: unknown) => fail(stage, error));
      const ms = performance.now() - started;
      nlpMs += ms;
      stages[stage] = Math.round(ms * 1000) / 1000;
      record = stampStage(enriched, stage, ms, job.attemptsMade + 1);
    }
    const started = performance.now();
    const written = await options.writer.writeFinished(record).catch((error: unknown) => fail('write', error));
    stages.write = Math.round((performance.now() - started) * 1000) / 1000;
    logger.info({ articleId: written.id, stage: 'write', title: written.title?.slice(0, 80) ?? null }, 'record written');
    return { articleId: written.id, ms: Math.round(nlpMs * 1000) / 1000, next: 'written', stages };
  };

  const worker = new Worker(queueName, processor, baseWorkerOptions(connection, settings, options.concurrency ?? THROUGH_CONCURRENCY));
  const errors = guardWorkerErrors(worker, logger, queueName);
  worker.on('failed', (job, error) => {
    if (!job) return;
    void reportIfFinal(job, error).catch((reportError: unknown) =>
      logger.error({ stage: queueName, articleId: job.id, err: reportError }, 'could not queue the failure record'),
    );
  });

  /** A job that will not be retried any more becomes a failure record (never a silent drop). */
  async function reportIfFinal(job: Job, error: Error): Promise<void> {
    const final = await job.isFailed();
    const parsed = StageJobDataSchema.safeParse(job.data);
    const articleId = parsed.success ? parsed.data.record.id : (job.id ?? 'unknown').replace(/^article-/, '');
    // A job whose workers died under it has no step on record: it failed where it entered.
    const step = failedStep.get(error) ?? queueName;
    logger.warn({ stage: step, articleId, attempt: job.attemptsMade, final, err: error.message }, final ? 'job failed for good' : 'job failed, will retry');
    if (!final) return;
    if (parsed.success && (await requeueIfStalled(self, queueName, parsed.data, error, logger, step))) return;
    // A record file written before a later write step failed goes: the run reports the article failed.
    if (step === 'write') await options.writer.removeRecord(articleId);
    const data = failureJobData(articleId, step, error, job.attemptsMade, parsed.success ? parsed.data.record : null);
    await writeQueue.add('failure', data, { jobId: failureJobId(articleId) });
  }

  return {
    worker,
    async close(timeoutMs = settings.shutdownTimeoutMs) {
      errors.stop();
      if (await closeWithin(worker, timeoutMs)) logger.warn({ stage: queueName, timeoutMs }, 'active jobs did not finish in time: released them');
      await writeQueue.close();
      await self.close();
    },
  };
}
