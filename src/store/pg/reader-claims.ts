import { sql } from 'kysely';
import type { ClaimItem, ClaimPair, StoryDetail } from '../../schema/api.js';
import type { ClaimCursor, Page } from '../record-reader.js';
import type { Db } from './db.js';
import { articleSummary, iso } from './summaries.js';

/** Claim pairs a story detail lists at most (each member's record lists its own in full). */
const MAX_PAIRS = 500;

interface ClaimRow {
  article_id: string;
  idx: number;
  kind: string;
  start: number;
  end: number;
  text: string;
  at: Date;
  source: string | null;
  title: string | null;
  cue: string | null;
  speaker_entity_id: string | null;
  speaker_text: string | null;
  content_start: number | null;
  content_end: number | null;
  content_text: string | null;
}

/** Claims by one speaker entity, newest first, with their quantities. */
export async function pgClaims(db: Db, filter: { speaker: string; from?: string; to?: string; limit: number; cursor?: ClaimCursor }): Promise<Page<ClaimItem, ClaimCursor>> {
  const parts = [sql`c.speaker_entity_id = ${filter.speaker}`];
  if (filter.from) parts.push(sql`c.at >= ${filter.from}::timestamptz`);
  if (filter.to) parts.push(sql`c.at < ${filter.to}::timestamptz`);
  const cursor = filter.cursor;
  if (cursor) {
    parts.push(sql`(c.at < ${cursor.at}::timestamptz or (c.at = ${cursor.at}::timestamptz and (c.article_id < ${cursor.id} or (c.article_id = ${cursor.id} and c.idx > ${cursor.claim}))))`);
  }
  const { rows } = await sql<ClaimRow>`
    select c.article_id, c.idx, c.kind, c.start, c."end", c.text, c.at, a.source, a.title, c.cue,
      c.speaker_entity_id, c.speaker_text, c.content_start, c.content_end, c.content_text
    from claims c join articles a on a.id = c.article_id
    where ${sql.join(parts, sql` and `)}
    order by c.at desc, c.article_id desc, c.idx
    limit ${filter.limit + 1}`.execute(db);
  const page = rows.slice(0, filter.limit);
  const quantities = page.length === 0 ? [] : await db.selectFrom('quantities').selectAll()
    .where(sql<boolean>`(article_id, claim_idx) in (${sql.join(page.map((row) => sql`(${row.article_id}, ${row.idx})`))})`)
    .orderBy('article_id').orderBy('claim_idx').orderBy('idx').execute();
  const items = page.map((row): ClaimItem => ({
    articleId: row.article_id, claim: row.idx, kind: row.kind, start: row.start, end: row.end, text: row.text, at: iso(row.at) as string,
    source: row.source, title: row.title, cue: row.cue,
    speaker: { entityId: row.speaker_entity_id, text: row.speaker_text },
    content: row.content_start !== null && row.content_end !== null && row.content_text !== null ? { start: row.content_start, end: row.content_end, text: row.content_text } : null,
    quantities: quantities.filter((q) => q.article_id === row.article_id && q.claim_idx === row.idx).map((q) => ({
      start: q.start, end: q.end, text: q.text, kind: q.kind, value: q.value, valueMax: q.value_max, approx: q.approx, unit: q.unit, counted: q.counted,
    })),
  }));
  const last = rows.length > filter.limit ? page[page.length - 1] : undefined;
  return { items, next: last ? { at: iso(last.at) as string, id: last.article_id, claim: last.idx } : null };
}

/** A story with its members and the claim links between them (corroborations and conflicts). */
export async function pgStory(db: Db, id: string): Promise<StoryDetail | null> {
  const story = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!story) return null;
  const { rows: members } = await sql<{ id: string; source: string | null; url: string | null; title: string | null; published_at: Date | null; at: Date; story_id: string }>`
    select a.id, a.source, a.url, a.title, a.published_at, a.at, m.story_id
    from story_members m join articles a on a.id = m.article_id where m.story_id = ${id} order by a.at, a.id`.execute(db);
  const { rows: pairs } = await sql<{ relation: 'corroborates' | 'conflicts'; similarity: number; a_id: string; a_claim: number; a_text: string | null; a_source: string | null; b_id: string; b_claim: number; b_text: string | null; b_source: string | null }>`
    select l.relation, l.similarity, l.article_id as a_id, l.claim_idx as a_claim, ca.text as a_text, aa.source as a_source,
      l.other_id as b_id, l.other_claim as b_claim, cb.text as b_text, ab.source as b_source
    from story_members m
    join claim_links l on l.article_id = m.article_id
    join claims ca on ca.article_id = l.article_id and ca.idx = l.claim_idx
    join articles aa on aa.id = l.article_id
    left join claims cb on cb.article_id = l.other_id and cb.idx = l.other_claim
    left join articles ab on ab.id = l.other_id
    where m.story_id = ${id}
    order by l.relation, l.article_id, l.claim_idx, l.other_id, l.other_claim
    limit ${MAX_PAIRS}`.execute(db);
  const pair = (row: (typeof pairs)[number]): ClaimPair => ({
    relation: row.relation, similarity: Number(row.similarity),
    a: { articleId: row.a_id, claim: row.a_claim, text: row.a_text, source: row.a_source },
    b: { articleId: row.b_id, claim: row.b_claim, text: row.b_text, source: row.b_source },
  });
  const headline = members.find((member) => member.title !== null)?.title ?? null;
  return {
    id: story.id, articles: story.articles, firstSeen: iso(story.first_seen), lastSeen: iso(story.last_seen), headline, mergedInto: story.merged_into,
    members: members.map(articleSummary),
    corroborations: pairs.filter((row) => row.relation === 'corroborates').map(pair),
    conflicts: pairs.filter((row) => row.relation === 'conflicts').map(pair),
  };
}
