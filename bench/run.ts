/**
 * khabar's benchmarks (issue 9): `npm run bench` (full, ~15 min on 2 cores) or
 * `npm run bench -- --quick` (every figure at small sizes, under a minute).
 *
 * Options: --quick, --corpus auto|saudinewsnet|generated, --only stages,sizes,dedup,pipeline,api,
 *          --api-sizes 10000,100000 (stored articles the read API is timed at; the full run's default,
 *          2,000 with --quick; `--api-sizes 10000` skips the 100k load, ~10 min on 2 cores),
 *          --dedup-upstream all|tokenise (what runs before dedup in the scaling stream),
 *          --build shared|private (worker code: dist/, or a private snapshot; default: private for the full run)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectPath } from '../src/paths.js';
import type { StageName } from '../src/schema/record.js';
import { chooseCorpus, corpusArticles, queueableArticles, type BenchArticle, type CorpusName } from './corpus/index.js';
import { prepareBuild } from './lib/build.js';
import { installInterruptHandler } from './lib/cleanup.js';
import { errorMessage } from './lib/chain.js';
import { machineInfo } from './lib/machine.js';
import { benchPipeline, type PipelinePlan, type PipelineResult } from './pipeline.js';
import { machineLine, markdownTable, readmeTable, textTable, type BenchReport } from './report.js';
import { benchDedupScaling, benchSizes, type DedupScaling, type SizeScaling } from './scaling.js';
import { benchStages, type StageFigure } from './stages.js';
import { benchApi, type ApiBench } from './api-pg.js';

interface Plan {
  stageArticles: number;
  stageRuns: number;
  sizes: number[];
  sizeBytesPerRun: number;
  sizeRuns: number;
  dedupCheckpoints: number[];
  /** Seconds the dedup scaling stream may run; checkpoints beyond are reported as not reached. */
  dedupBudgetSeconds: number;
  pipeline: PipelinePlan;
  workerCounts: number[];
  /** The read API on PostgreSQL (bench/api-pg.ts): stored articles, requests a query, articles written. */
  api: { sizes: number[]; requests: number; writes: number };
}

const KB = 1024;
const PLANS: Record<'quick' | 'full', Plan> = {
  quick: {
    stageArticles: 40,
    stageRuns: 3,
    sizes: [KB, 10 * KB, 100 * KB],
    sizeBytesPerRun: 100 * KB,
    sizeRuns: 2,
    dedupCheckpoints: [100, 200],
    dedupBudgetSeconds: 15,
    pipeline: { articlesPerRun: 40, noopArticlesPerRun: 100, runs: 3, warmupArticles: 5, latencySeconds: 3, runTimeoutMs: 30_000 },
    workerCounts: [1],
    api: { sizes: [2_000], requests: 40, writes: 40 },
  },
  full: {
    stageArticles: 300,
    stageRuns: 5,
    sizes: [KB, 10 * KB, 100 * KB, 1024 * KB],
    sizeBytesPerRun: 512 * KB,
    sizeRuns: 3,
    dedupCheckpoints: [1000, 10_000, 100_000],
    dedupBudgetSeconds: 600,
    pipeline: { articlesPerRun: 200, noopArticlesPerRun: 1000, runs: 3, warmupArticles: 20, latencySeconds: 30, runTimeoutMs: 600_000 },
    workerCounts: [1, 2],
    api: { sizes: [10_000, 100_000], requests: 200, writes: 200 },
  },
};

const processStart = performance.now();

