/**
 * Redis memory of the dedup index by key family, with the whole chain before it (tokenise, ner,
 * claims): `npm run bench:dedup-memory -- [articles] [upstream stages] [corpus]`, e.g. `-- 1000` or
 * `-- 1000 tokenise` (the index without the claims stage, as the scaling bench runs it).
 * Reads SaudiNewsNet from ../shared/data when it is there, else the generated corpus; with corpus
 * `seed-rewrites`, rewrites of the five seeds (paragraphs rotated, a numbered line added: long
 * articles, ~700 content tokens, in five big stories, as the soak test ingests them).
 */
import { z } from 'zod';
import { upstreamStream } from './lib/upstream.js';
import { startBenchRedis, usedMemory } from './lib/redis.js';
import { initStage } from './lib/chain.js';
import { dedupStage } from '../src/pipeline/stages/dedup.js';
import { pipelineKeys } from '../src/store/redis-keys.js';
import { dedupMemoryUsage } from '../src/store/dedup-usage.js';
import { StageNameSchema } from '../src/schema/record.js';
import { chooseCorpus } from './corpus/index.js';
import { seedRewrites } from './corpus/seed-rewrites.js';

const articles = z.coerce.number().int().positive().parse(process.argv[2] ?? 1000);
const upstream = z.array(StageNameSchema.exclude(['dedup'])).parse((process.argv[3] ?? 'tokenise,ner,claims').split(','));
const corpus = z.enum(['auto', 'seed-rewrites']).parse(process.argv[4] ?? 'auto');

const redis = await startBenchRedis('dedup-memory');
try {
  const stream = corpus === 'seed-rewrites'
    ? { names: upstream, records: seedRewrites(articles, upstream), close: async () => {} }
    : await upstreamStream(articles, upstream, chooseCorpus('auto'));
  const dedup = await initStage(dedupStage, redis.client, 'memory');
  const baseline = await usedMemory(redis.client);
  let processed = 0;
  const started = performance.now();
  for await (const record of stream.records) {
    await dedup(record);
    if (++processed >= articles) break;
  }
  const seconds = (performance.now() - started) / 1000;
  await stream.close();
  const usage = await dedupMemoryUsage(redis.client, pipelineKeys.dedupIndex('memory'));
  const perArticle = (bytes: number) => Math.round(bytes / Math.max(usage.articles, 1));
  console.log(`${usage.articles} articles indexed (upstream: ${stream.names.join(', ') || 'none'}), ${(seconds / processed * 1000).toFixed(1)} ms an article with the stages before dedup`);
  console.log(`used_memory growth: ${perArticle((await usedMemory(redis.client)) - baseline)} bytes an article; all index keys: ${perArticle(usage.bytes)}`);
  for (const [family, { keys, bytes }] of Object.entries(usage.families).sort((a, b) => b[1].bytes - a[1].bytes)) {
    console.log(`  ${family.padEnd(6)} ${String(perArticle(bytes)).padStart(6)} bytes an article in ${keys} keys`);
  }
} finally {
  await redis.stop();
}
