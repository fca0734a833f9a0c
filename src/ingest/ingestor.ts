import { lstat, open } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { ArticleSchema, type Article, type Origin } from '../schema/article.js';
import { SCHEMA_VERSION, type RecordInProgress } from '../schema/record.js';
import type { WriteJobData, StageJobData } from '../pipeline/job-data.js';
import { getMarkers, markerKey, type Marker } from '../pipeline/markers.js';
import { articleJobId, failureJobId, openQueue, pendingJobs } from '../pipeline/queues.js';
import { allQueues } from '../pipeline/stages.js';
import { articleId, rejectedInputId } from './article-id.js';
import { InputRejectedError } from './errors.js';
import { settleInboxFile } from './inbox-files.js';
import { readArticles, type ReadEntry } from './readers.js';

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
}

/** A file being followed until every article in it is written. */
interface TrackedFile {
  path: string;
  /** Move the file to .done/.failed when finished (inbox files); paths given on the command line stay. */
  inboxDir: string | null;
  ids: Set<string>;
  outcomes: Map<string, Marker>;
  /** Ids already finished before this ingest queued them (and not processed again). */
  earlier: Set<string>;
  rejected: { line: number | null; reason: string }[];
  resolve: (summary: FileSummary) => void;
}

export interface FileSummary {
  path: string;
  articles: number;
  ok: number;
  failed: number;
  /** Of `ok`: articles an earlier ingest already finished (the same text, seen before), not written again now. */
  earlier: number;
  /** Where the file went (inbox files), or null. */
  movedTo: string | null;
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
  readonly totals = { files: 0, articles: 0, ok: 0, failed: 0, rejectedFiles: 0 };

