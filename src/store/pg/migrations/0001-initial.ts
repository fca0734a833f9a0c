import { sql, type Kysely } from 'kysely';

/**
 * The first schema: articles with their record and search column, entities and their variants,
 * mentions, claims, quantities, dedup and claim links, stories and membership.
 *
 * Indexes follow the read API's queries (src/store/pg/reader.ts), each newest first with the id as
 * tie-breaker, so a page is an index range scan from the cursor:
 * - articles by time / by outlet: articles_at, articles_source_at;
 * - articles by entity and an entity's timeline per day: mentions_entity_at;
 * - claims by speaker: claims_speaker_at;
 * - text search: articles_search (GIN); names: entity_variants_key_trgm (pg_trgm);
 * - a story's articles and links: story_members_story, article_links_other, claim_links_other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await articlesAndEntities(db);
  await claimsAndLinks(db);
  await stories(db);
}

async function articlesAndEntities(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`
    create table articles (
      id text primary key,
      source text,
      source_file text,
      url text,
      title text,
      published_at timestamptz,
      ingested_at timestamptz not null,
      at timestamptz not null,
      language text,
      text text not null,
      record jsonb not null,
      search tsvector not null,
      written_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index articles_at on articles (at desc, id desc)`.execute(db);
  await sql`create index articles_source_at on articles (source, at desc, id desc)`.execute(db);
  await sql`create index articles_search on articles using gin (search)`.execute(db);

  await sql`
    create table entities (
      id text primary key,
      type text not null,
      canonical text not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table entity_variants (
      entity_id text not null references entities (id) on delete cascade,
      variant text not null,
      key text not null,
      primary key (entity_id, variant)
    )`.execute(db);
  await sql`create index entity_variants_key_trgm on entity_variants using gin (key gin_trgm_ops)`.execute(db);

  await sql`
    create table mentions (
      article_id text not null references articles (id) on delete cascade,
      idx integer not null,
      entity_id text not null references entities (id),
      start integer not null,
      "end" integer not null,
      text text not null,
      confidence real not null,
      at timestamptz not null,
      primary key (article_id, idx)
    )`.execute(db);
  await sql`create index mentions_entity_at on mentions (entity_id, at desc, article_id desc)`.execute(db);
}

async function claimsAndLinks(db: Kysely<unknown>): Promise<void> {

  await sql`
    create table claims (
      article_id text not null references articles (id) on delete cascade,
      idx integer not null,
      kind text not null,
      start integer not null,
      "end" integer not null,
      text text not null,
      cue text,
      cue_start integer,
      cue_end integer,
      speaker_entity_id text,
      speaker_text text,
      speaker_anonymous boolean,
      content_start integer,
      content_end integer,
      content_text text,
      quote text,
      checkworthiness real not null,
      at timestamptz not null,
      primary key (article_id, idx)
    )`.execute(db);
  await sql`create index claims_speaker_at on claims (speaker_entity_id, at desc, article_id desc, idx) where speaker_entity_id is not null`.execute(db);

  await sql`
    create table quantities (
      article_id text not null,
      claim_idx integer not null,
      idx integer not null,
      kind text,
      value double precision not null,
      value_max double precision,
      approx boolean not null,
      unit text,
      counted text,
      start integer not null,
      "end" integer not null,
      text text not null,
      primary key (article_id, claim_idx, idx),
      foreign key (article_id, claim_idx) references claims (article_id, idx) on delete cascade
    )`.execute(db);

  await sql`
    create table article_links (
      article_id text not null references articles (id) on delete cascade,
      idx integer not null,
      other_id text not null,
      kind text not null,
      similarity real not null,
      start integer,
      "end" integer,
      other_start integer,
      other_end integer,
      primary key (article_id, idx)
    )`.execute(db);
  await sql`create index article_links_other on article_links (other_id)`.execute(db);

  await sql`
    create table claim_links (
      article_id text not null references articles (id) on delete cascade,
      idx integer not null,
      claim_idx integer not null,
      other_id text not null,
      other_claim integer not null,
      relation text not null,
      similarity real not null,
      primary key (article_id, idx)
    )`.execute(db);
  await sql`create index claim_links_other on claim_links (other_id, other_claim)`.execute(db);
}

async function stories(db: Kysely<unknown>): Promise<void> {

  await sql`
    create table stories (
      id text primary key,
      merged_into text,
      articles integer not null default 0,
      first_seen timestamptz,
      last_seen timestamptz,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index stories_last_seen on stories (last_seen desc, id desc) where merged_into is null`.execute(db);
  await sql`
    create table story_members (
      article_id text primary key references articles (id) on delete cascade,
      story_id text not null references stories (id),
      reason text not null
    )`.execute(db);
  await sql`create index story_members_story on story_members (story_id, article_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['story_members', 'stories', 'claim_links', 'article_links', 'quantities', 'claims', 'mentions', 'entity_variants', 'entities', 'articles']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
