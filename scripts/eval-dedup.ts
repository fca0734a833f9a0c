/**
 * npm run eval:dedup -- <saudinewsnet day zip> [--near 0.5] [--shingle 5] [--permutations 128] [--bands 16] [--rows 4]
 *
 * Runs one day of SaudiNewsNet through the dedup index (in-process twin, same logic as Redis) and
 * computes the truth by brute force: the exact Jaccard of the same word-shingle sets for every pair
 * of that day. Prints precision and recall of the pipeline's near-duplicate links at Jaccard ≥ 0.8
 * and ≥ 0.5. Reads the data where it lies; writes nothing (nothing derived from SaudiNewsNet may be
 * committed).
 */
import './closed-pipe.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { MemoryDedupIndex, type DedupInput } from '../src/store/dedup-index.js';
import { analyseText } from '../src/nlp/text/index.js';
import { dedupOptions, type DedupOptions } from '../src/nlp/dedup/params.js';
import { contentTokens, jaccardSorted, shingleHashes, uniqueSorted, type DedupToken } from '../src/nlp/dedup/shingles.js';

export interface DayArticle {
  source: string;
  url: string;
  date_extracted: string;
  title: string;
  author: string;
  content: string;
}

export type Tokenise = (text: string) => readonly DedupToken[];

/** The articles of one SaudiNewsNet day zip (one JSON array inside). */
export function readDayZip(path: string): DayArticle[] {
  const files = unzipSync(readFileSync(path));
  const articles: DayArticle[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    if (!name.endsWith('.json')) continue;
    articles.push(...(JSON.parse(strFromU8(bytes)) as DayArticle[]));
  }
  return articles;
}

