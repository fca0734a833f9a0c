import type { RecordInProgress, StageName } from '../src/schema/record.js';
import type { StageProcessor } from '../src/pipeline/stage-definition.js';
import { toRecord, type BenchArticle, type CorpusName } from './corpus/index.js';
import { dedupIndexKeys, pipelineKeys } from '../src/store/redis-keys.js';
import { ALL_STAGES, benchStage, errorMessage, initStage, initStages, stagesBefore, timeProcessor } from './lib/chain.js';
import { upstreamStream } from './lib/upstream.js';
import { startBenchRedis, usedMemory } from './lib/redis.js';
import { quantile, summarise, type Summary } from './lib/stats.js';
import { measureRate } from './lib/timing.js';

/** Text of about `bytes` UTF-8 bytes, cut at a space, made of consecutive corpus articles. */
export function textOfSize(articles: Iterator<BenchArticle>, bytes: number): string {
  let text = '';
  let size = 0;
  while (size < bytes) {
    const next = articles.next();
    if (next.done) break;
    const piece = `${next.value.text}\n\n`;
    text += piece;
    size += Buffer.byteLength(piece);
  }
  // Cut back to the target: at most one article too much, then trim to the last space before it.
  let cut = text;
  while (Buffer.byteLength(cut) > bytes) cut = cut.slice(0, Math.floor(cut.length * 0.98));
  const space = cut.lastIndexOf(' ');
  return (space > cut.length * 0.9 ? cut.slice(0, space) : cut).trimEnd();
}

export interface SizePoint {
  bytes: number;
  articles: number;
  rate: Summary;
}

export interface SizeScaling {
  name: string;
  status: 'ok' | 'not built yet' | 'failed';
  unit: 'chars/s' | 'tokens/s';
  points: SizePoint[];
  /** Rate at the largest size over rate at the smallest: near 1 means linear cost. */
  largestOverSmallest: number | null;
  error: string | null;
}

function sizeLabel(bytes: number): string {
  return bytes >= 1 << 20 ? `${bytes / (1 << 20)} MB` : `${bytes / 1024} KB`;
}

export { sizeLabel };

/**
 * The text layer and ner at articles of 1 KB … 1 MB: each size gets about `bytesPerRun` of text
 * a run (many small articles or one big one), so the rates compare; the cost must stay linear.
 */
export async function benchSizes(articles: () => Iterator<BenchArticle>, sizes: readonly number[], bytesPerRun: number, runs: number, log: (line: string) => void): Promise<SizeScaling[]> {
  const cases: { name: string; stage: StageName; unit: SizeScaling['unit'] }[] = [
    { name: 'text layer (tokenise)', stage: 'tokenise', unit: 'chars/s' },
    { name: 'ner', stage: 'ner', unit: 'tokens/s' },
  ];
  const results: SizeScaling[] = [];
  for (const sizeCase of cases) {
    const result: SizeScaling = { name: sizeCase.name, status: 'ok', unit: sizeCase.unit, points: [], largestOverSmallest: null, error: null };
    results.push(result);
    const definition = (await benchStage(sizeCase.stage))?.definition;
    if (!definition) {
      result.status = 'not built yet';
      log(`  ${sizeCase.name}: not built yet`);
      continue;
    }
    try {
      const source = articles();
      const upstream = await stagesBefore(sizeCase.stage);
      const { processors: upstreamProcessors } = await initStages(upstream);
      for (const bytes of sizes) {
        const count = Math.max(1, Math.round(bytesPerRun / bytes));
        let records: RecordInProgress[] = [];
        for (let i = 0; i < count; i++) {
          const text = textOfSize(source, bytes);
          records.push(toRecord({ id: (i + bytes).toString(16).padStart(16, '0'), title: '', text, source: 'bench', publishedAt: null }));
        }
        for (const process_ of upstreamProcessors) records = await Promise.all(records.map((record) => process_(record)));
        const units = sizeCase.unit === 'chars/s' ? records.reduce((sum, r) => sum + r.text.length, 0) : records.reduce((sum, r) => sum + (r.tokens?.length ?? 0), 0);
        const rate = await measureRate(runs, async () => {
          const process_ = await initStage(definition);
          const { ms, cpuMs } = await timeProcessor(process_, records);
          return { units, ms, cpuMs };
        });
        result.points.push({ bytes, articles: count, rate });
        log(`  ${sizeCase.name} at ${sizeLabel(bytes)}: ${Math.round(rate.median).toLocaleString('en')} ${sizeCase.unit} (spread ${(rate.spread * 100).toFixed(1)} %)`);
      }
      const first = result.points[0];
      const last = result.points[result.points.length - 1];
      if (first && last) result.largestOverSmallest = last.rate.median / first.rate.median;
    } catch (error) {
      result.status = 'failed';
      result.error = errorMessage(error);
      log(`  ${sizeCase.name}: failed: ${result.error}`);
    }
  }
  return results;
}

