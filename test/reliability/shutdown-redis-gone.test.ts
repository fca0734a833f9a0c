import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { spawnRedisServer } from '../../src/pipeline/redis-server.js';
import { testPrefix } from '../helpers/redis.js';
import { tempDir } from '../helpers/pipeline.js';
import { assertBuilt, startKhabar } from '../helpers/processes.js';

// Out of restart-shutdown.test.ts: this one waits out the worker's hard shutdown limit (shutdown
// timeout + 15 s) on a Redis of its own, idle meanwhile, so it runs in npm test's parallel pass.
describe('graceful shutdown', () => {
  it('SIGTERM to a worker whose Redis is gone still ends the process in bounded time', async () => {
    assertBuilt();
    const redis = await spawnRedisServer({ dir: tempDir('gone-redis'), appendonly: false });
    const worker = startKhabar(['worker', 'tokenise'], { REDIS_URL: redis.url, KHABAR_PREFIX: testPrefix('gone'), KHABAR_SHUTDOWN_TIMEOUT_MS: '2000' });
    const deadline = Date.now() + 30_000;
    while (!worker.output().includes('worker started') && Date.now() < deadline) await sleep(100);
    await redis.stop();
    await sleep(500);
    const started = Date.now();
    worker.child.kill('SIGTERM');
    const code = await worker.exited;
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(code).not.toBeNull();
  }, 60_000);
});
