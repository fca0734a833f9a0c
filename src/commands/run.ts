import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { projectPath } from '../paths.js';
import { redactRedisUrl } from '../logger.js';
import { Ingestor, type FileSummary } from '../ingest/ingestor.js';
import { startFeedWorker, type RunningFeedWorker } from '../feeds/feed-worker.js';
import { feedSpecsOf, readConfigFile } from '../feeds/feeds-config.js';
import { FeedStore } from '../store/feed-registry.js';
import { startAlertWorkers, type RunningAlertWorkers } from '../alerts/alert-worker.js';
import { summaryLine } from '../ingest/summary-line.js';
import { recordPath } from '../store/output.js';
import { listInputFiles, watchInbox, type InboxWatcher } from '../ingest/watcher.js';
import { embeddedUrlFile } from '../pipeline/redis.js';
import { getMarkers } from '../pipeline/markers.js';
import { allQueues } from '../pipeline/stage-chain.js';
import { Supervisor } from '../pipeline/supervisor.js';
import { ALL_STAGES, openQueue, pendingJobs, WRITE_QUEUE } from '../pipeline/queues.js';
import { STORY_FLUSH_DELAY_MS } from '../pipeline/write-worker.js';
import { classifyRedisError, describeRedisFault } from '../pipeline/redis-faults.js';
import { RedisWatch } from '../pipeline/redis-watch.js';
import { acquireRunLock, LiveRunError, type RunLock } from '../pipeline/run-lock.js';
import { locateArticles, unfinishedLines, type UnfinishedInput } from '../pipeline/unfinished.js';
import type { QueueSettings } from '../config.js';
import type { DashboardConfig } from '../dashboard/config.js';
import type { RunningDashboard } from '../dashboard/server.js';
import { commandContext, onShutdownSignal, type CommandContext } from './context.js';

export interface RunOptions {
  inbox: string;
  out: string;
  once: boolean;
  workers: number;
  dashboard?: number;
  /** With `once`: stop after this many seconds and report what is unfinished. */
  deadline?: number;
  /** A config file (YAML): its feeds are registered when the inbox watch starts. */
  config?: string;
}

/** `khabar run`'s exit codes (the README's CLI table lists them). */
export const RUN_EXIT = { ok: 0, failures: 1, cannotStart: 2, deadline: 3, redisFault: 4 } as const;

/** Why a run stops before every input is finished. */
interface Halt {
  code: number;
  cause: string;
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
 * in this process, and `workers` child processes, each running every stage and the writer. Paths given are read once and not moved;
 * the inbox is watched (with `--once`: its current files only).
 */
export async function runCommand(paths: string[], options: RunOptions): Promise<void> {
  if (options.deadline !== undefined && !options.once) throw new Error('--deadline needs --once (a watching run has no end to wait for)');
  // Checked before Redis starts: a refused binding or a missing path stops us with nothing to clean up.
  // The dashboard's modules (bull-board, hono, prom-client) load only when it is asked for.
  const dashboardSettings = options.dashboard === undefined ? null : (await import('../dashboard/config.js')).dashboardConfig({ port: options.dashboard, out: resolve(options.out) });
  const files = await expandPaths(paths);
  // A config file that does not parse stops the run before anything starts.
  const configFile = options.config ?? process.env.KHABAR_CONFIG;
  if (configFile) readConfigFile(configFile);
  const ctx = await commandContext({ mayStartRedis: true, name: 'run' });
  const run = new PipelineRun(ctx, options);
  await run.start(dashboardSettings);
  const finished = files.map((file) => run.follow(file, null));
  if (options.once) {
    // The inbox's current files count too (no watching); then wait for every record.
    const inboxDir = resolve(options.inbox);
    const present = statSync(inboxDir, { throwIfNoEntry: false })?.isDirectory() ? await listInputFiles(inboxDir) : [];
    const summaries = await run.untilFinished([...finished, ...present.map((file) => run.follow(file, inboxDir))], options.deadline ?? ctx.env.KHABAR_DEADLINE_SECONDS);
    if (summaries === null) return; // halted: the halt reports and exits
    await drainWriteQueue(run.connection, ctx.settings);
    const failed = summaries.reduce((sum, s) => sum + s.failed, 0);
    ctx.logger.info({ ok: summaries.reduce((sum, s) => sum + s.ok, 0), failed, out: options.out }, 'all inputs finished');
    process.stdout.write(`${summaryLine(summaries, options.out)}\n`);
    await run.shutdown();
    process.exit(failed > 0 ? RUN_EXIT.failures : RUN_EXIT.ok);
  }
  await run.watch();
  await Promise.all(finished);
  ctx.logger.info({ inbox: options.inbox }, 'given paths finished; watching the inbox (Ctrl-C to stop)');
}

/** One `khabar run`'s parts, and the ways it ends: finished, a signal, or a halt (a Redis fault, the deadline). */
class PipelineRun {
  readonly connection: Redis;
  private readonly outDir: string;
  private readonly supervisor: Supervisor;
  private readonly ingestor: Ingestor;
  private readonly redisWatch: RedisWatch;
  private readonly notFinished = new Set<string>();
  private lock: RunLock | null = null;
  private dashboard: RunningDashboard | null = null;
  private dashboardConnection: Redis | null = null;
  private watcher: InboxWatcher | null = null;
  private feeds: RunningFeedWorker | null = null;
  private alerts: RunningAlertWorkers | null = null;
  private stopping: Promise<void> | null = null;
  private requestHalt: (halt: Halt) => void = () => {};
  private readonly halted = new Promise<Halt>((resolve) => { this.requestHalt = resolve; });

