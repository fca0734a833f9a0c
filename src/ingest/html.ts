import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { InputRejectedError } from './errors.js';
import type { ReadEntry } from './readers.js';

/** Block elements whose text becomes its own paragraph (Readability returns the body as HTML). */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td';

type HtmlDocument = ReturnType<typeof parseHTML>['document'];

function meta(document: HtmlDocument, ...selectors: string[]): string | null {
  for (const selector of selectors) {
    const content = document.querySelector(selector)?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** News pages have a few thousand elements; far more is a hostile or broken page, refused before parsing. */
export const MAX_HTML_ELEMENTS = 50_000;

function countTags(html: string): number {
  let count = 0;
  for (let i = html.indexOf('<'); i !== -1 && count <= MAX_HTML_ELEMENTS; i = html.indexOf('<', i + 1)) {
    const next = html.charCodeAt(i + 1);
    if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) count++;
  }
  return count;
}

/** The article body of a web page, via Mozilla's Readability (the engine of Firefox's reader view). */
export function readHtml(html: string): ReadEntry[] {
  if (countTags(html) > MAX_HTML_ELEMENTS) {
    throw new InputRejectedError(`the page could not be read: more than ${MAX_HTML_ELEMENTS} elements (an enormous or hostile DOM)`, 'bad-html');
  }
  const { document } = parseHTML(html);
  const title = meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ?? document.querySelector('title')?.textContent?.trim() ?? null;
  const published = meta(document, 'meta[property="article:published_time"]', 'meta[name="pubdate"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]');
  const sourceName = meta(document, 'meta[property="og:site_name"]', 'meta[name="application-name"]');
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'meta[property="og:url"]');
  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { maxElemsToParse: 200_000, charThreshold: 100 }).parse();
  } catch (error) {
    throw new InputRejectedError(`the page could not be read: ${(error as Error).message}`, 'bad-html');
  }
  let text = '';
  if (parsed?.content) {
    const { document: body } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
    const blocks = [...body.querySelectorAll(BLOCKS)]
      .filter((element) => !element.querySelector(BLOCKS)) // innermost blocks only: no text twice
      .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '');
    text = blocks.length > 0 ? blocks.join('\n\n') : (parsed.textContent ?? '').trim();
  }
  if (text.trim() === '') throw new InputRejectedError('no article text found in the page', 'empty');
  const publishedAt = published && !Number.isNaN(Date.parse(published)) ? new Date(published).toISOString() : null;
  const draftTitle = parsed?.title?.trim() || title;
  // The title goes first, as in a plain-text article, so the text layer sees the same shape.
  const fullText = draftTitle && !text.startsWith(draftTitle) ? `${draftTitle}\n\n${text}` : text;
  return [{ ok: true, draft: { text: fullText, title: draftTitle ?? null, sourceName: parsed?.siteName ?? sourceName, url, publishedAt, line: null } }];
}

