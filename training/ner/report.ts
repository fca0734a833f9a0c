// Text tables of conlleval scores for the evaluation script: one set, or k folds as mean ± spread.
import type { Scores } from './evaluate.js';

const TYPES = ['overall', 'PER', 'ORG', 'LOC', 'MISC'] as const;

/** Precision, recall, F1, gold and predicted counts per type. */
export function formatScores(scores: Scores): string {
  const lines = ['type      precision  recall     F1     gold  predicted'];
  for (const [type, s] of Object.entries(scores)) {
    lines.push(
      `${type.padEnd(9)} ${s.precision.toFixed(2).padStart(8)} ${s.recall.toFixed(2).padStart(8)} ${s.f1.toFixed(2).padStart(8)} ${String(s.gold).padStart(7)} ${String(s.predicted).padStart(9)}`,
    );
  }
  return lines.join('\n');
}

/** Mean and sample standard deviation. */
export function meanAndSpread(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.length < 2 ? 0 : values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * The k-fold headline: per type, the mean F1 of the folds ± its standard deviation, the lowest and
 * highest fold, and the pooled F1 (all folds' mentions counted together).
 */
export function summariseFolds(folds: readonly Scores[]): string {
  const lines = ['type      mean F1 ± sd        min     max  pooled F1'];
  for (const type of TYPES) {
    const f1s = folds.map((s) => s[type]!.f1);
    const { mean, sd } = meanAndSpread(f1s);
    const sum = (key: 'correct' | 'gold' | 'predicted'): number => folds.reduce((a, s) => a + s[type]![key], 0);
    const p = sum('correct') / sum('predicted');
    const r = sum('correct') / sum('gold');
    const pooled = p + r === 0 ? 0 : (200 * p * r) / (p + r);
    lines.push(
      `${type.padEnd(9)} ${mean.toFixed(2).padStart(7)} ± ${sd.toFixed(2).padEnd(5)} ${Math.min(...f1s).toFixed(2).padStart(7)} ${Math.max(...f1s).toFixed(2).padStart(7)} ${pooled.toFixed(2).padStart(9)}`,
    );
  }
  return lines.join('\n');
}
