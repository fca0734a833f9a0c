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

/**
 * The flush thread's old generation, MB (Worker `resourceLimits.maxOldGenerationSizeMb`, which V8
 * does apply to a thread, unlike the young generation's). Without it V8 lets the thread's heap grow
 * by its usual step (~16 MB above the live size) after a big story's rebuild, and keeps it: the
 * thread went 15 → 27 MB in the 10,000-article soak (docs/PERFORMANCE.md, fifth and sixth passes).
 * With a cap V8 keeps its limit nearer the live size. Sized from the soak's biggest story (3,099
 * members) with room to spare; a story that outgrows it is not lost: see `StoryFlusher`.
 */
export const FLUSH_THREAD_MAX_OLD_MB = 32;

export interface StoryFlusherOptions {
  /** The thread's old generation, MB (0: V8's default). */
  maxOldGenerationMb?: number;
  /** The thread's entry (benches wrap it); default `storyFlushThreadFile()`. */
  threadFile?: string;
  /** Told when a thread reached the cap, before its flushes run again without it (a log line). */
  onOutOfMemory?: (storyIds: readonly string[], reason: string) => void;
}

interface Pending {
  thread: Worker;
  storyId: string;
  resolve(wrote: boolean): void;
  reject(error: Error): void;
}

/** A thread that reached its heap limit: Node terminates it with this code. */
function outOfMemory(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * Rebuilds story files in a worker thread. A big story's rebuild reads and decodes its members'
 * links and metadata and builds the file: ~0.7 s of CPU for 3,099 members on an idle machine, far
 * more under load. On the write worker's event loop that held back BullMQ's lock renewals, so the
 * flush and every record job beside it failed as stalled (the 10,000-article soak, 2026-12-03). In a
 * thread the event loop only waits for a message. The thread starts on the first flush and again
 * after it dies; a flush it did not answer fails, and its job is retried like any failed flush.
 *
 * The thread's old generation is capped (FLUSH_THREAD_MAX_OLD_MB). A thread that reaches the cap is
 * terminated by Node (ERR_WORKER_OUT_OF_MEMORY); the flushes it held are then run again, once, in a
 * one-off thread without the cap, which ends when they are done (its memory goes with it), and the
 * next flush starts a capped thread again. Only if that one fails too do they fail, with both
 * reasons, and their jobs are retried like any failed flush.
 */
export class StoryFlusher {
  private thread: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;
  private readonly uncapped = new Set<Worker>();
  private readonly maxOldGenerationMb: number;
  private readonly threadFile: string | undefined;
  private readonly onOutOfMemory: StoryFlusherOptions['onOutOfMemory'];

  constructor(private readonly data: FlushThreadData, options: StoryFlusherOptions = {}) {
    this.maxOldGenerationMb = options.maxOldGenerationMb ?? FLUSH_THREAD_MAX_OLD_MB;
    this.threadFile = options.threadFile;
    this.onOutOfMemory = options.onOutOfMemory;
  }

  /** Writes pending tombstones, then the story's file if its version moved; resolves whether the file was written. */
  flush(storyId: string): Promise<boolean> {
    if (this.closed) return Promise.reject(new Error('story flusher is closed'));
    const thread = this.thread ?? this.start();
    const id = this.nextId++;
    return new Promise<boolean>((resolve, reject) => {
      this.pending.set(id, { thread, storyId, resolve, reject });
      thread.postMessage({ id, storyId });
    });
  }

  /** Flushes `storyIds` in a one-off thread without the heap cap, then ends it; resolves each flush's outcome. */
  private async flushUncapped(storyIds: readonly string[]): Promise<PromiseSettledResult<boolean>[]> {
    const thread = startSmallYoungThread(this.threadFile ?? storyFlushThreadFile(), { workerData: this.data }, FLUSH_THREAD_SEMI_SPACE_MB);
    thread.unref();
    this.uncapped.add(thread);
    try {
      const died = new Promise<never>((_, reject) => {
        thread.once('error', (error) => reject(new Error(`uncapped story flush thread failed: ${error.message}`)));
        thread.once('exit', (code) => reject(new Error(`uncapped story flush thread exited (code ${code})`)));
      });
      died.catch(() => undefined);
      const replies = new Map<number, (reply: { ok: true; wrote: boolean } | { ok: false; error: string }) => void>();
      thread.on('message', (message: unknown) => {
        const reply = FlushReplySchema.safeParse(message);
        if (reply.success) replies.get(reply.data.id)?.(reply.data);
      });
      return await Promise.allSettled(
        storyIds.map((storyId, id) =>
          Promise.race([
            new Promise<boolean>((resolve, reject) => {
              replies.set(id, (reply) => (reply.ok ? resolve(reply.wrote) : reject(new Error(reply.error))));
              thread.postMessage({ id, storyId });
            }),
            died,
          ]),
        ),
      );
    } finally {
      this.uncapped.delete(thread);
      await thread.terminate();
    }
  }

  /** Stops the thread; flushes still waiting fail (their jobs are retried by another writer). */
  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    this.thread = null;
    if (thread) await thread.terminate();
    await Promise.all([...this.uncapped].map((one) => one.terminate()));
    this.failAll(null, new Error('story flusher closed'));
  }

  private start(): Worker {
    const limits = this.maxOldGenerationMb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: this.maxOldGenerationMb } } : {};
    const thread = startSmallYoungThread(this.threadFile ?? storyFlushThreadFile(), { workerData: this.data, ...limits }, FLUSH_THREAD_SEMI_SPACE_MB);
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
    thread.on('error', (error) => {
      if (!outOfMemory(error) || this.maxOldGenerationMb <= 0) {
        lost(new Error(`story flush thread failed: ${error.message}`));
        return;
      }
      // Over the cap: its flushes again, once, without it.
      if (this.thread === thread) this.thread = null;
      const held = [...this.pending].filter(([, waiting]) => waiting.thread === thread);
      for (const [id] of held) this.pending.delete(id);
      const reason = `story flush thread ran out of memory (old generation capped at ${this.maxOldGenerationMb} MB): ${error.message}`;
      if (this.closed) {
        for (const [, waiting] of held) waiting.reject(new Error(reason));
        return;
      }
      this.onOutOfMemory?.(held.map(([, waiting]) => waiting.storyId), reason);
      void this.flushUncapped(held.map(([, waiting]) => waiting.storyId)).then(
        (outcomes) =>
          outcomes.forEach((outcome, i) => {
            const waiting = held[i]![1];
            if (outcome.status === 'fulfilled') waiting.resolve(outcome.value);
            else waiting.reject(new Error(`${reason}; then without the cap: ${(outcome.reason as Error).message}`));
          }),
        (failed: unknown) => {
          for (const [, waiting] of held) waiting.reject(new Error(`${reason}; then without the cap: ${failed instanceof Error ? failed.message : String(failed)}`));
        },
      );
    });
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
