import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../src/analyse.js';
import type { EnrichedRecord } from '../../src/schema/record.js';
import { quotesPath, recordPath } from '../../src/store/output.js';
import { recordQuotes } from '../../src/pipeline/story-files/index.js';
import { afterAll, beforeAll } from 'vitest';
import { createDashboardApp, type DashboardApp } from '../../src/dashboard/server.js';
import type { DashboardConfig } from '../../src/dashboard/config.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { testRedisUrl } from './redis.js';
import { quietLogger, tempDir, testSettings } from './pipeline.js';

/**
 * Seeds 000 and 004 give different troop numbers (2500 vs «نحو 5 آلاف»). Analysed in this order in
 * one process, the dedup stage links 004's claim to 000's as `conflicts` and stores the link on 004
 * only; the two stay in different stories, so no story file lists the pair.
 */
export async function seedConflictPair(): Promise<{ earlier: EnrichedRecord; later: EnrichedRecord }> {
  const earlier = await analyse(readFileSync('seeds/000_4b730099a6eb1bd4.txt', 'utf8'), { title: 'تعثر مفاوضات فيينا', source: 'العرب', file: '000.txt' });
  const later = await analyse(readFileSync('seeds/004_ec7f40ec6a560b24.txt', 'utf8'), { title: 'صواريخ الميليشيات رسائل إيرانية', source: 'الشرق', file: '004.txt' });
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
 * One describe block's dashboards over the seeds' conflict pair: the pair is analysed before its
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
    pair = await seedConflictPair();
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
