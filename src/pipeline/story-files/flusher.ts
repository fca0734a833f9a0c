import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Redis } from 'ioredis';
import { FlushReplySchema, type FlushThreadData } from './flush-protocol.js';

/**
 * The compiled thread entry. From dist/ it sits beside this module; from the TypeScript sources
 * (vitest, tsx) a worker thread cannot load .ts on Node 20, so it is the build's copy (`npm test`
 * builds first).
 */
export function storyFlushThreadFile(): string {
  const here = new URL(import.meta.url);
  const entry = here.pathname.endsWith('.js') ? new URL('./flush-thread.js', here) : new URL('../../../dist/src/pipeline/story-files/flush-thread.js', here);
  const path = fileURLToPath(entry);
  if (!existsSync(path)) throw new Error(`the story flush thread ${path} is missing: run \`npm run build\``);
  return path;
}

/** The clonable part of an ioredis connection's options, for a thread to open its own. */
export function threadRedisOptions(connection: Redis): FlushThreadData['redis'] {
  const { host, port, path, username, password, db, family, tls } = connection.options;
  return {
    ...(host !== undefined ? { host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(path ? { path } : {}),
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    ...(db !== undefined ? { db } : {}),
    ...(family !== undefined ? { family } : {}),
    ...(tls ? { tls: { ...tls } as Record<string, unknown> } : {}),
  };
}

/**
 * The flush thread's young generation: semi-spaces of 1 MB (new space 2 MB). The thread is idle
 * between flushes and a flush allocates little that lives, yet it inherits the process's
 * `--max-semi-space-size` (4 MB: new space 8 MB, filled by loading its modules and kept until V8's
 * memory reducer shrinks it about 20 s later). Worker `resourceLimits.maxYoungGenerationSizeMb`
 * cannot lower it: V8 lets the command-line flag override an isolate's own limit. So the flag is
 * set to this size while the thread's isolate is created (V8 reads it then, and only then) and put
 * back once the thread is online or gone.
 */
export const FLUSH_THREAD_SEMI_SPACE_MB = 1;

/** The process's own `--max-semi-space-size` (0: V8's default), from NODE_OPTIONS or its command line (which wins). */
function processSemiSpaceMb(): number {
  let mb = 0;
  for (const arg of [...(process.env.NODE_OPTIONS ?? '').split(/\s+/), ...process.execArgv]) {
    const match = /^--max[-_]semi[-_]space[-_]size=(\d+)$/.exec(arg);
    if (match) mb = Number(match[1]);
  }
  return mb;
}

/** Starts a worker thread whose isolate gets `semiSpaceMb` semi-spaces (see FLUSH_THREAD_SEMI_SPACE_MB). */
export function startSmallYoungThread(file: string, options: ConstructorParameters<typeof Worker>[1], semiSpaceMb: number): Worker {
  const own = processSemiSpaceMb();
  if (semiSpaceMb <= 0 || semiSpaceMb === own) return new Worker(file, options);
  setFlagsFromString(`--max-semi-space-size=${semiSpaceMb}`);
  let thread: Worker;
  try {
    thread = new Worker(file, options);
  } catch (error) {
    setFlagsFromString(`--max-semi-space-size=${own}`);
    throw error;
  }
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    setFlagsFromString(`--max-semi-space-size=${own}`);
  };
  thread.once('online', restore);
  thread.once('error', restore);
  thread.once('exit', restore);
  return thread;
}

interface Pending {
  thread: Worker;
  resolve(wrote: boolean): void;
  reject(error: Error): void;
}

/**
 * Rebuilds story files in a worker thread. A big story's rebuild reads and decodes its members'
 * links and metadata and builds the file: ~0.7 s of CPU for 3,099 members on an idle machine, far
 * more under load. On the write worker's event loop that held back BullMQ's lock renewals, so the
 * flush and every record job beside it failed as stalled (the 10,000-article soak, 2026-12-03). In a
 * thread the event loop only waits for a message. The thread starts on the first flush and again
 * after it dies; a flush it did not answer fails, and its job is retried like any failed flush.
 */
export class StoryFlusher {
  private thread: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;

  constructor(private readonly data: FlushThreadData) {}

  /** Writes pending tombstones, then the story's file if its version moved; resolves whether the file was written. */
  flush(storyId: string): Promise<boolean> {
    if (this.closed) return Promise.reject(new Error('story flusher is closed'));
    const thread = this.thread ?? this.start();
    const id = this.nextId++;
    return new Promise<boolean>((resolve, reject) => {
      this.pending.set(id, { thread, resolve, reject });
      thread.postMessage({ id, storyId });
    });
  }

  /** Stops the thread; flushes still waiting fail (their jobs are retried by another writer). */
  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    this.thread = null;
    if (thread) await thread.terminate();
    this.failAll(null, new Error('story flusher closed'));
  }

  private start(): Worker {
    const thread = startSmallYoungThread(storyFlushThreadFile(), { workerData: this.data }, FLUSH_THREAD_SEMI_SPACE_MB);
    // The thread must not keep a worker process alive that is otherwise done.
    thread.unref();
    thread.on('message', (message: unknown) => {
      const reply = FlushReplySchema.safeParse(message);
      if (!reply.success) return;
      const waiting = this.pending.get(reply.data.id);
      if (!waiting) return;
      this.pending.delete(reply.data.id);
      if (reply.data.ok) waiting.resolve(reply.data.wrote);
      else waiting.reject(new Error(reply.data.error));
    });
    const lost = (error: Error) => {
      if (this.thread === thread) this.thread = null;
      this.failAll(thread, error);
    };
    thread.on('error', (error) => lost(new Error(`story flush thread failed: ${error.message}`)));
    thread.on('exit', (code) => lost(new Error(`story flush thread exited (code ${code})`)));
    this.thread = thread;
    return thread;
  }

  /** Fails the flushes sent to `thread` (all of them when null): a new thread may be answering others. */
  private failAll(thread: Worker | null, error: Error): void {
    for (const [id, waiting] of this.pending) {
      if (thread !== null && waiting.thread !== thread) continue;
      this.pending.delete(id);
      waiting.reject(error);
    }
  }
}
