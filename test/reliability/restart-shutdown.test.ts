import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { freePort, spawnRedisServer } from '../../src/pipeline/redis-server.js';
import { testPrefix, testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';
import { writeGeneratedArticles } from '../../bench/corpus/rotations.js';
import { assertBuilt, startKhabar, stopKhabar } from '../helpers/processes.js';
import { WorkerCluster } from '../helpers/cluster.js';

const countJson = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).length : 0);

describe('Redis restarts', () => {
  it('workers and the ingest reconnect by themselves and the run completes with nothing lost', async () => {
    assertBuilt();
    const COUNT = 120;
    const dir = tempDir('restart-redis');
    const port = await freePort();
    let redis = await spawnRedisServer({ dir, port, appendonly: true });
    const settings = testSettings('restart');
    const env = { REDIS_URL: redis.url, KHABAR_PREFIX: settings.prefix, KHABAR_LOCK_MS: '2000', KHABAR_STALLED_INTERVAL_MS: '1000', KHABAR_LOG_LEVEL: 'warn' };
    const out = tempDir('restart-out');
    const cluster = new WorkerCluster(env, out);
    cluster.startAll(1);
    const connection = createRedis(redis.url);
    const ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 10_000, pollMs: 200 });
    try {
      const files = writeGeneratedArticles(tempDir('restart-in'), COUNT);
      const finished = Promise.all(files.map((file) => ingestor.ingestFile(file, null)));
      while (countJson(join(out, 'articles')) < 20) await sleep(50);
      await redis.stop(); // SIGTERM: Redis flushes its AOF and exits
      await sleep(1_500);
      redis = await spawnRedisServer({ dir, port, appendonly: true });
      const summaries = await finished;
      expect(summaries.reduce((sum, s) => sum + s.ok, 0)).toBe(COUNT);
      expect(countJson(join(out, 'articles'))).toBe(COUNT);
      expect(countJson(join(out, 'failed'))).toBe(0);
    } finally {
      await ingestor.close();
      await cluster.stopAll();
      connection.disconnect();
      await redis.stop();
    }
  }, 240_000);

  it('khabar run waits for a Redis that is down at start-up, says why, and goes on when it comes', async () => {
    assertBuilt();
    const port = await freePort();
    const out = tempDir('late-redis-out');
    const run = startKhabar(['run', '--once', 'seeds/', '--out', out, '--inbox', tempDir('late-inbox')], { REDIS_URL: `redis://127.0.0.1:${port}`, KHABAR_PREFIX: testPrefix('late') });
    const deadline = Date.now() + 30_000;
    while (!run.output().includes('waiting for Redis') && Date.now() < deadline) await sleep(100);
    expect(run.output()).toContain('waiting for Redis');
    expect(run.output()).toMatch(/ECONNREFUSED|connect/);
    const redis = await spawnRedisServer({ dir: tempDir('late-redis'), port, appendonly: false });
    try {
      expect(await run.exited, run.output()).toBe(0);
      expect(countJson(join(out, 'articles'))).toBe(5);
    } finally {
      await redis.stop();
    }
  }, 120_000);
});

describe('graceful shutdown', () => {
  it('SIGTERM to a worker mid-run exits 0 in bounded time, and a restarted worker finishes the rest', async () => {
    assertBuilt();
    const COUNT = 80;
    const settings = testSettings('sigterm');
    const env = { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: settings.prefix, KHABAR_SHUTDOWN_TIMEOUT_MS: '5000', KHABAR_LOG_LEVEL: 'warn' };
    const out = tempDir('sigterm-out');
    const cluster = new WorkerCluster(env, out);
    cluster.startAll(1);
    const connection = createRedis(testRedisUrl());
    const ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 10_000, pollMs: 200 });
    try {
      const finished = Promise.all(writeGeneratedArticles(tempDir('sigterm-in'), COUNT).map((file) => ingestor.ingestFile(file, null)));
      while (countJson(join(out, 'articles')) < 10) await sleep(50);
      const victims = cluster.alive();
      const started = Date.now();
      const codes = await Promise.all(victims.map(({ process }) => stopKhabar(process, 20_000)));
      expect(codes).toEqual(victims.map(() => 0));
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(countJson(join(out, 'articles'))).toBeLessThan(COUNT);
      cluster.startAll(1);
      const summaries = await finished;
      expect(summaries.reduce((sum, s) => sum + s.ok, 0)).toBe(COUNT);
      expect(countJson(join(out, 'failed'))).toBe(0);
    } finally {
      await ingestor.close();
      await cluster.stopAll();
      connection.disconnect();
    }
  }, 240_000);

  it('SIGTERM during ingest leaves every file queued or still in the inbox; a second run finishes them all', async () => {
    assertBuilt();
    const COUNT = 120;
    const inbox = tempDir('sigterm-inbox');
    const out = tempDir('sigterm-run-out');
    writeGeneratedArticles(inbox, COUNT);
    const env = { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: testPrefix('sigterm-run'), KHABAR_SHUTDOWN_TIMEOUT_MS: '5000' };
    const first = startKhabar(['run', '--inbox', inbox, '--out', out], env);
    while (countJson(join(out, 'articles')) < 5) await sleep(50);
    expect(await stopKhabar(first, 30_000), first.output()).toBe(0);
    const left = readdirSync(inbox).filter((name) => name.endsWith('.txt')).length;
    const moved = existsSync(join(inbox, '.done')) ? readdirSync(join(inbox, '.done')).length : 0;
    expect(existsSync(join(inbox, '.failed'))).toBe(false);
    expect(left + moved).toBe(COUNT);
    expect(left).toBeGreaterThan(0); // the stop landed mid-run
    const second = startKhabar(['run', '--once', '--inbox', inbox, '--out', out], env);
    expect(await second.exited, second.output()).toBe(0);
    expect(countJson(join(out, 'articles'))).toBe(COUNT);
    expect(readdirSync(inbox).filter((name) => name.endsWith('.txt'))).toEqual([]);
  }, 240_000);
});
