import { sql, type Kysely } from 'kysely';

/**
 * What the dashboard's news pages on PostgreSQL need (src/store/pg/reader-pages.ts):
 * - entity_totals: each entity's mentions and articles over all days, kept by the writer beside
 *   entity_days (src/store/pg/save.ts). The entities index ranks every entity: summed from
 *   entity_days it took 320-450 ms at 100k articles; from this table it is an index scan.
 * - the overview lists the articles most recently written: articles_written_at;
 * - the conflicts list reads every `conflicts` claim link, a small share of claim_links (most are
 *   corroborations): a partial index keeps it from reading the rest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table entity_totals (
      entity_id text primary key,
      mentions integer not null,
      articles integer not null
    )`.execute(db);
  await sql`
    insert into entity_totals (entity_id, mentions, articles)
    select entity_id, sum(mentions), sum(articles) from entity_days group by entity_id`.execute(db);
  await sql`create index entity_totals_rank on entity_totals (articles desc, mentions desc, entity_id)`.execute(db);
  await sql`create index claim_links_conflicts on claim_links (article_id) where relation = 'conflicts'`.execute(db);
  await sql`create index articles_written_at on articles (written_at desc, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists articles_written_at`.execute(db);
  await sql`drop index if exists claim_links_conflicts`.execute(db);
  await sql`drop table if exists entity_totals`.execute(db);
}
