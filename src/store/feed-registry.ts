import type { Redis } from 'ioredis';
import { parseStoredJson } from './stored-json.js';

/**
 * The feeds khabar polls and what it remembers of each, in Redis under the pipeline prefix, so that
 * `khabar feeds add` on one machine is seen by the feed workers on every other, and a worker that
 * dies mid-poll leaves nothing another cannot pick up:
 *   <prefix>:feeds                 hash  feed id → its spec (JSON)
 *   <prefix>:feed:<id>:state       hash  validators (ETag, Last-Modified), last outcome, failures, next due time
 *   <prefix>:feed:<id>:seen        zset  keys of the items already queued (score: when), trimmed to the newest
 *   <prefix>:feeds:host:<host>     string, with a TTL: the per-host rate limit's slot
 * The schemas of the values live with the feeds (src/feeds/feed-spec.ts); this file only stores.
 */
export const feedKeys = {
  specs: (prefix: string) => `${prefix}:feeds`,
  state: (prefix: string, id: string) => `${prefix}:feed:${id}:state`,
  seen: (prefix: string, id: string) => `${prefix}:feed:${id}:seen`,
  hostSlot: (prefix: string, host: string) => `${prefix}:feeds:host:${host}`,
};

/** A feed publishes tens of items; remembering this many per feed outlasts any item still in it. */
export const SEEN_KEPT = 10_000;

export class FeedStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async putSpec(id: string, spec: unknown): Promise<void> {
    await this.redis.hset(feedKeys.specs(this.prefix), id, JSON.stringify(spec));
  }

  /** Every registered spec, as stored (the caller parses it). */
  async specs(): Promise<Map<string, unknown>> {
    const all = await this.redis.hgetall(feedKeys.specs(this.prefix));
    return new Map(Object.entries(all).map(([id, json]) => [id, parseStoredJson(json)]));
  }

  async spec(id: string): Promise<unknown> {
    const json = await this.redis.hget(feedKeys.specs(this.prefix), id);
    return json === null ? null : parseStoredJson(json);
  }

  /** Removes a feed and all it remembered; false when it was not registered. */
  async remove(id: string): Promise<boolean> {
    const [[, removed]] = (await this.redis
      .multi()
      .hdel(feedKeys.specs(this.prefix), id)
      .del(feedKeys.state(this.prefix, id), feedKeys.seen(this.prefix, id))
      .exec()) as [[Error | null, number]];
    return removed === 1;
  }

  async state(id: string): Promise<Record<string, string>> {
    return this.redis.hgetall(feedKeys.state(this.prefix, id));
  }

  async setState(id: string, fields: Record<string, string | number>): Promise<void> {
    await this.redis.hset(feedKeys.state(this.prefix, id), fields);
  }

  async clearState(id: string, fields: string[]): Promise<void> {
    if (fields.length > 0) await this.redis.hdel(feedKeys.state(this.prefix, id), ...fields);
  }

  async incrementState(id: string, field: string, by: number): Promise<void> {
    if (by !== 0) await this.redis.hincrby(feedKeys.state(this.prefix, id), field, by);
  }

  /** Of these item keys, those already queued. */
  async seen(id: string, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const scores = await this.redis.zmscore(feedKeys.seen(this.prefix, id), ...keys);
    return new Set(keys.filter((_, i) => scores[i] !== null));
  }

  async markSeen(id: string, key: string, at: number): Promise<void> {
    const seen = feedKeys.seen(this.prefix, id);
    await this.redis.multi().zadd(seen, at, key).zremrangebyrank(seen, 0, -SEEN_KEPT - 1).exec();
  }

  /**
   * Takes the host's slot for `intervalMs` if it is free: true when this caller may fetch from the
   * host now. Shared by every feed worker on every machine (one SET NX PX), so a host gets at most
   * one request per interval from the whole pipeline.
   */
  async takeHostSlot(host: string, intervalMs: number): Promise<boolean> {
    return (await this.redis.set(feedKeys.hostSlot(this.prefix, host), '1', 'PX', intervalMs, 'NX')) === 'OK';
  }

  /** Milliseconds until the host's slot is free again (0 if it is). */
  async hostSlotWait(host: string): Promise<number> {
    return Math.max(0, await this.redis.pttl(feedKeys.hostSlot(this.prefix, host)));
  }
}
