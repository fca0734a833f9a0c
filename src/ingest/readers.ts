import { extname } from 'node:path';
import type { ArticleDraft, Origin } from '../schema/article.js';
import { decodeBytes, type DetectedEncoding } from './encoding.js';
import { InputRejectedError } from './errors.js';
import { readHtml } from './html.js';
import { JsonArticleSchema } from './json-article.js';
import { describeZodError } from '../schema/zod-errors.js';

export type { ArticleDraft };


/** One entry a file yields: an article, or the reason one part of the file is not one. */
export type ReadEntry = { ok: true; draft: ArticleDraft } | { ok: false; line: number | null; error: InputRejectedError };

export interface ReadResult {
  format: Origin['format'];
  encoding: DetectedEncoding;
  entries: ReadEntry[];
}

const FORMATS: Record<string, Origin['format']> = { '.txt': 'txt', '.text': 'txt', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.html': 'html', '.htm': 'html' };

export function formatOf(fileName: string): Origin['format'] | null {
  return FORMATS[extname(fileName).toLowerCase()] ?? null;
}

function articleFromJson(value: unknown, line: number | null): ReadEntry {
  const parsed = JsonArticleSchema.safeParse(value);
  if (!parsed.success) return { ok: false, line, error: new InputRejectedError(`not an article: ${describeZodError(parsed.error, { root: 'article' })}`, 'bad-article') };
  return { ok: true, draft: { ...parsed.data, line } };
}

function readJson(text: string): ReadEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputRejectedError(`malformed JSON: ${(error as Error).message}`, 'bad-json');
  }
  // An array of articles (the SaudiNewsNet layout) is accepted; each element stands alone.
  if (Array.isArray(value)) {
    if (value.length === 0) throw new InputRejectedError('the JSON array holds no articles', 'empty');
    return value.map((item, index) => articleFromJson(item, index + 1));
  }
  const entry = articleFromJson(value, null);
  if (!entry.ok) throw entry.error;
  return [entry];
}

function readJsonl(text: string): ReadEntry[] {
  const entries: ReadEntry[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    try {
      entries.push(articleFromJson(JSON.parse(raw), index + 1));
    } catch (error) {
      entries.push({ ok: false, line: index + 1, error: new InputRejectedError(`malformed JSON on line ${index + 1}: ${(error as Error).message}`, 'bad-json') });
    }
  });
  if (entries.length === 0) throw new InputRejectedError('the JSONL file holds no lines', 'empty');
  return entries;
}

interface DecodedInput {
  format: Origin['format'];
  encoding: DetectedEncoding;
  text: string;
}

function decodeInput(bytes: Uint8Array, fileName: string): DecodedInput {
  const format = formatOf(fileName);
  if (!format) throw new InputRejectedError(`unsupported file type "${extname(fileName) || '(none)'}": use .txt, .json, .jsonl or .html`, 'unsupported');
  const { text, encoding } = decodeBytes(bytes);
  if (text.trim() === '') throw new InputRejectedError('the file holds only white space', 'empty');
  return { format, encoding, text };
}

/** Plain text and JSON: linear in the file's size. */
function readPlain(format: Exclude<Origin['format'], 'html'>, text: string): ReadEntry[] {
  switch (format) {
    case 'txt':
      return [{ ok: true, draft: { text, title: null, sourceName: null, url: null, publishedAt: null, line: null } }];
    case 'json':
      return readJson(text);
    case 'jsonl':
      return readJsonl(text);
  }
}

/** Reads one file's bytes into articles, by its extension. Throws InputRejectedError for a whole-file failure. */
export function readArticles(bytes: Uint8Array, fileName: string): ReadResult {
  const { format, encoding, text } = decodeInput(bytes, fileName);
  return { format, encoding, entries: format === 'html' ? readHtml(text) : readPlain(format, text) };
}

/**
 * The same, with web pages handed to `html`: the ingest passes its HTML threads (html-pool.ts), since
 * a page's cost is not linear in its size (a deeply nested one held the event loop for 33 s).
 */
export async function readArticlesWith(bytes: Uint8Array, fileName: string, html: (text: string) => Promise<ReadEntry[]>): Promise<ReadResult> {
  const { format, encoding, text } = decodeInput(bytes, fileName);
  return { format, encoding, entries: format === 'html' ? await html(text) : readPlain(format, text) };
}
