import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../logger.js';

/** Who holds a prefix: the live `khabar run` whose workers take every job queued under it. */
export const RunOwnerSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  out: z.string(),
  startedAt: z.string(),
  token: z.string(),
});
export type RunOwner = z.infer<typeof RunOwnerSchema>;

/** The lock lapses this long after its run stopped renewing it (a kill -9 frees the prefix within it). */
const LOCK_TTL_MS = 15_000;
const RENEW_MS = 5_000;

/** Deletes the lock only if it still holds the given value (never another run's). */
const DELETE_IF_HELD = 'if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0';

/** Renews the lock if it is still ours or has lapsed; returns 0 when another run holds it. */
const RENEW_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current and current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

export class LiveRunError extends Error {
  constructor(readonly owner: RunOwner, prefix: string) {
    super(
      `another khabar run is live on this Redis (key prefix "${prefix}"): pid ${owner.pid} on ${owner.host}, writing to ${owner.out}, since ${owner.startedAt}. ` +
        `Its workers would take this run's articles and write them into ${owner.out}. Wait for it to end, drop these files into its inbox, ` +
        'or run this job beside it on its own Redis: KHABAR_HOME=.khabar-2 khabar run … (on a shared REDIS_URL: KHABAR_PREFIX=another-name).',
    );
    this.name = 'LiveRunError';
  }
}

export interface RunLock {
  release(): Promise<void>;
}

export function runLockKey(prefix: string): string {
  return `${prefix}:run-owner`;
}

/**
 * One `khabar run` per Redis prefix. Every run's workers take jobs from the same queues, so a second
 * run beside a live one had the first run's writers put its records into the first run's folder
 * (129 of 300 in the probe) while its own closing line counted them as written to its folder. The
 * second run now stops at once with a message naming the live run; a lock whose run died (same host,
 * pid gone) or stopped renewing is taken over.
 */
export async function acquireRunLock(redis: Redis, prefix: string, out: string, logger: Logger): Promise<RunLock> {
  const key = runLockKey(prefix);
  const owner: RunOwner = { pid: process.pid, host: hostname(), out, startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const value = JSON.stringify(owner);
  for (let attempt = 0; ; attempt++) {
    if ((await redis.set(key, value, 'PX', LOCK_TTL_MS, 'NX')) === 'OK') break;
    const held = await redis.get(key);
    const parsed = held === null ? null : RunOwnerSchema.safeParse(JSON.parse(held));
    const current = parsed?.success ? parsed.data : null;
    const dead = current !== null && current.host === owner.host && !processAlive(current.pid);
    if (attempt < 2 && (held === null || current === null || dead)) {
      // Lapsed meanwhile, unreadable, or left by a run that died on this machine: take it over.
      if (held !== null) await redis.eval(DELETE_IF_HELD, 1, key, held);
      continue;
    }
    if (current) throw new LiveRunError(current, prefix);
    throw new Error(`could not take the run lock ${key}`);
  }
  const timer = setInterval(() => {
    (redis.eval(RENEW_SCRIPT, 1, key, value, String(LOCK_TTL_MS)) as Promise<number>).then(
      (ours) => { if (ours === 0) logger.error({ key }, 'another khabar run took this prefix over (this run stopped renewing its lock for 15 s)'); },
      (error: unknown) => logger.debug({ err: (error as Error).message }, 'could not renew the run lock (will retry)'),
    );
  }, RENEW_MS);
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      // Bounded: a Redis that is gone must not hold up the stop (the lock lapses by itself).
      await Promise.race([redis.eval(DELETE_IF_HELD, 1, key, value).catch(() => 0), sleep(2_000)]);
    },
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