export interface DedupPoint {
  /** Articles in the index when measured. */
  indexed: number;
  /** Per-article dedup time over the last tenth before this point: median and spread (p10–p90). */
  memoryMicros: { median: number; p10: number; p90: number } | null;
  redisMicros: { median: number; p10: number; p90: number } | null;
  /** Redis `used_memory` growth per indexed article. */
  redisBytesPerArticle: number | null;
}

export interface DedupScaling {
  status: 'ok' | 'not built yet' | 'failed';
  upstream: string[];
  upstreamSkipped: string[];
  points: DedupPoint[];
  /** Checkpoints not reached, and where the run stopped when its time budget ran out. */
  notReached: number[];
  stoppedAt: number | null;
  error: string | null;
  corpus: string;
}

function window(values: readonly number[]): { median: number; p10: number; p90: number } {
  return { median: quantile(values, 0.5), p10: quantile(values, 0.1), p90: quantile(values, 0.9) };
}

/** The in-memory index is fed up to here: it is the in-process reference, not the shared index. */
const MEMORY_INDEX_LIMIT = 10_000;
/** Articles in flight on the Redis index between measured windows (fills the index faster). */
const FILL_CONCURRENCY = 4;

/**
 * Dedup as the index grows: one stream of generated articles through the upstream stages (in a
 * worker thread, untimed), then the dedup stage with the in-memory index (up to 10,000 articles)
 * and, on the same article, with the Redis index (a private Redis holding nothing else). At each
 * checkpoint: the per-article time over the last tenth of the articles before it, and Redis memory
 * per indexed article.
 *
 * Only the last tenth before each checkpoint is timed, one article at a time. Between those
 * windows the Redis index is filled with a few articles in flight, as several dedup workers would
 * fill it (every step is one atomic Lua script, so the index ends the same): that is what lets the
 * full run reach 100,000 articles within its budget on two cores.
 */
