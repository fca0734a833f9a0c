/**
 * An HTML thread of the ingest (see html-pool.ts): reads one web page at a time off the ingest's
 * event loop. Runs compiled only (dist/), as a worker_threads entry.
 */
import { parentPort } from 'node:worker_threads';
import { InputRejectedError } from './errors.js';
import { readHtml } from './html.js';
import { HtmlRequestSchema, type HtmlReply } from './html-protocol.js';

const port = parentPort;
if (!port) throw new Error('html-thread runs as a worker thread, not as a script');

port.on('message', (message: unknown) => {
  const request = HtmlRequestSchema.safeParse(message);
  if (!request.success) {
    port.postMessage({ id: -1, ok: false, message: 'invalid request to the HTML thread', code: 'unreadable' } satisfies HtmlReply);
    return;
  }
  const { id, html } = request.data;
  let reply: HtmlReply;
  try {
    const [entry] = readHtml(html);
    reply = entry?.ok ? { id, ok: true, draft: entry.draft } : { id, ok: false, message: entry?.error.message ?? 'no article in the page', code: entry?.error.code ?? 'empty' };
  } catch (error) {
    reply = error instanceof InputRejectedError
      ? { id, ok: false, message: error.message, code: error.code }
      : { id, ok: false, message: `the page could not be read: ${(error as Error).message}`, code: 'bad-html' };
  }
  port.postMessage(reply);
});
