import type { MachineInfo } from './lib/machine.js';
import type { ChainResult, PipelineResult } from './pipeline.js';
import type { DedupScaling, SizeScaling } from './scaling.js';
import { sizeLabel } from './scaling.js';
import type { StageFigure } from './stages.js';
import type { ApiBench } from './api-pg.js';

/** Everything one benchmark run measured: what results/<date>.json holds. */
export interface BenchReport {
  mode: 'quick' | 'full';
  startedAt: string;
  finishedAt: string;
  seconds: number;
  command: string;
  corpus: { name: string; articles: number; note: string };
  machine: MachineInfo;
  loadAverageAtEnd: number[];
  stages: StageFigure[];
  sizes: SizeScaling[];
  dedupScaling: DedupScaling;
  pipeline: PipelineResult;
  /** The read API on PostgreSQL (absent in reports written before it was measured here). */
  api?: ApiBench;
}

/** The queries issue 22's acceptance bounds: p95 ≤ 100 ms at 100,000 stored articles. */
const API_BOUNDED = new Set(['entity timeline', 'claims by speaker', 'text search (one word)', 'text search (two words)']);

/** The read API's rows: write cost an article on each store, then each query's p50/p95 at each size. */
function apiRows(api: ApiBench | undefined): Row[] {
  if (!api) return [];
  if (api.status !== 'ok' && api.write.length === 0) return [{ section: 'read API', figure: 'PostgreSQL store', value: api.status, detail: api.error ?? '', target: '' }];
  const out: Row[] = api.write.map((write) => ({
    section: 'read API',
    figure: `write an article, ${write.store}`,
    value: `${one(write.meanMs)} ms mean`,
    detail: `p50 ${one(write.p50Ms)} ms, p95 ${one(write.p95Ms)} ms over ${write.articles} seed records cloned (${write.store === 'postgres' ? 'saveRecord, one transaction' : 'writeJsonAtomic'})`,
    target: '',
  }));
  for (const size of api.sizes) {
    for (const query of size.queries) {
      out.push({
        section: 'read API',
        figure: `${query.name}, ${size.articles.toLocaleString('en')} stored`,
        value: `p50 ${one(query.p50Ms)} ms, p95 ${one(query.p95Ms)} ms`,
        detail: query.name.startsWith('page:')
          ? `${query.requests} pages read through the record store and rendered to HTML (no HTTP); filled in ${whole(size.fillSeconds)} s`
          : `${query.requests} requests through the API's Hono app; ${query.empty} empty answers; filled in ${whole(size.fillSeconds)} s`,
        target: API_BOUNDED.has(query.name) && size.articles >= 100_000 ? 'p95 ≤ 100 ms' : '',
      });
    }
  }
  if (api.status !== 'ok') out.push({ section: 'read API', figure: 'PostgreSQL store', value: api.status, detail: api.error ?? '', target: '' });
  return out;
}

export interface Row {
  section: string;
  figure: string;
  value: string;
  detail: string;
  target: string;
}

const whole = (value: number): string => Math.round(value).toLocaleString('en');
const one = (value: number): string => value.toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const pct = (value: number): string => `${(value * 100).toFixed(0)} %`;
const mb = (bytes: number | null): string => (bytes === null ? 'n/a' : `${Math.round(bytes / (1 << 20))} MB`);

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** In-process analyse()'s CPU ms an article (the same articles as the chains' runs). */
function inProcessCpuMs(report: BenchReport): number | null {
  const cpu = report.pipeline.inProcess.articlesPerSecond?.cpu;
  return cpu ? 1000 / cpu.median : null;
}

/** A chain's CPU ms an article per process group, its total (workers + Redis) and the ratio to in-process. */
export function cpuFigures(chain: ChainResult, report: BenchReport): { value: string; detail: string; total: number; ratio: number | null } | null {
  const entries = Object.entries(chain.cpuMsPerArticle).filter((entry): entry is [string, number] => entry[1] !== null);
  if (entries.length === 0) return null;
  const total = entries.reduce((sum, [, ms]) => sum + ms, 0);
  const workers = entries.filter(([group]) => group !== 'redis').reduce((sum, [, ms]) => sum + ms, 0);
  const inProcess = inProcessCpuMs(report);
  const ratio = inProcess ? total / inProcess : null;
  return {
    value: `${one(total)} ms${ratio === null ? '' : ` = ${ratio.toFixed(2)} × in-process ${one(inProcess ?? 0)} ms`}`,
    detail: `${entries.map(([group, ms]) => `${group} ${one(ms)}`).join(', ')} (workers ${one(workers)} without Redis${inProcess ? `, ${(workers / inProcess).toFixed(2)} ×` : ''}); user+system CPU of every process (/proc) over the ${chain.articlesTimed} articles of the timed runs; in-process: analyse() on the same articles in this process`,
    total,
    ratio,
  };
}

