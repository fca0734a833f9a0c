import type { RecordInProgress, StageName } from '../src/schema/record.js';
import { toRecord, type BenchArticle } from './corpus/index.js';
import { builtStage, charCount, errorMessage, initStage, runStages, stagesBefore, timeProcessor, tokenCount } from './lib/chain.js';
import { startBenchRedis } from './lib/redis.js';
import type { Summary } from './lib/stats.js';
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
  const base = articles.map(toRecord);
  const inputs = new Map<StageName, RecordInProgress[]>();
  const figures: StageFigure[] = [];
  for (const benchCase of CASES) {
    const figure: StageFigure = { name: benchCase.name, status: 'ok', unit: benchCase.unit, rate: null, articlesPerSecond: null, microsPerArticle: null, target: TARGETS[benchCase.stage], error: null, articles: base.length };
    figures.push(figure);
    const definition = builtStage(benchCase.stage);
    if (!definition) {
      figure.status = 'not built yet';
      log(`  ${benchCase.name}: not built yet`);
      continue;
    }
    try {
      let records = inputs.get(benchCase.stage);
      if (!records) {
        records = await runStages(stagesBefore(benchCase.stage), base);
        inputs.set(benchCase.stage, records);
      }
      const input = records;
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
      figure.articlesPerSecond = { ...figure.rate, median: (figure.rate.median * input.length) / units, min: (figure.rate.min * input.length) / units, max: (figure.rate.max * input.length) / units };
      log(`  ${benchCase.name}: ${Math.round(figure.rate.median).toLocaleString('en')} ${benchCase.unit} (spread ${(figure.rate.spread * 100).toFixed(1)} %)`);
    } catch (error) {
      figure.status = 'failed';
      figure.error = errorMessage(error);
      log(`  ${benchCase.name}: failed: ${figure.error}`);
    }
  }
  return figures;
}
