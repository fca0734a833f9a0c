import { performance } from 'node:perf_hooks';
import { summarise, type Summary } from './stats.js';

/** One timed run: how much work it did (chars, tokens, articles) and how long it took. */
export interface TimedRun {
  units: number;
  ms: number;
  /** CPU time of this process (all threads) over the same work, when measured. */
  cpuMs?: number;
}

/** A rate measured by wall clock, and by this process's CPU time (less sensitive to other load). */
export type RateSummary = Summary & { samples: number[]; cpu: Summary | null };

/**
 * Runs `run` `warmups` times untimed (the JIT and caches settle), then `runs` times, and
 * summarises the rate (units a second) across runs: the median and the spread between runs.
 */
export async function measureRate(runs: number, run: () => Promise<TimedRun> | TimedRun, warmups = 1): Promise<RateSummary> {
  for (let i = 0; i < warmups; i++) await run();
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { units, ms, cpuMs } = await run();
    samples.push(ms > 0 ? (units / ms) * 1000 : Number.NaN);
    if (cpuMs !== undefined && cpuMs > 0) cpuSamples.push((units / cpuMs) * 1000);
  }
  return { ...summarise(samples), samples, cpu: cpuSamples.length === runs ? summarise(cpuSamples) : null };
}

/** Wall-clock and CPU milliseconds of one call. */
export async function timedCpu<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Times one async call. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}
