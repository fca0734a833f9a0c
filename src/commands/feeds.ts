import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import { z } from 'zod';
import { DEFAULT_EVERY_SECONDS, FeedSpecSchema, FeedStateSchema, FeedUrlSchema, feedIdOf, MIN_EVERY_SECONDS, type FeedSpec } from '../feeds/feed-spec.js';
import { FEEDS_QUEUE, loadFeedSpecs, startFeedWorker, syncFeedSchedulers } from '../feeds/feed-worker.js';
import { FeedStore } from '../store/feed-registry.js';
import { commandContext, onShutdownSignal, parseOption, releaseRedis } from './context.js';

export interface FeedsAddOptions {
  name?: string;
  every?: string;
}

const EverySchema = z.coerce.number().int().min(MIN_EVERY_SECONDS).max(86_400);

/** A feed's outlet name when none is given: its host («www.aljazeera.net»). */
function defaultName(url: string): string {
  return new URL(url).host;
}

/**
 * `khabar feeds add URL [--name N] [--every SECONDS]`: registers a feed in Redis (every feed worker
 * on every machine sees it) and schedules its polls. Adding the same URL again updates its name and
 * interval; its memory of items already taken is kept.
 */
export async function feedsAddCommand(urlArg: string, options: FeedsAddOptions): Promise<void> {
  const url = parseOption('URL', FeedUrlSchema, urlArg);
  const everySeconds = options.every === undefined ? DEFAULT_EVERY_SECONDS : parseOption('--every', EverySchema, options.every);
  const spec: FeedSpec = FeedSpecSchema.parse({ id: feedIdOf(url), url, name: options.name?.trim() || defaultName(url), everySeconds, addedAt: new Date().toISOString() });
  await withFeeds('feeds-add', async (store, queue) => {
    await store.putSpec(spec.id, spec);
    await syncFeedSchedulers(queue, await loadFeedSpecs(store));
    process.stdout.write(`${spec.id}  every ${spec.everySeconds} s  ${spec.name}  ${spec.url}\n`);
  });
}

/** `khabar feeds list [--json]`: every feed with its last poll, failures and items taken. */
export async function feedsListCommand(options: { json?: boolean }): Promise<void> {
  await withFeeds('feeds-list', async (store) => {
    const rows = [];
    for (const spec of await loadFeedSpecs(store)) rows.push({ ...spec, state: FeedStateSchema.parse(await store.state(spec.id)) });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    if (rows.length === 0) process.stdout.write('no feeds: add one with `khabar feeds add URL`\n');
    for (const row of rows) {
      const health = row.state.failures > 0 ? `FAILING ×${row.state.failures} (${row.state.lastError ?? ''}), next try ${new Date(row.state.nextDueAt).toISOString()}` : (row.state.lastOutcome ?? 'not polled yet');
      process.stdout.write(`${row.id}  every ${row.everySeconds} s  ${row.state.itemsQueued} items  ${health}  ${row.name}  ${row.url}\n`);
    }
  });
}

/** `khabar feeds remove ID|URL`. */
export async function feedsRemoveCommand(which: string): Promise<void> {
  const id = /^[0-9a-f]{16}$/.test(which) ? which : feedIdOf(parseOption('URL', FeedUrlSchema, which));
  await withFeeds('feeds-remove', async (store, queue) => {
    if (!(await store.remove(id))) throw new Error(`no feed ${which}`);
    await syncFeedSchedulers(queue, await loadFeedSpecs(store));
    process.stdout.write(`removed ${id}\n`);
  });
}

/** `khabar feeds worker [--inbox DIR]`: polls feeds into the inbox (`khabar run` runs one itself). */
export async function feedsWorkerCommand(options: { inbox: string; concurrency?: number }): Promise<void> {
  const ctx = await commandContext({ mayStartRedis: false, name: 'feeds' });
  const inboxDir = resolve(options.inbox);
  mkdirSync(inboxDir, { recursive: true });
  const running = await startFeedWorker({ connection: ctx.connect(), settings: ctx.settings, logger: ctx.logger, inboxDir, maxBytes: ctx.env.KHABAR_MAX_FILE_BYTES, ...(options.concurrency ? { concurrency: options.concurrency } : {}) });
  ctx.logger.info({ inbox: inboxDir, pid: process.pid }, 'feed worker started');
  onShutdownSignal(ctx.logger, () => running.close(), ctx.settings.shutdownTimeoutMs + 15_000);
}

async function withFeeds(name: string, body: (store: FeedStore, queue: Queue) => Promise<void>): Promise<void> {
  // The folder's embedded Redis is started if need be (and stopped again): its data persists, so a
  // feed added before `npm start` is polled by that run.
  const ctx = await commandContext({ mayStartRedis: true, name });
  const connection = ctx.connect();
  const queue = new Queue(FEEDS_QUEUE, { connection, prefix: ctx.settings.prefix });
  try {
    await body(new FeedStore(connection, ctx.settings.prefix), queue);
  } finally {
    await queue.close();
    connection.disconnect();
    await releaseRedis(ctx);
  }
}
