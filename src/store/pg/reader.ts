import { sql, type RawBuilder } from 'kysely';
import { EnrichedRecordSchema, type EnrichedRecord } from '../../schema/record.js';
import { EntityTypeSchema } from '../../schema/entities.js';
import type { ArticleSummary, EntityDetail, EntitySummary, StorySummary } from '../../schema/api.js';
import type { ArticleFilter, Page, RecordReader, SearchCursor, TimeCursor } from '../record-reader.js';
import type { Db } from './db.js';
import { tsqueryLiteral } from './tsvector.js';
import { pgClaims, pgStory } from './reader-claims.js';
import { pgConflicts, pgEntityRanking, pgStoryFile, pgStoryRows } from './reader-pages.js';
import { articleSummary, iso, type ArticleRow } from './summaries.js';

/** Days over which recency's share of a search score halves, roughly (exp decay, 30-day scale). */
const RECENCY_DAYS = 30;
/** How many of the newest matches a text search ranks (src/store/pg/README.md: Search). */
export const SEARCH_CANDIDATES = 2_000;

function and(parts: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/** Filters every article query shares: entity (through its mentions), outlet, time range. */
function articleFilters(filter: ArticleFilter): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (filter.entity) parts.push(sql`a.id in (select m.article_id from mentions m where m.entity_id = ${filter.entity})`);
  if (filter.outlet) parts.push(sql`a.source = ${filter.outlet}`);
  if (filter.from) parts.push(sql`a.at >= ${filter.from}::timestamptz`);
  if (filter.to) parts.push(sql`a.at < ${filter.to}::timestamptz`);
  return parts;
}

async function searchArticles(db: Db, filter: ArticleFilter & { terms: string[][] }): Promise<Page<ArticleSummary, SearchCursor>> {
  const cursor = filter.cursor && 'score' in filter.cursor ? filter.cursor : null;
  const ref = cursor?.ref ?? new Date().toISOString();
  const query = sql`${tsqueryLiteral(filter.terms)}::tsquery`;
  // Match: ts_rank normalised to 0-1 (rank / (rank + 1)); recency: 0.5 for an article of `ref`, halving about every three weeks.
  const score = sql`(ts_rank(a.search, ${query}, 32) + 0.5 * exp(-greatest(0, extract(epoch from (${ref}::timestamptz - a.at))) / ${RECENCY_DAYS * 86_400}))`;
  const parts = [sql`a.search @@ ${query}`, ...articleFilters(filter)];
  const page = cursor ? [sql`(${score} < ${cursor.score}::float8 or (${score} = ${cursor.score}::float8 and a.id < ${cursor.id}))`] : [];
  // Only the most recent matches are ranked: a word in a third of 100k articles cost 0.3-0.7 s to
  // score them all; the newest SEARCH_CANDIDATES hold the best-scored ones unless an old article
  // matches far better than every recent one. The matches are found through the GIN index first
  // (materialized): walking the time index backwards instead, as the planner chose for some words,
  // read every article for a rare one (p95 400 ms at 100k).
  const { rows } = await sql<ArticleRow & { score: number }>`
    with matches as materialized (
      select a.id, a.at from articles a where ${and(parts)}
    ), candidates as (
      select id from matches order by at desc, id desc limit ${SEARCH_CANDIDATES}
    )
    , best as (
      select a.id, a.source, a.url, a.title, a.published_at, a.at, ${score} as score
      from candidates c join articles a on a.id = c.id
      where ${and(page)}
      order by score desc, a.id desc
      limit ${filter.limit + 1}
    )
    select b.*, sm.story_id from best b left join story_members sm on sm.article_id = b.id
    order by b.score desc, b.id desc`.execute(db);
  const items = rows.slice(0, filter.limit);
  const last = rows.length > filter.limit ? items[items.length - 1] : undefined;
  return { items: items.map(articleSummary), next: last ? { score: Number(last.score), id: last.id, ref } : null };
}

