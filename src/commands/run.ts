import { rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectPath } from '../paths.js';
import { redactRedisUrl } from '../logger.js';
import { existsSync } from 'node:fs';
import { Ingestor, type FileSummary } from '../ingest/ingestor.js';
import { summaryLine } from '../ingest/summary-line.js';
import { recordPath } from '../store/output.js';
import { listInputFiles, watchInbox, type InboxWatcher } from '../ingest/watcher.js';
import { embeddedUrlFile } from '../pipeline/redis.js';
import { allQueues } from '../pipeline/stage-chain.js';
import { Supervisor } from '../pipeline/supervisor.js';
import { openQueue, pendingJobs, WRITE_QUEUE } from '../pipeline/queues.js';
import { STORY_FLUSH_DELAY_MS } from '../pipeline/write-worker.js';
import type { QueueSettings } from '../config.js';
import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningDashboard } from '../dashboard/server.js';
import { commandContext, onShutdownSignal } from './context.js';

export interface RunOptions {
  inbox: string;
  out: string;
  once: boolean;
  workers: number;
  dashboard?: number;
}

/**
 * Waits (bounded) until the write queue has nothing pending: the last story-file rewrites are done.
 * The delayed story flushes are due now (a big story's waits 2 ms a member): they are promoted.
 */
async function drainWriteQueue(connection: Redis, settings: QueueSettings): Promise<void> {
  const queue = openQueue(WRITE_QUEUE, connection, settings);
  const deadline = Date.now() + STORY_FLUSH_DELAY_MS + 30_000;
  try {
    while (Date.now() < deadline) {
      await queue.promoteJobs();
      if ((await pendingJobs(queue)) === 0) return;
      await sleep(200);
    }
  } finally {
    await queue.close();
  }
}

/** Expands the paths given on the command line: folders to the files directly inside them. */
async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) throw new Error(`no such file or folder: ${path}`);
    if (info.isDirectory()) files.push(...(await listInputFiles(path)));
    else files.push(path);
  }
  return files;
}

/**
 * `khabar run`: the whole pipeline as one process tree. Redis (embedded unless REDIS_URL), the ingest
 * in this process, and `workers` child processes per queue. Paths given are read once and not moved;
 * the inbox is watched (with `--once`: its current files only).
 */
export async function runCommand(paths: string[], options: RunOptions): Promise<void> {
  // The dashboard's settings are checked first: a refused binding stops us before Redis starts.
  // Its modules (bull-board, hono, prom-client) load only when it is asked for.
  const dashboardSettings = options.dashboard === undefined ? null : (await import('../dashboard/config.js')).dashboardConfig({ port: options.dashboard, out: resolve(options.out) });
  // A missing path is refused before anything starts (nothing to stop then).
  const files = await expandPaths(paths);
  const ctx = await commandContext({ mayStartRedis: true, name: 'run' });
  const { logger, settings } = ctx;
  const outDir = resolve(options.out);

  const supervisor = new Supervisor(projectPath('bin', 'khabar.js'), { ...process.env, REDIS_URL: ctx.redis.url }, logger);
  for (const queue of allQueues()) {
    for (let n = 1; n <= options.workers; n++) {
      supervisor.start({ name: `${queue}#${n}`, args: ['worker', queue, '--out', outDir] });
    }
  }
  const connection = ctx.connect();
  // This process owns the output folder: an article processed before whose record is not in it
  // (output/ deleted, or another --out) is processed again rather than reported as written.
  const redoWhen = (id: string): boolean => !existsSync(recordPath(outDir, id));
  const ingestor = new Ingestor({ connection, settings, logger, maxFileBytes: ctx.env.KHABAR_MAX_FILE_BYTES, highWater: ctx.env.KHABAR_INGEST_HIGH_WATER, redoWhen });
  const dashboardConnection = dashboardSettings ? ctx.connect() : null;
  let dashboard: RunningDashboard | null = null;
  let watcher: InboxWatcher | null = null;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await watcher?.close();
    await ingestor.close();
    await dashboard?.close();
    dashboardConnection?.disconnect();
    await supervisor.stop(settings.shutdownTimeoutMs + 5_000);
    connection.disconnect();
    if (ctx.redis.embedded) {
      await ctx.redis.embedded.stop();
      rmSync(embeddedUrlFile(ctx.env.KHABAR_HOME), { force: true });
    }
  };
  onShutdownSignal(logger, stop, settings.shutdownTimeoutMs + 30_000);
  if (dashboardSettings && dashboardConnection) {
    try {
      dashboard = await (await import('../dashboard/server.js')).startDashboard({ connection: dashboardConnection, settings, config: dashboardSettings, logger });
    } catch (error) {
      // Its port taken: nothing started for this run may outlive it (workers, the embedded Redis).
      await stop();
      throw error;
    }
    process.stdout.write(`khabar: dashboard at ${dashboard.url}/\n`);
  }
  logger.info({ redis: redactRedisUrl(ctx.redis.url), workersPerQueue: options.workers, queues: allQueues(), out: options.out, inbox: options.inbox }, 'khabar running');

  const finished: Promise<FileSummary>[] = files.map((file) => ingestor.ingestFile(file, null));
  if (options.once) {
    // The inbox's current files count too (no watching); then wait for every record.
    const inboxDir = resolve(options.inbox);
    const present = statSync(inboxDir, { throwIfNoEntry: false })?.isDirectory() ? await listInputFiles(inboxDir) : [];
    const inboxFiles = present.map((file) => ingestor.ingestFile(file, inboxDir));
    const summaries = await Promise.all([...finished, ...inboxFiles]);
    await drainWriteQueue(connection, settings);
    const ok = summaries.reduce((sum, s) => sum + s.ok, 0);
    const failed = summaries.reduce((sum, s) => sum + s.failed, 0);
    logger.info({ ok, failed, out: options.out }, 'all inputs finished');
    process.stdout.write(`${summaryLine(summaries, options.out)}\n`);
    await stop();
    process.exit(failed > 0 ? 1 : 0);
  }
  watcher = await watchInbox(options.inbox, ingestor, logger);
  await watcher.ready;
  await Promise.all(finished);
  logger.info({ inbox: options.inbox }, 'given paths finished; watching the inbox (Ctrl-C to stop)');
}
