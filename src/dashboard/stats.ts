/** Small pure helpers behind the overview's figures (tested on their own). */

/** Nearest-rank percentile (p in [0, 100]) of the values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? null;
}

export interface WorkerProcess {
  host: string;
  pid: number | null;
  concurrency: number | null;
  /** When the worker started (ISO), from the millis in its name. */
  since: string | null;
  /** The worker's name as BullMQ reports it (for workers not named by khabar). */
  name: string;
}

/**
 * Reads a worker name of the form `host:pid:c<concurrency>:<startMillis>` (src/pipeline/worker-common.ts).
 * The host may itself hold colons (IPv6), so the name is read from the right.
 */
export function parseWorkerName(name: string): WorkerProcess {
  const parts = name.split(':');
  const startText = parts.at(-1) ?? '';
  const concurrencyText = parts.at(-2) ?? '';
  const pidText = parts.at(-3) ?? '';
  const started = /^\d{10,}$/.test(startText) ? Number(startText) : NaN;
  const concurrency = /^c\d+$/.test(concurrencyText) ? Number(concurrencyText.slice(1)) : NaN;
  const pid = /^\d+$/.test(pidText) ? Number(pidText) : NaN;
  if (parts.length < 4 || Number.isNaN(started) || Number.isNaN(concurrency) || Number.isNaN(pid)) {
    return { host: name, pid: null, concurrency: null, since: null, name };
  }
  return { host: parts.slice(0, -3).join(':'), pid, concurrency, since: new Date(started).toISOString(), name };
}

/** BullMQ's metrics meta for one queue and kind (completed or failed). */
export interface MetricsMeta {
  /** Jobs counted since metrics began. */
  count: number;
  /** When the last data point was pushed (ms), 0 if never. */
  prevTS: number;
  /** `count` when that point was pushed. */
  prevCount: number;
}

/**
 * BullMQ's per-minute counts up to now, oldest first. BullMQ (collectMetrics.lua) pushes a data
 * point only when a job finishes in a later minute than `prevTS`: the list, newest first, starts at
 * the minute before `prevTS`'s; the jobs since (`count - prevCount`) all finished in `prevTS`'s
 * minute; and the minutes after it, up to now, had none.
 */
export function perMinuteSeries(newestFirst: readonly number[], meta: MetricsMeta, now: number, minutes = 60): number[] {
  if (meta.prevTS <= 0) return Array<number>(minutes).fill(0);
  const idle = Math.max(0, Math.floor(now / 60_000) - Math.floor(meta.prevTS / 60_000));
  const pending = Math.max(0, meta.count - meta.prevCount);
  const series = [...Array<number>(Math.min(idle, minutes)).fill(0), pending, ...newestFirst].slice(0, minutes);
  while (series.length < minutes) series.push(0);
  return series.reverse();
}