/**
 * Articles that mention an entity, newest first, by walking its mentions through mentions_entity_at
 * (a mention's `at` is its article's, so an article's mentions are adjacent in that order): the first
 * `take` mentions hold the newest articles, taken 4 times as many again until a page is full or the
 * mentions run out. Asked as a semi-join on articles, the planner walked articles_at backwards for
 * an entity of middling frequency, testing each article (170 ms for 200 articles at 100k stored).
 */
async function articlesByEntity(db: Db, filter: ArticleFilter & { entity: string }): Promise<Page<ArticleSummary, TimeCursor>> {
  const parts = [sql`m.entity_id = ${filter.entity}`];
  if (filter.from) parts.push(sql`m.at >= ${filter.from}::timestamptz`);
  if (filter.to) parts.push(sql`m.at < ${filter.to}::timestamptz`);
  const cursor = filter.cursor && 'at' in filter.cursor ? filter.cursor : null;
  if (cursor) parts.push(sql`(m.at, m.article_id) < (${cursor.at}::timestamptz, ${cursor.id})`);
  const outlet = filter.outlet ? sql`a.source = ${filter.outlet}` : sql`true`;
  for (let take = (filter.limit + 1) * 4; ; take *= 4) {
    const { rows } = await sql<ArticleRow>`
      with walked as materialized (
        select m.article_id from mentions m where ${and(parts)} order by m.at desc, m.article_id desc limit ${take}
      )
      select a.id, a.source, a.url, a.title, a.published_at, a.at, sm.story_id
      from (select distinct article_id from walked) w join articles a on a.id = w.article_id
      left join story_members sm on sm.article_id = a.id
      where ${outlet}
      order by a.at desc, a.id desc
      limit ${filter.limit + 1}`.execute(db);
    const full = rows.length > filter.limit;
    if (!full) {
      const { rows: walked } = await sql<{ n: number }>`select count(*)::int as n from (select 1 from mentions m where ${and(parts)} limit ${take}) x`.execute(db);
      if ((walked[0]?.n ?? 0) >= take) continue; // more mentions past this walk: walk further
    }
    const items = rows.slice(0, filter.limit);
    const last = full ? items[items.length - 1] : undefined;
    return { items: items.map(articleSummary), next: last ? { at: iso(last.at) as string, id: last.id } : null };
  }
}

async function listArticles(db: Db, filter: ArticleFilter): Promise<Page<ArticleSummary, TimeCursor | SearchCursor>> {
  if (filter.terms && filter.terms.length > 0) return searchArticles(db, { ...filter, terms: filter.terms });
  if (filter.entity) return articlesByEntity(db, { ...filter, entity: filter.entity });
  const parts = articleFilters(filter);
  const cursor = filter.cursor && 'at' in filter.cursor ? filter.cursor : null;
  if (cursor) parts.push(sql`(a.at, a.id) < (${cursor.at}::timestamptz, ${cursor.id})`);
  const { rows } = await sql<ArticleRow>`
    select a.id, a.source, a.url, a.title, a.published_at, a.at, sm.story_id
    from articles a left join story_members sm on sm.article_id = a.id
    where ${and(parts)}
    order by a.at desc, a.id desc
    limit ${filter.limit + 1}`.execute(db);
  const items = rows.slice(0, filter.limit);
  const last = rows.length > filter.limit ? items[items.length - 1] : undefined;
  return { items: items.map(articleSummary), next: last ? { at: iso(last.at) as string, id: last.id } : null };
}

