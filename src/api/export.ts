import { z } from 'zod';
import { queryTerms } from '../nlp/text/query-terms.js';
import { nameKey } from '../store/name-key.js';
import type { ArticleFilter, ClaimCursor, RecordReader, SearchCursor, TimeCursor } from '../store/record-reader.js';
import { ArticlesParams, BadRequest, ClaimsParams, EntitiesParams } from './params.js';

/**
 * Exports (issue 23, item 4): every article, claim or entity a query selects, as CSV or JSONL,
 * streamed a page at a time from the record store (PostgreSQL or the output folder), so a million
 * rows never sit in memory. The query parameters are the read API's, without paging.
 */
export const EXPORT_KINDS = ['articles', 'claims', 'entities'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const ExportFormatSchema = z.enum(['csv', 'jsonl']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

const max = z.coerce.number().int().min(1).max(1_000_000).default(100_000).meta({ description: 'at most this many rows (1-1,000,000)' });
export const EXPORT_PARAMS = {
  articles: ArticlesParams.omit({ limit: true, cursor: true }).extend({ max }),
  claims: ClaimsParams.omit({ limit: true, cursor: true }).extend({ max }),
  entities: EntitiesParams.omit({ limit: true }).extend({ max: z.coerce.number().int().min(1).max(1_000).default(1_000) }),
} as const;

/** The columns of each kind's CSV (JSONL lines carry the whole item). */
const COLUMNS: Record<ExportKind, string[]> = {
  articles: ['id', 'at', 'publishedAt', 'source', 'title', 'url', 'storyId'],
  claims: ['articleId', 'claim', 'at', 'source', 'title', 'kind', 'speakerEntityId', 'speaker', 'cue', 'text', 'numbers'],
  entities: ['id', 'type', 'canonical'],
};

const PAGE = 100;

type Row = Record<string, unknown>;

async function* articleRows(reader: RecordReader, params: z.output<(typeof EXPORT_PARAMS)['articles']>, terms: string[][] | undefined): AsyncGenerator<Row> {
  let cursor: TimeCursor | SearchCursor | undefined;
  let left = params.max;
  while (left > 0) {
    const filter: ArticleFilter = { entity: params.entity, outlet: params.outlet, from: params.from, to: params.to, terms, limit: Math.min(PAGE, left), cursor };
    const page = await reader.articles(filter);
    for (const item of page.items) yield item;
    left -= page.items.length;
    if (!page.next || page.items.length === 0) return;
    cursor = page.next;
  }
}

async function* claimRows(reader: RecordReader, params: z.output<(typeof EXPORT_PARAMS)['claims']>): AsyncGenerator<Row> {
  let cursor: ClaimCursor | undefined;
  let left = params.max;
  while (left > 0) {
    const page = await reader.claims({ speaker: params.speaker, from: params.from, to: params.to, limit: Math.min(PAGE, left), cursor });
    for (const item of page.items) {
      yield { ...item, speakerEntityId: item.speaker?.entityId ?? null, speaker: item.speaker?.text ?? null, numbers: item.quantities.map((quantity) => quantity.text) };
    }
    left -= page.items.length;
    if (!page.next || page.items.length === 0) return;
    cursor = page.next;
  }
}

/** The rows a query selects, one at a time; a bad query throws BadRequest before the first row. */
export function exportRows(reader: RecordReader, kind: ExportKind, raw: unknown): AsyncGenerator<Row> {
  if (kind === 'articles') {
    const params = parse(EXPORT_PARAMS.articles, raw);
    const terms = params.q === undefined ? undefined : queryTerms(params.q);
    if (terms?.length === 0) throw new BadRequest('q: no word to search for');
    return articleRows(reader, params, terms);
  }
  if (kind === 'claims') return claimRows(reader, parse(EXPORT_PARAMS.claims, raw));
  const params = parse(EXPORT_PARAMS.entities, raw);
  const key = nameKey(params.q);
  if (key === '') throw new BadRequest('q: no name to search for');
  return (async function* entities() {
    for (const item of await reader.entitiesByName(key, params.max)) yield item;
  })();
}

function parse<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new BadRequest(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'parameters'}: ${issue.message}`).join('; '));
  return parsed.data;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; lists joined by « | ». */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join(' | ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The export as text chunks. CSV starts with a UTF-8 byte-order mark so spreadsheet programs read the
 * Arabic as Arabic, then a header line; JSONL is one JSON object a line.
 */
export async function* exportLines(rows: AsyncIterable<Row>, kind: ExportKind, format: ExportFormat): AsyncGenerator<string> {
  const columns = COLUMNS[kind];
  if (format === 'csv') yield `\uFEFF${columns.join(',')}\r\n`;
  for await (const row of rows) {
    yield format === 'csv' ? `${columns.map((column) => csvField(row[column])).join(',')}\r\n` : `${JSON.stringify(row)}\n`;
  }
}
