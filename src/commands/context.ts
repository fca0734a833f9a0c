import type { Redis } from 'ioredis';
import { loadEnv, queueSettings, type Env, type QueueSettings } from '../config.js';
import { createLogger, redactRedisUrl, type Logger } from '../logger.js';
import { checkRedis, createRedis, resolveRedis, waitForRedis, type ResolvedRedis } from '../pipeline/redis.js';

export interface CommandContext {
  env: Env;
  settings: QueueSettings;
  logger: Logger;
  redis: ResolvedRedis;
  /** Opens a new connection (BullMQ workers each want their own). */
  connect(): Redis;
}

/** The start of every command that needs Redis: env, logger, Redis (found or started), health warnings. */
export async function commandContext(options: { mayStartRedis: boolean; name: string }): Promise<CommandContext> {
  const env = loadEnv();
  const logger = createLogger({ level: env.KHABAR_LOG_LEVEL, format: env.KHABAR_LOG_FORMAT, name: options.name });
  const redis = await resolveRedis({ envUrl: env.REDIS_URL, home: env.KHABAR_HOME, mayStart: options.mayStartRedis, logger });
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
