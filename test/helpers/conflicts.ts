import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../src/analyse.js';
import { JsonArticleSchema } from '../../src/ingest/json-article.js';
import type { EnrichedRecord } from '../../src/schema/record.js';
import { quotesPath, recordPath } from '../../src/store/output.js';
import { recordQuotes } from '../../src/pipeline/story-files/index.js';
import { afterAll, beforeAll } from 'vitest';
import { createDashboardApp, type DashboardApp } from '../../src/dashboard/server.js';
import type { DashboardConfig } from '../../src/dashboard/config.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { testRedisUrl } from './redis.js';
import { quietLogger, tempDir, testSettings } from './pipeline.js';

/** One of the two reports of the dashboard's conflict fixture (test/fixtures/dashboard-conflict/). */
export type ConflictFixtureName = 'a' | 'b';

/** The fixture's article as the ingest's JSON article format gives it. */
export function conflictFixtureArticle(name: ConflictFixtureName): { title: string; source: string; url: string; publishedAt: string; text: string } {
  const parsed = JsonArticleSchema.parse(JSON.parse(readFileSync(conflictFixturePath(name), 'utf8')));
  if (!parsed.title || !parsed.sourceName || !parsed.url || !parsed.publishedAt) throw new Error(`${name}.json needs a title, source, url and publishedAt`);
  return { title: parsed.title, source: parsed.sourceName, url: parsed.url, publishedAt: parsed.publishedAt, text: parsed.text };
}

export function conflictFixturePath(name: ConflictFixtureName): string {
  return join('test', 'fixtures', 'dashboard-conflict', `${name}.json`);
}

/** One fixture report through the whole chain in this process (`analyse()`), with its title, outlet, URL and date. */
export function analyseConflictFixture(name: ConflictFixtureName): Promise<EnrichedRecord> {
  const { text, ...meta } = conflictFixtureArticle(name);
  return analyse(text, meta);
}

/**
 * Two outlets' reports of one event (a market fire in Baghdad, same morning) that disagree on the
 * toll («مقتل 9 أشخاص في حريق سوق الشورجة» / «مقتل 11 شخصا في حريق سوق الشورجة»). Analysed in
 * this order in one process, the dedup stage links b to a as one event (similar content, same
 * story) and b's claim to a's as `conflicts`, stored on b only. Under issue 25's rules numbers are
 * compared only between articles that one direct same-event link joins, so such a pair is in one
 * story (the seeds' 000 / 004 troop numbers, two stories, no longer conflict).
 */
export async function fixtureConflictPair(): Promise<{ earlier: EnrichedRecord; later: EnrichedRecord }> {
  const earlier = await analyseConflictFixture('a');
  const later = await analyseConflictFixture('b');
  return { earlier, later };
}

/**
 * An output folder as the writer leaves it: each record and (unless `quotes: false`) its quotes
 * file; records written a minute apart in the order given (2026-01-01 12:00, 12:01, … UTC).
 */
export function outputFolder(name: string, records: readonly EnrichedRecord[], options: { quotes: boolean } = { quotes: true }): string {
  const dir = tempDir(name);
  mkdirSync(join(dir, 'articles'), { recursive: true });
  if (options.quotes) mkdirSync(join(dir, '.quotes'), { recursive: true });
  for (const [offset, record] of records.entries()) {
    writeFileSync(recordPath(dir, record.id), JSON.stringify(record));
    if (options.quotes) writeFileSync(quotesPath(dir, record.id), JSON.stringify(recordQuotes(record)));
    const at = new Date(Date.UTC(2026, 0, 1, 12, offset));
    utimesSync(recordPath(dir, record.id), at, at);
  }
  return dir;
}

/**
 * One describe block's dashboards over the fixture's conflict pair: the pair is analysed before its
 * tests, and every dashboard `open` made is closed after them, with the block's Redis connection.
 */
export function conflictPairDashboards(name: string): {
  pair: () => { earlier: EnrichedRecord; later: EnrichedRecord };
  open: (outDir: string, config?: Partial<DashboardConfig>) => DashboardApp['app'];
} {
  const settings = testSettings(name);
  const connection = createRedis(testRedisUrl());
  const apps: DashboardApp[] = [];
  let pair: { earlier: EnrichedRecord; later: EnrichedRecord } | null = null;
  beforeAll(async () => {
    pair = await fixtureConflictPair();
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    connection.disconnect();
  });
  return {
    pair: () => {
      if (!pair) throw new Error('the conflict pair is analysed in beforeAll: read it inside a test');
      return pair;
    },
    open: (outDir, config = {}) => {
      const dashboard = createDashboardApp({ connection, settings, logger: quietLogger, config: { host: '127.0.0.1', port: 0, token: null, readOnly: false, outDir, refreshMs: 2_000, ...config } });
      apps.push(dashboard);
      return dashboard.app;
    },
  };
}
