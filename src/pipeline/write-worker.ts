import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { QueueSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { failurePath, recordPath, removeStaleTempFiles, writeJsonAtomic } from '../store/output.js';
import { mergeInputsIntoRecord, recordInputOf, writeRecordWithInputs } from '../store/record-inputs.js';
import { toEnrichedRecord, IncompleteRecordError } from './finalise.js';
import { WriteJobDataSchema, failureJobData, type TravellingRecord, type WriteJobData } from './job-data.js';
import { articleTextFor, dropArticleText } from './article-text.js';
import { onArrival } from './hand-off.js';
import type { EnrichedRecord, RecordInProgress } from '../schema/record.js';
import { describeZodError } from '../schema/zod-errors.js';
import { setMarker } from './markers.js';
import { ALERTS_QUEUE, queueAlertMatch } from '../alerts/queue-match.js';
import { WRITE_QUEUE, failureJobId, openQueue } from './queues.js';
import { StoryFiles } from './story-files/index.js';
import { CHAIN } from './stage-chain.js';
import { baseWorkerOptions, closeWithin, requeueIfStalled } from './worker-common.js';
import { guardWorkerErrors } from './worker-errors.js';
import { openRecordStore, type RecordStore } from '../store/record-store.js';
import { AlertStore } from '../store/alert-store.js';
import { loadEnv } from '../config.js';

/** How long a story's file may trail its index when it was not due for a rewrite at once. */
export const STORY_FLUSH_DELAY_MS = 2_000;
/**
 * A flush rebuilds the whole story (O(members)), so a story that keeps growing is flushed at most
 * once in 2 ms a member: the CPU its flushes take stays a fixed share (~10 % of a core on an idle
 * machine) however big it grows, instead of a 3,000-article story's 0.7 s rebuild every 2 s.
 */
export function storyFlushDelayMs(members: number): number {
  return Math.max(STORY_FLUSH_DELAY_MS, 2 * members);
}
/** A story flush that failed (its worker killed again and again) is queued again up to this many times. */
export const STORY_FLUSH_RETRIES = 20;

/** What a write job is about, for its log lines. */
function writeSubject(data: WriteJobData): { articleId?: string; storyId?: string; kind: WriteJobData['kind'] } {
  if (data.kind === 'story') return { storyId: data.storyId, kind: data.kind };
  if (data.kind === 'inputs') return { articleId: data.articleId, kind: data.kind };
  return { articleId: data.kind === 'failure' ? data.failure.id : data.record.id, kind: data.kind };
}

/** Where a finished record goes (the writer's connection, output folder and story files). */
interface RecordOutlet {
  connection: Redis;
  settings: QueueSettings;
  outDir: string;
  stories: StoryFiles;
  queueStoryFlush: (storyId: string, members: number) => Promise<unknown>;
  /** The record store beside the files (PostgreSQL when KHABAR_DATABASE_URL is set). */
  records: RecordStore;
  /** Where each written record is queued to be matched against the watches. */
  alerts: Queue;
  /** The watches, asked per record whether there are any. */
  watches: AlertStore;
}

/**
 * The one record, merged from every stage's layers, goes out: its file (with the inputs behind it),
 * its quotes, its story's update, its rows in the record store, its alert match, then the "written"
 * marker, and last the text's one copy in Redis.
 */
async function writeRecord(out: RecordOutlet, record: EnrichedRecord, travelling: TravellingRecord): Promise<void> {
  const { connection, settings, outDir, stories } = out;
  await stories.writeQuotes(record);
  await writeRecordWithInputs(connection, settings.prefix, outDir, record, recordInputOf(travelling));
  if (record.dedup) {
    // The story as the index holds it now (later articles may have grown or merged it since the
    // dedup step); a big story is not rebuilt for every article that joins it.
    const due = await stories.afterRecord(record.dedup.storyId, travelling.mergedStories ?? []);
    // Not rewritten now: a flush a moment later catches this change and every one after it (one
    // pending flush per story, BullMQ deduplication), so the file never stays behind the index.
    if (due) await out.queueStoryFlush(due.storyId, due.size);
  }
  // A success after an earlier failure (a re-drop, a retry) supersedes the failure file.
  await rm(failurePath(outDir, record.id), { force: true });
  await out.records.save(record, travelling.mergedStories ?? []);
  // With no watch registered there is nothing to match: no job (its view is ~30 bytes a token). Asked
  // per record, not cached, so a record written after a watch is added is always matched.
  if (await out.watches.hasWatches()) await queueAlertMatch(out.alerts, record);
  await setMarker(connection, settings.prefix, record.id, { status: 'ok', at: new Date().toISOString(), reason: null });
  await dropArticleText(connection, settings.prefix, record.id);
}

/** A writer killed between writing a temp file and renaming it leaves the temp file behind. */
async function removeTempFilesLeft(outDir: string, logger: Logger): Promise<void> {
  for (const folder of ['articles', 'failed', 'stories', '.quotes']) {
    const removed = await removeStaleTempFiles(join(outDir, folder));
    if (removed > 0) logger.info({ stage: 'write', folder, removed }, 'removed temp files left by a killed writer');
  }
}

export interface WriteWorkerOptions {
  connection: Redis;
  settings: QueueSettings;
  logger: Logger;
  outDir: string;
  concurrency?: number;
  /** Defaults to the one KHABAR_DATABASE_URL names (PostgreSQL), else the folder alone. */
  records?: RecordStore;
}

export interface RunningWriteWorker {
  worker: Worker;
  /**
   * Writes a finished record in this process, as a record job would (a through worker's last step,
   * ./through-worker.ts): merged once, then every output of `writeRecord`. Throws what the write
   * throws; `IncompleteRecordError` means the chain is misconfigured, which no retry fixes.
   */
  writeFinished(record: RecordInProgress): Promise<EnrichedRecord>;
  /** Removes an article's record file: a write that failed for good leaves no record the run reports failed. */
  removeRecord(articleId: string): Promise<void>;
  close(timeoutMs?: number): Promise<void>;
}

/**
 * The last step of every chain: writes `output/articles/<id>.json` (or `output/failed/<id>.json`)
 * and the article's story file `output/stories/<storyId>.json` atomically, then leaves the "written" marker that lets the ingest move the input file. Writing the
 * same record twice (a retry) rewrites the same bytes, so the output never holds a duplicate.
 */
export async function startWriteWorker(options: WriteWorkerOptions): Promise<RunningWriteWorker> {
  const { settings, logger, outDir, connection } = options;
  const self = openQueue(WRITE_QUEUE, connection, settings);
  const alerts = new Queue(ALERTS_QUEUE, { connection, prefix: settings.prefix });
  const onFlushThreadOutOfMemory = (storyIds: readonly string[], reason: string) => logger.warn({ stage: 'write', storyIds, err: reason }, 'story flush thread over its heap cap: its flushes run again in a thread without it');
  const stories = new StoryFiles({ connection, prefix: settings.prefix, outDir, onFlushThreadOutOfMemory });
  const watches = new AlertStore(connection, settings.prefix);
  await removeTempFilesLeft(outDir, logger);
  const concurrency = options.concurrency ?? 4;
  const records = options.records ?? (await openRecordStore({ databaseUrl: loadEnv().KHABAR_DATABASE_URL, logger }));
  /** The story's delayed flush: one pending per story (BullMQ deduplication), so its file catches up with every change. */
  const queueStoryFlush = (storyId: string, members: number, retry?: number) =>
    self.add('story', { kind: 'story', storyId, ...(retry ? { retry } : {}) }, { delay: storyFlushDelayMs(members), deduplication: { id: `story-${storyId}`, keepLastIfActive: true }, removeOnComplete: true });

  const outlet: RecordOutlet = { connection, settings, outDir, stories, queueStoryFlush, records, alerts, watches };

  const processor = async (job: Job): Promise<{ articleId: string; status: 'ok' | 'failed' }> => {
    const parsed = WriteJobDataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid write job: ${describeZodError(parsed.error, { max: 5 })}`);
    const data = parsed.data;
    if (data.kind === 'story') {
      await stories.flush(data.storyId);
      return { articleId: data.storyId, status: 'ok' };
    }
    if (data.kind === 'inputs') {
      await mergeInputsIntoRecord(connection, settings.prefix, outDir, data.articleId);
      return { articleId: data.articleId, status: 'ok' };
    }
    if (data.kind === 'failure') {
      await writeJsonAtomic(failurePath(outDir, data.failure.id), data.failure);
      await setMarker(connection, settings.prefix, data.failure.id, {
        status: 'failed',
        at: data.failure.failedAt,
        reason: `${data.failure.stage}: ${data.failure.error.message}`,
      });
      await dropArticleText(connection, settings.prefix, data.failure.id);
      logger.warn({ articleId: data.failure.id, stage: data.failure.stage, reason: data.failure.error.message }, 'failure record written');
      return { articleId: data.failure.id, status: 'failed' };
    }
    const text = await articleTextFor(connection, settings.prefix, data.record);
    if (text === null) {
      // Its marker is down and its text dropped: a retry of a write that finished before its worker died.
      logger.info({ articleId: data.record.id, stage: 'write' }, 'record written already: nothing left for this retry');
      return { articleId: data.record.id, status: 'ok' };
    }
    let record: EnrichedRecord;
    try {
      record = toEnrichedRecord(onArrival(data.record, text), CHAIN);
    } catch (error) {
      if (error instanceof IncompleteRecordError) throw new UnrecoverableError(error.message);
      throw error;
    }
    await writeRecord(outlet, record, data.record);
    logger.info({ articleId: record.id, stage: 'write', title: record.title?.slice(0, 80) ?? null }, 'record written');
    return { articleId: record.id, status: 'ok' };
  };

  const worker = new Worker(WRITE_QUEUE, processor, baseWorkerOptions(connection, settings, concurrency));
  const errors = guardWorkerErrors(worker, logger, 'write');
  worker.on('failed', (job, error) => {
    if (!job) return;
    void (async () => {
      const final = await job.isFailed();
      const parsed = WriteJobDataSchema.safeParse(job.data);
      // Every failed write is logged with its cause (ENOSPC and the path, say): a full disk used to
      // fail job after job with nothing logged at all.
      const subject = parsed.success ? writeSubject(parsed.data) : { articleId: job.id };
      logger.error({ stage: 'write', ...subject, attempt: job.attemptsMade, final, code: (error as NodeJS.ErrnoException).code, err: error.message }, final ? 'write failed for good' : 'write failed, will retry');
      if (!final || !parsed.success) return; // with no article to name, there is no marker to leave
      const data = parsed.data;
      if (data.kind === 'story') {
        // The story's file must catch up with its index in the end: queue the flush again.
        const retry = (data.retry ?? 0) + 1;
        if (retry > STORY_FLUSH_RETRIES) {
          logger.error({ stage: 'write', storyId: data.storyId, retries: STORY_FLUSH_RETRIES, err: error.message }, 'story file flush failed for good: the file trails the index until the story changes again');
          return;
        }
        // Retried at the base delay: a flush that failed is owed now, whatever the story's size.
        await queueStoryFlush(data.storyId, 0, retry);
        return;
      }
      if (data.kind === 'inputs') {
        // The record stands; only the list of files behind it misses this copy until another copy's merge.
        logger.error({ stage: 'write', articleId: data.articleId, err: error.message }, 'could not add a copy\'s file to its record\'s inputs');
        return;
      }
      if (data.kind === 'failure') {
        // Its failure record cannot be written either (the output folder refuses files): the marker
        // still says the article is finished and why, so the run ends and reports it instead of waiting.
        const reason = `${data.failure.stage}: ${data.failure.error.message}; the failure record could not be written either: ${error.message}`;
        await setMarker(connection, settings.prefix, data.failure.id, { status: 'failed', at: new Date().toISOString(), reason });
        return;
      }
      if (await requeueIfStalled(self, 'record', data, error, logger, 'write')) return;
      // The article ends as a failure: a record file this job wrote before a later step failed (its
      // story file on a full disk, say) goes, so the output never holds a record the run reports failed.
      await rm(recordPath(outDir, data.record.id), { force: true });
      await self.add('failure', failureJobData(data.record.id, 'write', error, job.attemptsMade, data.record), { jobId: failureJobId(data.record.id) });
    })().catch((reportError: unknown) => logger.error({ stage: 'write', articleId: job.id, err: reportError, cause: error.message }, 'could not record a write failure'));
  });

  return {
    worker,
    async writeFinished(record) {
      const enriched = toEnrichedRecord(record, CHAIN);
      await writeRecord(outlet, enriched, record);
      return enriched;
    },
    removeRecord: (articleId) => rm(recordPath(outDir, articleId), { force: true }),
    async close(timeoutMs = settings.shutdownTimeoutMs) {
      errors.stop();
      if (await closeWithin(worker, timeoutMs)) logger.warn({ stage: 'write', timeoutMs }, 'active writes did not finish in time: released them');
      await stories.close();
      await self.close();
      if (!options.records) await records.close();
      await alerts.close();
    },
  };
}
