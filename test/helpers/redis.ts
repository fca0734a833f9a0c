import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { Redis } from 'ioredis';

/** The test run's Redis URL (see redis-global-setup.ts). */
export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** A key/queue prefix of the test file's own, so test files never see each other's state. */
export function testPrefix(name: string): string {
  return `khabar-test:${name}:${randomBytes(4).toString('hex')}`;
}

/** A fresh ioredis connection suited to BullMQ (no per-request retry limit). */
export function testRedis(): Redis {
  return new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
}

/** A maker of test connections for one test file: each one it makes is closed after the file's tests. */
export function testConnections(): () => Redis {
  const open: Redis[] = [];
  afterAll(async () => {
    await Promise.all(open.map((redis) => redis.quit()));
  });
  return () => {
    const redis = testRedis();
    open.push(redis);
    return redis;
  };
}
