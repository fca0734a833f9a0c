import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnRedisServer, type SpawnedRedis } from '../../src/pipeline/redis-server.js';
import { classifyRedisError } from '../../src/pipeline/redis-faults.js';
import { tempDir } from '../helpers/pipeline.js';

/** The same refusal reaches us in three shapes; each must read as "refused", never as a bug ("other"). */
describe('a Redis out of memory is a refusal however the command was sent', () => {
  let server: SpawnedRedis;
  let redis: Redis;
  beforeAll(async () => {
    server = await spawnRedisServer({ dir: tempDir('fault-kinds'), appendonly: false, extraArgs: ['--maxmemory', '2mb'] });
    redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
    for (let i = 0; ; i++) {
      try {
        await redis.set(`fill:${i}`, 'x'.repeat(4096));
      } catch {
        break;
      }
    }
  });
  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });

  const caught = async (send: () => Promise<unknown>): Promise<unknown> => send().then(() => null, (error: unknown) => error);

  it('a plain command', async () => {
    const fault = classifyRedisError(await caught(() => redis.set('one', 'x'.repeat(4096))));
    expect(fault.kind).toBe('refused');
    expect(fault.cause).toMatch(/^OOM command not allowed/);
  });

  it('inside MULTI (EXEC answers EXECABORT; the OOM is in previousErrors)', async () => {
    const error = await caught(() => redis.multi().set('a', 'x'.repeat(4096)).incr('b').exec());
    expect(error instanceof Error ? error.message : '').toMatch(/^EXECABORT/);
    const fault = classifyRedisError(error);
    expect(fault.kind).toBe('refused');
    expect(fault.cause).toMatch(/^OOM command not allowed/);
    expect(fault.hint).toMatch(/maxmemory/);
  });

  it('inside a script (the sha and line are dropped from the cause)', async () => {
    const fault = classifyRedisError(await caught(() => redis.eval("return redis.call('set', KEYS[1], ARGV[1])", 1, 'k', 'x'.repeat(4096))));
    expect(fault.kind).toBe('refused');
    expect(fault.cause).not.toMatch(/user_script|[0-9a-f]{40}/);
  });

  it('an error that is not a refusal stays "other"', () => {
    expect(classifyRedisError(new Error('ERR unknown command')).kind).toBe('other');
  });
});
