import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';

export interface RedisLockOptions {
  /** How long the lock lives if its holder dies (ms). */
  ttlMs: number;
  /** How long to wait for it before giving up (ms). */
  waitMs: number;
  /** What the lock guards, for the error when it is not acquired in time (default: the key). */
  label?: string;
}

const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/**
 * Runs `work` holding the Redis lock `key` (SET NX PX with a token; released only by its holder, so
 * a holder whose lock lapsed never frees the next one's). Used by writers on any machine that must
 * not rewrite one output file at once.
 */
export async function withRedisLock<T>(redis: Redis, key: string, options: RedisLockOptions, work: () => Promise<T>): Promise<T> {
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + options.waitMs;
  let pause = 5;
  while ((await redis.set(key, token, 'PX', options.ttlMs, 'NX')) !== 'OK') {
    if (Date.now() > deadline) throw new Error(`${options.label ?? key}: lock not acquired within ${options.waitMs} ms`);
    await sleep(pause);
    pause = Math.min(pause * 2, 100);
  }
  try {
    return await work();
  } finally {
    await redis.eval(RELEASE, 1, key, token);
  }
}
