import { mkdtempSync, rmSync, watch, writeFileSync, renameSync, readFileSync, readdirSync, mkdirSync, type FSWatcher } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { analyse } from '../src/analyse.js';
import { loadEnv, queueSettings, type QueueSettings } from '../src/config.js';
import { getMarkers } from '../src/pipeline/markers.js';
import { openQueue } from '../src/pipeline/queues.js';
import { allQueues, firstQueue } from '../src/pipeline/stage-chain.js';
import { projectPath } from '../src/paths.js';
import type { StageName } from '../src/schema/record.js';
import { toRecord, type BenchArticle } from './corpus/index.js';
import { errorMessage, registeredStage } from './lib/chain.js';
import { cpuMs, peakRss, startProcess, stopProcess, type BenchProcess } from './lib/processes.js';
import { startBenchRedis, type BenchRedis } from './lib/redis.js';
import { median, percentiles, summarise, type Percentiles, type Summary } from './lib/stats.js';
import { timedCpu, type RateSummary, measureRate } from './lib/timing.js';
import type { BuiltCode } from './lib/build.js';
import { doneCounterKey } from './lib/noop-keys.js';
import { WORKER_NODE_FLAGS, workerEnv } from '../src/pipeline/worker-node-flags.js';

export interface PipelinePlan {
  /** Articles a timed run pushes through. */
  articlesPerRun: number;
  /** The no-op chain is far faster: its runs need more articles to last long enough to time. */
  noopArticlesPerRun: number;
  runs: number;
  warmupArticles: number;
  /** Seconds of steady input for the latency measurement. */
  latencySeconds: number;
  /** Longest a single run may take before it is declared failed. */
  runTimeoutMs: number;
}

export interface ChainResult {
  name: string;
  status: 'ok' | 'failed';
  articlesPerSecond: Summary | null;
  error: string | null;
  /** Peak RSS (bytes) per queue: the largest of that queue's processes. */
  peakRss: Record<string, number | null>;
  processes: number;
  /** Median ms each stage spent on an article inside the workers (from the written records). */
  stageMs: Record<string, number>;
  /** Articles over which the CPU figures were taken (the timed runs, not the warm-up). */
  articlesTimed: number;
  /** CPU ms an article over the timed runs, per process group (a queue's processes; `redis` for the server). */
  cpuMsPerArticle: Record<string, number | null>;
  /** JSON bytes of an article's job data as it entered each queue (kept completed jobs): median and max. */
  jobBytes: Record<string, { median: number; max: number } | null>;
}

export interface LatencyResult {
  status: 'ok' | 'failed' | 'skipped';
  ratePerSecond: number | null;
  latencyMs: Percentiles | null;
  error: string | null;
  ingestPeakRss: number | null;
}

export interface PipelineResult {
  inProcess: { status: 'ok' | 'failed'; articlesPerSecond: RateSummary | null; error: string | null };
  noop: ChainResult;
  khabar: ChainResult[];
  latency: LatencyResult;
}

/** Cuts the corpus into disjoint slices, one per run (ids must be new to the queues and indexes). */
function slices(articles: readonly BenchArticle[], plan: PipelinePlan): { warmup: BenchArticle[]; runs: BenchArticle[][]; rest: BenchArticle[] } {
  const warmup = articles.slice(0, plan.warmupArticles);
  const runs: BenchArticle[][] = [];
  let at = plan.warmupArticles;
  for (let i = 0; i < plan.runs; i++) {
    runs.push(articles.slice(at, at + plan.articlesPerRun));
    at += plan.articlesPerRun;
  }
  return { warmup, runs, rest: articles.slice(at) };
}

/** `analyse()` in this process on one core: the compute limit for one core. */
async function benchInProcess(articles: readonly BenchArticle[], plan: PipelinePlan): Promise<PipelineResult['inProcess']> {
  try {
    const { warmup, runs } = slices(articles, plan);
    const queue = [warmup, ...runs];
    const rate = await measureRate(plan.runs, async () => {
      const slice = queue.shift() ?? [];
      const { ms, cpuMs } = await timedCpu(async () => {
        for (const article of slice) await analyse(article.text, { title: article.title, source: article.source, publishedAt: article.publishedAt, url: `bench:${article.id}` });
      });
      return { units: slice.length, ms, cpuMs };
    });
    return { status: 'ok', articlesPerSecond: rate, error: null };
  } catch (error) {
    return { status: 'failed', articlesPerSecond: null, error: errorMessage(error) };
  }
}

