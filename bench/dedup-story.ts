/**
 * What one big story costs per article: n near-copies of the five seeds (`generatedArticles(n)`,
 * text layer from `analyseText`) through the in-process index and a Redis index on a redis-server
 * started here (never the machine's shared 6379). Prints, per n, the per-article time of the dedup
 * step (p50 / p95, and the mean over the last quarter, where the story is largest), the time of
 * `getStory` on the largest story, and the size of its JSON file.
 *
 *   npm run bench:dedup-story -- [50 200 800] [--memory-only]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { analyseText } from '../src/nlp/text/index.js';
import { MemoryDedupIndex, RedisDedupIndex, type DedupIndex, type DedupInput } from '../src/store/dedup-index.js';
import { spawnRedisServer } from '../src/pipeline/redis-server.js';
import { generatedArticles } from './corpus/rotations.js';

export function storyBenchInputs(count: number): DedupInput[] {
  const start = Date.parse('2026-11-01T00:00:00Z');
  return generatedArticles(count).map((text, i) => {
    const layer = analyseText(text);
    return {
      id: createHash('sha256').update(text).digest('hex').slice(0, 16),
      text,
      tokens: layer.tokens,
      sentences: layer.sentences,
      publishedAt: new Date(start + i * 60_000).toISOString(),
      sourceName: `outlet-${i % 40}`,
    };
  });
}

export interface StoryBenchFigures {
  articles: number;
  p50Ms: number;
  p95Ms: number;
  lastQuarterMeanMs: number;
  largestStoryArticles: number;
  getStoryMs: number;
  storyFileBytes: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Runs the inputs one after the other through the index's per-article step and measures the story. */
export async function benchStory(index: DedupIndex, inputs: readonly DedupInput[]): Promise<StoryBenchFigures> {
  const times: number[] = [];
  const sizes = new Map<string, number>();
  for (const input of inputs) {
    const started = performance.now();
    const step = await index.processArticle(input);
    times.push(performance.now() - started);
    sizes.set(step.storyId, step.storySize);
  }
  const [largestId, largestSize] = [...sizes].sort((x, y) => y[1] - x[1])[0]!;
  const started = performance.now();
  const story = await index.getStory(largestId);
  const getStoryMs = performance.now() - started;
  const sorted = [...times].sort((x, y) => x - y);
  const lastQuarter = times.slice(Math.floor((times.length * 3) / 4));
  return {
    articles: inputs.length,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    lastQuarterMeanMs: lastQuarter.reduce((sum, t) => sum + t, 0) / Math.max(lastQuarter.length, 1),
    largestStoryArticles: largestSize,
    getStoryMs,
    storyFileBytes: Buffer.byteLength(JSON.stringify(story, null, 2)),
  };
}

function line(kind: string, figures: StoryBenchFigures): string {
  const f = (value: number) => value.toFixed(2);
  return `${kind}\tn=${figures.articles}\tp50 ${f(figures.p50Ms)} ms\tp95 ${f(figures.p95Ms)} ms\tlast-quarter mean ${f(figures.lastQuarterMeanMs)} ms\tlargest story ${figures.largestStoryArticles} articles\tgetStory ${f(figures.getStoryMs)} ms\tfile ${figures.storyFileBytes} bytes`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const memoryOnly = args.includes('--memory-only');
  const counts = args.filter((arg) => /^\d+$/.test(arg)).map(Number);
  const sizes = counts.length > 0 ? counts : [50, 200, 800];
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-dedup-'));
  const server = memoryOnly ? null : await spawnRedisServer({ dir, appendonly: false });
  const redis = server ? new Redis(server.url) : null;
  try {
    for (const count of sizes) {
      const inputs = storyBenchInputs(count);
      console.log(line('memory', await benchStory(new MemoryDedupIndex(), inputs)));
      if (redis) console.log(line('redis', await benchStory(new RedisDedupIndex(redis, `bench:${count}`), inputs)));
    }
  } finally {
    await redis?.quit();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