  constructor(private readonly options: IngestorOptions) {
    // allQueues() is the chain in order: its first stage, …, then the write queue.
    this.chain = allQueues().map((name) => openQueue(name, options.connection, options.settings));
    this.first = this.chain[0]!;
    this.write = this.chain[this.chain.length - 1]!;
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
      return { path, articles: 0, ok: 0, failed: 0, earlier: 0, movedTo: null }; // already being followed (a second watcher event)
    }
    this.inFlight.add(path);
    // Reading and queueing take a slot (bounded memory when thousands of files land at once);
    // waiting for the records does not.
    await this.acquireSlot();
    let queued: { finished: Promise<FileSummary> };
    try {
      queued = await this.ingestNew(path, inboxDir);
    } finally {
      this.releaseSlot();
      this.inFlight.delete(path);
    }
    return queued.finished;
  }

  private slotsFree = 4;
  private readonly slotWaiters: (() => void)[] = [];

  private async acquireSlot(): Promise<void> {
    if (this.slotsFree > 0) {
      this.slotsFree--;
      return;
    }
    await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.slotWaiters.shift();
    if (next) next();
    else this.slotsFree++;
  }

  /** Reads and queues a file; resolves once queued with a promise of the file's end. */
  private async ingestNew(path: string, inboxDir: string | null): Promise<{ finished: Promise<FileSummary> }> {
    const log = this.options.logger.child({ stage: 'ingest', file: basename(path) });
    this.totals.files++;
    let bytes: Uint8Array | null = null;
    let entries: ReadEntry[];
    let format: Origin['format'] = 'txt';
    let encoding: Origin['encoding'] = 'utf-8';
    try {
      bytes = await this.readBytes(path);
      const read = readArticles(bytes, basename(path));
      entries = read.entries;
      format = read.format;
      encoding = read.encoding;
    } catch (error) {
      const rejection = error instanceof InputRejectedError ? error : new InputRejectedError(`could not read the file: ${(error as Error).message}`, 'unreadable');
      return this.rejectFile(path, inboxDir, bytes, rejection, log);
    }

    const tracked: TrackedFile = { path, inboxDir, ids: new Set(), outcomes: new Map(), earlier: new Set(), rejected: [], resolve: () => {} };
    const done = new Promise<FileSummary>((resolve) => { tracked.resolve = resolve; });
    const finishedBefore = await this.finishedBefore(entries.flatMap((entry) => (entry.ok ? [articleId(entry.draft, path)] : [])));
    for (const entry of entries) {
      await this.waitForRoom();
      if (entry.ok) {
        const id = articleId(entry.draft, path);
        if (finishedBefore.has(id)) {
          if (this.options.redoWhen?.(id)) {
            await this.forget(id);
            log.info({ articleId: id }, 'finished before, but its record is missing from the output folder: processing it again');
          } else {
            tracked.earlier.add(id);
          }
        }
        const article: Article = ArticleSchema.parse({
          id,
          text: entry.draft.text,
          title: entry.draft.title,
          source: { name: entry.draft.sourceName, file: basename(path), url: entry.draft.url, publishedAt: entry.draft.publishedAt, ingestedAt: new Date().toISOString() },
          origin: { path: displayPath(path), line: entry.draft.line, format, encoding },
        });
        tracked.ids.add(id);
        await this.queueArticle(article);
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

  private async readBytes(path: string): Promise<Uint8Array> {
    const info = await lstat(path);
    if (info.isSymbolicLink()) throw new InputRejectedError('symbolic links are not followed (the target may lie outside the inbox)', 'symlink');
    if (!info.isFile()) throw new InputRejectedError('not a regular file', 'unsupported');
    if (info.size > this.options.maxFileBytes) {
      throw new InputRejectedError(`the file is ${info.size} bytes, above the limit of ${this.options.maxFileBytes} (KHABAR_MAX_FILE_BYTES)`, 'too-large');
    }
    const handle = await open(path, 'r');
    try {
      return new Uint8Array(await handle.readFile());
    } finally {
      await handle.close();
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
    const tracked: TrackedFile = { path, inboxDir: null, ids: new Set([id]), outcomes: new Map(), earlier: new Set(), rejected: [{ line: null, reason: error.message }], resolve: () => {} };
    const finished = new Promise<FileSummary>((resolve) => { tracked.resolve = resolve; });
    this.tracked.add(tracked);
    this.ensurePolling();
    return { finished };
  }

  /** The record as it enters the first stage. The job id is the article id: a second add is a no-op. */
  private async queueArticle(article: Article): Promise<void> {
    const record: RecordInProgress = { ...article, schemaVersion: SCHEMA_VERSION, pipeline: { version: process.env.npm_package_version ?? '0.1.0', stages: {} } };
    const data: StageJobData = { kind: 'record', record };
    await this.first.add('article', data, { jobId: articleJobId(article.id) });
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
    file.resolve({ path: file.path, articles: file.ids.size, ok, failed, earlier, movedTo });
  }

  /** Files still followed, with their articles that have no outcome yet (`khabar run`'s report when it stops early). */
  unfinished(): { path: string; articleIds: string[] }[] {
    return [...this.tracked].map((file) => ({ path: file.path, articleIds: [...file.ids].filter((id) => !file.outcomes.has(id)) }));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    await Promise.all(this.chain.map((queue) => queue.close()));
  }
}

/**
 * The line `run --once` and `ingest` end with: how many records, and how many of them an earlier run
 * had already written. `out` is the output folder, or null when the writers are elsewhere (`ingest`).
 */
export function summaryLine(summaries: readonly FileSummary[], out: string | null): string {
  const sum = (pick: (summary: FileSummary) => number) => summaries.reduce((total, summary) => total + pick(summary), 0);
  const ok = sum((s) => s.ok);
  const failed = sum((s) => s.failed);
  const earlier = sum((s) => s.earlier);
  const where = out === null ? '' : ` in ${out}/articles`;
  const failures = `${failed} failure(s)${failed > 0 && out !== null ? ` in ${out}/failed` : ''}`;
  if (earlier === 0) return `khabar: ${ok} record(s) written${out === null ? '' : ` to ${out}/articles`}, ${failures}`;
  return `khabar: ${ok} record(s)${where} (${ok - earlier} written now, ${earlier} already processed by an earlier run and left as they were), ${failures}`;
}

/** Paths in job data are relative to the working directory when inside it (no machine paths in logs). */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}
