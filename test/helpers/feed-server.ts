import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * A news site on loopback for the feed tests: an RSS 2.0 feed of `items` articles whose pages are
 * real Arabic news paragraphs (from the seeds, one set per item, with a line of its own so no two
 * are copies), an ETag that changes when items are added, and switches to make the feed fail.
 * It records every request, so tests see what was asked, with which validators, and when.
 */
export interface FeedSite {
  url: string;
  feedUrl: string;
  /** Requests so far: path, If-None-Match sent, status answered, time. */
  requests: { path: string; ifNoneMatch: string | null; status: number; at: number }[];
  setItems(count: number): void;
  /** While set, the feed answers this status instead. */
  failWith(status: number | null): void;
  close(): Promise<void>;
}

const PARAGRAPHS = readdirSync('seeds')
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .flatMap((name) => readFileSync(join('seeds', name), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 120));

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function itemTitle(n: number): string {
  return `خبر رقم ${n}: تطورات جديدة في بغداد`;
}

function page(n: number): string {
  const body = [0, 1, 2].map((k) => PARAGRAPHS[(n * 3 + k) % PARAGRAPHS.length] ?? '');
  return `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escape(itemTitle(n))}</title>
<meta property="og:site_name" content="موقع تجريبي"></head><body><header><nav>الرئيسية | سياسة | اقتصاد</nav></header>
<article><h1>${escape(itemTitle(n))}</h1><p>بغداد - هذا هو الخبر رقم ${n} في سلسلة الأخبار التجريبية لموقعنا.</p>
${body.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article><footer>جميع الحقوق محفوظة</footer></body></html>`;
}

function feed(base: string, count: number): string {
  const items = Array.from({ length: count }, (_, i) => count - i).map((n) => `<item><title>${escape(itemTitle(n))}</title><link>${base}/news/${n}.html</link><guid isPermaLink="false">item-${n}</guid><pubDate>${new Date(Date.UTC(2026, 11, 1, 0, n)).toUTCString()}</pubDate></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>موقع تجريبي</title><link>${base}/</link><description>أخبار</description>${items.join('')}</channel></rss>`;
}

export async function startFeedSite(initialItems: number): Promise<FeedSite> {
  let items = initialItems;
  let failure: number | null = null;
  const requests: FeedSite['requests'] = [];
  let base = '';
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    const ifNoneMatch = (request.headers['if-none-match'] as string | undefined) ?? null;
    const at = Date.now();
    const answer = (status: number, body = '', type = 'text/plain') => {
      requests.push({ path, ifNoneMatch, status, at });
      response.writeHead(status, { 'content-type': type, ...(status === 200 && path === '/feed.xml' ? { etag: `"v${items}"` } : {}) });
      response.end(body);
    };
    if (path === '/feed.xml') {
      if (failure !== null) return answer(failure, 'down');
      if (ifNoneMatch === `"v${items}"`) return answer(304);
      return answer(200, feed(base, items), 'application/rss+xml; charset=utf-8');
    }
    const match = /^\/news\/(\d+)\.html$/.exec(path);
    if (match && Number(match[1]) <= items) return answer(200, page(Number(match[1])), 'text/html; charset=utf-8');
    return answer(404, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    feedUrl: `${base}/feed.xml`,
    requests,
    setItems: (count) => { items = count; },
    failWith: (status) => { failure = status; },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
