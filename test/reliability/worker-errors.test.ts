import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createRedis } from '../../src/pipeline/redis.js';
import { spawnRedisServer } from '../../src/pipeline/redis-server.js';
import { startStageWorker } from '../../src/pipeline/stage-worker.js';
import { openQueue } from '../../src/pipeline/queues.js';
import { tempDir, testSettings } from '../helpers/pipeline.js';

describe('a worker whose Redis refuses writes', () => {
  it('logs the cause once, backs off, and does not flood the log', async () => {
    const redis = await spawnRedisServer({ dir: tempDir('refuse-redis'), appendonly: false });
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const connection = createRedis(redis.url);
    const stateRedis = createRedis(redis.url);
    const admin = createRedis(redis.url);
    const settings = testSettings('refuse');
    // Jobs wait when Redis fills up: taking one (a script that writes) is what gets refused.
    const queue = openQueue('tokenise', admin, settings);
    for (let n = 0; n < 20; n++) await queue.add('article', { kind: 'record', n }, { jobId: `article-${n}` });
    await admin.config('SET', 'maxmemory', '1'); // every write refused from now on: OOM under noeviction
    const running = await startStageWorker({ stage: 'tokenise', connection, stateRedis, settings, logger, concurrency: 2 });
    let events = 0;
    running.worker.on('error', () => void events++);
    try {
      await sleep(10_000);
      const errorLines = lines.filter((line) => line.includes('worker error'));
      // Today's code logged one line per refused fetch: ~1,500 a second a worker (739k in the probe).
      expect(errorLines.length, errorLines.slice(0, 3).join('')).toBeGreaterThan(0);
      expect(errorLines.length).toBeLessThanOrEqual(3);
      expect(errorLines[0]).toContain('Redis refuses writes: OOM command not allowed');
      expect(errorLines[0]).toContain('maxmemory');
      // Backoff: the worker pauses 1 s, 2 s, 4 s … between tries instead of asking again at once.
      expect(events).toBeLessThan(40);
    } finally {
      await admin.config('SET', 'maxmemory', '0');
      await running.close(2_000);
      await queue.close();
      for (const client of [connection, stateRedis, admin]) client.disconnect();
      await redis.stop();
    }
  }, 60_000);
});
