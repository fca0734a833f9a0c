import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { startInProcessWorkers, type InProcessWorkers } from '../../src/pipeline/in-process.js';
import { openQueue, WRITE_QUEUE } from '../../src/pipeline/queues.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { pipelineKeys } from '../../src/store/redis-keys.js';
import { RedisDedupIndex } from '../../src/store/dedup-index.js';
import { StorySchema } from '../../src/schema/story.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';
import { generatedArticles } from '../../bench/corpus/rotations.js';

describe('story files of a big story (one wire story reprinted many times)', () => {
  const settings = testSettings('big-story');
  const out = tempDir('big-story-out');
  const connection = createRedis(testRedisUrl());
  let workers: InProcessWorkers;

  beforeAll(async () => {
    workers = await startInProcessWorkers({ redisUrl: testRedisUrl(), settings, logger: quietLogger, outDir: out });
  });
  afterAll(async () => {
    await workers.close();
    connection.disconnect();
  });

  it('end up listing every article once the writer is idle, though not rewritten for each one', async () => {
    // 70 versions of seed 000 (every fifth generated article comes from it): one story of 70.
    const dir = tempDir('big-story-in');
    const files = generatedArticles(350).filter((_, i) => i % 5 === 0).map((text, i) => {
      const path = join(dir, `copy-${i}.txt`);
      writeFileSync(path, text);
      return path;
    });
    const ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 1000, pollMs: 100 });
    const summaries = await Promise.all(files.map((file) => ingestor.ingestFile(file, null)));
    await ingestor.close();
    expect(summaries.reduce((sum, s) => sum + s.ok, 0)).toBe(files.length);

    const write = openQueue(WRITE_QUEUE, connection, settings);
    for (let i = 0; i < 200; i++) {
      const counts = await write.getJobCounts('waiting', 'delayed', 'active');
      if (Object.values(counts).every((count) => count === 0)) break;
      await sleep(100);
    }
    await write.close();

    const index = new RedisDedupIndex(connection, pipelineKeys.dedupIndex(settings.prefix));
    const { stories } = await index.dumpState();
    const biggest = stories.reduce((a, b) => (b.members.length > a.members.length ? b : a));
    expect(biggest.members.length).toBeGreaterThan(64); // past the "rewrite on every change" size
    const path = join(out, 'stories', `${biggest.storyId}.json`);
    expect(existsSync(path)).toBe(true);
    const file = StorySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(file.articles.map((article) => article.id).sort()).toEqual([...biggest.members].sort());
  }, 240_000);
});
