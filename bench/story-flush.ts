/**
 * What a big story's flush does to the write worker's event loop: `npm run bench:story-flush -- [articles]`.
 * Indexes `articles` seed rewrites (tokenise, ner, claims, dedup: five big stories, as in the soak),
 * writes their quotes files and records, then rebuilds the biggest story's file three times each way: on this thread
 * (`writeStoryWhenDue`, as the write worker did before 2026-12-03) and through `StoryFlusher` (a worker
 * thread, as it does now; its first run includes starting the thread). Prints each rebuild's wall time and the event loop's worst delay meanwhile:
 * the delay is what holds back BullMQ's lock renewals for every job in the process.
 * The thread runs the compiled code: `npm run build` first. BENCH_FLUSH_MAX_OLD_MB: the thread's old
 * generation cap (default the flusher's own, 0 none; a list "0,24,32": one flusher after another); the thread is sampled for its heap's highs
 * (bench/lib/flush-thread-diag.mjs), printed after each of its rebuilds.
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
import { BroadcastChannel } from 'node:worker_threads';
import { FLUSH_THREAD_MAX_OLD_MB, storyFlushThreadFile } from '../src/pipeline/story-files/flusher.js';
import { StoryFlusher, threadRedisOptions, RecordClaimTexts, recordQuotes, writeStoryWhenDue } from '../src/pipeline/story-files/index.js';
import { DEFAULT_LAYOUT, RedisDedupIndex } from '../src/store/dedup-index.js';
import { quotesPath, recordPath, writeJsonAtomic } from '../src/store/output.js';

const articles = z.coerce.number().int().positive().parse(process.argv[2] ?? 3000);
const PREFIX = 'flush';
const runs = z.coerce.number().int().positive().parse(process.argv[3] ?? 3);
const EVERY_CHANGE = { alwaysUpTo: Number.POSITIVE_INFINITY, fraction: 0 };
const maxOldMbs = (process.env.BENCH_FLUSH_MAX_OLD_MB ?? String(FLUSH_THREAD_MAX_OLD_MB)).split(',').map((mb) => z.coerce.number().int().nonnegative().parse(mb));
const diag = new BroadcastChannel('khabar-flush-diag');
diag.unref();
const MB = 1024 * 1024;
/** The flush thread's heap highs since the last ask (bench/lib/flush-thread-diag.mjs). */
function threadHeap(): Promise<string> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('thread heap: no answer'), 2000);
    diag.onmessage = (event) => {
      clearTimeout(timer);
      const high = (event as { data: { committed: number; used: number; old: number; limit: number; now: number } }).data;
      resolve(`thread heap high: committed ${(high.committed / MB).toFixed(1)} MB, used ${(high.used / MB).toFixed(1)}, old space ${(high.old / MB).toFixed(1)}; now ${(high.now / MB).toFixed(1)}; limit ${(high.limit / MB).toFixed(0)}`);
    };
    diag.postMessage('report');
  });
}

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
  const diagEntry = new URL('./lib/flush-thread-diag.mjs', import.meta.url).pathname;
  for (const maxOldMb of maxOldMbs) {
    console.log(`flush thread old generation cap: ${maxOldMb || 'none'} MB`);
    // The wrapper imports the real entry (__entry) once its sampler runs; the thread's schema drops the extra key.
    const threadData = { redis: threadRedisOptions(redis.client), prefix: PREFIX, outDir: out, lockPrefix: 'lock-thread', __entry: storyFlushThreadFile() };
    const onOutOfMemory = (storyIds: readonly string[], reason: string) => console.log(`    over the cap, ${storyIds.length} flush(es) again without it: ${reason}`);
    const flusher = new StoryFlusher(threadData, { maxOldGenerationMb: maxOldMb, threadFile: diagEntry, onOutOfMemory });
    try {
      for (let run = 1; run <= runs; run++) {
        // A lock prefix of its own each time: the "written" version is unknown, so the file is rebuilt.
        if (maxOldMb === maxOldMbs[0]) await measured(`on this thread, run ${run}`, () => writeStoryWhenDue(out, index, biggest.storyId, [], redis.client, { lockPrefix: `lock-main-${run}`, policy: EVERY_CHANGE }));
        await redis.client.del('lock-thread:written');
        await measured(`in the flush thread, run ${run}`, () => flusher.flush(biggest.storyId).catch((error: unknown) => console.log(`    flush failed: ${(error as Error).message}`)));
        console.log(`    ${await threadHeap()}`);
      }
    } finally {
      await flusher.close();
    }
  }
} finally {
  await redis.stop();
  rmSync(out, { recursive: true, force: true });
}
