/**
 * npm run train:story-pairs [-- --write] [--sets a,b,...]
 *
 * Trains the learned similar-content rule (src/nlp/dedup/event-pair-model.ts) on the SPENT story
 * golds and measures it with whole gold sets held out:
 * 1. each set's articles run once through the real stages (tokenise → ner → claims, in process) and
 *    the in-memory dedup index with the hand rule, which reports every candidate pair it weighed
 *    behind the gates, with its features; a pair is positive when the gold puts both in one event;
 * 2. leave one set out: for each set, a logistic model trained on the other sets' pairs runs the
 *    set end to end (`eventPairModel` 1) and its pairwise and B-cubed F1 are printed beside the hand
 *    rule's (which was tuned on every one of these sets, so its figures here are not blind);
 * 3. with `--write`, the model trained on every set is written to
 *    src/nlp/dedup/data/story-pair-model.json, with the command and the sets it was trained on.
 * `--threshold best` picks the threshold by pair-level F1 on the training pairs (default 0.5);
 * `--out FILE` writes elsewhere (with `--sets`, a model of some sets only, for
 * `eval:stories -- --models FILE --option eventPairModel=1`).
 * Blind sets (any not listed in `SPENT`) are never read: add a set here only after its one blind run.
 */
import './closed-pipe.js';
import { writeFileSync } from 'node:fs';
import { pino } from 'pino';
import { STAGES } from '../src/pipeline/stage-chain.js';
import { dedupInputOf } from '../src/pipeline/stages/dedup.js';
import { newRecord } from '../src/pipeline/new-record.js';
import { MemoryDedupIndex, dedupOptions } from '../src/store/dedup-index.js';
import type { DedupInput } from '../src/nlp/dedup/index-contract.js';
import { PAIR_FEATURES, type ShippedPairModel } from '../src/nlp/dedup/event-pair-model.js';
import type { WeighedPair } from '../src/nlp/dedup/steps/similar-content.js';
import { readGoldSplit, type Split } from '../training/stories/gold.js';
import { clusterScores } from '../training/stories/metrics.js';

