import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.js';
import { IngestStoppedError, InputRejectedError } from './errors.js';
import { readHtml } from './html.js';
import { HtmlReplySchema, type HtmlRequest } from './html-protocol.js';
import type { ReadEntry } from './readers.js';

/**
 * The compiled thread entry: beside this module in dist/; from the TypeScript sources (vitest, tsx)
 * the build's copy, since a worker thread cannot load .ts on Node 20. Null when there is none.
 */
function htmlThreadFile(): string | null {
  const here = new URL(import.meta.url);
  const entry = here.pathname.endsWith('.js') ? new URL('./html-thread.js', here) : new URL('../../dist/src/ingest/html-thread.js', here);
  const path = fileURLToPath(entry);
  return existsSync(path) ? path : null;
}

interface Job {
  html: string;
  resolve: (entries: ReadEntry[]) => void;
  reject: (error: InputRejectedError | IngestStoppedError) => void;
}

/** One thread and the page it is reading, if any. */
interface Lane {
  thread: Worker | null;
  job: { id: number; job: Job; timer: NodeJS.Timeout } | null;
}

export interface HtmlPoolOptions {
  /** Threads (pages read at once). */
  size: number;
  /** A page not read within this time is refused and its thread replaced. */
  timeoutMs: number;
  logger: Logger;
}

/**
 * Reads web pages in worker threads, one page per thread at a time, each within a time bound. A page's
 * cost is not linear in its size: a deeply nested one just under the element cap took 33 s, on the
 * event loop the ingest shares with the dashboard, and every file behind it waited. Now such a page
 * holds one thread until the bound, is refused with a clear reason, and the other files go on.
 */
export class HtmlReaderPool {
  private readonly lanes: Lane[];
  private readonly waiting: Job[] = [];
  private readonly threadFile = htmlThreadFile();
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: HtmlPoolOptions) {
    this.lanes = Array.from({ length: options.size }, () => ({ thread: null, job: null }));
    if (!this.threadFile) options.logger.warn({ stage: 'ingest' }, 'no compiled HTML thread (run `npm run build`): web pages are read on the event loop, with no time bound');
  }

  /** The page's article entries, or an InputRejectedError (its reason, or the time bound). */
  read(html: string): Promise<ReadEntry[]> {
    if (this.closed) return Promise.reject(new IngestStoppedError('reading a web page'));
    if (!this.threadFile) return Promise.resolve().then(() => readHtml(html));
    return new Promise<ReadEntry[]>((resolve, reject) => {
      this.waiting.push({ html, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const lane of this.lanes) {
      if (this.closed || lane.job) continue;
      const job = this.waiting.shift();
      if (!job) return;
      const thread = (lane.thread ??= this.spawn(lane));
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.replace(lane); // first: the next page must not go to the thread still stuck on this one
        this.finish(lane, id, () => job.reject(new InputRejectedError(`the page could not be read within ${this.options.timeoutMs / 1000} s (deeply nested or enormous HTML); refused so that the files behind it go on`, 'bad-html')));
      }, this.options.timeoutMs);
      lane.job = { id, job, timer };
      thread.postMessage({ id, html: job.html } satisfies HtmlRequest);
    }
  }

  private spawn(lane: Lane): Worker {
    const thread = new Worker(this.threadFile as string);
    thread.unref(); // an idle thread never keeps the process alive; a pending page's timer does
    thread.on('message', (message: unknown) => {
      const reply = HtmlReplySchema.safeParse(message);
      if (!reply.success || !lane.job) return;
      const { data } = reply;
      this.finish(lane, data.id, (job) => (data.ok ? job.resolve([{ ok: true, draft: data.draft }]) : job.reject(new InputRejectedError(data.message, data.code))));
    });
    thread.on('error', (error) => this.lost(lane, thread, error.message));
    thread.on('exit', (code) => this.lost(lane, thread, `exited with code ${code}`));
    return thread;
  }

  /** Settles the lane's job if it is still `id`, frees the lane and starts the next page. */
  private finish(lane: Lane, id: number, settle: (job: Job) => void): void {
    if (!lane.job || lane.job.id !== id) return;
    clearTimeout(lane.job.timer);
    const { job } = lane.job;
    lane.job = null;
    settle(job);
    this.dispatch();
  }

  /** A thread that died under a page (out of memory, a crash): the page is refused, the thread replaced. */
  private lost(lane: Lane, thread: Worker, why: string): void {
    if (lane.thread !== thread) return;
    lane.thread = null;
    if (lane.job) this.finish(lane, lane.job.id, (job) => job.reject(new InputRejectedError(`the page could not be read: the HTML reader ${why}`, 'bad-html')));
  }

  /** Stops a thread still busy with a page past its time (terminate interrupts running code). */
  private replace(lane: Lane): void {
    const thread = lane.thread;
    lane.thread = null;
    void thread?.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    const stopped = new IngestStoppedError('reading a web page');
    for (const lane of this.lanes) {
      if (lane.job) this.finish(lane, lane.job.id, (job) => job.reject(stopped));
    }
    for (const job of this.waiting.splice(0)) job.reject(stopped);
    await Promise.all(this.lanes.map((lane) => lane.thread?.terminate()));
  }
}
