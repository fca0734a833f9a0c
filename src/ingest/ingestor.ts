import { basename, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueSettings } from '../config.js';
import type { Logger } from '../logger.js';
import type { Origin } from '../schema/article.js';
import type { RecordInProgress, RecordInput } from '../schema/record.js';
import { addRecordInput } from '../store/record-inputs.js';
import type { WriteJobData, StageJobData } from '../pipeline/job-data.js';
import { getMarkers, markerKey } from '../pipeline/markers.js';
import { articleJobId, failureJobId, openQueue, pendingJobs } from '../pipeline/queues.js';
import { newRecord } from '../pipeline/new-record.js';
import { allQueues } from '../pipeline/stage-chain.js';
import { detectLanguage, languageWarnings } from '../nlp/text/language.js';
import { articleId, rejectedInputId } from './article-id.js';
import { IngestStoppedError, InputRejectedError } from './errors.js';
import { HtmlReaderPool } from './html-pool.js';
import { settleInboxFile } from './inbox-files.js';
import { OpenWriters } from './open-writers.js';
import { FileChangedError, MAX_READS, readInputFile } from './read-file.js';
import { changedSince, waitUntilSettled, type FileSignature, type SettleRule } from './settle.js';
import { Slots } from './slots.js';
import type { FileSummary, TrackedFile } from './tracked-file.js';
import { readArticlesWith, type ReadEntry } from './readers.js';

export type { FileSummary } from './tracked-file.js';

export interface IngestorOptions {
  connection: Redis;
  settings: QueueSettings;
  logger: Logger;
  maxFileBytes: number;
  /**
   * Pause while this many articles are in the pipeline (waiting, active or delayed in any stage
   * queue or the write queue): backpressure over the whole chain, not just its first queue.
   */
  highWater: number;
  /** How often finished articles are looked up (ms). */
  pollMs?: number;
  /**
   * An article finished before (its "written" marker is there) is processed again when this says
   * so: `khabar run` passes "its record is missing from this output folder", so deleting output/ and
   * running again writes the records again. Without it, such articles count as `earlier`.
   */
  redoWhen?: (articleId: string) => boolean;
  /**
   * Inbox files are read once quiet this long and not open for writing (ms, default 1,000; must
   * stay above the /proc scan's reuse time, 500 ms, so a scan never predates the last write).
   */
  settleMs?: number;
  /** A web page not read within this time is refused (ms, default 10,000; read in one of two threads). */
  htmlTimeoutMs?: number;
}

/**
 * The producer: reads files into articles and queues each once under its deterministic id, then
 * follows them until the writer has finished them. Inbox files stay in the inbox until then, so a
 * stop at any moment leaves each file either queued or still waiting: never half-done.
 */
export class Ingestor {
  private readonly first: Queue;
  private readonly write: Queue;
  /** Every queue of the chain (stages then write): backpressure counts articles anywhere in it. */
  private readonly chain: Queue[];
  private readonly tracked = new Set<TrackedFile>();
  private readonly inFlight = new Set<string>();
  private pollTimer: NodeJS.Timeout | null = null;
  private lastDepthCheck = 0;
  private closed = false;
  private readonly settleRule: SettleRule;
  /** Files being read and queued at once (bounded memory when thousands land together). */
  private readonly slots = new Slots(4);
  private readonly html: HtmlReaderPool;
  readonly totals = { files: 0, articles: 0, ok: 0, failed: 0, rejectedFiles: 0 };

  constructor(private readonly options: IngestorOptions) {
    // allQueues() is the chain in order: its first stage, …, then the write queue.
    this.chain = allQueues().map((name) => openQueue(name, options.connection, options.settings));
    this.first = this.chain[0]!;
    this.write = this.chain[this.chain.length - 1]!;
    this.settleRule = {
      windowMs: options.settleMs ?? 1_000,
      pollMs: 250,
      writers: new OpenWriters(),
      reportAfterMs: 10_000,
      stopped: () => this.closed,
    };
    this.html = new HtmlReaderPool({ size: 2, timeoutMs: options.htmlTimeoutMs ?? 10_000, logger: options.logger });
  }

  /** Number of files not yet finished. */
  get pending(): number {
    return this.tracked.size + this.inFlight.size;
  }

  /**
   * Ingests one file. Resolves when all its articles are written (or failed), not when queued: the
   * caller of `run --once` waits on this. `inboxDir` set means the file is moved when finished.
   */
  async ingestFile(path: string, inboxDir: string | null): Promise<FileSummary> {
    if (this.inFlight.has(path) || [...this.tracked].some((file) => file.path === path)) {
      return { path, articles: 0, ok: 0, failed: 0, earlier: 0, recordIds: [], earlierIds: [], movedTo: null }; // already being followed (a second watcher event)
    }
    this.inFlight.add(path);
    try {
      return (await this.settleAndQueue(path, inboxDir)).finished;
    } finally {
      this.inFlight.delete(path);
    }
  }

