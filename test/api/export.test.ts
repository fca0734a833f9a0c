// Exports (issue 23, item 4) on both record stores: what a query selects, as CSV (with a BOM, quoted
// per RFC 4180, Arabic intact) and JSONL, streamed over paged reads (more rows than one page), and
// a bad query refused with 400 before any row. The CLI writes the same bytes as the API.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { analyse } from '../../src/analyse.js';
import { createApiApp } from '../../src/api/app.js';
import type { EnrichedRecord } from '../../src/schema/record.js';
import { migrateToLatest, openDb, type Db } from '../../src/store/pg/db.js';
import { saveRecord } from '../../src/store/pg/save.js';
import { pgRecordReader } from '../../src/store/pg/reader.js';
import { FolderRecordReader } from '../../src/store/folder-reader.js';
import { recordPath, writeJsonAtomic } from '../../src/store/output.js';
import { useTestPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/pipeline.js';

const postgres = useTestPostgres();
let db: Db;
let out = '';
const records: EnrichedRecord[] = [];
const apps: Record<'postgres' | 'folder', Hono> = {} as Record<'postgres' | 'folder', Hono>;
/** More articles than one export page (100), so the export must follow cursors. */
const GENERATED = 130;

beforeAll(async () => {
  db = openDb(postgres().url, { max: 4 });
  await migrateToLatest(db);
  out = tempDir('export-out');
  const inputs = readdirSync('seeds').sort().map((name, i) => ({ text: readFileSync(join('seeds', name), 'utf8'), meta: { file: name, source: 'العرب, لندن', publishedAt: `2021-07-1${i}T08:00:00Z` } }));
  for (let n = 0; n < GENERATED; n++) inputs.push({ text: `البصرة - قال مسؤول محلي إن "الطريق رقم ${n}" أعيد افتتاحه بعد أعمال صيانة استمرت ${n + 2} يوما.`, meta: { file: `g${n}.txt`, source: 'وكالة الجنوب', publishedAt: new Date(Date.UTC(2021, 7, 1) + n * 3_600_000).toISOString() } });
  for (const input of inputs) {
    const record = await analyse(input.text, input.meta);
    records.push(record);
    await saveRecord(db, record);
    await writeJsonAtomic(recordPath(out, record.id), record);
  }
  apps.postgres = createApiApp(pgRecordReader(db));
  apps.folder = createApiApp(new FolderRecordReader(out));
}, 300_000);
afterAll(async () => {
  await db?.destroy();
});

/** The body as sent, byte-order mark kept (Response.text() drops it). */
const bodyText = async (response: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());

/** CSV rows, RFC 4180 (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      field += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',' || char === '\n') {
      row.push(field);
      field = '';
      if (char === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (char !== '\r') {
      field += char;
    }
  }
  return rows;
}

describe.each(['postgres', 'folder'] as const)('exports from the %s store', (backend) => {
  it('streams every article of an outlet as CSV, across pages, Arabic and commas intact', async () => {
    const response = await apps[backend].request('/export/articles.csv?outlet=' + encodeURIComponent('وكالة الجنوب'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await bodyText(response);
    expect(text.startsWith('\uFEFFid,at,publishedAt,source,title,url,storyId\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(['id', 'at', 'publishedAt', 'source', 'title', 'url', 'storyId']);
    expect(rows).toHaveLength(GENERATED);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(records.filter((r) => r.source.name === 'وكالة الجنوب').map((r) => r.id)));
    expect(rows.every((row) => row[3] === 'وكالة الجنوب')).toBe(true);
    const seeds = parseCsv((await bodyText(await apps[backend].request('/export/articles.csv?outlet=' + encodeURIComponent('العرب, لندن')))).slice(1));
    expect(seeds.slice(1).map((row) => row[3])).toEqual(Array(5).fill('العرب, لندن')); // the comma stayed inside its field
  });

  it('exports the same as JSONL, one object a line, and stops at max', async () => {
    const response = await apps[backend].request('/export/articles.jsonl?max=7&outlet=' + encodeURIComponent('وكالة الجنوب'));
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; source: string });
    expect(lines).toHaveLength(7);
    expect(lines.every((line) => line.source === 'وكالة الجنوب')).toBe(true);
  });

  it('refuses a bad query with 400 before any row, and an unknown export with 404', async () => {
    const bad = await apps[backend].request('/export/articles.csv?from=yesterday');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('from');
    expect((await apps[backend].request('/export/claims.csv')).status).toBe(400); // claims need a speaker
    expect((await apps[backend].request('/export/people.xml')).status).toBe(404);
  });
});

describe('khabar export (CLI, folder store)', () => {
  it('writes the same CSV as the API', async () => {
    const cli = execFileSync(process.execPath, ['bin/khabar.js', 'export', 'articles', '--format', 'csv', '--out', out, '--outlet', 'وكالة الجنوب'], { encoding: 'utf8', env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'KHABAR_DATABASE_URL')) });
    const api = await bodyText(await apps.folder.request('/export/articles.csv?outlet=' + encodeURIComponent('وكالة الجنوب')));
    expect(cli).toBe(api);
  });
});
