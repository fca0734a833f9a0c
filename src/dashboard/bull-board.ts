import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Queue } from 'bullmq';
import type { Hono, MiddlewareHandler } from 'hono';

/**
 * bull-board (job states, data, return values, logs, retry, clean) for every stage queue, at
 * `basePath`. In read-only mode the board hides its buttons; our access control refuses the
 * requests anyway (a hidden button is not a lock).
 */
/**
 * bull-board's page asks Google Fonts for its typeface: on an offline or closed newsroom machine that
 * request hangs or fails, and on any machine it tells a third party who opens the board. The link is
 * taken out of the page (the board falls back to the system sans-serif), and our CSP for /queues
 * allows no other host anyway.
 */
const FONT_HOST_LINK = /<link\b[^>]*\bhref="https:\/\/fonts\.(?:googleapis|gstatic)\.com[^"]*"[^>]*>\s*/g;

export function withoutFontHost(page: string): string {
  return page.replace(FONT_HOST_LINK, '');
}

function stripFontHost(basePath: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const onBoard = c.req.path === basePath || c.req.path.startsWith(`${basePath}/`);
    if (!onBoard || !(c.res.headers.get('content-type') ?? '').includes('text/html')) return;
    const page = await c.res.text();
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(withoutFontHost(page), { status: c.res.status, headers });
  };
}

export function mountBullBoard(app: Hono, queues: readonly Queue[], basePath: string, readOnly: boolean): void {
  const serverAdapter = new HonoAdapter(serveStatic);
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: readOnly, allowRetries: !readOnly })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'khabar queues', miscLinks: [{ text: 'Pipeline overview', url: '/' }] } },
  });
  app.use('*', stripFontHost(basePath));
  app.route(basePath, serverAdapter.registerPlugin());
}