  /**
   * An inbox file is read once it has settled (see settle.ts), and read again when it changed while
   * being read. Reading and queueing take a slot (bounded memory when thousands of files land at
   * once); waiting for a writer, or for the records, does not.
   */
  private async settleAndQueue(path: string, inboxDir: string | null): Promise<{ finished: Promise<FileSummary> }> {
    const log = (fields: object, message: string) => this.options.logger.info({ stage: 'ingest', file: basename(path), ...fields }, message);
    for (let read = 1; ; read++) {
      const onHeld = (reason: string, heldMs: number) => log({ heldMs, reason }, 'waiting for the file to be finished before reading it');
      if (inboxDir !== null) await waitUntilSettled(path, { ...this.settleRule, onHeld });
      await this.slots.acquire();
      try {
        const queued = await this.ingestNew(path, inboxDir, read === MAX_READS);
        this.totals.files++;
        return queued;
      } catch (error) {
        if (!(error instanceof FileChangedError)) throw error;
        log({ read }, 'the file changed while it was read: waiting for it to settle and reading it again');
      } finally {
        this.slots.release();
      }
    }
  }

  /** Reads and queues a file; resolves once queued with a promise of the file's end. */
  private async ingestNew(path: string, inboxDir: string | null, lastRead: boolean): Promise<{ finished: Promise<FileSummary> }> {
    const log = this.options.logger.child({ stage: 'ingest', file: basename(path) });
    let bytes: Uint8Array | null = null;
    let signature: FileSignature | null = null;
    let entries: ReadEntry[];
    let format: Origin['format'] = 'txt';
    let encoding: Origin['encoding'] = 'utf-8';
    try {
      ({ bytes, signature } = await readInputFile(path, this.options.maxFileBytes, lastRead));
      const read = await readArticlesWith(bytes, basename(path), (html) => this.html.read(html));
      entries = read.entries;
      format = read.format;
      encoding = read.encoding;
    } catch (error) {
      if (error instanceof FileChangedError || error instanceof IngestStoppedError) throw error;
      const rejection = error instanceof InputRejectedError ? error : new InputRejectedError(`could not read the file: ${(error as Error).message}`, 'unreadable');
      return this.rejectFile(path, inboxDir, bytes, rejection, log);
    }

    const tracked: TrackedFile = { path, inboxDir, ids: new Set(), outcomes: new Map(), earlier: new Set(), inputs: [], rejected: [], read: signature, resolve: () => {} };
    const done = new Promise<FileSummary>((resolve) => { tracked.resolve = resolve; });
    const finishedBefore = await this.finishedBefore(entries.flatMap((entry) => (entry.ok ? [articleId(entry.draft, path)] : [])));
    for (const entry of entries) {
      await this.waitForRoom();
      const tooLong = entry.ok ? this.tooLong(entry.draft.text) : null;
      if (entry.ok && tooLong) {
        // Bounded before it enters the chain: a 4.8 MB article once became ~100 MB of job data a stage.
        const id = articleId(entry.draft, path);
        tracked.ids.add(id);
        tracked.rejected.push({ line: entry.draft.line, reason: tooLong.message });
        await this.queueFailure(id, path, entry.draft.line, tooLong);
        log.warn({ articleId: id, line: entry.draft.line, reason: tooLong.message }, 'article rejected');
      } else if (entry.ok) {
        const id = articleId(entry.draft, path);
        if (finishedBefore.has(id)) {
          if (this.options.redoWhen?.(id)) {
            await this.forget(id);
            log.info({ articleId: id }, 'finished before, but its record is missing from the output folder: processing it again');
          } else {
            tracked.earlier.add(id);
          }
        }
        const record = newRecord({ ...entry.draft, file: path }, { origin: { path: displayPath(path), line: entry.draft.line, format, encoding }, pipelineVersion: process.env.npm_package_version ?? '0.1.0' });
        const language = detectLanguage(record.text);
        // Still processed (the record says so too): the user learns it now, not from an empty record.
        if (language.code !== 'ar') log.warn({ articleId: id, language }, languageWarnings(language)[0]?.message ?? 'not Arabic text');
        tracked.ids.add(id);
        tracked.inputs.push(id);
        await this.noteInput(id, { file: basename(path), line: entry.draft.line });
        await this.queueArticle(record);
        this.totals.articles++;
        log.debug({ articleId: id, line: entry.draft.line }, 'queued');
      } else {
        const id = rejectedInputId(path, bytes, entry.line);
        tracked.ids.add(id);
        tracked.rejected.push({ line: entry.line, reason: entry.error.message });
        await this.queueFailure(id, path, entry.line, entry.error);
        log.warn({ articleId: id, line: entry.line, reason: entry.error.message }, 'entry rejected');
      }
    }
    this.tracked.add(tracked);
    this.ensurePolling();
    return { finished: done };
  }

