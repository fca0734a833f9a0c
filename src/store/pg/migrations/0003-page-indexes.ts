import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the dashboard's news pages on PostgreSQL (src/store/pg/reader-pages.ts):
 * - the conflicts list reads every `conflicts` claim link, a small share of claim_links (most are
 *   corroborations): a partial index keeps it from reading the rest;
 * - a story's links are found from its members' article links (article_links' primary key starts
 *   with article_id; nothing to add).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index claim_links_conflicts on claim_links (article_id) where relation = 'conflicts'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists claim_links_conflicts`.execute(db);
}
