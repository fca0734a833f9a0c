import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
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
const records: EnrichedRecord[] = [];
const apps: Record<'postgres' | 'folder', Hono> = {} as Record<'postgres' | 'folder', Hono>;

beforeAll(async () => {
  db = openDb(postgres().url, { max: 4 });
  await migrateToLatest(db);
  const out = tempDir('api-out');
  for (const name of readdirSync('seeds').sort()) {
    const record = await analyse(readFileSync(join('seeds', name), 'utf8'), { file: name, source: `outlet-${Number(name[2]) % 2}`, publishedAt: `2021-07-1${name[2]}T08:00:00Z` });
    records.push(record);
    await saveRecord(db, record);
    await writeJsonAtomic(recordPath(out, record.id), record);
  }
  apps.postgres = createApiApp(pgRecordReader(db));
  apps.folder = createApiApp(new FolderRecordReader(out));
}, 120_000);
afterAll(async () => {
  await db?.destroy();
});

async function get(backend: 'postgres' | 'folder', path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await apps[backend].request(path);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Validates an answer against the response schema that /api/openapi.json publishes for its path. */
async function conformsToOpenApi(backend: 'postgres' | 'folder', template: string, body: unknown): Promise<string> {
  const document = (await get(backend, '/openapi.json')).body as { paths: Record<string, { get: { responses: Record<string, { content: { 'application/json': { schema: object } } }> } }> };
  const schema = document.paths[`/api${template}`]?.get.responses['200']?.content['application/json'].schema;
  if (!schema) return `no schema for ${template}`;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  return validate(body) ? '' : ajv.errorsText(validate.errors);
}

describe.each(['postgres', 'folder'] as const)('read API on the %s store', (backend) => {
  it('lists articles by outlet, time range and entity, each answer as the OpenAPI document describes it', async () => {
    const byOutlet = await get(backend, '/articles?outlet=outlet-1&limit=50');
    expect(byOutlet.status).toBe(200);
    const expected = records.filter((record) => record.source.name === 'outlet-1').map((record) => record.id).sort();
    expect((byOutlet.body.items as { id: string }[]).map((item) => item.id).sort()).toEqual(expected);
    expect(await conformsToOpenApi(backend, '/articles', byOutlet.body)).toBe('');

    const inRange = await get(backend, '/articles?from=2021-07-11&to=2021-07-13T00:00:00Z');
    expect((inRange.body.items as { id: string }[]).map((item) => item.id).sort()).toEqual(records.filter((r) => ['1', '2'].includes(r.source.publishedAt?.[9] ?? '')).map((r) => r.id).sort());

    const entity = records[0]?.entities?.[0]?.entityId as string;
    const byEntity = await get(backend, `/articles?entity=${encodeURIComponent(entity)}&limit=50`);
    expect((byEntity.body.items as { id: string }[]).map((item) => item.id).sort()).toEqual(records.filter((r) => r.entities?.some((e) => e.entityId === entity)).map((r) => r.id).sort());

    // One article a page, by the cursor: each article that names the entity once, newest first (an article names it many times).
    const common = [...new Set(records.flatMap((r) => (r.entities ?? []).map((e) => e.entityId)))]
      .sort((a, b) => records.filter((r) => r.entities?.some((e) => e.entityId === b)).length - records.filter((r) => r.entities?.some((e) => e.entityId === a)).length)[0] as string;
    const naming = records.filter((r) => r.entities?.some((e) => e.entityId === common));
    expect(naming.length).toBeGreaterThan(1);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const answer = await get(backend, `/articles?entity=${encodeURIComponent(common)}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...(answer.body.items as { id: string }[]).map((item) => item.id));
      cursor = answer.body.nextCursor as string | null;
    } while (cursor && paged.length <= naming.length);
    const newest = [...naming].sort((a, b) => (b.source.publishedAt ?? '').localeCompare(a.source.publishedAt ?? '') || (a.id < b.id ? 1 : -1));
    expect(paged).toEqual(newest.map((r) => r.id));
    const inOutlet = await get(backend, `/articles?entity=${encodeURIComponent(common)}&outlet=outlet-1&limit=50`);
    expect((inOutlet.body.items as { id: string }[]).map((item) => item.id).sort()).toEqual(naming.filter((r) => r.source.name === 'outlet-1').map((r) => r.id).sort());
  });

  it('pages with a cursor and searches Arabic text in any spelling', async () => {
    const first = await get(backend, '/articles?limit=3');
    expect((first.body.items as unknown[]).length).toBe(3);
    const second = await get(backend, `/articles?limit=3&cursor=${first.body.nextCursor as string}`);
    const ids = [...(first.body.items as { id: string }[]), ...(second.body.items as { id: string }[])].map((item) => item.id);
    expect(ids.sort()).toEqual(records.map((record) => record.id).sort());
    expect(second.body.nextCursor).toBeNull();

    const search = await get(backend, `/articles?q=${encodeURIComponent('الكاظمى')}`);
    expect((search.body.items as { id: string }[]).map((item) => item.id).sort()).toEqual(records.filter((r) => r.text.includes('الكاظمي')).map((r) => r.id).sort());
    expect(await conformsToOpenApi(backend, '/articles', search.body)).toBe('');
  });

  it('answers an entity with variants and timeline, claims by speaker, stories with their claim links', async () => {
    const mention = records.flatMap((r) => r.entities ?? []).find((e) => e.canonical.includes('الكاظمي'));
    const entity = await get(backend, `/entities/${encodeURIComponent(mention?.entityId as string)}`);
    expect(entity.status).toBe(200);
    expect(await conformsToOpenApi(backend, '/entities/{id}', entity.body)).toBe('');
    expect((entity.body.timeline as { mentions: number }[]).reduce((sum, day) => sum + day.mentions, 0)).toBe(records.flatMap((r) => r.entities ?? []).filter((e) => e.entityId === mention?.entityId).length);

    const speaker = records.flatMap((r) => r.claims ?? []).find((c) => c.speaker?.entityId)?.speaker?.entityId as string;
    const claims = await get(backend, `/claims?speaker=${encodeURIComponent(speaker)}`);
    expect((claims.body.items as unknown[]).length).toBe(records.flatMap((r) => r.claims ?? []).filter((c) => c.speaker?.entityId === speaker).length);
    expect(await conformsToOpenApi(backend, '/claims', claims.body)).toBe('');

    const linked = records.find((r) => (r.dedup?.claimLinks.length ?? 0) > 0);
    expect(linked).toBeDefined();
    const story = await get(backend, `/stories/${linked?.dedup?.storyId as string}`);
    expect(story.status).toBe(200);
    expect(await conformsToOpenApi(backend, '/stories/{id}', story.body)).toBe('');
    const pairs = [...(story.body.corroborations as unknown[]), ...(story.body.conflicts as unknown[])];
    expect(pairs.length).toBe(records.filter((r) => r.dedup?.storyId === linked?.dedup?.storyId).reduce((sum, r) => sum + (r.dedup?.claimLinks.length ?? 0), 0));
    const stories = await get(backend, '/stories');
    expect(await conformsToOpenApi(backend, '/stories', stories.body)).toBe('');
  });

  it('rejects bad parameters with a 400 that names them, and unknown ids with a 404', async () => {
    const cases: [string, RegExp][] = [
      ['/articles?limit=0', /limit/],
      ['/articles?limit=abc', /limit/],
      ['/articles?from=yesterday', /from/],
      ['/articles?sort=title', /sort/],
      ['/articles?cursor=not-a-cursor', /cursor/],
      ['/articles?outlet=a&outlet=b', /outlet/],
      ['/articles?q=%20%21%21', /q/],
      ['/claims', /speaker/],
      ['/articles/NOT-AN-ID', /id/],
    ];
    for (const [path, reason] of cases) {
      const answer = await get(backend, path);
      expect(answer.status, path).toBe(400);
      expect(answer.body.error, path).toMatch(reason);
    }
    expect((await get(backend, '/articles/0000000000000000')).status).toBe(404);
    expect((await get(backend, '/entities/per:nobody')).status).toBe(404);
  });
});