/** Progress goes to stderr with the seconds since start (the table alone goes to stdout). */
function log(line: string): void {
  const seconds = ((performance.now() - processStart) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${seconds} s] ${line}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      corpus: { type: 'string', default: 'auto' },
      only: { type: 'string' },
      'dedup-upstream': { type: 'string', default: 'tokenise' },
      build: { type: 'string' },
      'dedup-budget': { type: 'string' },
      'api-sizes': { type: 'string' },
    },
    allowPositionals: false,
  });
  installInterruptHandler();
  const mode = values.quick ? 'quick' : 'full';
  const plan = PLANS[mode];
  const requested = values.corpus;
  if (requested !== 'auto' && requested !== 'saudinewsnet' && requested !== 'generated') throw new Error(`--corpus must be auto, saudinewsnet or generated, not "${requested}"`);
  const only = new Set((values.only ?? 'stages,sizes,dedup,pipeline,api').split(',').map((part) => part.trim()));
  const apiSizes = values['api-sizes'] ? values['api-sizes'].split(',').map((part) => Number(part.trim())) : plan.api.sizes;
  if (apiSizes.some((size) => !Number.isInteger(size) || size < 1 || size > 1_000_000)) throw new Error(`--api-sizes takes whole numbers of articles from 1 to 1,000,000, comma-separated, not "${values['api-sizes']}"`);
  const upstreamArg = values['dedup-upstream'];
  const dedupUpstream: StageName[] | 'all' = upstreamArg === 'all' ? 'all' : (upstreamArg.split(',') as StageName[]);

  const startedAt = new Date();
  const machine = machineInfo();
  log(`khabar bench (${mode}) on ${machine.cpus} cores, load average ${machine.loadAverage.join(' ')}`);
  const corpusName: CorpusName = chooseCorpus(requested);

  const pipelineNeeds = plan.pipeline.warmupArticles + plan.pipeline.runs * Math.max(plan.pipeline.articlesPerRun, plan.pipeline.noopArticlesPerRun) + Math.ceil(plan.pipeline.latencySeconds * 200);
  const needed = Math.max(plan.stageArticles, pipelineNeeds);
  const { articles: loaded, realCount } = corpusArticles(corpusName, needed);
  const articles: BenchArticle[] = queueableArticles(loaded);
  if (articles.length < loaded.length) log(`corpus: ${loaded.length - articles.length} article(s) left out: repeated ids, or ids all digits, which BullMQ refuses as job ids`);
  const corpusNote = corpusName === 'saudinewsnet'
    ? `SaudiNewsNet (read in place from ../shared/data/saudinewsnet): ${realCount} real articles${articles.length > realCount ? ` + ${articles.length - realCount} generated` : ''}`
    : 'generated from seeds/ (SaudiNewsNet not found)';
  log(`corpus: ${corpusNote}`);
  const sizeSource = (): Iterator<BenchArticle> => articles[Symbol.iterator]();

  let stages: StageFigure[] = [];
  if (only.has('stages')) {
    log('per stage, in-process, one core:');
    stages = await benchStages(articles.slice(0, plan.stageArticles), plan.stageRuns, log);
  }
  let sizes: SizeScaling[] = [];
  if (only.has('sizes')) {
    log('scaling with article size:');
    sizes = await benchSizes(sizeSource, plan.sizes, plan.sizeBytesPerRun, plan.sizeRuns, log);
  }
  let dedupScaling: DedupScaling = { status: 'failed', upstream: [], upstreamSkipped: [], points: [], notReached: [], stoppedAt: null, error: 'not run (--only)', corpus: '' };
  if (only.has('dedup')) {
    log('scaling with the dedup index size:');
    dedupScaling = await benchDedupScaling(plan.dedupCheckpoints, dedupUpstream, corpusName, values['dedup-budget'] ? Number(values['dedup-budget']) : plan.dedupBudgetSeconds, log);
  }
  let pipeline: PipelineResult = {
    inProcess: { status: 'failed', articlesPerSecond: null, error: 'not run (--only)' },
    noop: { name: 'no-op chain (BullMQ + Redis)', status: 'failed', articlesPerSecond: null, error: 'not run (--only)', peakRss: {}, processes: 0, stageMs: {}, articlesTimed: 0, cpuMsPerArticle: {}, jobBytes: {} },
    khabar: [],
    latency: { status: 'skipped', ratePerSecond: null, latencyMs: null, error: 'not run (--only)', ingestPeakRss: null },
  };
  if (only.has('pipeline')) {
    log('the whole pipeline against its limits:');
    try {
      const buildMode = values.build === 'private' || values.build === 'shared' ? values.build : mode === 'full' ? 'private' : 'shared';
      const built = await prepareBuild(buildMode, log);
      try {
        pipeline = await benchPipeline(articles, plan.pipeline, plan.workerCounts, built, log);
      } finally {
        built.dispose();
      }
    } catch (error) {
      pipeline.inProcess.error = pipeline.noop.error = `could not run: ${errorMessage(error)}`;
      log(`  pipeline: ${pipeline.noop.error}`);
    }
  }

  let api: ApiBench = { status: 'skipped', error: 'not run (--only)', loadAverage: loadavg(), write: [], sizes: [] };
  if (only.has('api')) {
    log(`the read API on PostgreSQL at ${apiSizes.map((size) => size.toLocaleString('en')).join(', ')} stored articles:`);
    api = await benchApi({ ...plan.api, sizes: apiSizes, log });
    if (api.status !== 'ok') log(`  read API: ${api.status}: ${api.error ?? ''}`);
  }

  const finishedAt = new Date();
  const report: BenchReport = {
    mode,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    seconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    corpus: { name: corpusName, articles: articles.length, note: corpusNote },
    machine,
    loadAverageAtEnd: loadavg().map((value) => Math.round(value * 100) / 100),
    stages,
    sizes,
    dedupScaling,
    pipeline,
    api,
  };
  const dir = projectPath('bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = startedAt.toISOString().slice(0, 10);
  // A partial run (--only) never overwrites the full run's file of the day.
  const suffix = `${mode === 'quick' ? '-quick' : ''}${values.only ? `-only-${[...only].join('-')}` : ''}${values['api-sizes'] && only.has('api') ? `-api-${apiSizes.join('-')}` : ''}`;
  const base = join(dir, `${stamp}${suffix}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${readmeTable(report)}\n\n${machineLine(report)}; \`${report.command}\`\n\n## All figures\n\n${markdownTable(report)}\n`);
  process.stdout.write(`\nkhabar benchmark (${mode}), ${report.corpus.note}\n${machineLine(report)}\n\n${textTable(report)}\n\nwritten: bench/results/${stamp}${suffix}.json (and .md)\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