/** Connection options (not a shared client): each queue object then owns and closes its connection. */
export function queueConnection(redis: BenchRedis): { host: string; port: number; maxRetriesPerRequest: null } {
  return { host: '127.0.0.1', port: redis.server.port, maxRetriesPerRequest: null };
}

export function benchSettings(prefix: string): QueueSettings {
  return { ...queueSettings(loadEnv({})), prefix };
}

/** Counts finished articles of a run: markers for khabar, the no-op writer's counter for the no-op chain. */
export type DoneCounter = (ids: readonly string[]) => Promise<{ done: number; failed: number }>;

export function markerCounter(redis: Redis, prefix: string): DoneCounter {
  const finished = new Map<string, 'ok' | 'failed'>();
  return async (ids) => {
    const pending = ids.filter((id) => !finished.has(id));
    for (let i = 0; i < pending.length; i += 1000) {
      const batch = pending.slice(i, i + 1000);
      const markers = await getMarkers(redis, prefix, batch);
      markers.forEach((marker, index) => {
        const id = batch[index];
        if (marker && id) finished.set(id, marker.status);
      });
    }
    let done = 0;
    let failed = 0;
    for (const id of ids) {
      const status = finished.get(id);
      if (status) done++;
      if (status === 'failed') failed++;
    }
    return { done, failed };
  };
}

function counterCounter(redis: Redis, prefix: string): DoneCounter {
  let base: number | null = null;
  return async (ids) => {
    const value = Number((await redis.get(doneCounterKey(prefix))) ?? '0');
    base ??= value;
    return { done: Math.min(ids.length, value - base), failed: 0 };
  };
}

/** Pushes one slice through the chain: articles a second from the first add to the last record. */
export async function pushSlice(first: Queue, slice: readonly BenchArticle[], makeCounter: () => DoneCounter, timeoutMs: number, procs: readonly BenchProcess[]): Promise<number> {
  const ids = [...new Set(slice.map((article) => article.id))];
  const count = makeCounter();
  await count(ids); // sets the counter's base before anything is added
  const started = performance.now();
  await first.addBulk(slice.map((article) => ({ name: 'article', data: { kind: 'record', record: toRecord(article) }, opts: { jobId: article.id } })));
  for (;;) {
    const { done, failed } = await count(ids);
    if (done >= ids.length) {
      if (failed > 0) throw new Error(`${failed} of ${ids.length} articles ended as failure records`);
      return (ids.length / (performance.now() - started)) * 1000;
    }
    const dead = procs.find((proc) => proc.exited());
    if (dead) throw new Error(`${dead.label} exited: ${dead.stderrTail().trim().split('\n').slice(-3).join(' | ')}`);
    if (performance.now() - started > timeoutMs) throw new Error(`run timed out after ${Math.round(timeoutMs / 1000)} s with ${done}/${ids.length} done`);
    await sleep(20);
  }
}

/** Waits until every queue has `perQueue` workers connected (BullMQ names its worker connections). */
export async function waitForWorkers(redis: BenchRedis, settings: QueueSettings, perQueue: number, procs: readonly BenchProcess[], timeoutMs = 120_000): Promise<void> {
  const queues = allQueues().map((name) => openQueue(name, queueConnection(redis), settings));
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const counts = await Promise.all(queues.map((queue) => queue.getWorkersCount()));
      if (counts.every((count) => count >= perQueue)) return;
      const dead = procs.find((proc) => proc.exited());
      if (dead) throw new Error(`${dead.label} exited at start: ${dead.stderrTail().trim().split('\n').slice(-3).join(' | ')}`);
      if (Date.now() > deadline) throw new Error(`workers not ready after ${timeoutMs / 1000} s (${counts.join('/')})`);
      await sleep(100);
    }
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}

/** Median time per stage inside the workers, read from up to 300 written records. */
function stageTimes(articlesDir: string): Record<string, number> {
  let names: string[];
  try {
    names = readdirSync(articlesDir).filter((name) => name.endsWith('.json')).slice(0, 300);
  } catch {
    return {};
  }
  const byStage = new Map<string, number[]>();
  for (const name of names) {
    try {
      const record = JSON.parse(readFileSync(join(articlesDir, name), 'utf8')) as { pipeline?: { stages?: Record<string, { ms?: number }> } };
      for (const [stage, run] of Object.entries(record.pipeline?.stages ?? {})) {
        if (typeof run.ms === 'number') byStage.set(stage, [...(byStage.get(stage) ?? []), run.ms]);
      }
    } catch {
      // a record being rewritten: skip it
    }
  }
  return Object.fromEntries([...byStage].map(([stage, values]) => [stage, Math.round(median(values) * 10) / 10]));
}