export function rows(report: BenchReport): Row[] {
  const out: Row[] = [];
  for (const stage of report.stages) {
    if (stage.status !== 'ok' || !stage.rate) {
      out.push({ section: 'stage, 1 core', figure: stage.name, value: stage.status, detail: stage.error ?? '', target: stage.target });
      continue;
    }
    const cpu = stage.rate.cpu ? `; by CPU time ${whole(stage.rate.cpu.median)}` : '';
    const isDedup = stage.name.startsWith('dedup');
    out.push({
      section: 'stage, 1 core',
      figure: stage.name,
      value: isDedup && stage.microsPerArticle !== null ? `${whole(stage.microsPerArticle)} µs/article` : `${whole(stage.rate.median)} ${stage.unit}`,
      detail: `${isDedup ? `${whole(stage.rate.median)} ${stage.unit}, ` : ''}median of ${stage.rate.runs} runs over ${stage.articles} articles, spread ${pct(stage.rate.spread)}${cpu}${stage.source === 'direct API' ? '; through its pure API (not in STAGES yet)' : ''}${stage.upstreamSkipped.length ? `; input without ${stage.upstreamSkipped.join(', ')}` : ''}`,
      target: stage.target,
    });
  }
  for (const scaling of report.sizes) {
    if (scaling.status !== 'ok') {
      out.push({ section: 'scaling, size', figure: scaling.name, value: scaling.status, detail: scaling.error ?? '', target: 'linear' });
      continue;
    }
    out.push({
      section: 'scaling, size',
      figure: `${scaling.name} ${scaling.unit}`,
      value: scaling.points.map((point) => `${sizeLabel(point.bytes)}: ${whole(point.rate.median)}`).join(', '),
      detail: scaling.largestOverSmallest === null ? '' : `largest/smallest rate ${scaling.largestOverSmallest.toFixed(2)} (1.00 = linear); max spread ${pct(Math.max(...scaling.points.map((p) => p.rate.spread)))}`,
      target: 'linear',
    });
  }
  const dedup = report.dedupScaling;
  if (dedup.status !== 'ok') {
    out.push({ section: 'scaling, dedup', figure: 'dedup µs/article as the index grows', value: dedup.status, detail: dedup.error ?? '', target: 'flat' });
  } else {
    for (const point of dedup.points) {
      const memory = point.memoryMicros;
      const redis = point.redisMicros;
      out.push({
        section: 'scaling, dedup',
        figure: `dedup at ${point.indexed.toLocaleString('en')} articles`,
        value: `${memory ? `${whole(memory.median)} µs in-memory, ` : ''}${redis ? whole(redis.median) : 'n/a'} µs Redis`,
        detail: `p10–p90 ${memory ? `${whole(memory.p10)}–${whole(memory.p90)} / ` : ''}${redis ? `${whole(redis.p10)}–${whole(redis.p90)}` : ''} µs over articles ${whole(point.indexed * 0.9)}–${whole(point.indexed)}${memory ? '' : ' (the in-memory index stops at 10,000)'}; index filled 4 articles in flight between timed windows; ${dedup.corpus}; upstream ${dedup.upstream.join('+') || 'none'}${dedup.upstreamSkipped.length ? ` (without ${dedup.upstreamSkipped.join(', ')})` : ''}`,
        target: 'flat',
      });
      out.push({ section: 'scaling, dedup', figure: `Redis memory at ${point.indexed.toLocaleString('en')} articles`, value: point.redisBytesPerArticle === null ? 'n/a' : `${whole(point.redisBytesPerArticle)} bytes/article`, detail: 'used_memory growth / articles indexed', target: '≤ 2,048 bytes/article' });
    }
    for (const size of dedup.notReached) {
      out.push({ section: 'scaling, dedup', figure: `dedup at ${size.toLocaleString('en')} articles`, value: 'not reached', detail: dedup.stoppedAt === null ? 'the corpus ended first' : `the time budget ran out at ${dedup.stoppedAt.toLocaleString('en')} articles`, target: 'flat' });
    }
  }
  const pipeline = report.pipeline;
  const inProcess = pipeline.inProcess.articlesPerSecond;
  out.push({ section: 'pipeline', figure: 'analyse() in-process, 1 core', value: inProcess ? `${one(inProcess.median)} articles/s` : pipeline.inProcess.status, detail: inProcess ? `median of ${inProcess.runs} runs, spread ${pct(inProcess.spread)}${inProcess.cpu ? `; by CPU time ${one(inProcess.cpu.median)}` : ''}` : (pipeline.inProcess.error ?? ''), target: 'compute limit' });
  const noop = pipeline.noop.articlesPerSecond;
  out.push({ section: 'pipeline', figure: 'no-op chain through BullMQ', value: noop ? `${one(noop.median)} articles/s` : pipeline.noop.status, detail: noop ? `median of ${noop.runs} runs, spread ${pct(noop.spread)}; ${pipeline.noop.processes} processes` : (pipeline.noop.error ?? ''), target: 'queue limit' });
  for (const chain of pipeline.khabar) {
    const rate = chain.articlesPerSecond;
    const ratios = rate ? `${inProcess ? `${(rate.median / inProcess.median).toFixed(2)} × in-process` : ''}${noop ? `, ${(rate.median / noop.median).toFixed(2)} × no-op` : ''}` : '';
    const stages = Object.entries(chain.stageMs).map(([stage, ms]) => `${stage} ${ms} ms`).join(', ');
    out.push({ section: 'pipeline', figure: chain.name, value: rate ? `${one(rate.median)} articles/s` : chain.status, detail: rate ? `${ratios}; median of ${rate.runs} runs, spread ${pct(rate.spread)}${stages ? `; median per article in the workers: ${stages}` : ''}` : (chain.error ?? ''), target: '' });
  }
  for (const chain of [pipeline.noop, ...pipeline.khabar]) {
    const cpu = cpuFigures(chain, report);
    if (cpu) out.push({ section: 'pipeline CPU', figure: `CPU ms/article, ${chain.name}`, value: cpu.value, detail: cpu.detail, target: chain === pipeline.noop ? '' : '≤ 1.3 × in-process' });
    const bytes = Object.entries(chain.jobBytes).filter((entry): entry is [string, { median: number; max: number }] => entry[1] !== null);
    if (bytes.length > 0) out.push({ section: 'pipeline CPU', figure: `job data an article, ${chain.name}`, value: bytes.map(([queue, size]) => `${queue} ${kb(size.median)}`).join(', '), detail: `median JSON bytes as it entered each queue (max ${bytes.map(([queue, size]) => `${queue} ${kb(size.max)}`).join(', ')})`, target: '' });
  }
  const latency = pipeline.latency;
  out.push({
    section: 'pipeline',
    figure: 'latency inbox → record on disk',
    value: latency.latencyMs ? `p50 ${whole(latency.latencyMs.p50)} ms, p95 ${whole(latency.latencyMs.p95)} ms, p99 ${whole(latency.latencyMs.p99)} ms` : latency.status,
    detail: latency.latencyMs ? `${latency.latencyMs.count} files at ${one(latency.ratePerSecond ?? 0)} files/s (half the 1-a-queue throughput)` : (latency.error ?? ''),
    target: '',
  });
  for (const chain of [pipeline.noop, ...pipeline.khabar]) {
    const entries = Object.entries(chain.peakRss);
    if (entries.length === 0) continue;
    out.push({ section: 'memory', figure: `peak RSS, ${chain.name}`, value: entries.map(([queue, bytes]) => `${queue} ${mb(bytes)}`).join(', '), detail: 'VmHWM of each worker process (largest per queue)', target: '' });
  }
  if (latency.ingestPeakRss !== null) out.push({ section: 'memory', figure: 'peak RSS, khabar ingest --watch', value: mb(latency.ingestPeakRss), detail: 'during the latency run', target: '' });
  out.push(...apiRows(report.api));
  return out;
}

