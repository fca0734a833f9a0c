/** A fetch that failed: the status (0 for no answer) and why, for the feed's state and the log. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export type Fetched = { status: 'not-modified' } | { status: 'ok'; body: string; etag: string | null; lastModified: string | null };

export interface GetOptions {
  etag?: string | undefined;
  lastModified?: string | undefined;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

/**
 * GET with the feed's validators (If-None-Match / If-Modified-Since): a feed that has not changed
 * answers 304 and costs nothing. The body is read up to `maxBytes` (the ingest's file limit) and
 * decoded as UTF-8 unless the response names another charset.
 */
export async function conditionalGet(url: string, options: GetOptions): Promise<Fetched> {
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new FetchError(`no answer from ${new URL(url).host}: ${cause ?? (error as Error).message}`, 0);
  }
  if (response.status === 304) return { status: 'not-modified' };
  if (!response.ok) {
    await response.body?.cancel();
    throw new FetchError(`${new URL(url).host} answered ${response.status} ${response.statusText}`.trim(), response.status);
  }
  const bytes = await readCapped(response, options.maxBytes, url);
  const charset = /charset=([^;]+)/i.exec(response.headers.get('content-type') ?? '')?.[1]?.trim().toLowerCase() ?? 'utf-8';
  let body: string;
  try {
    body = new TextDecoder(charset).decode(bytes);
  } catch {
    body = new TextDecoder('utf-8').decode(bytes);
  }
  return { status: 'ok', body, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new FetchError(`${url} is ${declared} bytes, over the ${maxBytes}-byte limit`, response.status);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body.cancel().catch(() => {});
      throw new FetchError(`${url} is over the ${maxBytes}-byte limit`, response.status);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
