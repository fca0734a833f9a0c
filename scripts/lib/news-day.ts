// One SaudiNewsNet day zip (M. Alhagri, 2015; CC BY-NC-SA 4.0), read where it lies, parsed with zod,
// in arrival order (crawl time, then position in the file). Used by `npm run eval:conflicts:news`;
// nothing read here is written into the project.
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { z } from 'zod';

const RawArticleSchema = z.object({
  source: z.string().min(1),
  url: z.string(),
  date_extracted: z.string(),
  title: z.string().default(''),
  content: z.string(),
});

export interface NewsArticle {
  source: string;
  url: string;
  title: string;
  text: string;
  /** ISO 8601 (the crawl time, no zone given: read as UTC), or null. */
  publishedAt: string | null;
}

function isoDate(value: string): string | null {
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** The day's articles with at least `minChars` of content, earliest crawl first (a stable sort keeps the file's order within one second). */
export function readNewsDay(path: string, minChars = 200): NewsArticle[] {
  const files = unzipSync(new Uint8Array(readFileSync(path)), { filter: (file) => file.name.endsWith('.json') });
  const out: NewsArticle[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    const parsed = z.array(RawArticleSchema).safeParse(JSON.parse(strFromU8(bytes)));
    if (!parsed.success) throw new Error(`${path} (${name}): not a SaudiNewsNet day: ${parsed.error.message}`);
    for (const raw of parsed.data) {
      if (raw.content.trim().length < minChars) continue;
      out.push({ source: raw.source, url: raw.url, title: raw.title, text: raw.content, publishedAt: isoDate(raw.date_extracted) });
    }
  }
  return out.sort((x, y) => (x.publishedAt ?? '').localeCompare(y.publishedAt ?? ''));
}
