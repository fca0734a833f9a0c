import type { Redis } from 'ioredis';
import { parseStoredJson } from './stored-json.js';

/**
 * Watches and alerts in Redis, under the pipeline prefix:
 *   <prefix>:watches                      hash    watch id → the watch (JSON)
 *   <prefix>:alerts                       stream  every alert raised, newest last (trimmed to ~10,000)
 *   <prefix>:alerted:<watch>:<article>    string  the alert was raised: never again for this pair (30 days)
 *   <prefix>:webhooked:<watch>:<article>  string  its webhook delivery was queued
 * The values' schemas live in src/alerts/watch.ts; this file only stores.
 */
export const alertKeys = {
  watches: (prefix: string) => `${prefix}:watches`,
  stream: (prefix: string) => `${prefix}:alerts`,
  alerted: (prefix: string, watchId: string, articleId: string) => `${prefix}:alerted:${watchId}:${articleId}`,
  webhooked: (prefix: string, watchId: string, articleId: string) => `${prefix}:webhooked:${watchId}:${articleId}`,
};

const REMEMBER_SECONDS = 30 * 86_400;
export const ALERTS_KEPT = 10_000;

/** Marks the pair alerted and appends the alert, atomically: either both happen or neither (a retry after a crash raises it once). */
const RAISE_ONCE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then
  return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'alert', ARGV[4])
end
return false`;

export class AlertStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async putWatch(id: string, watch: unknown): Promise<void> {
    await this.redis.hset(alertKeys.watches(this.prefix), id, JSON.stringify(watch));
  }

  async removeWatch(id: string): Promise<boolean> {
    return (await this.redis.hdel(alertKeys.watches(this.prefix), id)) === 1;
  }

  /** Whether any watch is registered: the writer queues no match while none is (issue 21: a job per record for nothing). */
  async hasWatches(): Promise<boolean> {
    return (await this.redis.exists(alertKeys.watches(this.prefix))) === 1;
  }

  /** Every watch as stored (the caller parses it). */
  async watches(): Promise<Map<string, unknown>> {
    const all = await this.redis.hgetall(alertKeys.watches(this.prefix));
    return new Map(Object.entries(all).map(([id, json]) => [id, parseStoredJson(json)]));
  }

  /** Raises the alert unless this watch already alerted on this article: its stream id, or null. */
  async raiseOnce(watchId: string, articleId: string, alert: unknown): Promise<string | null> {
    const id = await this.redis.eval(RAISE_ONCE, 2, alertKeys.alerted(this.prefix, watchId, articleId), alertKeys.stream(this.prefix), '1', REMEMBER_SECONDS, ALERTS_KEPT, JSON.stringify(alert));
    return typeof id === 'string' ? id : null;
  }

  async alerted(watchId: string, articleId: string): Promise<boolean> {
    return (await this.redis.exists(alertKeys.alerted(this.prefix, watchId, articleId))) === 1;
  }

  async webhookQueued(watchId: string, articleId: string): Promise<boolean> {
    return (await this.redis.exists(alertKeys.webhooked(this.prefix, watchId, articleId))) === 1;
  }

  async markWebhookQueued(watchId: string, articleId: string): Promise<void> {
    await this.redis.set(alertKeys.webhooked(this.prefix, watchId, articleId), '1', 'EX', REMEMBER_SECONDS);
  }

  /** The newest alerts, newest first, as stored. */
  async latest(count: number): Promise<{ id: string; alert: unknown }[]> {
    const entries = await this.redis.xrevrange(alertKeys.stream(this.prefix), '+', '-', 'COUNT', count);
    return entries.map(([id, fields]) => ({ id, alert: parseStoredJson(fields[1] ?? '') }));
  }

  /** Alerts after `afterId` ('$' for only new ones), waiting up to `blockMs` for some. Needs a connection of its own (it blocks). */
  async after(afterId: string, blockMs: number, count = 100): Promise<{ id: string; alert: unknown }[]> {
    const reply = await this.redis.xread('COUNT', count, 'BLOCK', blockMs, 'STREAMS', alertKeys.stream(this.prefix), afterId);
    const entries = reply?.[0]?.[1] ?? [];
    return entries.map(([id, fields]) => ({ id, alert: parseStoredJson(fields[1] ?? '') }));
  }

  /** Alerts after `afterId`, oldest first, without blocking (the dashboard's live page asks every few seconds). */
  async since(afterId: string, count = 100): Promise<{ id: string; alert: unknown }[]> {
    const entries = await this.redis.xrange(alertKeys.stream(this.prefix), `(${afterId}`, '+', 'COUNT', count);
    return entries.map(([id, fields]) => ({ id, alert: parseStoredJson(fields[1] ?? '') }));
  }

  async count(): Promise<number> {
    return this.redis.xlen(alertKeys.stream(this.prefix));
  }
}