/** CPU ms used so far by each queue's processes (summed) and by the Redis server. */
function cpuByGroup(procs: readonly { queue: string; proc: BenchProcess }[], redis: BenchRedis): Map<string, number | null> {
  const groups = new Map<string, number | null>();
  for (const { queue, proc } of procs) {
    const used = cpuMs(proc.child.pid);
    const known = groups.get(queue);
    groups.set(queue, used === null || known === null ? null : (known ?? 0) + used);
  }
  groups.set('redis', cpuMs(redis.server.process.pid));
  return groups;
}

function cpuPerArticle(before: Map<string, number | null>, after: Map<string, number | null>, articles: number): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [group, end] of after) {
    const start = before.get(group);
    out[group] = end === null || start === null || start === undefined || articles === 0 ? null : Math.round(((end - start) / articles) * 100) / 100;
  }
  return out;
}

/** Job data bytes per queue, from the completed jobs each queue keeps (the last up to 100). */
async function jobBytes(redis: BenchRedis, settings: QueueSettings): Promise<ChainResult['jobBytes']> {
  const out: ChainResult['jobBytes'] = {};
  for (const name of allQueues()) {
    const queue = openQueue(name, queueConnection(redis), settings);
    try {
      const jobs = await queue.getCompleted(0, 99);
      const sizes = jobs.filter((job) => job.name !== 'story').map((job) => Buffer.byteLength(JSON.stringify(job.data)));
      out[name] = sizes.length === 0 ? null : { median: Math.round(median(sizes)), max: Math.max(...sizes) };
    } finally {
      await queue.close();
    }
  }
  return out;
}

interface ChainSpec {
  name: string;
  kind: 'noop' | 'khabar';
  /** Processes a queue; with `all`, processes that each run every queue (`khabar run`'s layout). */
  perQueue: number;
  all?: boolean;
  /** Runs while the workers are still up (the latency measurement), given the chain's median rate. */
  afterRuns?: (context: { redis: BenchRedis; env: NodeJS.ProcessEnv; outDir: string; rate: number }) => Promise<void>;
}

/**
 * `BENCH_CPU_PROF_DIR=dir` writes a V8 CPU profile of every khabar worker process into dir (open
 * it in Chrome's DevTools or read it with a script): where a worker's CPU goes, beside the figures.
 */
export function workerNodeFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROF_DIR;
  // The flags `khabar run` starts its workers with; BENCH_WORKER_NODE_FLAGS (space-separated, may be
  // empty) replaces them, to compare.
  const flags = process.env.BENCH_WORKER_NODE_FLAGS ?? WORKER_NODE_FLAGS.join(' ');
  return [...flags.split(' ').filter(Boolean), ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [])];
}

function stageConcurrency(queue: string): number {
  const stage = registeredStage(queue as StageName);
  return stage ? stage.concurrency : 4; // the writer's default
}