export async function benchDedupScaling(checkpoints: readonly number[], upstreamNames: readonly StageName[] | 'all', corpusName: CorpusName, budgetSeconds: number, log: (line: string) => void): Promise<DedupScaling> {
  const corpus = corpusName === 'saudinewsnet' ? 'SaudiNewsNet (its ~29,800 articles in date order, then generated ones)' : 'generated corpus (5 % exact, 15 % near copies, 10 % reused passages)';
  const result: DedupScaling = { status: 'ok', upstream: [], upstreamSkipped: [], points: [], notReached: [], stoppedAt: null, error: null, corpus };
  const definition = (await benchStage('dedup'))?.definition;
  if (!definition) {
    result.status = 'not built yet';
    log('  dedup scaling: not built yet');
    return result;
  }
  const before = ALL_STAGES.slice(0, ALL_STAGES.indexOf('dedup'));
  const upstreamStages = before.filter((name) => upstreamNames === 'all' || upstreamNames.includes(name));
  const last = Math.max(...checkpoints);
  const redis = await startBenchRedis('dedup-scaling');
  let stream: Awaited<ReturnType<typeof upstreamStream>> | null = null;
  try {
    stream = await upstreamStream(last, upstreamStages, corpusName);
    result.upstream = stream.names;
    result.upstreamSkipped = stream.skipped;
    let memory: StageProcessor | null = await initStage(definition);
    const redisIndex: StageProcessor = await initStage(definition, redis.client, 'bench-scale');
    const baseline = await usedMemory(redis.client);
    // Per-article times by article number (undefined where the article was not timed).
    const memoryMs: number[] = [];
    const redisMs: number[] = [];
    const pending = [...checkpoints].sort((a, b) => a - b);
    const timedWindow = (n: number): boolean => pending.some((at) => n >= Math.floor(at * 0.9) && n < at);
    const inFlight = new Set<Promise<unknown>>();
    const drain = async (): Promise<void> => {
      await Promise.all(inFlight);
    };
    const checkpoint = async (at: number): Promise<DedupPoint> => {
      await drain();
      const from = Math.floor(at * 0.9);
      const bytes = await usedMemory(redis.client);
      // The index's own count: an article met twice (SaudiNewsNet repeats a few) is indexed once.
      const distinct = Number((await redis.client.get(dedupIndexKeys.count(pipelineKeys.dedupIndex('bench-scale')))) ?? at);
      const timed = (values: number[]): { median: number; p10: number; p90: number } | null => {
        const window_ = values.slice(from, at).filter((ms) => ms !== undefined).map((ms) => ms * 1000);
        return window_.length > 0 ? window(window_) : null;
      };
      return { indexed: at, memoryMicros: timed(memoryMs), redisMicros: timed(redisMs), redisBytesPerArticle: (bytes - baseline) / Math.max(distinct, 1) };
    };
    let indexed = 0;
    // When the budget runs out: a last window of articles timed one at a time, then the figures there.
    let stopAt: number | null = null;
    const startedAt = Date.now();
    for await (const record of stream.records) {
      if (indexed >= last) break;
      if (stopAt === null && Date.now() - startedAt > budgetSeconds * 1000) {
        stopAt = indexed + Math.min(1000, Math.ceil(indexed / 10));
        log(`  dedup scaling: the time budget (${budgetSeconds} s) is spent at ${indexed.toLocaleString('en')} articles; timing ${(stopAt - indexed).toLocaleString('en')} more`);
      }
      if (stopAt !== null && indexed >= stopAt) {
        result.stoppedAt = indexed;
        // The figures where it stopped: how far the per-article cost had moved.
        if (indexed > (result.points[result.points.length - 1]?.indexed ?? 0)) result.points.push(await checkpoint(indexed));
        break;
      }
      if (memory && indexed < MEMORY_INDEX_LIMIT) {
        const started = performance.now();
        await memory(record);
        memoryMs[indexed] = performance.now() - started;
      } else {
        memory = null; // let the in-memory index go
      }
      if (stopAt !== null || timedWindow(indexed)) {
        await drain();
        const started = performance.now();
        await redisIndex(record);
        redisMs[indexed] = performance.now() - started;
      } else {
        const step = redisIndex(record).finally(() => inFlight.delete(step));
        inFlight.add(step);
        if (inFlight.size >= FILL_CONCURRENCY) await Promise.race(inFlight);
      }
      indexed++;
      if (indexed % 10_000 === 0 && indexed !== pending[0]) {
        log(`  dedup scaling: ${indexed.toLocaleString('en')} articles indexed (${Math.round((Date.now() - startedAt) / 1000)} s)`);
      }
      if (indexed === pending[0]) {
        pending.shift();
        const point = await checkpoint(indexed);
        result.points.push(point);
        const micros = (value: { median: number } | null): string => (value ? `${value.median.toFixed(0)} µs` : 'not run');
        log(`  dedup at ${indexed.toLocaleString('en')} articles: in-memory ${micros(point.memoryMicros)}, Redis ${micros(point.redisMicros)} an article, ${point.redisBytesPerArticle?.toFixed(0)} Redis bytes an article (${Math.round((Date.now() - startedAt) / 1000)} s)`);
      }
    }
    await drain();
    result.notReached = pending;
    if (pending.length > 0 && result.stoppedAt === null) log(`  dedup scaling: the stream ended at ${indexed} articles, before ${pending.join(', ')}`);
  } catch (error) {
    result.status = 'failed';
    result.error = errorMessage(error);
    log(`  dedup scaling: failed: ${result.error}`);
  } finally {
    await stream?.close();
    await redis.stop();
  }
  return result;
}

export { summarise };