  constructor(private readonly ctx: CommandContext, private readonly options: RunOptions) {
    this.outDir = resolve(options.out);
    this.connection = ctx.connect();
    this.supervisor = new Supervisor(projectPath('bin', 'khabar.js'), { ...process.env, REDIS_URL: ctx.redis.url }, ctx.logger);
    // This process owns the output folder: an article processed before whose record is not in it
    // (output/ deleted, or another --out) is processed again rather than reported as written.
    const redoWhen = (id: string): boolean => !existsSync(recordPath(this.outDir, id));
    this.ingestor = new Ingestor({ connection: this.connection, settings: ctx.settings, logger: ctx.logger, maxFileBytes: ctx.env.KHABAR_MAX_FILE_BYTES, highWater: ctx.env.KHABAR_INGEST_HIGH_WATER, redoWhen });
    this.redisWatch = new RedisWatch({ url: ctx.redis.url, prefix: ctx.settings.prefix, logger: ctx.logger });
  }

  /** Takes the prefix's run lock (or exits 2 naming the live run), starts workers, dashboard and the Redis watch. */
  async start(dashboardSettings: DashboardConfig | null): Promise<void> {
    const { ctx, options } = this;
    try {
      this.lock = await acquireRunLock(this.connection, ctx.settings.prefix, this.outDir, ctx.logger);
    } catch (error) {
      await this.stopRedis();
      if (!(error instanceof LiveRunError)) throw error;
      process.stderr.write(`khabar: ${error.message}\n`);
      process.exit(RUN_EXIT.cannotStart);
    }
    // One process a core, each running every stage's worker and the writer (issue 21): five
    // processes a worker each cost five start-ups, five heaps and five copies of the models, and a
    // second process a stage added CPU and no speed. `khabar worker <stage>` still scales one stage out.
    for (let n = 1; n <= options.workers; n++) this.supervisor.start({ name: `${ALL_STAGES}#${n}`, args: ['worker', ALL_STAGES, '--out', this.outDir] });
    if (dashboardSettings) {
      this.dashboardConnection = ctx.connect();
      try {
        this.dashboard = await (await import('../dashboard/server.js')).startDashboard({ connection: this.dashboardConnection, settings: ctx.settings, config: dashboardSettings, logger: ctx.logger });
      } catch (error) {
        // Its port taken: nothing started for this run may outlive it (workers, the embedded Redis).
        await this.shutdown();
        throw error;
      }
      process.stdout.write(`khabar: dashboard at ${this.dashboard.url}/\n`);
    }
    ctx.logger.info({ redis: redactRedisUrl(ctx.redis.url), workerProcesses: options.workers, queues: allQueues(), out: options.out, inbox: options.inbox }, 'khabar running');
    const halt = (cause: string) => this.requestHalt({ code: RUN_EXIT.redisFault, cause });
    this.redisWatch.onFatal((error) => halt(error.message));
    ctx.redis.embedded?.onFatal((error) => halt(error.message));
    this.redisWatch.start();
    void this.halted.then((reason) => this.haltWithReport(reason));
    onShutdownSignal(ctx.logger, () => this.shutdown(), ctx.settings.shutdownTimeoutMs + 30_000);
  }

  /** Ingests a file and follows it to its records; a file Redis refused to queue halts the run. */
  follow(file: string, inboxDir: string | null): Promise<FileSummary | null> {
    this.notFinished.add(file);
    return this.ingestor.ingestFile(file, inboxDir).then(
      (summary) => {
        this.notFinished.delete(file);
        return summary;
      },
      (error: unknown) => {
        // Reading problems become failure records inside the ingest: what throws is Redis refusing the job.
        const fault = classifyRedisError(error);
        this.requestHalt(fault.kind === 'other' ? { code: RUN_EXIT.failures, cause: `could not queue ${file}: ${fault.cause}` } : { code: RUN_EXIT.redisFault, cause: describeRedisFault(fault) });
        return null;
      },
    );
  }

  /** Every input's summary, or null when the run halted first (a Redis fault, or the deadline passed). */
  async untilFinished(pending: Promise<FileSummary | null>[], deadlineSeconds: number | undefined): Promise<FileSummary[] | null> {
    const timer = deadlineSeconds === undefined ? null : setTimeout(() => this.requestHalt({ code: RUN_EXIT.deadline, cause: `the deadline of ${deadlineSeconds} s passed (--deadline / KHABAR_DEADLINE_SECONDS)` }), deadlineSeconds * 1000);
    const outcome = await Promise.race([Promise.all(pending), this.halted.then(() => null)]);
    if (timer) clearTimeout(timer);
    if (outcome === null || outcome.some((summary) => summary === null)) return null;
    return outcome.filter((summary): summary is FileSummary => summary !== null);
  }