export function textTable(report: BenchReport): string {
  const table = rows(report);
  const widths = [14, 44, 52];
  const pad = (text: string, width: number): string => (text.length >= width ? text : text + ' '.repeat(width - text.length));
  const lines = table.map((row) => `${pad(row.section, widths[0] ?? 0)} ${pad(row.figure, widths[1] ?? 0)} ${pad(row.value, widths[2] ?? 0)} ${row.target ? `[${row.target}] ` : ''}${row.detail}`);
  return lines.join('\n');
}

export function markdownTable(report: BenchReport): string {
  const escape = (text: string): string => text.replace(/\|/g, '\\|');
  const head = '| | figure | value | detail | target |\n|---|---|---|---|---|';
  return `${head}\n${rows(report).map((row) => `| ${row.section} | ${escape(row.figure)} | ${escape(row.value)} | ${escape(row.detail)} | ${escape(row.target)} |`).join('\n')}`;
}

export function machineLine(report: BenchReport): string {
  const m = report.machine;
  return `${m.cpus} × ${m.cpuModel}, ${Math.round(m.memoryBytes / (1 << 30))} GB RAM, Node ${m.node}, Redis ${m.redis}, commit ${m.commit}; load average ${m.loadAverage.join(' ')} at start, ${report.loadAverageAtEnd.join(' ')} at end; ${Math.round(report.seconds)} s`;
}