/** The spent story golds (each README's "Evaluations" says when it was spent), as name → folder and part. */
const SPENT: Array<{ name: string; dir: string; part: Split }> = [
  { name: 'A-tune', dir: 'test/fixtures/stories-gold', part: 'tune' },
  { name: 'A', dir: 'test/fixtures/stories-gold', part: 'heldout' },
  ...['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((letter) => ({ name: letter.toUpperCase(), dir: `test/fixtures/stories-gold-${letter}`, part: 'heldout' as const })),
];
const MODEL_PATH = argValue('--out') ?? 'src/nlp/dedup/data/story-pair-model.json';
/** L2 penalty on the standardised weights: the sets are small, and a feature that fires on few pairs should not decide alone. */
const L2 = Number(argValue('--l2') ?? 0.05);
/** A fixed probability threshold instead of the best pair-level F1 on the training pairs. */
const FIXED_THRESHOLD = argValue('--threshold') === 'best' ? null : Number(argValue('--threshold') ?? 0.5);

function argValue(flag: string): string | null {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}
const write = process.argv.includes('--write');
const FLOOR = argValue('--floor') === null ? null : Number(argValue('--floor'));
const only = (() => {
  const at = process.argv.indexOf('--sets');
  return at >= 0 ? new Set((process.argv[at + 1] ?? '').split(',').map((s) => s.trim().toUpperCase())) : null;
})();
const sets = SPENT.filter((set) => only === null || only.has(set.name));

interface PreparedSet {
  name: string;
  inputs: DedupInput[];
  events: string[];
  pairs: Array<{ features: number[]; label: 0 | 1; rule: boolean }>;
}

const logger = pino({ level: 'silent' });
const upstream = await Promise.all(STAGES.filter((stage) => stage.name !== 'dedup').map((stage) => stage.init({ redis: null, prefix: 'train-story-pairs', logger })));

async function prepareSet(set: (typeof SPENT)[number]): Promise<PreparedSet> {
  const gold = readGoldSplit(set.part, set.dir);
  const inputs: DedupInput[] = [];
  for (const { article } of gold) {
    let record = newRecord({ ...article, line: null, file: null }, { origin: null, pipelineVersion: 'train-story-pairs' });
    for (const processor of upstream) record = await processor(record);
    inputs.push(dedupInputOf(record));
  }
  const events = gold.map((g) => g.event);
  const eventOf = new Map(inputs.map((input, i) => [input.id, events[i]!]));
  const weighed: WeighedPair[] = [];
  const index = new MemoryDedupIndex(dedupOptions({ eventPairModel: 0 }), undefined, undefined, { observe: (pair) => weighed.push(pair) });
  for (const input of inputs) await index.processArticle(input);
  const pairs = weighed.map((pair) => ({ features: pair.features, label: (eventOf.get(pair.a) === eventOf.get(pair.b) ? 1 : 0) as 0 | 1, rule: pair.rule }));
  return { name: set.name, inputs, events, pairs };
}

/** L2-regularised logistic regression on standardised features (Newton's method), weights returned on the raw features. */
function trainLogistic(rows: ReadonlyArray<{ features: number[]; label: 0 | 1 }>, d: number): { weights: number[]; bias: number } {
  const n = rows.length;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const row of rows) row.features.forEach((v, j) => (mean[j]! += v / n));
  for (const row of rows) row.features.forEach((v, j) => (std[j]! += (v - mean[j]!) ** 2 / n));
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]!) || 1;
  const x = rows.map((row) => [1, ...row.features.map((v, j) => (v - mean[j]!) / std[j]!)]);
  const w = new Array<number>(d + 1).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const p = 1 / (1 + Math.exp(-xi.reduce((sum, v, j) => sum + v * w[j]!, 0)));
      const r = p - rows[i]!.label;
      const s = p * (1 - p);
      for (let j = 0; j <= d; j++) {
        gradient[j]! += r * xi[j]!;
        for (let k = 0; k <= d; k++) hessian[j]![k]! += s * xi[j]! * xi[k]!;
      }
    }
    for (let j = 1; j <= d; j++) {
      gradient[j]! += L2 * n * 0.01 * w[j]!;
      hessian[j]![j]! += L2 * n * 0.01;
    }
    for (let j = 0; j <= d; j++) hessian[j]![j]! += 1e-9;
    const step = solve(hessian, gradient);
    let change = 0;
    for (let j = 0; j <= d; j++) {
      w[j]! -= step[j]!;
      change = Math.max(change, Math.abs(step[j]!));
    }
    if (change < 1e-8) break;
  }
  const weights = mean.map((_, j) => w[j + 1]! / std[j]!);
  const bias = w[0]! - mean.reduce((sum, m, j) => sum + (w[j + 1]! * m) / std[j]!, 0);
  return { weights, bias };
}

/** Gaussian elimination with partial pivoting. */
function solve(matrix: number[][], vector: number[]): number[] {
  const m = matrix.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let row = col + 1; row < m; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const head = a[col]![col]!;
    if (Math.abs(head) < 1e-12) continue;
    for (let row = 0; row < m; row++) {
      if (row === col) continue;
      const factor = a[row]![col]! / head;
      for (let k = col; k <= m; k++) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  return a.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[m]! / row[i]!));
}

/** The probability threshold with the best pair-level F1 on the training pairs. */
function bestThreshold(rows: ReadonlyArray<{ features: number[]; label: 0 | 1 }>, model: { weights: number[]; bias: number }): number {
  const scored = rows.map((row) => ({ p: 1 / (1 + Math.exp(-(model.bias + row.features.reduce((s, v, j) => s + v * model.weights[j]!, 0)))), label: row.label }));
  const positives = scored.filter((s) => s.label === 1).length;
  let best = { f1: -1, threshold: 0.5 };
  for (let t = 0.2; t <= 0.8001; t += 0.025) {
    const predicted = scored.filter((s) => s.p >= t);
    const tp = predicted.filter((s) => s.label === 1).length;
    const f1 = predicted.length + positives === 0 ? 0 : (2 * tp) / (predicted.length + positives);
    if (f1 > best.f1) best = { f1, threshold: Number(t.toFixed(3)) };
  }
  return best.threshold;
}