  async watch(): Promise<void> {
    this.watcher = await watchInbox(this.options.inbox, this.ingestor, this.ctx.logger);
    await this.watcher.ready;
    // Feeds (`khabar feeds add`, and a config file's `feeds:`) are polled into the inbox this run watches.
    const configFile = this.options.config ?? this.ctx.env.KHABAR_CONFIG;
    if (configFile) {
      const store = new FeedStore(this.connection, this.ctx.settings.prefix);
      for (const spec of feedSpecsOf(readConfigFile(configFile))) await store.putSpec(spec.id, spec);
    }
    this.feeds = await startFeedWorker({ connection: this.ctx.connect(), settings: this.ctx.settings, logger: this.ctx.logger, inboxDir: resolve(this.options.inbox), maxBytes: this.ctx.env.KHABAR_MAX_FILE_BYTES });
    // Watches (`khabar watch add`) raise alerts on the records this run writes.
    this.alerts = startAlertWorkers({ connection: this.ctx.connect(), settings: this.ctx.settings, logger: this.ctx.logger, webhookSecret: this.ctx.env.KHABAR_WEBHOOK_SECRET ?? null });
  }

  /** Stops everything, once (a signal during a halt joins the stop under way). */
  shutdown(): Promise<void> {
    this.ctx.redis.embedded?.noteShutdown();
    this.stopping ??= (async () => {
      await this.stopPipeline();
      await this.stopRedis();
    })();
    return this.stopping;
  }

  private async stopPipeline(): Promise<void> {
    // Feeds and alerts stop beside the rest, within seconds (their jobs are retried or idempotent): a
    // Redis gone at Ctrl-C must not hold the stop past its limit with the workers still running.
    const sideWorkers = Promise.all([this.feeds?.close(), this.alerts?.close()]);
    await this.watcher?.close();
    await this.ingestor.close();
    await this.dashboard?.close();
    this.dashboardConnection?.disconnect();
    await this.supervisor.stop(this.ctx.settings.shutdownTimeoutMs + 5_000);
    await sideWorkers;
  }

  private async stopRedis(): Promise<void> {
    await this.lock?.release();
    this.redisWatch.stop();
    this.connection.disconnect();
    if (this.ctx.redis.embedded) {
      await this.ctx.redis.embedded.stop();
      rmSync(embeddedUrlFile(this.ctx.env.KHABAR_HOME), { force: true });
    }
  }

  /**
   * The run stops before its inputs are finished: the cause first, then every unfinished input and
   * where its articles stand (read after the workers stopped, before Redis does), then the exit code.
   */
  private async haltWithReport(halt: Halt): Promise<void> {
    if (this.stopping) return; // already stopping (a signal, or the run finished meanwhile)
    process.exitCode = halt.code;
    // Whatever the stop waits for (a close on a Redis that is gone), the process ends.
    setTimeout(() => process.exit(halt.code), this.ctx.settings.shutdownTimeoutMs + 30_000).unref();
    this.ctx.logger.error({ cause: halt.cause, exitCode: halt.code }, 'stopping the run before every input is finished');
    process.stdout.write(`khabar: stopping: ${halt.cause}\n`);
    const followed = new Map<string, string[] | null>(this.ingestor.unfinished().map((input) => [input.path, input.articleIds]));
    for (const path of this.notFinished) if (!followed.has(path)) followed.set(path, null);
    let inputs: UnfinishedInput[] = [...followed].map(([path, articleIds]) => ({ path, articleIds }));
    this.stopping = this.stopPipeline();
    await this.stopping;
    // Workers finish their active jobs while they stop: what they wrote meanwhile is no longer unfinished.
    const ids = inputs.flatMap((input) => input.articleIds ?? []);
    const markers = await getMarkers(this.redisWatch.connection, this.ctx.settings.prefix, ids).catch(() => null);
    const ended = new Set(markers ? ids.filter((_, index) => markers[index]) : []);
    inputs = inputs
      .map((input) => ({ ...input, articleIds: input.articleIds?.filter((id) => !ended.has(id)) ?? null }))
      .filter((input) => input.articleIds === null || input.articleIds.length > 0);
    const located = await locateArticles(this.redisWatch.connection, this.ctx.settings.prefix, inputs.flatMap((input) => input.articleIds ?? []));
    process.stdout.write(`khabar: ${inputs.length} input file(s) unfinished${inputs.length > 0 ? ':' : ''}\n${unfinishedLines(inputs, located).map((line) => `${line}\n`).join('')}`);
    this.ctx.logger.info({ unfinished: inputs.length }, 'unfinished inputs reported');
    await this.stopRedis();
    process.exit(halt.code);
  }
}
