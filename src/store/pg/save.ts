import { sql, type Transaction } from 'kysely';
import type { EnrichedRecord } from '../../schema/record.js';
import type { Db } from './db.js';
import { recordRows, type RecordRows } from './rows.js';
import type { Database } from './tables.js';

type Tx = Transaction<Database>;

/** Rows a multi-row insert takes at once (PostgreSQL allows 65,535 parameters a statement). */
const CHUNK = 1_000;
/** Deadlock (40P01) and serialization failure (40001): the transaction is safe to run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 5;

async function insertChunks<T extends keyof Database>(tx: Tx, table: T, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // The rows were typed against the table in rows.ts; Kysely's generic insert cannot see through T.
    await tx.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

/** The story an id ends in after merges (a merge may have happened before this article's write). */
async function finalStory(tx: Tx, storyId: string): Promise<string> {
  let current = storyId;
  for (let hop = 0; hop < 50; hop++) {
    const row = await tx.selectFrom('stories').select('merged_into').where('id', '=', current).executeTakeFirst();
    if (!row?.merged_into) return current;
    current = row.merged_into;
  }
  return current;
}

/** Counts and first/last seen from the members, so a retry or a merge leaves the same numbers. */
async function refreshStories(tx: Tx, ids: readonly string[]): Promise<void> {
  for (const id of [...new Set(ids)].sort()) {
    await sql`
      update stories set
        articles = counts.n, first_seen = counts.first_seen, last_seen = counts.last_seen, updated_at = now()
      from (
        select count(*)::int as n, min(a.at) as first_seen, max(a.at) as last_seen
        from story_members m join articles a on a.id = m.article_id where m.story_id = ${id}
      ) counts
      where stories.id = ${id}`.execute(tx);
  }
}

async function saveStory(tx: Tx, rows: RecordRows): Promise<void> {
  const touched: string[] = [];
  for (const merge of rows.mergedStories) {
    await tx.insertInto('stories').values([{ id: merge.mergedInto, merged_into: null, articles: 0 }]).onConflict((oc) => oc.column('id').doNothing()).execute();
    await tx.insertInto('stories').values({ id: merge.storyId, merged_into: merge.mergedInto, articles: 0 })
      .onConflict((oc) => oc.column('id').doUpdateSet({ merged_into: merge.mergedInto })).execute();
    await tx.updateTable('story_members').set({ story_id: merge.mergedInto }).where('story_id', '=', merge.storyId).execute();
    touched.push(merge.storyId, merge.mergedInto);
  }
  const previous = await tx.selectFrom('story_members').select('story_id').where('article_id', '=', rows.article.id).executeTakeFirst();
  if (previous) touched.push(previous.story_id);
  if (rows.story) {
    await tx.insertInto('stories').values({ id: rows.story.id, merged_into: null, articles: 0 }).onConflict((oc) => oc.column('id').doNothing()).execute();
    const storyId = await finalStory(tx, rows.story.id);
    await tx.insertInto('story_members').values({ article_id: rows.article.id, story_id: storyId, reason: rows.story.reason })
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ story_id: storyId, reason: rows.story?.reason ?? 'new' })).execute();
    touched.push(storyId);
  }
  await refreshStories(tx, touched);
}

async function saveEntities(tx: Tx, rows: RecordRows): Promise<void> {
  if (rows.entities.length === 0) return;
  // Insert-or-skip first: a hot entity (a country named in every article) is not locked by each
  // writer; only a fuller canonical form than the stored one updates the row.
  await tx.insertInto('entities').values(rows.entities).onConflict((oc) => oc.column('id').doNothing()).execute();
  for (const entity of rows.entities) {
    await tx.updateTable('entities').set({ canonical: entity.canonical, updated_at: sql`now()` })
      .where('id', '=', entity.id).where(sql<boolean>`length(canonical) < ${entity.canonical.length}`).execute();
  }
  for (let i = 0; i < rows.variants.length; i += CHUNK) {
    await tx.insertInto('entity_variants').values(rows.variants.slice(i, i + CHUNK)).onConflict((oc) => oc.columns(['entity_id', 'variant']).doNothing()).execute();
  }
}

/** `entity\u0000day` → mentions, for one article's mentions. */
type DayCounts = Map<string, number>;

