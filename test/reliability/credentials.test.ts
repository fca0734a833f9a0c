import { describe, expect, it } from 'vitest';
import { redactRedisUrl } from '../../src/logger.js';
import { freePort, spawnRedisServer } from '../../src/pipeline/redis-server.js';
import { tempDir } from '../helpers/pipeline.js';
import { assertBuilt, startKhabar } from '../helpers/processes.js';

const SECRET = 'correct-horse-battery-staple-42';

describe('Redis credentials', () => {
  it('are used from REDIS_URL and never appear in logs or errors', async () => {
    assertBuilt();
    const port = await freePort();
    const redis = await spawnRedisServer({ dir: tempDir('auth-redis'), port, appendonly: false, extraArgs: ['--requirepass', SECRET], password: SECRET });
    try {
      const ok = startKhabar(['status'], { REDIS_URL: `redis://:${SECRET}@127.0.0.1:${port}`, KHABAR_LOG_LEVEL: 'debug' });
      expect(await ok.exited, ok.output()).toBe(0);
      expect(ok.output()).toMatch(/tokenise/);
      expect(ok.output()).not.toContain(SECRET);

      const wrong = startKhabar(['status'], { REDIS_URL: `redis://:not-${SECRET}@127.0.0.1:${port}`, KHABAR_LOG_LEVEL: 'debug' });
      expect(await wrong.exited).toBe(1); // at once: waiting does not fix a wrong password
      expect(wrong.output()).toMatch(/refused the credentials/);
      expect(wrong.output()).toMatch(/WRONGPASS|invalid username-password|NOAUTH/);
      expect(wrong.output()).not.toContain(SECRET);
    } finally {
      await redis.stop();
    }
  }, 60_000);

  it('are masked wherever a URL is shown, TLS URLs included', () => {
    expect(redactRedisUrl(`rediss://user:${SECRET}@redis.example:6380/2`)).toBe('rediss://***:***@redis.example:6380/2');
    expect(redactRedisUrl(`redis://:${SECRET}@localhost:6379`)).toBe('redis://:***@localhost:6379');
    expect(redactRedisUrl('redis://localhost:6379')).toBe('redis://localhost:6379');
  });
});