async function benchChain(spec: ChainSpec, articles: readonly BenchArticle[], plan: PipelinePlan, built: BuiltCode, log: (line: string) => void): Promise<ChainResult> {
  const result: ChainResult = { name: spec.name, status: 'ok', articlesPerSecond: null, error: null, peakRss: {}, processes: 0, stageMs: {}, articlesTimed: 0, cpuMsPerArticle: {}, jobBytes: {} };
  const prefix = `bench-${spec.kind}-${spec.all ? 'all' : ''}${spec.perQueue}`;
  const settings = benchSettings(prefix);
  // AOF on (everysec), as `khabar run` starts its embedded Redis.
  const redis = await startBenchRedis(`${spec.kind}${spec.all ? 'all' : ''}${spec.perQueue}`, { appendonly: true });
  const outDir = mkdtempSync(join(tmpdir(), 'khabar-bench-out-'));
  const env: NodeJS.ProcessEnv = { ...workerEnv(process.env), REDIS_URL: redis.url, KHABAR_PREFIX: prefix, KHABAR_LOG_LEVEL: 'warn', KHABAR_LOG_FORMAT: 'json', BENCH_CONCURRENCY: '' };
  const procs: { queue: string; proc: BenchProcess }[] = [];
  const first = openQueue(firstQueue(), queueConnection(redis), settings);
  try {
    for (let n = 1; spec.all && n <= spec.perQueue; n++) {
      procs.push({ queue: 'all', proc: startProcess(`khabar all#${n}`, process.execPath, [...workerNodeFlags(), ...built.cli, 'worker', 'all', '--out', outDir], env, projectPath()) });
    }
    for (const queue of spec.all ? [] : allQueues()) {
      for (let n = 1; n <= spec.perQueue; n++) {
        const label = `${spec.kind} ${queue}#${n}`;
        const proc = spec.kind === 'noop'
          ? startProcess(label, process.execPath, [built.noopWorker, queue], { ...env, BENCH_CONCURRENCY: String(stageConcurrency(queue)) }, projectPath())
          : startProcess(label, process.execPath, [...workerNodeFlags(), ...built.cli, 'worker', queue, '--out', outDir], env, projectPath());
        procs.push({ queue, proc });
      }
    }
    result.processes = procs.length;
    const all = procs.map((entry) => entry.proc);
    const spawned = performance.now();
    await waitForWorkers(redis, settings, spec.perQueue, all);
    log(`    ${spec.name}: ${all.length} processes ready in ${((performance.now() - spawned) / 1000).toFixed(1)} s`);
    const makeCounter = (): DoneCounter => (spec.kind === 'noop' ? counterCounter(redis.client, prefix) : markerCounter(redis.client, prefix));
    const { warmup, runs } = slices(articles, spec.kind === 'noop' ? { ...plan, articlesPerRun: plan.noopArticlesPerRun } : plan);
    await pushSlice(first, warmup, makeCounter, plan.runTimeoutMs, all);
    const cpuBefore = cpuByGroup(procs, redis);
    const rates: number[] = [];
    for (const slice of runs) rates.push(await pushSlice(first, slice, makeCounter, plan.runTimeoutMs, all));
    result.articlesPerSecond = summarise(rates);
    result.articlesTimed = runs.reduce((sum, slice) => sum + slice.length, 0);
    result.cpuMsPerArticle = cpuPerArticle(cpuBefore, cpuByGroup(procs, redis), result.articlesTimed);
    result.jobBytes = await jobBytes(redis, settings);
    if (spec.afterRuns) await spec.afterRuns({ redis, env, outDir, rate: result.articlesPerSecond.median });
  } catch (error) {
    result.status = 'failed';
    result.error = errorMessage(error);
  } finally {
    for (const { queue, proc } of procs) {
      const peak = peakRss(proc.child.pid);
      const known = result.peakRss[queue];
      result.peakRss[queue] = peak === null ? (known ?? null) : Math.max(peak, known ?? 0);
    }
    await Promise.all(procs.map(({ proc }) => stopProcess(proc)));
    await first.close();
    await redis.stop();
    result.stageMs = stageTimes(join(outDir, 'articles'));
    rmSync(outDir, { recursive: true, force: true });
  }
  return result;
}

/**
 * Latency from a file landing in the inbox (atomic rename) to its record on disk (the writer's
 * rename, seen by fs.watch), at `rate` files a second, through `khabar ingest --watch` and the
 * chain's running workers.
 */
async function measureLatency(context: { env: NodeJS.ProcessEnv; outDir: string; rate: number }, articles: readonly BenchArticle[], seconds: number, timeoutMs: number, built: BuiltCode): Promise<LatencyResult> {
  const result: LatencyResult = { status: 'ok', ratePerSecond: context.rate, latencyMs: null, error: null, ingestPeakRss: null };
  const inbox = mkdtempSync(join(tmpdir(), 'khabar-bench-inbox-'));
  const articlesDir = join(context.outDir, 'articles');
  mkdirSync(articlesDir, { recursive: true });
  const seen = new Map<string, number>();
  let watcher: FSWatcher | null = null;
  const ingest = startProcess('ingest', process.execPath, [...built.cli, 'ingest', '--watch', inbox], context.env, projectPath());
  try {
    watcher = watch(articlesDir, (_event, name) => {
      if (name && /^[0-9a-f]{16}\.json$/.test(name) && !seen.has(name)) seen.set(name, Date.now());
    });
    const landed = new Map<string, number>();
    const drop = (article: BenchArticle, name: string): void => {
      const temp = join(inbox, `.${name}.tmp`);
      writeFileSync(temp, `${article.title}\n\n${article.text}`);
      renameSync(temp, join(inbox, name));
      landed.set(name, Date.now());
    };
    // One file first, to know the ingest is up (its start-up is not latency).
    const [probe, ...rest] = articles;
    if (!probe) throw new Error('no articles left for the latency run');
    drop(probe, 'warmup.txt');
    const warmDeadline = Date.now() + 60_000;
    while (seen.size < 1) {
      if (ingest.exited()) throw new Error(`ingest exited: ${ingest.stderrTail().trim().slice(-300)}`);
      if (Date.now() > warmDeadline) throw new Error('the first file did not come through within 60 s');
      await sleep(20);
    }
    const baseline = seen.size;
    const count = Math.max(20, Math.min(rest.length, Math.round(context.rate * seconds)));
    const intervalMs = 1000 / context.rate;
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const article = rest[i];
      if (!article) break;
      const due = start + i * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      drop(article, `lat-${String(i).padStart(6, '0')}.txt`);
    }
    const deadline = Date.now() + timeoutMs;
    while (seen.size < baseline + count && Date.now() < deadline) await sleep(50);
    const latencies: number[] = [];
    for (const [name, at] of seen) {
      const record = JSON.parse(readFileSync(join(articlesDir, name), 'utf8')) as { source?: { file?: string | null } };
      const file = record.source?.file ?? null;
      const landedAt = file ? landed.get(file) : undefined;
      if (file && file !== 'warmup.txt' && landedAt !== undefined) latencies.push(at - landedAt);
    }
    if (latencies.length < count) throw new Error(`only ${latencies.length} of ${count} records arrived within ${Math.round(timeoutMs / 1000)} s`);
    result.latencyMs = percentiles(latencies);
  } catch (error) {
    result.status = 'failed';
    result.error = errorMessage(error);
  } finally {
    watcher?.close();
    result.ingestPeakRss = peakRss(ingest.child.pid);
    await stopProcess(ingest);
    rmSync(inbox, { recursive: true, force: true });
  }
  return result;
}