function newDayCounts(rows: RecordRows): DayCounts {
  const counts: DayCounts = new Map();
  for (const mention of rows.mentions) {
    const key = `${mention.entity_id}\u0000${new Date(mention.at).toISOString().slice(0, 10)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * The article's change to entity_days: its new counts added, its old ones (read before its mentions
 * were deleted) taken away. Increments, not recounts: two writers of different articles on the same
 * entity and day each add their own, whatever order they commit in. Sorted, for one lock order.
 */
async function updateEntityDays(tx: Tx, old: DayCounts, fresh: DayCounts): Promise<void> {
  const keys = [...new Set([...old.keys(), ...fresh.keys()])].sort();
  const deltas = keys.flatMap((key) => {
    const before = old.get(key) ?? 0;
    const after = fresh.get(key) ?? 0;
    const [entity, day] = key.split('\u0000') as [string, string];
    return before === after ? [] : [{ entity_id: entity, day, mentions: after - before, articles: (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0) }];
  });
  for (let i = 0; i < deltas.length; i += CHUNK) {
    await tx.insertInto('entity_days').values(deltas.slice(i, i + CHUNK)).onConflict((oc) => oc.columns(['entity_id', 'day']).doUpdateSet((eb) => ({
      mentions: sql`entity_days.mentions + ${eb.ref('excluded.mentions')}`,
      articles: sql`entity_days.articles + ${eb.ref('excluded.articles')}`,
    }))).execute();
  }
  // The same deltas summed per entity (an article moved to another day changes no total), after
  // entity_days and sorted by entity: every writer takes these locks in one order too.
  const totals = new Map<string, { mentions: number; articles: number }>();
  for (const delta of deltas) {
    const total = totals.get(delta.entity_id) ?? { mentions: 0, articles: 0 };
    total.mentions += delta.mentions;
    total.articles += delta.articles;
    totals.set(delta.entity_id, total);
  }
  const changed = [...totals].filter(([, total]) => total.mentions !== 0 || total.articles !== 0).map(([entity_id, total]) => ({ entity_id, ...total }));
  for (let i = 0; i < changed.length; i += CHUNK) {
    await tx.insertInto('entity_totals').values(changed.slice(i, i + CHUNK)).onConflict((oc) => oc.column('entity_id').doUpdateSet((eb) => ({
      mentions: sql`entity_totals.mentions + ${eb.ref('excluded.mentions')}`,
      articles: sql`entity_totals.articles + ${eb.ref('excluded.articles')}`,
    }))).execute();
  }
}

async function saveInTransaction(tx: Tx, rows: RecordRows): Promise<void> {
  const { article } = rows;
  // The article row first: it serialises two writes of the same article (a retry racing a stalled job).
  await tx.insertInto('articles').values(article).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
    source: eb.ref('excluded.source'), source_file: eb.ref('excluded.source_file'), url: eb.ref('excluded.url'), title: eb.ref('excluded.title'),
    published_at: eb.ref('excluded.published_at'), ingested_at: eb.ref('excluded.ingested_at'), at: eb.ref('excluded.at'), language: eb.ref('excluded.language'),
    text: eb.ref('excluded.text'), record: eb.ref('excluded.record'), search: eb.ref('excluded.search'), written_at: sql`now()`,
  }))).execute();
  const { rows: oldDays } = await sql<{ entity_id: string; day: string; n: number }>`
    select entity_id, to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n from mentions where article_id = ${article.id} group by 1, 2`.execute(tx);
  // Children are replaced whole: delete and insert in the same transaction, so no row is ever stored twice.
  for (const table of ['quantities', 'claim_links', 'article_links', 'mentions'] as const) await tx.deleteFrom(table).where('article_id', '=', article.id).execute();
  await tx.deleteFrom('claims').where('article_id', '=', article.id).execute();
  await saveEntities(tx, rows);
  await insertChunks(tx, 'mentions', rows.mentions);
  await updateEntityDays(tx, new Map(oldDays.map((row) => [`${row.entity_id}\u0000${row.day}`, row.n])), newDayCounts(rows));
  await insertChunks(tx, 'claims', rows.claims);
  await insertChunks(tx, 'quantities', rows.quantities);
  await insertChunks(tx, 'article_links', rows.articleLinks);
  await insertChunks(tx, 'claim_links', rows.claimLinks);
  await saveStory(tx, rows);
}

/**
 * Stores one record in one transaction: the article (upsert by id), its children replaced, its
 * entities and story. Running it twice, or after a writer was killed mid-way (the transaction then
 * never committed), leaves the same rows. Deadlocks between concurrent writers are retried.
 */
export async function saveRecord(db: Db, record: EnrichedRecord, mergedStories: readonly { storyId: string; mergedInto: string }[] = []): Promise<void> {
  const rows = recordRows(record, mergedStories);
  for (let attempt = 1; ; attempt++) {
    try {
      await db.transaction().execute((tx) => saveInTransaction(tx, rows));
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}