export interface PairScore {
  threshold: number;
  truePairs: number;
  predictedPairs: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface DayEvaluation {
  articles: number;
  withProse: number;
  meanContentTokens: number;
  meanFingerprints: number;
  scores: PairScore[];
  /** Pairs the pipeline got wrong at 0.8, with both similarities (for tuning). */
  misses: Array<{ a: string; b: string; jaccard: number; estimate: number | null }>;
  msPerArticle: number;
}

function articleId(article: DayArticle, index: number, day = ''): string {
  return createHash('sha256').update(`${day}\n${article.url}\n${index}`).digest('hex').slice(0, 16);
}

export async function evaluateDay(articles: readonly DayArticle[], tokenise: Tokenise, overrides: Partial<DedupOptions> = {}): Promise<DayEvaluation> {
  const options = dedupOptions(overrides);
  const index = new MemoryDedupIndex(options);
  const inputs: DedupInput[] = articles.map((article, i) => ({
    id: articleId(article, i),
    text: article.content ?? '',
    tokens: tokenise(article.content ?? ''),
    sentences: [],
    publishedAt: article.date_extracted ? new Date(`${article.date_extracted.replace(' ', 'T')}Z`).toISOString() : null,
    sourceName: article.source ?? null,
  }));

  // The pipeline's links: every near-duplicate an article reported when it was processed.
  const predicted = new Map<string, number>();
  const started = performance.now();
  for (const input of inputs) {
    const { layer } = await index.process(input);
    for (const near of layer.nearDuplicates) {
      const key = [input.id, near.id].sort().join(' ');
      predicted.set(key, Math.max(predicted.get(key) ?? 0, near.similarity));
    }
  }
  const msPerArticle = (performance.now() - started) / Math.max(1, inputs.length);

  // The truth, by brute force over every pair of the day.
  const sets = inputs.map((input) => uniqueSorted(shingleHashes(contentTokens(input.tokens), options.shingleSize)));
  const truth = new Map<string, number>();
  const lowest = 0.5;
  for (let i = 0; i < sets.length; i++) {
    const a = sets[i]!;
    if (a.length === 0) continue;
    for (let j = i + 1; j < sets.length; j++) {
      const b = sets[j]!;
      if (b.length === 0) continue;
      const small = Math.min(a.length, b.length);
      const large = Math.max(a.length, b.length);
      if (small / large < lowest) continue;
      const jaccard = jaccardSorted(a, b);
      if (jaccard >= lowest) truth.set([inputs[i]!.id, inputs[j]!.id].sort().join(' '), jaccard);
    }
  }

  const scores = [0.8, 0.5].map((threshold) => {
    const truePairs = [...truth].filter(([, j]) => j >= threshold).map(([key]) => key);
    const predictedPairs = [...predicted].filter(([, s]) => s >= threshold).map(([key]) => key);
    const trueSet = new Set(truePairs);
    const correct = predictedPairs.filter((key) => trueSet.has(key)).length;
    return {
      threshold,
      truePairs: truePairs.length,
      predictedPairs: predictedPairs.length,
      correct,
      precision: predictedPairs.length === 0 ? 1 : correct / predictedPairs.length,
      recall: truePairs.length === 0 ? 1 : correct / truePairs.length,
    };
  });

  const misses: DayEvaluation['misses'] = [];
  const keys = new Set([...[...truth].filter(([, j]) => j >= 0.8).map(([k]) => k), ...[...predicted].filter(([, s]) => s >= 0.8).map(([k]) => k)]);
  for (const key of keys) {
    const jaccard = truth.get(key) ?? 0;
    const estimate = predicted.get(key) ?? null;
    if (jaccard >= 0.8 !== (estimate !== null && estimate >= 0.8)) {
      const [a, b] = key.split(' ');
      misses.push({ a: a!, b: b!, jaccard, estimate });
    }
  }

  const withProse = sets.filter((set) => set.length > 0).length;
  const contentCounts = inputs.map((input) => contentTokens(input.tokens).length);
  const { adaptiveWindow, winnow } = await import('../src/nlp/dedup/winnow.js');
  const fingerprints = inputs.map((input) => {
    const content = contentTokens(input.tokens);
    return winnow(content, options.passageShingle, adaptiveWindow(content.length, options.passageWindow, options.passageMaxFingerprints)).length;
  });
  return {
    articles: inputs.length,
    withProse,
    meanContentTokens: contentCounts.reduce((s, n) => s + n, 0) / Math.max(1, inputs.length),
    meanFingerprints: fingerprints.reduce((s, n) => s + n, 0) / Math.max(1, inputs.length),
    scores,
    misses,
    msPerArticle,
  };
}

interface CliOptions {
  zips: string[];
  overrides: Partial<DedupOptions>;
  /** Also index every article into this Redis and report its memory per article. */
  redisUrl: string | null;
}

function parseArgs(argv: string[]): CliOptions {
  const overrides: Record<string, number> = {};
  const zips: string[] = [];
  let redisUrl: string | null = null;
  const names: Record<string, keyof DedupOptions> = {
    '--near': 'nearThreshold',
    '--shingle': 'shingleSize',
    '--permutations': 'permutations',
    '--bands': 'bands',
    '--rows': 'rows',
    '--passage-window': 'passageWindow',
    '--sample-cap': 'sampleCap',
    '--max-fingerprints': 'passageMaxFingerprints',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = names[arg];
    if (name) overrides[name] = Number(argv[++i]);
    else if (arg === '--redis') redisUrl = argv[++i] ?? null;
    else zips.push(arg);
  }
  if (zips.length === 0) {
    throw new Error(
      'usage: npm run eval:dedup -- <day zip> [more zips] [--redis redis://host:port] [--near 0.5] [--shingle 5] [--permutations 36] [--bands 12] [--rows 3] [--passage-window 12] [--sample-cap 256] [--max-fingerprints 40]',
    );
  }
  return { zips, overrides: overrides as Partial<DedupOptions>, redisUrl };
}

function toInputs(articles: readonly DayArticle[], tag: string): DedupInput[] {
  return articles.map((article, i) => {
    const layer = analyseText(article.content ?? '');
    return {
      id: articleId(article, i, tag),
      text: article.content ?? '',
      tokens: layer.tokens,
      sentences: layer.sentences,
      publishedAt: article.date_extracted ? new Date(`${article.date_extracted.replace(' ', 'T')}Z`).toISOString() : null,
      sourceName: article.source ?? null,
    };
  });
}

/** Indexes the articles into a fresh prefix of a real Redis and prints memory and time per article at 1k, 10k, … */
async function measureRedis(url: string, zips: readonly string[], overrides: Partial<DedupOptions>): Promise<void> {
  const { Redis } = await import('ioredis');
  const { RedisDedupIndex } = await import('../src/store/dedup-index.js');
  const { dedupMemoryUsage, dropDedupIndex } = await import('../src/store/dedup-usage.js');
  const redis = new Redis(url);
  const prefix = `khabar-eval:${process.pid}:${Date.now()}`;
  const index = new RedisDedupIndex(redis, prefix, overrides);
  let count = 0;
  let dedupMs = 0;
  const report = async (): Promise<void> => {
    const usage = await dedupMemoryUsage(redis, prefix);
    const families = Object.entries(usage.families)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([family, value]) => `${family} ${(value.bytes / usage.articles).toFixed(0)}`)
      .join(', ');
    console.log(`redis: ${usage.articles} articles: ${usage.bytesPerArticle.toFixed(0)} bytes/article (${families}), ${(dedupMs / count).toFixed(2)} ms/article`);
  };
  try {
    for (const zip of zips) {
      for (const input of toInputs(readDayZip(zip), basename(zip))) {
        const started = performance.now();
        await index.process(input);
        dedupMs += performance.now() - started;
        count++;
        if (count === 1000 || count % 10_000 === 0) await report();
      }
    }
    await report();
  } finally {
    await dropDedupIndex(redis, prefix);
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const { zips, overrides, redisUrl } = parseArgs(process.argv.slice(2));
  if (zips.length === 1) {
    const zip = zips[0]!;
    const result = await evaluateDay(readDayZip(zip), (text) => analyseText(text).tokens, overrides);
    console.log(
      `${basename(zip)}: ${result.articles} articles (${result.withProse} with prose), ${result.meanContentTokens.toFixed(0)} content tokens and ${result.meanFingerprints.toFixed(1)} passage fingerprints per article, ${result.msPerArticle.toFixed(2)} ms per article in dedup`,
    );
    for (const score of result.scores) {
      console.log(
        `Jaccard ≥ ${score.threshold}: ${score.truePairs} true pairs, ${score.predictedPairs} reported, ${score.correct} correct: precision ${score.precision.toFixed(4)}, recall ${score.recall.toFixed(4)}`,
      );
    }
    const worst = result.misses.slice(0, 10).map((miss) => `  ${miss.a} ${miss.b}: Jaccard ${miss.jaccard.toFixed(3)}, estimate ${miss.estimate === null ? 'not reported' : miss.estimate.toFixed(3)}`);
    if (worst.length > 0) console.log(`disagreements at 0.8 (${result.misses.length}):\n${worst.join('\n')}`);
  }
  if (redisUrl) await measureRedis(redisUrl, zips, overrides);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
