import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openQueue } from '../../src/pipeline/queues.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { firstQueue } from '../../src/pipeline/stages.js';
import { testRedisUrl } from '../helpers/redis.js';
import { tempDir, testSettings } from '../helpers/pipeline.js';
import { generatedArticles } from '../helpers/corpus.js';
import { assertBuilt, startKhabar, stopKhabar } from '../helpers/processes.js';
import { peakRssMiB } from '../helpers/rss.js';

const FILES = 20_000;
const HIGH_WATER = 500;

describe('backpressure', () => {
  it(`${FILES} files dropped at once: the ingest queues up to its high-water mark, then waits, in bounded memory`, async () => {
    assertBuilt();
    const inbox = tempDir('flood-inbox');
    const texts = generatedArticles(50);
    for (let i = 0; i < FILES; i++) writeFileSync(join(inbox, `flood-${i}.txt`), `${texts[i % texts.length]}\n\nرقم ${i}`);
    const settings = testSettings('flood');
    const ingest = startKhabar(['ingest', '--watch', inbox], { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: settings.prefix, KHABAR_INGEST_HIGH_WATER: String(HIGH_WATER), KHABAR_LOG_LEVEL: 'warn' });
    const connection = createRedis(testRedisUrl());
    const queue = openQueue(firstQueue(), connection, settings);
    try {
      const deadline = Date.now() + 120_000;
      while ((await queue.getWaitingCount()) < HIGH_WATER && Date.now() < deadline) await sleep(250);
      await sleep(5_000); // the ingest must now hold back
      const waiting = await queue.getWaitingCount();
      const rss = peakRssMiB(ingest.child.pid);
      console.log(`backpressure: ${waiting} waiting (high water ${HIGH_WATER}), ingest peak RSS ${rss} MiB with ${FILES} files in the inbox`);
      expect(waiting).toBeGreaterThanOrEqual(HIGH_WATER);
      // Each of the ingest's 4 read slots may queue what it read before it saw the queue was full.
      expect(waiting).toBeLessThan(HIGH_WATER + 50);
      expect(rss).not.toBeNull();
      expect(rss ?? Infinity).toBeLessThan(512);
      expect(ingest.child.exitCode).toBeNull();
      expect(await stopKhabar(ingest, 30_000), ingest.output()).toBe(0);
      // Nothing is written yet, so nothing has left the inbox: every file is still there or queued.
      expect(readdirSync(inbox).filter((name) => name.endsWith('.txt'))).toHaveLength(FILES);
    } finally {
      await queue.close();
      connection.disconnect();
      await stopKhabar(ingest, 5_000);
    }
  }, 240_000);
});
