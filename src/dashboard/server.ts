import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Queue } from 'bullmq';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Redis } from 'ioredis';
import type { QueueSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { openQueue, type QueueName } from '../pipeline/queues.js';
import { allQueues } from '../pipeline/stage-chain.js';
import { pipelineKeys } from '../store/redis-keys.js';
import { RedisEntityRegistry } from '../store/entity-registry.js';
import { accessControl } from './auth.js';
import { mountBullBoard } from './bull-board.js';
import { assertSafeBinding, isLoopback, type DashboardConfig } from './config.js';
import { securityHeaders } from './headers.js';
import { allowedHosts, hostGuard } from './hosts.js';
import { DashboardMetrics } from './metrics.js';
import { ConflictsQuerySchema, queryProblems } from './conflicts.js';
import { EntitiesQuerySchema, type EntityRanking } from './entities-index.js';
import { folderNews, type NewsSource } from './news-source.js';
import { OutputReader } from './output-reader.js';
import { storeNews, storeRecords } from './store-pages.js';
import { conflictsPage } from './pages/conflicts.js';
import { entitiesPage, entityPage } from './pages/entity.js';
import { notFound, page } from './pages/layout.js';
import { newsPage } from './pages/news.js';
import { overviewFragment, overviewPage } from './pages/overview.js';
import { recordPage } from './pages/record.js';
import { searchPage } from './pages/search.js';
import { partialStoryPage, storiesPage, storyPage } from './pages/story.js';
import { html } from './html.js';
import { RedisUnavailableError, SnapshotCache, withinTime } from './snapshot.js';
import { loadStaticFiles } from './static-files.js';
import { mountWatchPages } from './watch-routes.js';
import { createApiApp } from '../api/app.js';
import { openRecordReader } from '../store/open-reader.js';
import type { RecordReader } from '../store/record-reader.js';

export const BULL_BOARD_PATH = '/queues';
const LATEST_ON_OVERVIEW = 10;
/** How many stories the stories list shows (the newest news among the `SCAN_LIMIT` most recently changed story files). */
const STORIES_LISTED = 200;

/**
 * The entity registry as the entity page needs it (src/store/entity-registry.ts's
 * `RedisEntityRegistry` fits). Without one, the page scans the newest records instead.
 */
export interface EntityLookup extends EntityRanking {
  getEntity(entityId: string): Promise<{ entityId: string; type: string; canonical: string; variants: string[] } | null>;
  /** Article ids that mention the entity, oldest first. */
  listArticles(entityId: string): Promise<string[]>;
}

export interface DashboardDeps {
  /** A Redis connection the dashboard may share among its queues (not closed by the dashboard). */
  connection: Redis;
  settings: QueueSettings;
  config: DashboardConfig;
  logger: Logger;
  /** Defaults to every queue of this build's chain, in order. */
  queueNames?: readonly QueueName[];
  /** Defaults to the ner stage's Redis entity registry (under the queues' prefix). */
  entities?: EntityLookup;
  /** The read API's store; defaults to PostgreSQL when config.databaseUrl is set, else the output folder. */
  records?: RecordReader;
  /**
   * Where the news pages read: 'store' (through `records`) or 'folder' (the output folder and the
   * entity registry). Defaults to 'store' on PostgreSQL, else 'folder'.
   */
  newsFrom?: 'store' | 'folder';
}

export interface DashboardApp {
  app: Hono;
  queues: readonly Queue[];
  close(): Promise<void>;
}

/** The dashboard as a Hono app (no socket yet): what tests call with `app.request()`. */
/** What the page routes read: the settings, the output folder, the live snapshot, Redis. */
interface PageDeps {
  config: DashboardConfig;
  output: OutputReader;
  snapshots: SnapshotCache;
  metrics: DashboardMetrics;
  files: ReturnType<typeof loadStaticFiles>;
  entities: EntityLookup;
  connection: DashboardDeps['connection'];
}

/** The live pipeline: the overview page and its server-sent updates, static files, /metrics and /healthz. */
function mountLivePages(app: Hono, { config, snapshots, metrics, files, connection }: PageDeps): void {
  app.get('/static/:name', (c) => {
    const file = files.get(c.req.param('name'));
    if (!file) return c.notFound();
    c.header('Content-Type', file.contentType);
    c.header('Cache-Control', 'no-cache');
    return c.body(file.body);
  });

  app.get('/', async (c) => {
    const { snapshot, latest } = await snapshots.get();
    return c.html(overviewPage(snapshot, latest).value);
  });

  app.get('/api/overview', async (c) => c.json((await snapshots.get()).snapshot));

  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      while (open) {
        try {
          const { snapshot, latest } = await snapshots.get();
          await stream.writeSSE({ event: 'overview', data: JSON.stringify({ snapshot, html: overviewFragment(snapshot, latest).value }) });
        } catch (error) {
          await stream.writeSSE({ event: 'problem', data: JSON.stringify({ message: (error as Error).message }) });
        }
        await stream.sleep(config.refreshMs);
      }
    }),
  );

  app.get('/metrics', async (c) => {
    const rendered = await metrics.render(await snapshots.get());
    c.header('Content-Type', rendered.contentType);
    return c.body(rendered.body);
  });

  app.get('/healthz', async (c) => {
    let redis = false;
    try {
      redis = (await withinTime(connection.ping(), 2_000, 'PING')) === 'PONG';
    } catch {
      redis = false;
    }
    if (!redis) return c.json({ ok: false, redis: false, workers: null }, 503);
    const { snapshot } = await snapshots.get();
    const workers = Object.fromEntries(snapshot.stages.map((stage) => [stage.name, stage.workers.length]));
    const allServed = Object.values(workers).every((count) => count > 0);
    return c.json({ ok: allServed, redis: true, workers }, allServed ? 200 : 503);
  });
}

