import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { QueueSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { HtmlReaderPool } from '../ingest/html-pool.js';
import { baseWorkerOptions, closeWithin } from '../pipeline/worker-common.js';
import { FeedStore } from '../store/feed-registry.js';
import { FeedSpecSchema, type FeedSpec } from './feed-spec.js';
import { pollFeed, type PollReport } from './poller.js';

/** The queue of feed polls: one job scheduler per feed (BullMQ's repeatable jobs), so each poll runs once whichever worker takes it. */
export const FEEDS_QUEUE = 'feeds';

export const FeedJobSchema = z.strictObject({ feedId: z.string().regex(/^[0-9a-f]{16}$/) });

export interface FeedWorkerOptions {
  /** A connection of its own: the worker closes it when it stops. */
  connection: Redis;
  settings: QueueSettings;
  logger: Logger;
  inboxDir: string;
  concurrency?: number;
  hostIntervalMs?: number;
  timeoutMs?: number;
  maxBytes: number;
}

/** The registered feeds, parsed; a spec that does not parse (an older or hand-edited one) is named, not dropped silently. */
export async function loadFeedSpecs(store: FeedStore, logger?: Logger): Promise<FeedSpec[]> {
  const specs: FeedSpec[] = [];
  for (const [id, raw] of await store.specs()) {
    const parsed = FeedSpecSchema.safeParse(raw);
    if (parsed.success) specs.push(parsed.data);
    else logger?.error({ feedId: id, err: parsed.error.message }, 'a registered feed does not parse: not polled (remove it and add it again)');
  }
  return specs.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Makes the feeds queue's job schedulers match the registered feeds: one per feed, every its
 * interval (an upsert: restarting a run, or ten workers doing it at once, keeps one schedule), and
 * none for a feed that was removed.
 */
export async function syncFeedSchedulers(queue: Queue, specs: readonly FeedSpec[]): Promise<void> {
  const wanted = new Set(specs.map((spec) => spec.id));
  for (const spec of specs) {
    await queue.upsertJobScheduler(spec.id, { every: spec.everySeconds * 1000 }, { name: 'poll', data: { feedId: spec.id }, opts: { removeOnComplete: 50, removeOnFail: 200 } });
  }
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    if (scheduler.key && !wanted.has(scheduler.key)) await queue.removeJobScheduler(scheduler.key);
  }
}

export interface RunningFeedWorker {
  worker: Worker;
  queue: Queue;
  /** Re-reads the registered feeds and updates the schedules (after `khabar feeds add` elsewhere). */
  sync(): Promise<FeedSpec[]>;
  /** Stops within `timeoutMs` (default 5 s): a poll cut short is retried as a stalled job, and an item is marked seen only once it is in the inbox. */
  close(timeoutMs?: number): Promise<void>;
}

/**
 * A worker of the feeds queue: each job polls one feed (src/feeds/poller.ts) and drops its new items
 * into the inbox this process's ingest watches. Any number may run, on any machine that shares the
 * Redis and sees the inbox.
 */
export async function startFeedWorker(options: FeedWorkerOptions): Promise<RunningFeedWorker> {
  const { connection, settings, logger } = options;
  const store = new FeedStore(connection, settings.prefix);
  const pages = new HtmlReaderPool({ size: 1, timeoutMs: 30_000, logger });
  const queue = new Queue(FEEDS_QUEUE, { connection, prefix: settings.prefix });
  const deps = {
    store,
    inboxDir: options.inboxDir,
    readPage: (html: string) => pages.read(html),
    logger,
    hostIntervalMs: options.hostIntervalMs ?? 1_000,
    timeoutMs: options.timeoutMs ?? 20_000,
    maxBytes: options.maxBytes,
  };
  const worker = new Worker(
    FEEDS_QUEUE,
    async (job): Promise<PollReport | { feedId: string; outcome: 'removed' }> => {
      const { feedId } = FeedJobSchema.parse(job.data);
      const spec = FeedSpecSchema.safeParse(await store.spec(feedId));
      if (!spec.success) return { feedId, outcome: 'removed' };
      return pollFeed(deps, spec.data);
    },
    { ...baseWorkerOptions(connection, settings, options.concurrency ?? 2), lockDuration: Math.max(settings.lockMs, 60_000) },
  );
  worker.on('error', (error) => logger.warn({ stage: 'feeds', err: error.message }, 'feed worker connection error'));
  worker.on('failed', (job, error) => logger.error({ stage: 'feeds', feedId: job?.data?.feedId, err: error.message }, 'feed poll failed'));
  const sync = async () => {
    const specs = await loadFeedSpecs(store, logger);
    await syncFeedSchedulers(queue, specs);
    return specs;
  };
  await sync();
  return {
    worker,
    queue,
    sync,
    close: async (timeoutMs = 5_000) => {
      await closeWithin(worker, Math.min(timeoutMs, settings.shutdownTimeoutMs));
      await pages.close();
      await queue.close();
      connection.disconnect();
    },
  };
}
