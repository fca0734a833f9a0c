import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger.js';
import type { ReadEntry } from '../ingest/readers.js';
import type { FeedStore } from '../store/feed-registry.js';
import { backoffMs, FeedStateSchema, itemKeyOf, type FeedSpec } from './feed-spec.js';
import { conditionalGet, FetchError } from './http-get.js';
import { FeedParseError, parseFeedItems, type FeedItem } from './parse-feed.js';

export interface PollerDeps {
  store: FeedStore;
  /** The inbox the ingest watches: each new item lands there as one JSON article. */
  inboxDir: string;
  /** Reads a web page's article (the ingest's thread pool: a hostile page cannot hang the worker). */
  readPage(html: string): Promise<ReadEntry[]>;
  logger: Logger;
  /** At most one request per this many milliseconds to one host, from all workers together. */
  hostIntervalMs: number;
  timeoutMs: number;
  maxBytes: number;
  now?: () => number;
}

export interface PollReport {
  feedId: string;
  outcome: 'not-due' | 'not-modified' | 'ok' | 'error';
  items: number;
  newItems: number;
  queued: number;
  pagesFailed: number;
  error?: string;
}

const USER_AGENT = 'khabar-feeds/0.1 (+https://github.com/khabar)';

/** Waits for the host's rate-limit slot (shared through Redis by every feed worker). */
async function takeHost(store: FeedStore, url: string, intervalMs: number): Promise<void> {
  const host = new URL(url).host;
  while (!(await store.takeHostSlot(host, intervalMs))) await sleep(Math.max(20, await store.hostSlotWait(host)));
}

/**
 * One poll of one feed: skipped while it backs off; else a conditional GET (a 304 costs nothing),
 * then each item not queued before is fetched (rate-limited per host), read as the ingest reads an
 * HTML file, and dropped into the inbox as one JSON article with the feed's name as its source
 * (write, then rename: the watcher never sees half a file). An item is marked seen only once its
 * file is in the inbox, so a worker killed mid-poll loses nothing and the next poll takes up the
 * rest; its article id (source, url, text) makes a second drop of the same item a no-op anyway.
 */
export async function pollFeed(deps: PollerDeps, spec: FeedSpec): Promise<PollReport> {
  const now = deps.now ?? Date.now;
  const state = FeedStateSchema.parse(await deps.store.state(spec.id));
  const report: PollReport = { feedId: spec.id, outcome: 'ok', items: 0, newItems: 0, queued: 0, pagesFailed: 0 };
  if (now() < state.nextDueAt) return { ...report, outcome: 'not-due' };
  const log = deps.logger.child({ stage: 'feeds', feed: spec.name, feedId: spec.id });

  let items: FeedItem[];
  let validators: { etag: string | null; lastModified: string | null };
  try {
    await takeHost(deps.store, spec.url, deps.hostIntervalMs);
    const fetched = await conditionalGet(spec.url, { etag: state.etag, lastModified: state.lastModified, timeoutMs: deps.timeoutMs, maxBytes: deps.maxBytes, userAgent: USER_AGENT });
    if (fetched.status === 'not-modified') {
      await deps.store.setState(spec.id, { lastPolledAt: new Date(now()).toISOString(), lastOutcome: 'not-modified', failures: 0, nextDueAt: 0 });
      return { ...report, outcome: 'not-modified' };
    }
    ({ items } = parseFeedItems(fetched.body, spec.url));
    validators = { etag: fetched.etag, lastModified: fetched.lastModified };
  } catch (error) {
    if (!(error instanceof FetchError || error instanceof FeedParseError)) throw error;
    const failures = state.failures + 1;
    const wait = backoffMs(spec.everySeconds, failures);
    await deps.store.setState(spec.id, { lastPolledAt: new Date(now()).toISOString(), lastOutcome: 'error', lastError: error.message, failures, nextDueAt: now() + wait });
    log.warn({ err: error.message, failures, retryInSeconds: Math.round(wait / 1000) }, 'feed poll failed: backing off');
    return { ...report, outcome: 'error', error: error.message };
  }

  const keys = items.map(itemKeyOf);
  const seen = await deps.store.seen(spec.id, keys);
  report.items = items.length;
  let retryLater = false;
  for (const [index, item] of items.entries()) {
    const key = keys[index] ?? '';
    if (seen.has(key)) continue;
    report.newItems++;
    const outcome = await takeItem(deps, spec, item, key, log);
    if (outcome === 'queued') report.queued++;
    else report.pagesFailed++;
    if (outcome === 'retry') retryLater = true;
    else await deps.store.markSeen(spec.id, key, now());
  }
  // A page that failed for now (5xx, no answer) is fetched again next poll: keep the old validators
  // so the feed is not answered 304 and the item is not forgotten.
  const kept = retryLater ? {} : { ...(validators.etag ? { etag: validators.etag } : {}), ...(validators.lastModified ? { lastModified: validators.lastModified } : {}) };
  await deps.store.setState(spec.id, { ...kept, lastPolledAt: new Date(now()).toISOString(), lastOutcome: 'ok', failures: 0, nextDueAt: 0 });
  await deps.store.clearState(spec.id, ['lastError', ...(retryLater || validators.etag ? [] : ['etag']), ...(retryLater || validators.lastModified ? [] : ['lastModified'])]);
  await deps.store.incrementState(spec.id, 'itemsQueued', report.queued);
  await deps.store.incrementState(spec.id, 'pagesFailed', report.pagesFailed);
  if (report.newItems > 0) log.info({ items: report.items, queued: report.queued, pagesFailed: report.pagesFailed }, 'feed polled');
  return report;
}

/** `queued`: in the inbox; `gave-up`: the page will never be an article (4xx, nothing readable); `retry`: try next poll. */
async function takeItem(deps: PollerDeps, spec: FeedSpec, item: FeedItem, key: string, log: Logger): Promise<'queued' | 'gave-up' | 'retry'> {
  let page: string;
  try {
    await takeHost(deps.store, item.url, deps.hostIntervalMs);
    const fetched = await conditionalGet(item.url, { timeoutMs: deps.timeoutMs, maxBytes: deps.maxBytes, userAgent: USER_AGENT });
    if (fetched.status !== 'ok') return 'retry';
    page = fetched.body;
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    const permanent = error.status >= 400 && error.status < 500;
    log.warn({ url: item.url, err: error.message }, permanent ? 'feed item page refused: skipped' : 'feed item page failed: next poll tries again');
    return permanent ? 'gave-up' : 'retry';
  }
  const entries = await deps.readPage(page).catch((error: unknown) => [{ ok: false as const, line: null, error: error as Error }]);
  const read = entries.find((entry) => entry.ok);
  if (!read?.ok) {
    log.warn({ url: item.url }, 'feed item page has no readable article: skipped');
    return 'gave-up';
  }
  const article = {
    title: read.draft.title ?? item.title,
    text: read.draft.text,
    source: spec.name,
    url: item.url,
    publishedAt: item.published ?? read.draft.publishedAt,
  };
  const name = `feed-${spec.id}-${key}.json`;
  const temp = join(deps.inboxDir, `.${name}.part`);
  await writeFile(temp, `${JSON.stringify(article)}\n`);
  await rename(temp, join(deps.inboxDir, name));
  return 'queued';
}