/**
 * The README's Performance table: the figures the acceptance asks for, one line each, with the
 * stage targets. Longer details stay in results/<date>.md.
 */
export function readmeTable(report: BenchReport): string {
  const lines: string[] = ['| figure | value | target / note |', '|---|---|---|'];
  const add = (figure: string, value: string, note: string): void => {
    lines.push(`| ${figure} | ${value.replace(/\|/g, '\\|')} | ${note.replace(/\|/g, '\\|')} |`);
  };
  for (const stage of report.stages) {
    const cpu = stage.rate?.cpu ? ` (${whole(stage.rate.cpu.median)} by CPU time)` : '';
    const spread = stage.rate ? `, spread ${pct(stage.rate.spread)}` : '';
    if (stage.status !== 'ok' || !stage.rate) add(stage.name, stage.status, stage.error ?? '');
    else if (stage.name.startsWith('dedup')) add(`${stage.name}, ${stage.articles} articles`, `${whole(stage.microsPerArticle ?? Number.NaN)} µs/article`, `${whole(stage.rate.median)} tokens/s${spread}`);
    else add(stage.name, `${whole(stage.rate.median)} ${stage.unit}${cpu}`, `target ${stage.target}${spread}`);
  }
  for (const scaling of report.sizes) {
    if (scaling.status === 'ok' && scaling.largestOverSmallest !== null) {
      add(`${scaling.name}, 1 KB → ${sizeLabel(scaling.points[scaling.points.length - 1]?.bytes ?? 0)}`, scaling.points.map((p) => `${sizeLabel(p.bytes)} ${whole(p.rate.median)}`).join(', '), `rate ratio largest/smallest ${scaling.largestOverSmallest.toFixed(2)} (1.00 = linear)`);
    }
  }
  const dedup = report.dedupScaling;
  for (const point of dedup.points) {
    const inMemory = point.memoryMicros ? `${whole(point.memoryMicros.median)} µs in-memory, ` : '';
    add(`dedup at ${point.indexed.toLocaleString('en')} indexed`, `${inMemory}${whole(point.redisMicros?.median ?? Number.NaN)} µs Redis an article`, `median over the last tenth; ${whole(point.redisBytesPerArticle ?? Number.NaN)} Redis bytes/article (target ≤ 2,048)`);
  }
  for (const size of dedup.notReached) add(`dedup at ${size.toLocaleString('en')} indexed`, 'not reached', dedup.stoppedAt === null ? 'stream ended' : `time budget spent at ${dedup.stoppedAt.toLocaleString('en')} articles`);
  const pipeline = report.pipeline;
  const inProcess = pipeline.inProcess.articlesPerSecond;
  const noop = pipeline.noop.articlesPerSecond;
  add('analyse() in-process, 1 core', inProcess ? `${one(inProcess.median)} articles/s` : pipeline.inProcess.status, 'the compute limit of one core');
  add('no-op chain through BullMQ', noop ? `${one(noop.median)} articles/s` : pipeline.noop.status, 'the queue limit (Redis included)');
  for (const chain of pipeline.khabar) {
    const rate = chain.articlesPerSecond;
    add(chain.name, rate ? `${one(rate.median)} articles/s` : chain.status, rate ? `${inProcess ? `${(rate.median / inProcess.median).toFixed(2)} × in-process` : ''}${noop ? `, ${(rate.median / noop.median).toFixed(2)} × no-op` : ''}` : (chain.error ?? ''));
  }
  for (const chain of pipeline.khabar) {
    const cpu = cpuFigures(chain, report);
    if (cpu) add(`CPU an article, ${chain.name}`, cpu.value, cpu.detail.replace(/; user\+system.*$/, ''));
  }
  const latency = pipeline.latency;
  add('latency, inbox → record on disk', latency.latencyMs ? `p50 ${whole(latency.latencyMs.p50)} ms, p95 ${whole(latency.latencyMs.p95)} ms, p99 ${whole(latency.latencyMs.p99)} ms` : latency.status, latency.latencyMs ? `at ${one(latency.ratePerSecond ?? 0)} files/s (half the 1-a-queue throughput)` : (latency.error ?? ''));
  for (const chain of pipeline.khabar) {
    const peaks = Object.entries(chain.peakRss).filter((entry): entry is [string, number] => entry[1] !== null);
    if (peaks.length > 0) add(`peak RSS a worker, ${chain.name}`, peaks.map(([queue, bytes]) => `${queue} ${mb(bytes)}`).join(', '), 'VmHWM');
  }
  for (const row of apiRows(report.api)) if (row.figure.startsWith('write') || API_BOUNDED.has(row.figure.replace(/, [\d,]+ stored$/, ''))) add(row.figure, row.value, row.target || row.detail.replace(/;.*$/, ''));
  return lines.join('\n');
}
