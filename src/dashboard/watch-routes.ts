import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { loadWatches } from '../alerts/alert-worker.js';
import { AlertSchema, type Alert } from '../alerts/watch.js';
import { FeedStateSchema } from '../feeds/feed-spec.js';
import { loadFeedSpecs } from '../feeds/feed-worker.js';
import { AlertStore } from '../store/alert-store.js';
import { FeedStore } from '../store/feed-registry.js';
import { alertRow, alertsPage, feedsPage } from './pages/watch.js';

const ALERTS_SHOWN = 200;
const AfterSchema = z.strictObject({ after: z.string().regex(/^(\d+-\d+|0)$/).default('0') });

/** Parsed alerts; one that does not parse is left out of the page (the CLI says so). */
function parsed(entries: readonly { id: string; alert: unknown }[]): { id: string; alert: Alert }[] {
  return entries.flatMap(({ id, alert }) => {
    const ok = AlertSchema.safeParse(alert);
    return ok.success ? [{ id, alert: ok.data }] : [];
  });
}

/** `/feeds` (each feed's health), `/alerts` (the newest alerts) and `/alerts/events` (new ones, live, over SSE). */
export function mountWatchPages(app: Hono, connection: Redis, prefix: string, refreshMs: number): void {
  const alerts = new AlertStore(connection, prefix);
  const feeds = new FeedStore(connection, prefix);

  app.get('/feeds', async (c) => {
    const rows = [];
    for (const spec of await loadFeedSpecs(feeds)) rows.push({ spec, state: FeedStateSchema.parse(await feeds.state(spec.id)) });
    return c.html(feedsPage(rows, Date.now()).value);
  });

  app.get('/alerts', async (c) => {
    const latest = parsed(await alerts.latest(ALERTS_SHOWN));
    return c.html(alertsPage(latest.map((entry) => entry.alert), (await loadWatches(alerts)).length, latest[0]?.id ?? '0').value);
  });

  app.get('/alerts/events', (c) => {
    const query = AfterSchema.safeParse(c.req.query());
    if (!query.success) return c.json({ error: 'invalid query', problems: query.error.issues.map((issue) => issue.message) }, 400);
    let last = query.data.after;
    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (open) {
        for (const { id, alert } of parsed(await alerts.since(last))) {
          last = id;
          await stream.writeSSE({ event: 'alert', id, data: JSON.stringify({ alert, html: alertRow(alert).value }) });
        }
        await stream.sleep(refreshMs);
      }
    });
  });
}
