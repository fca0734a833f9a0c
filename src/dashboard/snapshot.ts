import type { Queue } from 'bullmq';
import type { OutputReader, RecordSummary } from './output-reader.js';
import { parseWorkerName, percentile, perMinuteSeries, type WorkerProcess } from './stats.js';

export const JOB_STATES = ['waiting', 'active', 'completed', 'failed', 'delayed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface StageSnapshot {
  name: string;
  counts: Record<JobState, number>;
  /** Jobs completed per minute over the last hour, oldest first (BullMQ metrics). */
  completedPerMinute: number[];
  failedPerMinute: number[];
  /** Total completed since metrics began (BullMQ's counter; feeds Prometheus). */
  completedTotal: number;
  failedTotal: number;
  /** Processing time of recent completed jobs (the `ms` they return), in milliseconds. */
  processingMs: { p50: number | null; p95: number | null; samples: number };
  /**
   * Of the recent completed jobs, those that ran an article through every stage and its write in one
   * job (`khabar run`'s layout, src/pipeline/through-worker.ts), and the median ms of each step in
   * them: in that layout the later queues stay idle, and this is where their work shows.
   */
  through: { jobs: number; stepP50: Record<string, number | null> };
  workers: WorkerProcess[];
}

/** A through job's per-step times (`{ stages: { tokenise: 1.2, …, write: 3.4 } }`), or null for any other job. */
export function throughSteps(returnvalue: unknown): Record<string, number> | null {
  if (!returnvalue || typeof returnvalue !== 'object') return null;
  const { next, stages } = returnvalue as { next?: unknown; stages?: unknown };
  if (next !== 'written' || !stages || typeof stages !== 'object') return null;
  return Object.fromEntries(Object.entries(stages).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])));
}

function throughSummary(jobs: readonly { returnvalue?: unknown }[]): StageSnapshot['through'] {
  const steps = jobs.map((job) => throughSteps(job.returnvalue)).filter((found): found is Record<string, number> => found !== null);
  const names = [...new Set(steps.flatMap((found) => Object.keys(found)))];
  return { jobs: steps.length, stepP50: Object.fromEntries(names.map((name) => [name, percentile(steps.map((found) => found[name]).filter((ms): ms is number => ms !== undefined), 50)])) };
}

export interface FailureRow {
  /** The queue the job failed on, or `ingest`/`write` for failure records. */
  stage: string;
  jobId: string | null;
  reason: string;
  file: string | null;
  at: string | null;
  /** A bull-board link when the job is still in its queue. */
  queueLink: string | null;
}

export interface OverviewSnapshot {
  at: string;
  stages: StageSnapshot[];
  failures: FailureRow[];
  output: { records: number; failures: number };
}

/** How many completed jobs' return values the percentiles are taken over. */
const TIMING_SAMPLE = 200;
const FAILURES_SHOWN = 20;

/**
 * A completed job's processing time: the `ms` a stage returns (`{ articleId, ms, next }`: the NLP
 * alone), else the last attempt's wall time (finishedOn - processedOn), e.g. for the write queue.
 */
export function processingMs(job: { returnvalue?: unknown; processedOn?: number; finishedOn?: number }): number | null {
  const value = job.returnvalue;
  if (value && typeof value === 'object' && 'ms' in value) {
    const ms = (value as { ms: unknown }).ms;
    if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) return ms;
  }
  return job.processedOn && job.finishedOn && job.finishedOn >= job.processedOn ? job.finishedOn - job.processedOn : null;
}

async function stageSnapshot(queue: Queue, now: number): Promise<{ stage: StageSnapshot; recent: { finishedOn: number; ms: number; id: string }[] }> {
  const [counts, completed, failed, workers, recentJobs] = await Promise.all([
    queue.getJobCounts(...JOB_STATES),
    queue.getMetrics('completed', 0, 59),
    queue.getMetrics('failed', 0, 59),
    queue.getWorkers(),
    queue.getCompleted(0, TIMING_SAMPLE - 1),
  ]);
  const recent = recentJobs
    .map((job) => ({ id: job.id ?? '', finishedOn: job.finishedOn ?? 0, ms: processingMs(job) }))
    .filter((job): job is { id: string; finishedOn: number; ms: number } => job.ms !== null);
  const timings = recent.map((job) => job.ms);
  // A worker process holds several connections under one name (its blocking one too): one row each.
  const names = [...new Set(workers.map((client) => String(client['rawname'] ?? client['name'] ?? '')))];
  const processes = names.map((raw) => parseWorkerName(raw.includes(':w:') ? raw.slice(raw.indexOf(':w:') + 3) : raw));
  return {
    stage: {
      name: queue.name,
      counts: Object.fromEntries(JOB_STATES.map((state) => [state, counts[state] ?? 0])) as Record<JobState, number>,
      completedPerMinute: perMinuteSeries(completed.data, completed.meta, now),
      failedPerMinute: perMinuteSeries(failed.data, failed.meta, now),
      completedTotal: completed.meta.count,
      failedTotal: failed.meta.count,
      processingMs: { p50: percentile(timings, 50), p95: percentile(timings, 95), samples: timings.length },
      through: throughSummary(recentJobs),
      workers: processes.sort((a, b) => a.host.localeCompare(b.host) || (a.pid ?? 0) - (b.pid ?? 0)),
    },
    recent,
  };
}

