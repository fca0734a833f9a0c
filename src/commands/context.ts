import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { loadEnv, queueSettings, type Env, type QueueSettings } from '../config.js';
import { createLogger, redactRedisUrl, type Logger } from '../logger.js';
import { describeZodError } from '../schema/zod-errors.js';
import { checkRedis, createRedis, embeddedUrlFile, resolveRedis, waitForRedis, type ResolvedRedis } from '../pipeline/redis.js';

export interface CommandContext {
  env: Env;
  settings: QueueSettings;
  logger: Logger;
  redis: ResolvedRedis;
  /** Opens a new connection (BullMQ workers each want their own). */
  connect(): Redis;
}

/** A CLI option's value checked by its schema; a bad one is one clear line (`--type: expected one of …, got "FOO"`). */
export function parseOption<T>(flag: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new Error(describeZodError(parsed.error, { name: () => flag, root: flag }));
  return parsed.data;
}

/**
 * True when a `khabar run` in this folder left its embedded Redis's data on disk (AOF, or a snapshot):
 * reading commands start that Redis again rather than report that there is none.
 */
export function embeddedDataOnDisk(home: string): boolean {
  const dir = dirname(embeddedUrlFile(home));
  return ['appendonlydir', 'appendonly.aof', 'dump.rdb'].some((name) => existsSync(join(dir, name)));
}

/**
 * The start of every command that needs Redis: env, logger, Redis (found or started), health warnings.
 * `mayStartRedis`: true starts the folder's embedded Redis when none runs (run, dashboard);
 * 'from-data' only when a run left its data on disk (status, entities: there is something to read);
 * false never (workers and the ingest join a pipeline, they do not make one).
 */
export async function commandContext(options: { mayStartRedis: boolean | 'from-data'; name: string }): Promise<CommandContext> {
  const env = loadEnv();
  const logger = createLogger({ level: env.KHABAR_LOG_LEVEL, format: env.KHABAR_LOG_FORMAT, name: options.name });
  const mayStart = options.mayStartRedis === 'from-data' ? embeddedDataOnDisk(env.KHABAR_HOME) : options.mayStartRedis;
  const redis = await resolveRedis({ envUrl: env.REDIS_URL, home: env.KHABAR_HOME, mayStart, logger });
  if (redis.kind === 'env') await waitForRedis(redis.url, logger, 120_000);
  const probe = createRedis(redis.url);
  try {
    const health = await checkRedis(probe);
    for (const warning of health.warnings) logger.warn({ redis: redactRedisUrl(redis.url) }, warning);
    logger.debug({ redis: redactRedisUrl(redis.url), version: health.version, policy: health.maxmemoryPolicy }, 'redis ok');
  } finally {
    probe.disconnect();
  }
  return {
    env,
    settings: queueSettings(env),
    logger,
    redis,
    connect: () => {
      const connection = createRedis(redis.url);
      connection.on('error', (error) => logger.debug({ err: error.message }, 'redis connection error (reconnecting)'));
      return connection;
    },
  };
}

/**
 * Stops the embedded Redis this command started (if it did), once the command's own connections are
 * closed. A `khabar run` started meanwhile uses that Redis (it found it through the URL file):
 * stopping it would pull it from under the pipeline, so then it is left running.
 */
export async function releaseRedis(ctx: Pick<CommandContext, 'redis' | 'env' | 'logger'>): Promise<void> {
  const embedded = ctx.redis.embedded;
  if (!embedded) return;
  const others = await otherClients(ctx.redis.url);
  if (others > 0) {
    ctx.logger.info({ clients: others }, 'embedded redis left running: other khabar processes use it');
    return;
  }
  await embedded.stop();
  rmSync(embeddedUrlFile(ctx.env.KHABAR_HOME), { force: true });
}

/** Clients connected to the Redis at `url` other than the one asking. */
async function otherClients(url: string): Promise<number> {
  // One try, no reconnects: a Redis that does not answer has no clients to protect.
  const probe = createRedis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
  try {
    const list = (await probe.client('LIST')) as string;
    return Math.max(0, list.split('\n').filter((line) => line.trim().length > 0).length - 1);
  } catch {
    return 0;
  } finally {
    probe.disconnect();
  }
}

/**
 * Runs `stop` once on SIGINT/SIGTERM, or when the parent `khabar run` goes away (its IPC channel
 * closes). A second signal more than 2 s after the first exits at once; one sooner is the same stop
 * reaching us twice (a terminal's Ctrl-C hits the whole process group, `timeout` signals twice).
 * Past `hardLimitMs` the process exits whatever the stop is waiting for.
 */
export function onShutdownSignal(logger: Logger, stop: (signal: string) => Promise<void>, hardLimitMs = 60_000): void {
  let stoppingSince = 0;
  const handler = (signal: NodeJS.Signals | 'parent-gone'): void => {
    if (stoppingSince > 0) {
      if (Date.now() - stoppingSince < 2_000) return;
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    stoppingSince = Date.now();
    // A stop that cannot finish (Redis unreachable, a hung close) must still end the process.
    setTimeout(() => {
      logger.error({ signal, hardLimitMs }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, hardLimitMs).unref();
    logger.info({ signal }, 'shutting down');
    stop(signal).then(
      () => process.exit(process.exitCode ?? 0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  if (process.send) process.once('disconnect', () => handler('parent-gone'));
}
