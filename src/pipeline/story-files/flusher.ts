import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
    const thread = new Worker(storyFlushThreadFile(), { workerData: this.data });
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
