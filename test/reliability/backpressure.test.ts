import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openQueue, pendingJobs } from '../../src/pipeline/queues.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { allQueues, firstQueue } from '../../src/pipeline/stage-chain.js';
import { testRedisUrl } from '../helpers/redis.js';
import { tempDir, testSettings } from '../helpers/pipeline.js';
import { generatedArticles } from '../../bench/corpus/rotations.js';
import { assertBuilt, startKhabar, stopKhabar } from '../helpers/processes.js';
import { peakRssMiB } from '../helpers/rss.js';

const FILES = 20_000;
const HIGH_WATER = 500;

describe('backpressure', () => {
  it(`${FILES} files dropped at once: the ingest fills the chain up to its high-water mark, then waits, in bounded memory`, async () => {
    assertBuilt();
    const inbox = tempDir('flood-inbox');
    const texts = generatedArticles(50);
    for (let i = 0; i < FILES; i++) writeFileSync(join(inbox, `flood-${i}.txt`), `${texts[i % texts.length]}\n\nرقم ${i}`);
    const settings = testSettings('flood');
    const ingest = startKhabar(['ingest', '--watch', inbox], { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: settings.prefix, KHABAR_INGEST_HIGH_WATER: String(HIGH_WATER), KHABAR_LOG_LEVEL: 'warn' });
    // A tokenise worker and no ner worker: records pile up in the ner queue, the slow stage. The
    // mark is over the whole chain, so the ingest must stop although the first queue drains.
    const tokenise = startKhabar(['worker', 'tokenise'], { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: settings.prefix, KHABAR_LOG_LEVEL: 'warn' });
    const connection = createRedis(testRedisUrl());
    const queues = allQueues().map((name) => openQueue(name, connection, settings));
    const first = queues[0]!;
    expect(first.name).toBe(firstQueue());
    const inChain = async (): Promise<{ total: number; byQueue: Record<string, number> }> => {
      const byQueue: Record<string, number> = {};
      for (const queue of queues) byQueue[queue.name] = await pendingJobs(queue);
      return { total: Object.values(byQueue).reduce((a, b) => a + b, 0), byQueue };
    };
    try {
      const deadline = Date.now() + 120_000;
      while ((await inChain()).total < HIGH_WATER && Date.now() < deadline) await sleep(250);
      await sleep(8_000); // the ingest must now hold back while tokenise keeps moving records on
      const { total, byQueue } = await inChain();
      const rss = peakRssMiB(ingest.child.pid);
      console.log(`backpressure: ${total} articles in the chain (${JSON.stringify(byQueue)}; high water ${HIGH_WATER}), ingest peak RSS ${rss} MiB with ${FILES} files in the inbox`);
      expect(total).toBeGreaterThanOrEqual(HIGH_WATER);
      // Each of the ingest's 4 read slots may queue what it read before it saw the chain was full.
      expect(total).toBeLessThan(HIGH_WATER + 50);
      // Work did move past the first queue: the mark held over the chain, not over one queue.
      expect(byQueue.ner ?? 0).toBeGreaterThan(0);
      expect(await stopKhabar(tokenise, 30_000), tokenise.output()).toBe(0);
      expect(rss).not.toBeNull();
      expect(rss ?? Infinity).toBeLessThan(512);
      expect(ingest.child.exitCode).toBeNull();
      expect(await stopKhabar(ingest, 30_000), ingest.output()).toBe(0);
      // Nothing is written yet, so nothing has left the inbox: every file is still there or queued.
      expect(readdirSync(inbox).filter((name) => name.endsWith('.txt'))).toHaveLength(FILES);
    } finally {
      for (const queue of queues) await queue.close();
      connection.disconnect();
      await stopKhabar(ingest, 5_000);
      await stopKhabar(tokenise, 5_000);
    }
  }, 240_000);
});
