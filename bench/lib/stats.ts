/** Summary statistics for benchmark samples: medians and spreads, never a single run. */

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (position - low);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The median of several runs and how far apart the runs were. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: 0.05 means the runs agree within 5 %. */
  spread: number;
  runs: number;
}

export function summarise(values: readonly number[]): Summary {
  const med = median(values);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { median: med, min, max, spread: med === 0 ? 0 : (max - min) / med, runs: values.length };
}

/** Latency-style percentiles of many samples. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  return { p50: quantile(values, 0.5), p95: quantile(values, 0.95), p99: quantile(values, 0.99), max: values.length ? Math.max(...values) : Number.NaN, count: values.length };
}
