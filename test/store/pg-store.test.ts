import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import type { EnrichedRecord } from '../../src/schema/record.js';
import { migrateToLatest, openDb, type Db } from '../../src/store/pg/db.js';
import { saveRecord } from '../../src/store/pg/save.js';
import { pgRecordReader } from '../../src/store/pg/reader.js';
import { queryTerms } from '../../src/nlp/text/query-terms.js';
import { nameKey } from '../../src/store/name-key.js';
import { useTestPostgres } from '../helpers/postgres.js';

const postgres = useTestPostgres();
let db: Db;
const records: EnrichedRecord[] = [];

beforeAll(async () => {
  db = openDb(postgres().url, { max: 6 });
  await migrateToLatest(db);
  for (const name of readdirSync('seeds').sort()) {
    records.push(await analyse(readFileSync(join('seeds', name), 'utf8'), { file: name, source: name.startsWith('00') ? `outlet-${name[2]}` : null, publishedAt: `2021-07-1${name[2]}T08:00:00Z` }));
  }
}, 120_000);
afterAll(async () => {
  await db?.destroy();
});

async function count(table: string, articleId?: string): Promise<number> {
  const where = articleId ? sql` where ${sql.ref(table === 'articles' ? 'id' : 'article_id')} = ${articleId}` : sql``;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}${where}`.execute(db);
  return rows[0]?.n ?? -1;
}

describe('PostgreSQL record store', () => {
  it('stores a record once however often and however concurrently its write runs', async () => {
    const record = records[0] as EnrichedRecord;
    await Promise.all(Array.from({ length: 4 }, () => saveRecord(db, record)));
    await saveRecord(db, record);
    expect(await count('articles', record.id)).toBe(1);
    expect(await count('mentions', record.id)).toBe(record.entities?.length);
    expect(await count('claims', record.id)).toBe(record.claims?.length);
    const quantities = (record.claims ?? []).reduce((sum, claim) => sum + claim.quantities.length, 0);
    expect(await count('quantities', record.id)).toBe(quantities);
    expect(await count('story_members', record.id)).toBe(1);
    const stored = await pgRecordReader(db).article(record.id);
    expect(stored).toEqual(record);
  });

  it('stores every seed, with links and stories, one row an article', async () => {
    await Promise.all(records.map((record) => saveRecord(db, record)));
    expect(await count('articles')).toBe(records.length);
    const links = records.reduce((sum, record) => sum + (record.dedup?.claimLinks.length ?? 0), 0);
    expect(await count('claim_links')).toBe(links);
    const members = await db.selectFrom('story_members').select(['article_id', 'story_id']).execute();
    expect(members.map((row) => row.article_id).sort()).toEqual(records.map((record) => record.id).sort());
    // The entities index's totals, kept by increments under concurrent and repeated writes, equal a recount.
    const { rows: drift } = await sql<{ id: string }>`
      select coalesce(t.entity_id, m.entity_id) as id
      from entity_totals t full join (select entity_id, count(*)::int as mentions, count(distinct article_id)::int as articles from mentions group by entity_id) m on m.entity_id = t.entity_id
      where (t.mentions is distinct from m.mentions or t.articles is distinct from m.articles) and not (m.entity_id is null and t.mentions = 0)`.execute(db);
    expect(drift).toEqual([]);
    expect(await count('entity_totals')).toBeGreaterThan(0);
  });

  it('finds an article by a name written with another alef, ya or ta marbuta', async () => {
    const reader = pgRecordReader(db);
    const kadhimi = records.filter((record) => record.text.includes('الكاظمي')).map((record) => record.id).sort();
    expect(kadhimi.length).toBeGreaterThan(0);
    const byYa = await reader.articles({ terms: queryTerms('الكاظمى'), limit: 20 });
    expect(byYa.items.map((item) => item.id).sort()).toEqual(kadhimi);
    const asad = records.filter((record) => record.text.includes('عين الأسد')).map((record) => record.id);
    expect(asad.length).toBeGreaterThan(0);
    const byAlef = await reader.articles({ terms: queryTerms('عين الاسد'), limit: 20 });
    expect(byAlef.items.map((item) => item.id)).toEqual(expect.arrayContaining(asad));
    const border = records.filter((record) => /الحدودية/.test(record.text)).map((record) => record.id);
    expect(border.length).toBeGreaterThan(0);
    const byTa = await reader.articles({ terms: queryTerms('الحدوديه'), limit: 20 });
    expect(byTa.items.map((item) => item.id)).toEqual(expect.arrayContaining(border));
    expect((await reader.articles({ terms: queryTerms('البطاطس'), limit: 20 })).items).toEqual([]);
  });

  it('finds an entity by a name spelled another way (pg_trgm) and gives its variants and timeline', async () => {
    const reader = pgRecordReader(db);
    const mention = records.flatMap((record) => record.entities ?? []).find((entity) => entity.canonical.includes('الكاظمي'));
    expect(mention).toBeDefined();
    const found = await reader.entitiesByName(nameKey('الكاظمى'), 10);
    expect(found.map((entity) => entity.id)).toContain(mention?.entityId);
    const detail = await reader.entity(mention?.entityId as string, {});
    expect(detail?.variants.length).toBeGreaterThan(0);
    const mentions = records.flatMap((record) => record.entities ?? []).filter((entity) => entity.entityId === mention?.entityId).length;
    expect(detail?.timeline.reduce((sum, day) => sum + day.mentions, 0)).toBe(mentions);
  });

  it('pages articles with a cursor: every article once, newest first', async () => {
    const reader = pgRecordReader(db);
    const seen: string[] = [];
    let cursor;
    for (let page = 0; page < 10; page++) {
      const result = await reader.articles({ limit: 2, cursor });
      seen.push(...result.items.map((item) => item.id));
      if (!result.next) break;
      cursor = result.next;
    }
    expect(seen.sort()).toEqual(records.map((record) => record.id).sort());
  });

  it('lists claims by speaker', async () => {
    const claim = records.flatMap((record) => (record.claims ?? []).map((c, idx) => ({ id: record.id, idx, speaker: c.speaker?.entityId }))).find((c) => c.speaker);
    expect(claim).toBeDefined();
    const page = await pgRecordReader(db).claims({ speaker: claim?.speaker as string, limit: 50 });
    expect(page.items.map((item) => `${item.articleId}:${item.claim}`)).toContain(`${claim?.id}:${claim?.idx}`);
    expect(page.items.every((item) => item.speaker?.entityId === claim?.speaker)).toBe(true);
  });
});
