import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { redactRedisUrl } from '../logger.js';
import { classifyRedisError, describeRedisFault, RedisFaultError, type RedisFault } from './redis-faults.js';
import { createRedis } from './redis.js';

export interface RedisWatchOptions {
  url: string;
  prefix: string;
  logger: Logger;
  intervalMs?: number;
  /** A refusal of writes (OOM, MISCONF, READONLY) that lasts this long stops the run. */
  refusedGraceMs?: number;
  /** No answer for this long stops the run (a restart of Redis within it goes unnoticed). */
  goneGraceMs?: number;
}

export const REDIS_REFUSED_GRACE_MS = 10_000;
export const REDIS_GONE_GRACE_MS = 60_000;

/**
 * `khabar run`'s watch on its Redis: a small write every 2 s on a connection of its own that fails
 * fast (no offline queue). A Redis that refuses writes for `refusedGraceMs`, or does not answer for
 * `goneGraceMs`, is fatal: the listeners get one error that names the cause, and the run stops with
 * a report instead of retrying for ever (a full Redis once wrote 1 GB of log in 100 s and never ended).
 */
export class RedisWatch {
  /** Fails fast instead of queueing while Redis is away: also for reports read when the run stops. */
  readonly connection: Redis;
  private readonly listeners: ((error: RedisFaultError) => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private faultSince: { kind: RedisFault['kind']; at: number } | null = null;
  private fired = false;

  constructor(private readonly options: RedisWatchOptions) {
    this.connection = createRedis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 3_000, commandTimeout: 5_000 });
  }

  onFatal(listener: (error: RedisFaultError) => void): void {
    this.listeners.push(listener);
  }

  start(): void {
    const tick = async (): Promise<void> => {
      await this.probe();
      if (!this.fired && this.timer) this.timer = setTimeout(() => void tick(), this.options.intervalMs ?? 2_000);
    };
    this.timer = setTimeout(() => void tick(), this.options.intervalMs ?? 2_000);
  }

  /** One probe: a write that expires by itself. Public so that a test or a caller can force one. */
  async probe(): Promise<void> {
    try {
      await this.connection.set(`${this.options.prefix}:run-probe:${process.pid}`, new Date().toISOString(), 'PX', 30_000);
      if (this.faultSince) this.options.logger.info({ after: Date.now() - this.faultSince.at }, 'Redis takes writes again');
      this.faultSince = null;
    } catch (error) {
      const fault = classifyRedisError(error);
      const kind = fault.kind === 'refused' ? 'refused' : 'gone';
      if (this.faultSince?.kind !== kind) {
        this.faultSince = { kind, at: Date.now() };
        this.options.logger.warn({ redis: redactRedisUrl(this.options.url), fault: kind, err: fault.cause }, describeRedisFault(fault));
      }
      const grace = kind === 'refused' ? this.options.refusedGraceMs ?? REDIS_REFUSED_GRACE_MS : this.options.goneGraceMs ?? REDIS_GONE_GRACE_MS;
      const lasted = Date.now() - this.faultSince.at;
      if (lasted >= grace && !this.fired) {
        this.fired = true;
        const seconds = Math.round(lasted / 1000);
        const message = kind === 'refused'
          ? `${describeRedisFault(fault)} (for ${seconds} s)`
          : `Redis at ${redactRedisUrl(this.options.url)} is gone: no answer for ${seconds} s (${fault.cause})`;
        for (const listener of this.listeners) listener(new RedisFaultError(message));
      }
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.connection.disconnect();
  }
}