  /** Of these article ids, those an earlier ingest already saw through to an "ok" record. */
  private async finishedBefore(ids: string[]): Promise<Set<string>> {
    const markers = await getMarkers(this.options.connection, this.options.settings.prefix, ids);
    return new Set(ids.filter((_, index) => markers[index]?.status === 'ok'));
  }

  /**
   * Lets an article finished before run the chain again: its marker goes, and so do its kept
   * completed jobs (their ids would make every queue's add a no-op). Every stage is idempotent, so
   * the indexes it updates end as they were.
   */
  private async forget(id: string): Promise<void> {
    await this.options.connection.del(markerKey(this.options.settings.prefix, id));
    for (const queue of this.chain) {
      // A job still locked by a worker cannot be removed: that article is being processed anyway.
      await queue.remove(articleJobId(id)).catch(() => 0);
    }
  }

  /**
   * A file that yields no article: moved to `.failed/` at once (with the reason beside it), and its
   * failure record queued; the returned promise ends when that record is written.
   */
  private async rejectFile(path: string, inboxDir: string | null, bytes: Uint8Array | null, error: InputRejectedError, log: Logger): Promise<{ finished: Promise<FileSummary> }> {
    const id = rejectedInputId(path, bytes, null);
    this.totals.rejectedFiles++;
    log.warn({ articleId: id, reason: error.message, code: error.code }, 'file rejected');
    await this.queueFailure(id, path, null, error);
    if (inboxDir) {
      const report = { file: basename(path), reason: error.message, code: error.code, articleId: id, at: new Date().toISOString() };
      await settleInboxFile(inboxDir, path, 'failed', report).catch((moveError: unknown) =>
        log.warn({ err: (moveError as Error).message }, 'could not move the rejected file'),
      );
    }
    const tracked: TrackedFile = { path, inboxDir: null, ids: new Set([id]), outcomes: new Map(), earlier: new Set(), inputs: [], rejected: [{ line: null, reason: error.message }], read: null, resolve: () => {} };
    const finished = new Promise<FileSummary>((resolve) => { tracked.resolve = resolve; });
    this.tracked.add(tracked);
    this.ensurePolling();
    return { finished };
  }

  /**
   * Notes which file (and line) gave this article. A copy (another input with the same source and
   * text: the same id, so its article job is a no-op) gets a write job that adds its file to the
   * record's `inputs`; one pending per article, and one queued while another runs is kept.
   */
  private async noteInput(id: string, input: RecordInput): Promise<void> {
    const { copy } = await addRecordInput(this.options.connection, this.options.settings.prefix, id, input);
    if (!copy) return;
    const data: WriteJobData = { kind: 'inputs', articleId: id };
    await this.write.add('inputs', data, { deduplication: { id: `inputs-${id}`, keepLastIfActive: true }, removeOnComplete: true });
  }

  /** Why an article's text is too long to process (KHABAR_MAX_ARTICLE_CHARS), or null. */
  private tooLong(text: string): InputRejectedError | null {
    const max = this.options.settings.articleLimits.maxChars;
    return text.length > max ? new InputRejectedError(`the article has ${text.length} characters, over the limit of ${max} (KHABAR_MAX_ARTICLE_CHARS)`, 'too-long') : null;
  }

  /** The record as it enters the first stage. The job id is the article id: a second add is a no-op. */
  private async queueArticle(record: RecordInProgress): Promise<void> {
    const data: StageJobData = { kind: 'record', record };
    await this.first.add('article', data, { jobId: articleJobId(record.id) });
  }

  private async queueFailure(id: string, path: string, line: number | null, error: InputRejectedError): Promise<void> {
    const data: WriteJobData = {
      kind: 'failure',
      failure: { id, stage: 'ingest', error: { name: error.code, message: error.message }, attempts: 0, failedAt: new Date().toISOString(), origin: { file: basename(path), line } },
      originPath: displayPath(path),
    };
    await this.write.add('failure', data, { jobId: failureJobId(id) });
  }

  /** Articles in the pipeline as last read, plus what this ingest added since. */
  private knownDepth = 0;