function fit(training: readonly PreparedSet[], trainedOn: string): ShippedPairModel {
  const rows = training.flatMap((set) => set.pairs);
  const model = trainLogistic(rows, PAIR_FEATURES.length);
  return { features: [...PAIR_FEATURES], ...model, threshold: FIXED_THRESHOLD ?? bestThreshold(rows, model), trainedOn };
}

async function storyScores(set: PreparedSet, model: ShippedPairModel | null) {
  const index = new MemoryDedupIndex(dedupOptions({ eventPairModel: model ? 1 : 0, ...(FLOOR === null ? {} : { eventModelFloor: FLOOR }) }), undefined, undefined, model ? { model } : {});
  for (const input of set.inputs) await index.processArticle(input);
  const predicted: string[] = [];
  for (const input of set.inputs) predicted.push((await index.storyStatus(input.id))!.storyId);
  return clusterScores(predicted, set.events);
}

const prepared: PreparedSet[] = [];
for (const set of sets) {
  const started = performance.now();
  prepared.push(await prepareSet(set));
  const last = prepared.at(-1)!;
  console.error(`${set.name}: ${last.inputs.length} articles, ${last.pairs.length} weighed pairs (${last.pairs.filter((p) => p.label === 1).length} of one event) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const f = (x: number) => x.toFixed(3);
if (process.argv.includes('--histogram')) {
  const all = prepared.flatMap((set) => set.pairs);
  for (const [lo, hi] of [[0, 0.03], [0.03, 0.05], [0.05, 0.075], [0.075, 0.1], [0.1, 0.15], [0.15, 0.2], [0.2, 1.01]] as const) {
    const inBin = all.filter((p) => p.features[0]! >= lo && p.features[0]! < hi);
    console.log(`similarity ${lo}–${hi}: ${inBin.length} pairs, ${inBin.filter((p) => p.label === 1).length} of one event, hand rule joins ${inBin.filter((p) => p.rule).length}`);
  }
}
console.log('set        hand rule (tuned on all)   learned, this set held out');
const totals = { rule: [0, 0], learned: [0, 0] };
for (const set of prepared) {
  const model = fit(prepared.filter((other) => other !== set), `all spent sets but ${set.name}`);
  const rule = await storyScores(set, null);
  const learned = await storyScores(set, model);
  totals.rule[0]! += rule.pairwise.f1;
  totals.rule[1]! += rule.bcubed.f1;
  totals.learned[0]! += learned.pairwise.f1;
  totals.learned[1]! += learned.bcubed.f1;
  console.log(`${set.name.padEnd(10)} ${f(rule.pairwise.f1)} / ${f(rule.bcubed.f1)}              ${f(learned.pairwise.f1)} / ${f(learned.bcubed.f1)}  (P ${f(learned.pairwise.precision)} R ${f(learned.pairwise.recall)}, threshold ${model.threshold})`);
}
const k = prepared.length;
console.log(`mean       ${f(totals.rule[0]! / k)} / ${f(totals.rule[1]! / k)}              ${f(totals.learned[0]! / k)} / ${f(totals.learned[1]! / k)}`);

if (write) {
  const model = fit(prepared, `npm run train:story-pairs -- --write${FIXED_THRESHOLD === null ? ' --threshold best' : ''}: the spent story golds ${prepared.map((s) => s.name).join(', ')}; L2 ${L2}`);
  writeFileSync(MODEL_PATH, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`wrote ${MODEL_PATH}: threshold ${model.threshold}; weights ${model.features.map((name, j) => `${name} ${model.weights[j]!.toFixed(3)}`).join(', ')}; bias ${model.bias.toFixed(3)}`);
}