/** A page's answer to bad query parameters: each problem, and a way back. */
function badRequest(problems: readonly string[], back: string, label: string) {
  return page({ title: 'Bad request', body: html`<section class="empty"><h1>Bad request</h1><ul>${problems.map((line) => html`<li>${line}</li>`)}</ul><p><a href="${back}">${label}</a></p></section>` });
}

/** The news: records, stories, entities, conflicts and search, from the output folder and the entity registry, or the record store. */
function mountNewsPages(app: Hono, news: NewsSource): void {
  app.get('/news', async (c) => {
    const { records, note } = await news.latest(200);
    return c.html(newsPage(records, note).value);
  });

  app.get('/records/:id', async (c) => {
    const loaded = await news.record(c.req.param('id'));
    if (loaded.status === 'missing') return c.html(notFound('Record', 'No record with this id.').value, 404);
    if (loaded.status === 'invalid') return c.html(notFound('Valid record', `The file does not match the record schema: ${loaded.reason}`).value, 500);
    return c.html(recordPage(loaded.record, loaded.conflicts ?? undefined).value);
  });

  app.get('/conflicts', async (c) => {
    const query = ConflictsQuerySchema.safeParse(c.req.query());
    if (!query.success) {
      return c.html(badRequest(queryProblems(query.error), '/conflicts', 'Every conflict').value, 400);
    }
    return c.html(conflictsPage(await news.conflicts(query.data), query.data).value);
  });

  app.get('/api/conflicts', async (c) => {
    const query = ConflictsQuerySchema.safeParse(c.req.query());
    if (!query.success) return c.json({ error: 'invalid query', problems: queryProblems(query.error) }, 400);
    return c.json({ query: query.data, ...(await news.conflicts(query.data)) });
  });

  app.get('/stories', async (c) => c.html(storiesPage(await news.stories(STORIES_LISTED)).value));

  app.get('/stories/:id', async (c) => {
    const storyId = c.req.param('id');
    const found = await news.story(storyId);
    if (found.status === 'merged') return c.redirect(`/stories/${encodeURIComponent(found.into)}`, 302);
    if (found.status === 'story') return c.html(storyPage(found.view).value);
    if (found.status === 'partial') return c.html(partialStoryPage(storyId, found.members).value);
    return c.html(notFound('Story', 'No story with this id yet (stories appear once the dedup stage runs).').value, 404);
  });

  app.get('/entities', async (c) => {
    const query = EntitiesQuerySchema.safeParse(c.req.query());
    if (!query.success) return c.html(badRequest(queryProblems(query.error), '/entities', 'Every entity').value, 400);
    return c.html(entitiesPage(await news.entityIndex(query.data)).value);
  });

  app.get('/entities/:id', async (c) => {
    const view = await news.entity(c.req.param('id'));
    if (!view) return c.html(notFound('Entity', 'No record mentions this entity.').value, 404);
    return c.html(entityPage(view).value);
  });

  app.get('/search', async (c) => {
    const query = (c.req.query('q') ?? '').slice(0, 200);
    return c.html(searchPage(await news.search(query)).value);
  });
}

