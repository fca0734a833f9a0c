import type { RecordInProgress, StageName } from '../src/schema/record.js';
import { toRecord, type BenchArticle } from './corpus/index.js';
import { ALL_STAGES, benchStage, charCount, errorMessage, initStage, runStages, timeProcessor, tokenCount, type StageSource } from './lib/chain.js';
import { startBenchRedis } from './lib/redis.js';
import { summarise, type Summary } from './lib/stats.js';
import { measureRate, type RateSummary } from './lib/timing.js';

/** One per-stage figure: a rate (median of runs, with spread) or why there is none. */
export interface StageFigure {
  name: string;
  status: 'ok' | 'not built yet' | 'failed';
  unit: 'chars/s' | 'tokens/s';
  rate: RateSummary | null;
  articlesPerSecond: Summary | null;
  /** Median µs an article (dedup). */
  microsPerArticle: number | null;
  target: string;
  error: string | null;
  articles: number;
  /** Timed through the STAGES registry or, before registration, through the stage's pure API. */
  source: StageSource | null;
  /** Earlier stages that failed, so this one ran on records without their layers. */
  upstreamSkipped: string[];
}

const TARGETS: Record<StageName, string> = {
  tokenise: '≥ 2,000,000 chars/s',
  ner: '≥ 50,000 tokens/s',
  claims: '≥ 20,000 tokens/s',
  dedup: 'flat per article',
};

interface StageCase {
  name: string;
  stage: StageName;
  unit: StageFigure['unit'];
  /** Run with the Redis-backed state (dedup's shared index) instead of in-memory. */
  redis: boolean;
}

const CASES: StageCase[] = [
  { name: 'text layer (tokenise)', stage: 'tokenise', unit: 'chars/s', redis: false },
  { name: 'ner', stage: 'ner', unit: 'tokens/s', redis: false },
  { name: 'claims', stage: 'claims', unit: 'tokens/s', redis: false },
  { name: 'dedup (in-memory index)', stage: 'dedup', unit: 'tokens/s', redis: false },
  { name: 'dedup (Redis index)', stage: 'dedup', unit: 'tokens/s', redis: true },
];

/**
 * Per stage, in this process, on one core: each stage's processor (as registered in STAGES, so what
 * the workers run) over records that already carry the earlier stages' layers. Every run starts
 * from fresh stage state (a new in-memory registry/index, or a new Redis prefix), so runs compare.
 */
export async function benchStages(articles: readonly BenchArticle[], runs: number, log: (line: string) => void): Promise<StageFigure[]> {
  // The records advance through the chain once: each stage's input is the previous stages' output.
  let current: RecordInProgress[] = articles.map(toRecord);
  const skipped: string[] = [];
  let advancedTo = -1;
  const advanceBefore = async (stage: StageName): Promise<void> => {
    const upTo = ALL_STAGES.indexOf(stage);
    for (let i = advancedTo + 1; i < upTo; i++) {
      const name = ALL_STAGES[i] as StageName;
      const found = await benchStage(name);
      if (!found) continue;
      const ran = await runStages([found.definition], current);
      current = ran.records;
      skipped.push(...ran.skipped);
    }
    advancedTo = Math.max(advancedTo, upTo - 1);
  };
  const base = current;
  const figures: StageFigure[] = [];
  for (const benchCase of CASES) {
    const figure: StageFigure = { name: benchCase.name, status: 'ok', unit: benchCase.unit, rate: null, articlesPerSecond: null, microsPerArticle: null, target: TARGETS[benchCase.stage], error: null, articles: base.length, source: null, upstreamSkipped: [] };
    figures.push(figure);
    const found = await benchStage(benchCase.stage);
    const definition = found?.definition;
    figure.source = found?.source ?? null;
    if (!definition) {
      figure.status = 'not built yet';
      log(`  ${benchCase.name}: not built yet`);
      continue;
    }
    try {
      await advanceBefore(benchCase.stage);
      const input = current;
      figure.upstreamSkipped = [...skipped];
      const units = benchCase.unit === 'chars/s' ? charCount(input) : tokenCount(input);
      if (benchCase.unit === 'tokens/s' && units === 0) throw new Error('its input records carry no tokens (is the text layer built?)');
      const redis = benchCase.redis ? await startBenchRedis('stage') : null;
      let runIndex = 0;
      const times: number[] = [];
      try {
        figure.rate = await measureRate(runs, async () => {
          const prefix = `bench-stage-${runIndex++}`;
          const process_ = await initStage(definition, redis ? redis.client : null, prefix);
          const { ms, cpuMs } = await timeProcessor(process_, input);
          times.push(ms);
          return { units, ms, cpuMs };
        });
      } finally {
        await redis?.stop();
      }
      const measured = times.slice(1); // the first was the warm-up
      const perArticle = measured.map((ms) => (ms * 1000) / input.length);
      figure.microsPerArticle = perArticle.sort((a, b) => a - b)[Math.floor(perArticle.length / 2)] ?? null;
      figure.articlesPerSecond = summarise(figure.rate.samples.map((rate) => (rate * input.length) / units));
      log(`  ${benchCase.name}: ${Math.round(figure.rate.median).toLocaleString('en')} ${benchCase.unit} (spread ${(figure.rate.spread * 100).toFixed(1)} %)`);
    } catch (error) {
      figure.status = 'failed';
      figure.error = errorMessage(error);
      log(`  ${benchCase.name}: failed: ${figure.error}`);
    }
  }
  return figures;
}
