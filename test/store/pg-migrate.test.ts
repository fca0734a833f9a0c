import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest, openDb, type Db } from '../../src/store/pg/db.js';
import { useTestPostgres } from '../helpers/postgres.js';

const postgres = useTestPostgres();
const opened: Db[] = [];
afterAll(async () => {
  await Promise.all(opened.map((db) => db.destroy()));
});
function db(): Db {
  const made = openDb(postgres().url, { max: 2 });
  opened.push(made);
  return made;
}

describe('PostgreSQL migrations', () => {
  it('five processes migrating at once apply the schema once, and a later start finds nothing to do', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => migrateToLatest(db())));
    const applied = results.flatMap((result) => result.applied);
    expect(applied).toEqual(['0001-initial', '0002-entity-days', '0003-dashboard-pages']);
    const again = await migrateToLatest(db());
    expect(again.applied).toEqual([]);
    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(db());
    expect(tables.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['articles', 'entities', 'entity_variants', 'mentions', 'claims', 'quantities', 'article_links', 'claim_links', 'stories', 'story_members']));
    const trgm = await sql<{ extname: string }>`select extname from pg_extension where extname = 'pg_trgm'`.execute(db());
    expect(trgm.rows).toHaveLength(1);
  });
});