async function entityDetail(db: Db, id: string, range: { from?: string; to?: string }): Promise<EntityDetail | null> {
  const entity = await db.selectFrom('entities').select(['id', 'type', 'canonical']).where('id', '=', id).executeTakeFirst();
  if (!entity) return null;
  const variants = await db.selectFrom('entity_variants').select('variant').where('entity_id', '=', id).orderBy('variant').execute();
  // Whole UTC days: from's day on, to's day excluded (the timeline is kept per day, entity_days).
  const parts = [sql`entity_id = ${id}`, sql`mentions > 0`];
  if (range.from) parts.push(sql`day >= (${range.from}::timestamptz at time zone 'UTC')::date`);
  if (range.to) parts.push(sql`day < (${range.to}::timestamptz at time zone 'UTC')::date`);
  const { rows } = await sql<{ day: string; mentions: number; articles: number }>`
    select to_char(day, 'YYYY-MM-DD') as day, mentions, articles from entity_days where ${and(parts)} order by day`.execute(db);
  return { id: entity.id, type: EntityTypeSchema.catch('MISC').parse(entity.type), canonical: entity.canonical, variants: variants.map((row) => row.variant), timeline: rows };
}

async function entitiesByName(db: Db, key: string, limit: number): Promise<EntitySummary[]> {
  const pattern = `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await sql<{ id: string; type: string; canonical: string; similarity: number }>`
    select e.id, e.type, e.canonical, max(similarity(v.key, ${key}))::float8 as similarity
    from entity_variants v join entities e on e.id = v.entity_id
    where v.key % ${key} or v.key like ${pattern}
    group by e.id, e.type, e.canonical
    order by similarity desc, e.id
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ id: row.id, type: EntityTypeSchema.catch('MISC').parse(row.type), canonical: row.canonical, similarity: Number(row.similarity) }));
}

async function listStories(db: Db, filter: { limit: number; cursor?: TimeCursor }): Promise<Page<StorySummary, TimeCursor>> {
  const parts = [sql`s.merged_into is null`, sql`s.articles > 0`];
  if (filter.cursor) parts.push(sql`(s.last_seen, s.id) < (${filter.cursor.at}::timestamptz, ${filter.cursor.id})`);
  const { rows } = await sql<{ id: string; articles: number; first_seen: Date | null; last_seen: Date; headline: string | null }>`
    select s.id, s.articles, s.first_seen, s.last_seen,
      (select a.title from story_members m join articles a on a.id = m.article_id where m.story_id = s.id and a.title is not null order by a.at, a.id limit 1) as headline
    from stories s where ${and(parts)}
    order by s.last_seen desc, s.id desc limit ${filter.limit + 1}`.execute(db);
  const items = rows.slice(0, filter.limit);
  const last = rows.length > filter.limit ? items[items.length - 1] : undefined;
  return {
    items: items.map((row) => ({ id: row.id, articles: row.articles, firstSeen: iso(row.first_seen), lastSeen: iso(row.last_seen), headline: row.headline })),
    next: last ? { at: iso(last.last_seen) as string, id: last.id } : null,
  };
}

/** The read API's queries on PostgreSQL; each is one indexed query (see the migration's index list). */
export function pgRecordReader(db: Db, options: { owned?: boolean } = {}): RecordReader {
  return {
    backend: 'postgres',
    articles: (filter) => listArticles(db, filter),
    async article(id: string): Promise<EnrichedRecord | null> {
      const row = await db.selectFrom('articles').select('record').where('id', '=', id).executeTakeFirst();
      return row ? EnrichedRecordSchema.parse(row.record) : null;
    },
    entity: (id, range) => entityDetail(db, id, range),
    entitiesByName: (key, limit) => entitiesByName(db, key, limit),
    claims: (filter) => pgClaims(db, filter),
    stories: (filter) => listStories(db, filter),
    story: (id) => pgStory(db, id),
    entityRanking: (filter) => pgEntityRanking(db, filter),
    conflicts: (filter) => pgConflicts(db, filter),
    storyRows: (limit) => pgStoryRows(db, limit),
    storyFile: (id) => pgStoryFile(db, id),
    async recentlyWritten(limit) {
      const { rows } = await sql<ArticleRow>`
        select a.id, a.source, a.url, a.title, a.published_at, a.at, sm.story_id
        from articles a left join story_members sm on sm.article_id = a.id
        order by a.written_at desc, a.id desc limit ${limit}`.execute(db);
      return rows.map(articleSummary);
    },
    async count() {
      const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async close() {
      if (options.owned) await db.destroy();
    },
  };
}