/**
 * The whole pipeline against its limits, in one run: analyse() in-process (compute limit of one
 * core), the no-op chain through BullMQ (queue limit), khabar's workers as processes (1 and 2 a
 * queue), and the inbox-to-disk latency at half of the 1-a-queue throughput.
 */
export async function benchPipeline(articles: readonly BenchArticle[], plan: PipelinePlan, workerCounts: readonly number[], built: BuiltCode, log: (line: string) => void): Promise<PipelineResult> {
  const inProcess = await benchInProcess(articles, plan);
  log(inProcess.articlesPerSecond ? `  analyse() in-process: ${inProcess.articlesPerSecond.median.toFixed(1)} articles/s` : `  analyse() in-process: failed: ${inProcess.error ?? ''}`);
  const noop = await benchChain({ name: 'no-op chain (BullMQ + Redis)', kind: 'noop', perQueue: 1 }, articles, plan, built, log);
  log(noop.articlesPerSecond ? `  no-op chain: ${noop.articlesPerSecond.median.toFixed(1)} articles/s` : `  no-op chain: failed: ${noop.error ?? ''}`);
  const { rest } = slices(articles, plan);
  let latency: LatencyResult = { status: 'skipped', ratePerSecond: null, latencyMs: null, error: 'the 1-worker chain did not run', ingestPeakRss: null };
  const khabar: ChainResult[] = [];
  // `khabar run`'s default layout first: one process a core, each running every stage and the writer.
  const cores = availableParallelism();
  const runLayout = await benchChain({ name: `khabar run layout, ${cores} processes each running every stage`, kind: 'khabar', perQueue: cores, all: true }, articles, plan, built, log);
  khabar.push(runLayout);
  log(runLayout.articlesPerSecond ? `  ${runLayout.name}: ${runLayout.articlesPerSecond.median.toFixed(1)} articles/s` : `  ${runLayout.name}: failed: ${runLayout.error ?? ''}`);
  for (const perQueue of workerCounts) {
    const spec: ChainSpec = { name: `khabar, ${perQueue} worker process${perQueue > 1 ? 'es' : ''} a queue`, kind: 'khabar', perQueue };
    if (perQueue === workerCounts[0]) {
      spec.afterRuns = async ({ env, outDir, rate }) => {
        latency = await measureLatency({ env, outDir, rate: rate / 2 }, rest, plan.latencySeconds, plan.runTimeoutMs, built);
      };
    }
    const chain = await benchChain(spec, articles, plan, built, log);
    khabar.push(chain);
    log(chain.articlesPerSecond ? `  ${chain.name}: ${chain.articlesPerSecond.median.toFixed(1)} articles/s` : `  ${chain.name}: failed: ${chain.error ?? ''}`);
  }
  const finalLatency = latency as LatencyResult;
  log(finalLatency.latencyMs ? `  latency at ${finalLatency.ratePerSecond?.toFixed(1) ?? '?'} files/s: p50 ${finalLatency.latencyMs.p50.toFixed(0)} ms, p95 ${finalLatency.latencyMs.p95.toFixed(0)} ms, p99 ${finalLatency.latencyMs.p99.toFixed(0)} ms` : `  latency: ${finalLatency.status}: ${finalLatency.error ?? ''}`);
  return { inProcess, noop, khabar, latency: finalLatency };
}