  /**
   * Articles anywhere in the chain: waiting, active, delayed or prioritized in any stage queue or
   * the write queue. Each job carries its whole record (tokens included, tens of KB), so counting
   * only the first queue let a slow later stage pile up thousands of records in Redis (seen in the
   * soak: 4,300 waiting for ner, 1.2 GB) while the first queue stayed under its mark.
   */
  private async chainDepth(): Promise<number> {
    const counts = await Promise.all(this.chain.map((queue) => pendingJobs(queue)));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  /**
   * Backpressure: while the chain holds its high-water mark of articles, wait. Between reads of the
   * real depth (every 250 ms) the ingest counts its own adds, so it overshoots by its read slots at most.
   */
  private async waitForRoom(): Promise<void> {
    const { highWater } = this.options;
    if (this.knownDepth < highWater && Date.now() - this.lastDepthCheck < 250) {
      this.knownDepth++;
      return;
    }
    while (!this.closed) {
      this.knownDepth = await this.chainDepth();
      this.lastDepthCheck = Date.now();
      if (this.knownDepth < highWater) break;
      await sleep(200);
    }
    this.knownDepth++;
  }

  private ensurePolling(): void {
    if (this.pollTimer || this.closed) return;
    const tick = async (): Promise<void> => {
      try {
        await this.pollMarkers();
      } catch (error) {
        this.options.logger.warn({ stage: 'ingest', err: (error as Error).message }, 'could not read written markers (will retry)');
      }
      this.pollTimer = this.tracked.size > 0 && !this.closed ? setTimeout(() => void tick(), this.options.pollMs ?? 300) : null;
    };
    this.pollTimer = setTimeout(() => void tick(), this.options.pollMs ?? 300);
  }

  /** One MGET per 1,000 unfinished ids across all files (20,000 files waiting cost 20 round trips, not 20,000). */
  private async pollMarkers(): Promise<void> {
    const owners = new Map<string, TrackedFile[]>();
    for (const file of this.tracked) {
      for (const id of file.ids) {
        if (file.outcomes.has(id)) continue;
        const list = owners.get(id);
        if (list) list.push(file);
        else owners.set(id, [file]);
      }
    }
    const waiting = [...owners.keys()];
    const markers = await getMarkers(this.options.connection, this.options.settings.prefix, waiting);
    markers.forEach((marker, index) => {
      const id = waiting[index];
      if (!marker || !id) return;
      for (const file of owners.get(id) ?? []) file.outcomes.set(id, marker);
    });
    for (const file of [...this.tracked]) {
      if (file.outcomes.size === file.ids.size) await this.finishFile(file);
    }
  }

  private async finishFile(file: TrackedFile): Promise<void> {
    this.tracked.delete(file);
    const outcomes = [...file.outcomes.values()];
    const ok = outcomes.filter((marker) => marker.status === 'ok').length;
    const failed = outcomes.length - ok;
    const earlier = file.earlier.size;
    this.totals.ok += ok;
    this.totals.failed += failed;
    if (file.inboxDir && file.read !== null && (await changedSince(file.path, file.read))) {
      // Moving it now would put text nobody read into .done/: read it again (its earlier record stays,
      // a record of the earlier version).
      this.options.logger.warn({ stage: 'ingest', file: basename(file.path), ok, failed }, 'the file changed after it was read: reading it again');
      void this.ingestFile(file.path, file.inboxDir).then(file.resolve, (error: unknown) => {
        this.options.logger.error({ stage: 'ingest', file: basename(file.path), err: (error as Error).message }, 'ingest failed (the file stays in the inbox)');
        file.resolve({ path: file.path, articles: file.ids.size, ok, failed, earlier, recordIds: file.inputs.filter((id) => file.outcomes.get(id)?.status === 'ok'), earlierIds: [...file.earlier], movedTo: null });
      });
      return;
    }
    let movedTo: string | null = null;
    if (file.inboxDir) {
      const outcome = ok > 0 ? 'done' : 'failed';
      const report = failed > 0
        ? { file: basename(file.path), ok, failed, rejected: file.rejected, failures: [...file.outcomes.entries()].filter(([, m]) => m.status === 'failed').map(([id, m]) => ({ articleId: id, reason: m.reason })) }
        : null;
      movedTo = await settleInboxFile(file.inboxDir, file.path, outcome, report).catch((error: unknown) => {
        this.options.logger.warn({ stage: 'ingest', file: basename(file.path), err: (error as Error).message }, 'could not move the finished file');
        return null;
      });
    }
    this.options.logger.info({ stage: 'ingest', file: basename(file.path), ok, failed, earlier }, 'file finished');
    const recordIds = file.inputs.filter((id) => file.outcomes.get(id)?.status === 'ok');
    file.resolve({ path: file.path, articles: file.ids.size, ok, failed, earlier, recordIds, earlierIds: [...file.earlier], movedTo });
  }

  /** Files still followed, with their articles that have no outcome yet (`khabar run`'s report when it stops early). */
  unfinished(): { path: string; articleIds: string[] }[] {
    return [...this.tracked].map((file) => ({ path: file.path, articleIds: [...file.ids].filter((id) => !file.outcomes.has(id)) }));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    await this.html.close();
    await Promise.all(this.chain.map((queue) => queue.close()));
  }
}

/** Paths in job data are relative to the working directory when inside it (no machine paths in logs). */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}