export function createDashboardApp(deps: DashboardDeps): DashboardApp {
  const { config } = deps;
  const queues = (deps.queueNames ?? allQueues()).map((name) => openQueue(name, deps.connection, deps.settings));
  const output = new OutputReader(config.outDir);
  const records = deps.records ?? openRecordReader({ databaseUrl: config.databaseUrl, outDir: config.outDir });
  // With PostgreSQL the news pages and the overview's latest records read it (only failure records,
  // files in either case, come from the output folder); with the folder, the output folder and the
  // entity registry as before.
  const newsFromStore = deps.newsFrom ? deps.newsFrom === 'store' : records.backend === 'postgres';
  const snapshots = new SnapshotCache({ queues, output, bullBoardPath: BULL_BOARD_PATH, latestCount: LATEST_ON_OVERVIEW, ...(newsFromStore ? { records: storeRecords(records) } : {}) }, Math.max(250, config.refreshMs / 2));
  const metrics = new DashboardMetrics(output);
  const files = loadStaticFiles();
  const entities: EntityLookup = deps.entities ?? new RedisEntityRegistry(deps.connection, pipelineKeys.entityRegistry(deps.settings.prefix));

  const app = new Hono();
  app.use('*', securityHeaders(BULL_BOARD_PATH));
  // Before access control: a request under a foreign name is refused whatever it carries.
  app.use('*', hostGuard(allowedHosts(config.host, config.allowedHosts ?? [])));
  app.use('*', accessControl({ token: config.token, requireTokenForReads: !isLoopback(config.host), readOnly: config.readOnly }));
  for (const queue of queues) queue.on('error', (error) => deps.logger.debug({ queue: queue.name, err: error.message }, 'queue connection error'));
  app.onError((error, c) => {
    if (error instanceof RedisUnavailableError) {
      return c.html(page({ title: 'Redis unavailable', body: html`<section class="empty"><h1>Redis is not answering</h1><p>${error.message}. The page will work again once Redis is back.</p></section>` }).value, 503);
    }
    deps.logger.error({ err: error, path: c.req.path }, 'dashboard request failed');
    return c.html(page({ title: 'Error', body: html`<section class="empty"><h1>Something went wrong</h1><p>${error.message}</p></section>` }).value, 500);
  });

  const pages: PageDeps = { config, output, snapshots, metrics, files, entities, connection: deps.connection };
  mountLivePages(app, pages);
  mountNewsPages(app, newsFromStore ? storeNews(records) : folderNews(output, entities));

  mountWatchPages(app, deps.connection, deps.settings.prefix, config.refreshMs);
  mountBullBoard(app, queues, BULL_BOARD_PATH, config.readOnly);
  app.route('/api', createApiApp(records));

  return {
    app,
    queues,
    async close() {
      await Promise.all(queues.map((queue) => queue.close()));
      if (!deps.records) await records.close();
    },
  };
}

export interface RunningDashboard {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Why the dashboard cannot listen, in words that name the address and what to do about it. */
function listenFailure(error: NodeJS.ErrnoException, config: Pick<DashboardConfig, 'host' | 'port'>): Error {
  const where = `port ${config.port} on ${config.host}`;
  if (error.code === 'EADDRINUSE') return new Error(`cannot serve the dashboard: ${where} is already in use; choose another port (--dashboard, --port or KHABAR_DASHBOARD_PORT)`);
  if (error.code === 'EACCES') return new Error(`cannot serve the dashboard: ${where} needs privileges this process does not have; choose a port above 1023`);
  return new Error(`cannot serve the dashboard on ${where}: ${error.message}`);
}

/** Serves the dashboard on `config.host:config.port` (port 0: any free port). */
export async function startDashboard(deps: DashboardDeps): Promise<RunningDashboard> {
  assertSafeBinding(deps.config);
  const dashboard = createDashboardApp(deps);
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: dashboard.app.fetch, hostname: deps.config.host, port: deps.config.port }, () => resolve(started as Server)) as Server;
    started.once('error', reject);
  }).catch(async (error: unknown) => {
    await dashboard.close(); // its timers and Redis reads would keep the process alive
    throw listenFailure(error as NodeJS.ErrnoException, deps.config);
  });
  const port = (server.address() as AddressInfo).port;
  const host = deps.config.host.includes(':') ? `[${deps.config.host}]` : deps.config.host;
  const url = `http://${host}:${port}`;
  deps.logger.info({ url, readOnly: deps.config.readOnly, auth: deps.config.token ? 'token' : 'none' }, 'dashboard listening');
  return {
    url,
    port,
    async close() {
      // Open event streams would hold the server open forever: end them with it.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await dashboard.close();
    },
  };
}
