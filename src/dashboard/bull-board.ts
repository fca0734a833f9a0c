import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Queue } from 'bullmq';
import type { Hono } from 'hono';

/**
 * bull-board (job states, data, return values, logs, retry, clean) for every stage queue, at
 * `basePath`. In read-only mode the board hides its buttons; our access control refuses the
 * requests anyway (a hidden button is not a lock).
 */
export function mountBullBoard(app: Hono, queues: readonly Queue[], basePath: string, readOnly: boolean): void {
  const serverAdapter = new HonoAdapter(serveStatic);
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: readOnly, allowRetries: !readOnly })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'khabar queues', miscLinks: [{ text: 'Pipeline overview', url: '/' }] } },
  });
  app.route(basePath, serverAdapter.registerPlugin());
}
