// The dashboard's /feeds and /alerts pages on real Redis: a failing feed shows as failing with its
// back-off; alerts are listed newest first and a new one is pushed live over /alerts/events.
import { afterAll, describe, expect, it } from 'vitest';
import { createDashboardApp, type DashboardApp } from '../../src/dashboard/server.js';
import { FeedSpecSchema, feedIdOf } from '../../src/feeds/feed-spec.js';
import { AlertSchema, type Alert } from '../../src/alerts/watch.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { AlertStore } from '../../src/store/alert-store.js';
import { FeedStore } from '../../src/store/feed-registry.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';

const alert = (n: number): Alert => AlertSchema.parse({ alertId: `w-000000000001:a${n}`, watchId: 'w-000000000001', watchKind: 'keyword', watchValue: 'الانتخابات', watchLabel: null, articleId: `000000000000000${n}`, title: `المفوضية تعلن موعد الانتخابات (${n})`, source: 'العرب', url: null, publishedAt: null, reason: 'keyword «الانتخابات»: 1 mention(s)', snippets: [], at: new Date(Date.UTC(2026, 11, 7, 10, n)).toISOString() });

describe('dashboard: feeds and alerts pages (real Redis)', () => {
  const settings = testSettings('watch-pages');
  const connection = createRedis(testRedisUrl());
  const apps: DashboardApp[] = [];
  const open = () => {
    const app = createDashboardApp({ connection, settings, logger: quietLogger, config: { host: '127.0.0.1', port: 0, token: null, readOnly: false, outDir: tempDir('watch-pages-out'), refreshMs: 250 } });
    apps.push(app);
    return app.app;
  };

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    connection.disconnect();
  });

  it('shows a failing feed as failing, with its error and its next try', async () => {
    const store = new FeedStore(connection, settings.prefix);
    const url = 'http://127.0.0.1:9/feed.xml';
    const id = feedIdOf(url);
    await store.putSpec(id, FeedSpecSchema.parse({ id, url, name: 'وكالة متعثرة', everySeconds: 60, addedAt: '2026-12-07T00:00:00Z' }));
    await store.setState(id, { failures: 2, lastOutcome: 'error', lastError: '127.0.0.1:9 answered 500 Internal Server Error', nextDueAt: Date.now() + 120_000, lastPolledAt: new Date().toISOString() });
    const body = await (await open().request('/feeds')).text();
    const row = body.slice(body.indexOf(`data-feed="${id}"`), body.indexOf('</tr>', body.indexOf(`data-feed="${id}"`)));
    expect(row).toContain('class="bad"');
    expect(row).toContain('<b>failing</b> ×2: 127.0.0.1:9 answered 500');
    expect(row).toContain('next try 2026');
    expect(row).toContain('<td dir="rtl"><bdi class="ar" lang="ar" dir="rtl">وكالة متعثرة</bdi></td>');
  });

  it('lists alerts newest first and pushes a new one live', async () => {
    const store = new AlertStore(connection, settings.prefix);
    await store.raiseOnce('w-000000000001', 'a1', alert(1));
    await store.raiseOnce('w-000000000001', 'a2', alert(2));
    expect(await store.raiseOnce('w-000000000001', 'a2', alert(2))).toBeNull(); // once per article and watch
    const app = open();
    const page = await (await app.request('/alerts')).text();
    expect(page.indexOf('(2)')).toBeLessThan(page.indexOf('(1)'));
    const after = /data-alerts-live="\/alerts\/events\?after=([^"]+)"/.exec(page)?.[1] ?? '';
    expect(decodeURIComponent(after)).toMatch(/^\d+-\d+$/);

    const response = await app.request(`/alerts/events?after=${after}`);
    const reader = response.body?.getReader();
    expect(reader).toBeDefined();
    await store.raiseOnce('w-000000000001', 'a3', alert(3));
    let text = '';
    const decoder = new TextDecoder();
    while (!text.includes('event: alert')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    await reader?.cancel();
    expect(text).toContain('event: alert');
    expect(text).toContain('(3)');
    expect(text).not.toContain('(2)'); // only what came after the page
    expect((await app.request('/alerts/events?after=x')).status).toBe(400);
  });
});
