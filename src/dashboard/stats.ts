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

/**
 * BullMQ keeps per-minute counts newest first, up to the last minute in which a job finished
 * (`prevTS`). Returns the last `minutes` minutes up to now, oldest first, with the idle minutes
 * since `prevTS` as zeros.
 */
export function perMinuteSeries(newestFirst: readonly number[], prevTS: number, now: number, minutes = 60): number[] {
  const idle = prevTS > 0 ? Math.max(0, Math.floor(now / 60_000) - Math.floor(prevTS / 60_000)) : minutes;
  const series = [...Array<number>(Math.min(idle, minutes)).fill(0), ...newestFirst].slice(0, minutes);
  while (series.length < minutes) series.push(0);
  return series.reverse();
}
