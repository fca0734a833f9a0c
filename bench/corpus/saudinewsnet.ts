import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { projectPath } from '../../src/paths.js';
import type { BenchArticle } from './article.js';

/**
 * SaudiNewsNet (M. Alhagri, 2015; CC BY-NC-SA 4.0), read in place from `../shared/data/saudinewsnet`:
 * one zip per day, each holding one JSON array of `{ source, url, date_extracted, title, author,
 * content }`. Nothing read here is ever written into the project: the benchmarks keep only figures.
 */
export function defaultSaudiNewsNetDir(): string {
  return process.env.KHABAR_SAUDINEWSNET_DIR ?? join(projectPath(), '..', 'shared', 'data', 'saudinewsnet');
}

export function saudiNewsNetAvailable(dir = defaultSaudiNewsNetDir()): boolean {
  return existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.zip'));
}

interface RawArticle {
  source?: unknown;
  url?: unknown;
  date_extracted?: unknown;
  title?: unknown;
  content?: unknown;
}

/** "2015-07-21 02:51:32" (the crawl time, no zone given: read as UTC) → ISO 8601, or null. */
function isoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * The articles of every day file in date order (at most `limit`), skipping those with less than
 * `minChars` of content (the crawl has empty and stub pages). Ids are a hash of the URL.
 */
export function* readSaudiNewsNet(options: { dir?: string; limit?: number; minChars?: number } = {}): Generator<BenchArticle> {
  const dir = options.dir ?? defaultSaudiNewsNetDir();
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const minChars = options.minChars ?? 200;
  let yielded = 0;
  for (const zipName of readdirSync(dir).filter((name) => name.endsWith('.zip')).sort()) {
    const files = unzipSync(new Uint8Array(readFileSync(join(dir, zipName))), { filter: (file) => file.name.endsWith('.json') });
    for (const bytes of Object.values(files)) {
      const parsed: unknown = JSON.parse(strFromU8(bytes));
      if (!Array.isArray(parsed)) continue;
      for (const raw of parsed as RawArticle[]) {
        if (typeof raw.content !== 'string' || raw.content.trim().length < minChars) continue;
        const url = typeof raw.url === 'string' ? raw.url : `${zipName}#${yielded}`;
        yield {
          id: createHash('sha256').update(url).update('\u0000').update(raw.content).digest('hex').slice(0, 16),
          title: typeof raw.title === 'string' ? raw.title : '',
          text: raw.content,
          source: typeof raw.source === 'string' ? raw.source : 'saudinewsnet',
          publishedAt: isoDate(raw.date_extracted),
        };
        if (++yielded >= limit) return;
      }
    }
  }
}
