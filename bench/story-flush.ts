/**
 * What a big story's flush does to the write worker's event loop: `npm run bench:story-flush -- [articles]`.
 * Indexes `articles` seed rewrites (tokenise, ner, claims, dedup: five big stories, as in the soak),
 * writes their quotes files and records, then rebuilds the biggest story's file three times each way: on this thread
 * (`writeStoryWhenDue`, as the write worker did before 2026-12-03) and through `StoryFlusher` (a worker
 * thread, as it does now; its first run includes starting the thread). Prints each rebuild's wall time and the event loop's worst delay meanwhile:
 * the delay is what holds back BullMQ's lock renewals for every job in the process.
 * The thread runs the compiled code: `npm run build` first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { z } from 'zod';
import { startBenchRedis } from './lib/redis.js';
import { initStage } from './lib/chain.js';
import { seedRewrites } from './corpus/seed-rewrites.js';
import { dedupStage } from '../src/pipeline/stages/dedup.js';
import { pipelineKeys } from '../src/store/redis-keys.js';
import { StoryFlusher, threadRedisOptions, RecordClaimTexts, recordQuotes, writeStoryWhenDue } from '../src/pipeline/story-files/index.js';
import { DEFAULT_LAYOUT, RedisDedupIndex } from '../src/store/dedup-index.js';
import { quotesPath, recordPath, writeJsonAtomic } from '../src/store/output.js';

const articles = z.coerce.number().int().positive().parse(process.argv[2] ?? 3000);
const PREFIX = 'flush';
const EVERY_CHANGE = { alwaysUpTo: Number.POSITIVE_INFINITY, fraction: 0 };

async function measured(what: string, rebuild: () => Promise<unknown>): Promise<void> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  await rebuild();
  const ms = performance.now() - started;
  delay.disable();
  console.log(`  ${what.padEnd(26)} ${ms.toFixed(0).padStart(6)} ms; event loop delay max ${(delay.max / 1e6).toFixed(0).padStart(5)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0).padStart(5)} ms`);
}

const redis = await startBenchRedis('story-flush');
const out = mkdtempSync(join(tmpdir(), 'khabar-bench-flush-out-'));
try {
  const dedup = await initStage(dedupStage, redis.client, PREFIX);
  const started = performance.now();
  const lastStories = new Set<string>();
  for await (const record of seedRewrites(articles, ['tokenise', 'ner', 'claims'])) {
    // As the writer does: the quotes file (what a flush reads), then the record.
    const done = await dedup(record);
    await writeJsonAtomic(quotesPath(out, done.id), recordQuotes(done));
    await writeJsonAtomic(recordPath(out, done.id), done);
    // The five stories' members come in turn: the last few records name them all.
    if (done.dedup) lastStories.add(done.dedup.storyId);
    if (lastStories.size > 10) lastStories.delete(lastStories.values().next().value!);
  }
  process.stderr.write(`${articles} articles indexed in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  const index = new RedisDedupIndex(redis.client, pipelineKeys.dedupIndex(PREFIX), {}, DEFAULT_LAYOUT, new RecordClaimTexts(out));
  const statuses = (await Promise.all([...lastStories].map((id) => index.storyStatus(id)))).filter((status) => status !== null);
  const biggest = statuses.reduce((a, b) => (b.size > a.size ? b : a));
  const story = await index.getStory(biggest.storyId);
  console.log(`biggest story: ${biggest.size} members, ${story?.links.length ?? 0} pair links, ${story?.corroboratedClaims.length ?? 0} corroborated groups, ${story?.conflicts.length ?? 0} conflicts`);
  const flusher = new StoryFlusher({ redis: threadRedisOptions(redis.client), prefix: PREFIX, outDir: out, lockPrefix: 'lock-thread' });
  try {
    for (let run = 1; run <= 3; run++) {
      // A lock prefix of its own each time: the "written" version is unknown, so the file is rebuilt.
      await measured(`on this thread, run ${run}`, () => writeStoryWhenDue(out, index, biggest.storyId, [], redis.client, { lockPrefix: `lock-main-${run}`, policy: EVERY_CHANGE }));
      await redis.client.del('lock-thread:written');
      await measured(`in the flush thread, run ${run}`, () => flusher.flush(biggest.storyId));
    }
  } finally {
    await flusher.close();
  }
} finally {
  await redis.stop();
  rmSync(out, { recursive: true, force: true });
}
