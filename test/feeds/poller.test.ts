// The feed poller against a real news site on loopback (test/helpers/feed-server.ts) and a real
// Redis: every item becomes one article file in the inbox with the feed as its source, polls after
// the first fetch only what changed (ETag → 304), a failing feed backs off and recovers, and one
// host gets at most one request per interval.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedSpecSchema, FeedStateSchema, feedIdOf } from '../../src/feeds/feed-spec.js';
import { pollFeed, type PollerDeps } from '../../src/feeds/poller.js';
import { HtmlReaderPool } from '../../src/ingest/html-pool.js';
import { readArticles } from '../../src/ingest/readers.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { FeedStore } from '../../src/store/feed-registry.js';
import { startFeedSite, itemTitle, type FeedSite } from '../helpers/feed-server.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';

const spec = (url: string, name = 'موقع تجريبي', everySeconds = 300) => FeedSpecSchema.parse({ id: feedIdOf(url), url, name, everySeconds, addedAt: new Date().toISOString() });
const inboxFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.json') && !name.startsWith('.'));

describe('feed poller (loopback site, real Redis)', () => {
  const connection = createRedis(testRedisUrl());
  const pages = new HtmlReaderPool({ size: 2, timeoutMs: 30_000, logger: quietLogger });
  let site: FeedSite;
  const deps = (name: string, extra: Partial<PollerDeps> = {}): PollerDeps => ({
    store: new FeedStore(connection, testSettings(name).prefix),
    inboxDir: tempDir(`${name}-inbox`),
    readPage: (html) => pages.read(html),
    logger: quietLogger,
    hostIntervalMs: 1,
    timeoutMs: 10_000,
    maxBytes: 5 * 1024 * 1024,
    ...extra,
  });

  beforeAll(async () => {
    site = await startFeedSite(200);
  });

  afterAll(async () => {
    await site.close();
    await pages.close();
    connection.disconnect();
  });

  it('takes 200 items once each, then only the 20 new ones, and asks with the ETag in between (304)', async () => {
    site.setItems(200);
    const d = deps('feeds-200');
    const feed = spec(site.feedUrl);
    const first = await pollFeed(d, feed);
    expect(first).toMatchObject({ outcome: 'ok', items: 200, newItems: 200, queued: 200, pagesFailed: 0 });
    const files = inboxFiles(d.inboxDir);
    expect(files).toHaveLength(200);
    // Each file is an article the ingest reads as it is: the page's text, the feed's outlet name, the item's link.
    const articles = files.map((name) => readArticles(readFileSync(join(d.inboxDir, name)), name));
    for (const read of articles) {
      expect(read.entries).toHaveLength(1);
      const entry = read.entries[0];
      expect(entry?.ok).toBe(true);
      if (!entry?.ok) continue;
      expect(entry.draft.sourceName).toBe('موقع تجريبي');
      expect(entry.draft.url).toMatch(new RegExp(`^${site.url}/news/\\d+\\.html$`));
      const n = Number(/(\d+)\.html$/.exec(entry.draft.url ?? '')?.[1]);
      expect(entry.draft.title).toBe(itemTitle(n));
      expect(entry.draft.text).toContain(`هذا هو الخبر رقم ${n} في`);
      expect(entry.draft.text).not.toContain('جميع الحقوق محفوظة'); // page furniture is not the article
      expect(entry.draft.publishedAt).toBe(new Date(Date.UTC(2026, 11, 1, 0, n)).toISOString());
    }
    expect(new Set(articles.map((read) => (read.entries[0]?.ok ? read.entries[0].draft.url : null))).size).toBe(200);

    const asked = site.requests.length;
    const unchanged = await pollFeed(d, feed);
    expect(unchanged.outcome).toBe('not-modified');
    expect(site.requests.slice(asked)).toEqual([expect.objectContaining({ path: '/feed.xml', ifNoneMatch: '"v200"', status: 304 })]);

    site.setItems(220);
    const before = site.requests.length;
    const next = await pollFeed(d, feed);
    expect(next).toMatchObject({ outcome: 'ok', items: 220, newItems: 20, queued: 20 });
    expect(inboxFiles(d.inboxDir)).toHaveLength(220);
    const fetched = site.requests.slice(before).filter((request) => request.path.startsWith('/news/')).map((request) => Number(/(\d+)/.exec(request.path)?.[1]));
    expect(fetched.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 201 + i));
    expect(FeedStateSchema.parse(await d.store.state(feed.id))).toMatchObject({ itemsQueued: 220, failures: 0, etag: '"v220"' });
  });

  it('backs off a feed that answers 500, doubling its wait, and takes it up again on its first good answer', async () => {
    site.setItems(3);
    let clock = Date.UTC(2026, 11, 7, 12);
    const d = deps('feeds-500', { now: () => clock });
    const feed = spec(site.feedUrl, 'موقع متعثر', 60);
    site.failWith(500);
    const failed = await pollFeed(d, feed);
    expect(failed).toMatchObject({ outcome: 'error', error: expect.stringContaining('500') });
    let state = FeedStateSchema.parse(await d.store.state(feed.id));
    expect(state).toMatchObject({ failures: 1, lastOutcome: 'error', nextDueAt: clock + 60_000 });

    const asked = site.requests.length;
    expect((await pollFeed(d, feed)).outcome).toBe('not-due'); // within its back-off: the site is not asked
    expect(site.requests.length).toBe(asked);

    clock += 61_000;
    expect((await pollFeed(d, feed)).outcome).toBe('error');
    state = FeedStateSchema.parse(await d.store.state(feed.id));
    expect(state).toMatchObject({ failures: 2, nextDueAt: clock + 120_000 });

    site.failWith(null);
    clock += 121_000;
    const recovered = await pollFeed(d, feed);
    expect(recovered).toMatchObject({ outcome: 'ok', queued: 3 });
    state = FeedStateSchema.parse(await d.store.state(feed.id));
    expect(state).toMatchObject({ failures: 0, nextDueAt: 0, lastOutcome: 'ok' });
    expect(state.lastError).toBeUndefined();
    expect(inboxFiles(d.inboxDir)).toHaveLength(3);
  });

  it('asks one host at most once per interval, from all pollers together', async () => {
    site.setItems(6);
    const store = new FeedStore(connection, testSettings('feeds-rate').prefix);
    const a = deps('feeds-rate', { store, hostIntervalMs: 150 });
    const b = deps('feeds-rate', { store, hostIntervalMs: 150 });
    const before = site.requests.length;
    // Two feeds on the same host polled at once (two workers): their requests still queue for one slot.
    const [first, second] = await Promise.all([pollFeed(a, spec(site.feedUrl)), pollFeed(b, spec(`${site.feedUrl}?b`))]);
    expect(first.queued + second.queued).toBe(12);
    const times = site.requests.slice(before).map((request) => request.at).sort((x, y) => x - y);
    expect(times.length).toBe(14);
    // Slots are 150 ms apart when taken; the request reaches the site a few ms later, with jitter.
    const gaps = times.slice(1).map((at, i) => at - (times[i] ?? at));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(13 * 150 - 60);
  });

  it('gives up an item whose page holds no readable article, and keeps the feed\'s ETag', async () => {
    site.setItems(2);
    const d = deps('feeds-unreadable');
    const feed = spec(site.feedUrl);
    const report = await pollFeed({ ...d, readPage: async (html) => (html.includes('رقم 2:') ? [] : pages.read(html)) }, feed);
    expect(report).toMatchObject({ newItems: 2, queued: 1, pagesFailed: 1 });
    expect((await pollFeed(d, feed)).outcome).toBe('not-modified'); // the unreadable page was given up, the ETag kept
  });
});