async function queueFailures(queue: Queue, bullBoardPath: string): Promise<FailureRow[]> {
  const jobs = await queue.getFailed(0, FAILURES_SHOWN - 1);
  return jobs.map((job) => {
    const data = job.data as { record?: { source?: { file?: unknown } }; failure?: { origin?: { file?: unknown } } } | undefined;
    const file = data?.record?.source?.file ?? data?.failure?.origin?.file;
    return {
      stage: queue.name,
      jobId: job.id ?? null,
      reason: job.failedReason ?? '(no reason)',
      file: typeof file === 'string' ? file : null,
      at: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      queueLink: job.id ? `${bullBoardPath}/queue/${encodeURIComponent(queue.name)}/${encodeURIComponent(job.id)}` : null,
    };
  });
}

export interface SnapshotSource {
  queues: readonly Queue[];
  output: OutputReader;
  bullBoardPath: string;
  /** How many of the newest records the overview lists. */
  latestCount: number;
  /** The records' store when it is not the output folder (PostgreSQL): the latest records and their count come from it. */
  records?: { latest(limit: number): Promise<RecordSummary[]>; count(): Promise<number> };
}

export interface CollectedSnapshot {
  snapshot: OverviewSnapshot;
  /** The newest records, for the overview's list. */
  latest: RecordSummary[];
  /** Per queue: the recent completed jobs' timings (for the Prometheus histogram). */
  recentTimings: Map<string, { id: string; finishedOn: number; ms: number }[]>;
}

/** What the overview shows and /metrics exports, read in one go. */
export async function collectSnapshot(source: SnapshotSource, now = Date.now()): Promise<CollectedSnapshot> {
  const perStage = await Promise.all(source.queues.map((queue) => stageSnapshot(queue, now)));
  const fromQueues = (await Promise.all(source.queues.map((queue) => queueFailures(queue, source.bullBoardPath)))).flat();
  const fromFiles: FailureRow[] = (await source.output.latestFailures(FAILURES_SHOWN)).map((failure) => ({
    stage: failure.stage,
    jobId: failure.id,
    reason: `${failure.error.name}: ${failure.error.message}`,
    file: failure.origin.file,
    at: failure.failedAt,
    queueLink: null,
  }));
  // A job that exhausted its retries shows twice (its queue and its failure record): keep the queue's row, it links to bull-board.
  const seen = new Set(fromQueues.map((row) => row.jobId));
  const failures = [...fromQueues, ...fromFiles.filter((row) => !seen.has(row.jobId))]
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))
    .slice(0, FAILURES_SHOWN);
  return {
    snapshot: {
      at: new Date(now).toISOString(),
      stages: perStage.map((entry) => entry.stage),
      failures,
      // Failure records are files in either case (the record store keeps written articles only).
      output: { records: source.records ? await source.records.count() : await source.output.countFiles('articles'), failures: await source.output.countFiles('failed') },
    },
    latest: source.records ? await source.records.latest(source.latestCount) : await source.output.latestRecords(source.latestCount),
    recentTimings: new Map(perStage.map((entry) => [entry.stage.name, entry.recent])),
  };
}

/** Redis did not answer in time (down, or reconnecting): pages say so instead of hanging. */
export class RedisUnavailableError extends Error {
  constructor(what: string, ms: number) {
    super(`Redis did not answer within ${ms} ms (${what})`);
    this.name = 'RedisUnavailableError';
  }
}

/**
 * Our connections wait through a Redis restart (maxRetriesPerRequest: null) instead of failing,
 * which is right for workers and wrong for a page: give up after `ms`.
 */
export async function withinTime<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailableError(what, ms)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One snapshot shared by every open overview and every scrape: however many browsers are
 * watching, Redis is asked at most once per `maxAgeMs`.
 */
export class SnapshotCache {
  private latest: { at: number; value: CollectedSnapshot } | null = null;
  private pending: Promise<CollectedSnapshot> | null = null;

  constructor(private readonly source: SnapshotSource, private readonly maxAgeMs: number, private readonly timeoutMs = 5_000) {}

  async get(): Promise<CollectedSnapshot> {
    if (this.latest && Date.now() - this.latest.at < this.maxAgeMs) return this.latest.value;
    this.pending ??= withinTime(collectSnapshot(this.source), this.timeoutMs, 'pipeline snapshot')
      .then((value) => {
        this.latest = { at: Date.now(), value };
        return value;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}
