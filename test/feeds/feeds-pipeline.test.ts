// Issue 23's feed acceptance, end to end on real Redis: a loopback site's feed, polled by the feed
// worker through its BullMQ job scheduler into a watched inbox, through the real pipeline: each item
// becomes one record with the feed as its source; the next poll, after 20 new items, adds exactly
// those 20. 80 items here to keep the suite short (each is a full pipeline run); the poller test
// takes the full 200 + 20 to the inbox, and 200 + 20 through the pipeline passed in 140 s.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedSpecSchema, FeedStateSchema, feedIdOf } from '../../src/feeds/feed-spec.js';
import { FEEDS_QUEUE, startFeedWorker, type RunningFeedWorker } from '../../src/feeds/feed-worker.js';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { watchInbox, type InboxWatcher } from '../../src/ingest/watcher.js';
import { startInProcessWorkers, type InProcessWorkers } from '../../src/pipeline/in-process.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { FeedStore } from '../../src/store/feed-registry.js';
import { startFeedSite, type FeedSite } from '../helpers/feed-server.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';
import { waitFor } from '../helpers/wait.js';

const FEED_NAME = 'موقع تجريبي للأخبار';
/** 80 by default to keep the suite short; KHABAR_TEST_FEED_ITEMS=200 runs the full 200 + 20. */
const FIRST = Number(process.env.KHABAR_TEST_FEED_ITEMS ?? 80);
const ALL = FIRST + 20;

describe('feeds through the pipeline (loopback site, real Redis)', () => {
  const settings = testSettings('feeds-e2e');
  const outDir = tempDir('feeds-e2e-out');
  const inbox = tempDir('feeds-e2e-inbox');
  const connection = createRedis(testRedisUrl());
  let site: FeedSite;
  let workers: InProcessWorkers;
  let ingestor: Ingestor;
  let watcher: InboxWatcher;
  let feeds: RunningFeedWorker;
  const records = () => {
    const dir = join(outDir, 'articles');
    try {
      return readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as { source: { name: string | null; url: string | null } });
    } catch {
      return [];
    }
  };

  beforeAll(async () => {
    site = await startFeedSite(FIRST);
    workers = await startInProcessWorkers({ redisUrl: testRedisUrl(), settings, logger: quietLogger, outDir });
    ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 1000, pollMs: 100 });
    watcher = await watchInbox(inbox, ingestor, quietLogger);
    await watcher.ready;
    const url = site.feedUrl;
    await new FeedStore(connection, settings.prefix).putSpec(feedIdOf(url), FeedSpecSchema.parse({ id: feedIdOf(url), url, name: FEED_NAME, everySeconds: 3600, addedAt: new Date().toISOString() }));
    feeds = await startFeedWorker({ connection: createRedis(testRedisUrl()), settings, logger: quietLogger, inboxDir: inbox, maxBytes: 5 * 1024 * 1024, hostIntervalMs: 1 });
  }, 60_000);

  afterAll(async () => {
    await feeds?.close();
    await watcher?.close();
    await ingestor?.close();
    await workers?.close();
    await site?.close();
    connection.disconnect();
  });

  it('makes one record of each item on the scheduler\'s first poll, then of exactly the 20 new ones', async () => {
    // The scheduler's first poll runs at once; nothing else asks for it.
    await waitFor(`${FIRST} records`, () => records().length >= FIRST, 240_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    let written = records();
    expect(written).toHaveLength(FIRST);
    expect(written.every((record) => record.source.name === FEED_NAME)).toBe(true);
    expect(new Set(written.map((record) => record.source.url)).size).toBe(FIRST);

    site.setItems(ALL);
    const queue = new Queue(FEEDS_QUEUE, { connection, prefix: settings.prefix });
    await queue.add('poll', { feedId: feedIdOf(site.feedUrl) }); // the next poll, without waiting an hour
    await queue.close();
    await waitFor(`${ALL} records`, () => records().length >= ALL, 120_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    written = records();
    expect(written).toHaveLength(ALL);
    expect(new Set(written.map((record) => record.source.url)).size).toBe(ALL);
    const feedRequests = site.requests.filter((request) => request.path === '/feed.xml');
    expect(feedRequests).toHaveLength(2);
    expect(feedRequests[1]?.ifNoneMatch).toBe(`"v${FIRST}"`);
    expect(site.requests.filter((request) => request.path.startsWith('/news/'))).toHaveLength(ALL);
    expect(FeedStateSchema.parse(await new FeedStore(connection, settings.prefix).state(feedIdOf(site.feedUrl)))).toMatchObject({ itemsQueued: ALL, failures: 0 });
  }, 400_000);
});
