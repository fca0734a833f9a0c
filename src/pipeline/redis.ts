import { chmodSync, existsSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.js';
import { redactRedisUrl } from '../logger.js';
import { RedisServerMissingError } from './redis-server.js';
import { startEmbeddedRedis, type EmbeddedRedis } from './embedded-redis.js';

/**
 * A connection for BullMQ: `maxRetriesPerRequest: null` so blocking commands wait through a Redis
 * restart instead of failing, and a capped exponential reconnect so workers come back by themselves.
 */
export function createRedis(url: string, extra: RedisOptions = {}): Redis {
  return quietErrors(new Redis(url, connectionOptions(extra)));
}

/** The same, from connection options instead of a URL (a worker thread opening its own connection). */
export function createRedisFrom(options: RedisOptions): Redis {
  return quietErrors(new Redis(connectionOptions(options)));
}

function connectionOptions(extra: RedisOptions): RedisOptions {
  return {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 6), 5_000),
    ...extra,
  };
}

function quietErrors(connection: Redis): Redis {
  // Connection errors are retried by ioredis itself; owners that want to log them add a listener.
  // Without one, ioredis prints "Unhandled error event" on every reconnect attempt.
  connection.on('error', () => {});
  return connection;
}

export interface RedisHealth {
  version: string;
  maxmemoryPolicy: string;
  warnings: string[];
}

/** Reads the server's version and eviction policy and says what is wrong for BullMQ. */
export async function checkRedis(redis: Redis): Promise<RedisHealth> {
  const info = await redis.info('server');
  const version = /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown';
  let maxmemoryPolicy = 'unknown';
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    maxmemoryPolicy = reply[1] ?? 'unknown';
  } catch {
    // Managed Redis often forbids CONFIG; INFO memory carries the policy too.
    const memory = await redis.info('memory');
    maxmemoryPolicy = /maxmemory_policy:([^\r\n]+)/.exec(memory)?.[1] ?? 'unknown';
  }
  const warnings: string[] = [];
  const major = Number.parseInt(version.split('.')[0] ?? '0', 10);
  if (Number.isFinite(major) && major > 0 && major < 6) {
    warnings.push(`Redis ${version} is older than 6.2, the oldest BullMQ supports`);
  }
  if (maxmemoryPolicy !== 'noeviction' && maxmemoryPolicy !== 'unknown') {
    warnings.push(
      `Redis maxmemory-policy is "${maxmemoryPolicy}": under memory pressure Redis will evict queue keys and ` +
        'lose jobs. BullMQ needs "noeviction" (CONFIG SET maxmemory-policy noeviction).',
    );
  }
  return { version, maxmemoryPolicy, warnings };
}

/** Waits for Redis to answer, retrying with backoff and saying why it waits. */
export async function waitForRedis(url: string, logger: Logger, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3_000 });
    // The socket error (ECONNREFUSED, ENOTFOUND, auth) says why; connect() itself only says "closed".
    let cause: Error | null = null;
    probe.on('error', (error: Error) => { cause = error; });
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return;
    } catch (thrown) {
      probe.disconnect();
      const error = cause ?? (thrown as Error);
      // Wrong credentials do not get better by waiting.
      if (/WRONGPASS|NOAUTH|invalid (username-)?password/i.test(error.message)) {
        throw new Error(`Redis at ${redactRedisUrl(url)} refused the credentials in REDIS_URL: ${error.message.replace(/\s+/g, ' ').slice(0, 200)}`);
      }
      if (Date.now() + delay > deadline) {
        throw new Error(`Redis at ${redactRedisUrl(url)} did not answer for ${Math.round(timeoutMs / 1000)} s: ${(error as Error).message}`);
      }
      logger.warn({ attempt, retryInMs: delay, redis: redactRedisUrl(url), reason: (error as Error).message }, 'waiting for Redis');
      await sleep(delay);
      delay = Math.min(delay * 2, 5_000);
    }
  }
}

/** Where `khabar run` leaves the URL of the Redis it started, so `status` and `worker` find it. */
export function embeddedUrlFile(home: string): string {
  return join(resolve(home), 'redis', 'url');
}

/**
 * The embedded Redis's password: random, made on its first start, kept beside its data with mode
 * 0600 so that only this folder's owner (every khabar command run by them) can reach the server.
 */
export function embeddedPasswordFile(home: string): string {
  return join(resolve(home), 'redis-password');
}

/** Reads the embedded Redis's password, making it first when `create` (null: none made yet). */
export function embeddedPassword(home: string, create: boolean): string | null {
  const file = embeddedPasswordFile(home);
  if (!existsSync(file)) {
    if (!create) return null;
    mkdirSync(resolve(home), { recursive: true });
    try {
      // 'wx': two commands starting at once both end up with the one password written first.
      writeFileSync(file, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600); // a copy or an editor may have widened it
  const password = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{16,}$/.test(password)) throw new Error(`${file} does not hold a khabar Redis password (delete it to make a new one)`);
  return password;
}

/** The URL with the embedded server's password in it (the URL file holds none). */
function withPassword(url: string, password: string | null): string {
  if (!password) return url;
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

export interface ResolvedRedis {
  url: string;
  kind: 'env' | 'embedded-running' | 'embedded-started';
  embedded: EmbeddedRedis | null;
}

/**
 * REDIS_URL when set; else the embedded server a `khabar run` in this folder already started; else
 * (when `mayStart`) start `redis-server` with AOF on in `<home>/redis`.
 */
export async function resolveRedis(options: {
  envUrl: string | undefined;
  home: string;
  mayStart: boolean;
  logger: Logger;
}): Promise<ResolvedRedis> {
  if (options.envUrl) return { url: options.envUrl, kind: 'env', embedded: null };
  const urlFile = embeddedUrlFile(options.home);
  if (existsSync(urlFile)) {
    const url = withPassword(readFileSync(urlFile, 'utf8').trim(), embeddedPassword(options.home, false));
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return { url, kind: 'embedded-running', embedded: null };
    } catch {
      probe.disconnect();
      rmSync(urlFile, { force: true }); // stale: its server is gone
    }
  }
  if (!options.mayStart) {
    throw new RedisServerMissingError('REDIS_URL is not set and no `khabar run` in this folder has started one');
  }
  const dir = join(resolve(options.home), 'redis');
  mkdirSync(dir, { recursive: true });
  const embedded = await startEmbeddedRedis({ dir, password: embeddedPassword(options.home, true) ?? '', logger: options.logger });
  writeFileSync(urlFile, `redis://127.0.0.1:${embedded.port}\n`);
  options.logger.info({ redis: redactRedisUrl(embedded.url), pid: embedded.pid(), dir: options.home + '/redis' }, 'started embedded redis-server (AOF on, password in redis-password)');
  return { url: embedded.url, kind: 'embedded-started', embedded };
}
