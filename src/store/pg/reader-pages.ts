import { sql } from 'kysely';
import { EntityTypeSchema, type EntityType } from '../../schema/entities.js';
import type { Story } from '../../schema/story.js';
import { countedKey } from '../../nlp/dedup/claims.js';
import type { ConflictEnd, ConflictFilter, ConflictItem, ConflictQuantity, EntityRank, StoryRow } from '../record-reader.js';
import type { Db } from './db.js';
import { iso } from './summaries.js';

/**
 * The queries behind the dashboard's news pages on PostgreSQL (src/dashboard/store-pages.ts): the
 * entities index, the conflicts list and a record's conflicts, the stories list and a story in the
 * shape of a story file. Each reads indexed rows; none reads a record's JSON.
 */

/** Conflict links a list looks through at most (newest found first): the folder's bound too. */
export const CONFLICT_ROWS = 5_000;
/** What a story file lists at most: links (`maxStoryLinks`), quotes a group, key entities. */
const STORY_LINKS = 256;
const STORY_QUOTES = 32;
const KEY_ENTITIES = 8;
const VARIANTS = 20;

const entityType = (type: string): EntityType => EntityTypeSchema.catch('MISC').parse(type);

/** The most-named entities by articles (entity_totals, kept by the writer), or those of `ids`. */
export async function pgEntityRanking(db: Db, filter: { type?: EntityType; ids?: readonly string[]; limit: number }): Promise<EntityRank[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  const where = [sql`t.articles > 0`];
  if (filter.type) where.push(sql`e.type = ${filter.type}`);
  if (filter.ids) where.push(sql`t.entity_id in (${sql.join(filter.ids.map((id) => sql`${id}`))})`);
  // Walks entity_totals_rank from the top until `limit` rows match.
  const { rows } = await sql<{ id: string; type: string; canonical: string; mentions: number; articles: number; variants: string[] }>`
    select e.id, e.type, e.canonical, t.mentions, t.articles,
      array(select v.variant from entity_variants v where v.entity_id = e.id order by v.variant limit ${VARIANTS}) as variants
    from entity_totals t join entities e on e.id = t.entity_id
    where ${sql.join(where, sql` and `)}
    order by t.articles desc, t.mentions desc, t.entity_id
    limit ${filter.limit}`.execute(db);
  return rows.map((row) => ({ id: row.id, type: entityType(row.type), canonical: row.canonical, variants: row.variants, mentions: Number(row.mentions), articles: Number(row.articles) }));
}

interface ConflictRow {
  article_id: string;
  claim_idx: number;
  other_id: string;
  other_claim: number;
  similarity: number;
  written_at: Date;
  f_title: string | null;
  f_source: string | null;
  f_file: string | null;
  f_published: Date | null;
  f_story: string | null;
  f_text: string | null;
  o_stored: boolean;
  o_title: string | null;
  o_source: string | null;
  o_file: string | null;
  o_published: Date | null;
  o_story: string | null;
  o_text: string | null;
}

/** Quantities of the given claims, by `articleId:claim`. */
async function claimQuantities(db: Db, claims: readonly { articleId: string; claim: number }[]): Promise<Map<string, ConflictQuantity[]>> {
  const out = new Map<string, ConflictQuantity[]>();
  if (claims.length === 0) return out;
  const rows = await db.selectFrom('quantities').select(['article_id', 'claim_idx', 'text', 'value', 'value_max', 'approx', 'counted', 'unit'])
    .where(sql<boolean>`(article_id, claim_idx) in (${sql.join(claims.map((c) => sql`(${c.articleId}, ${c.claim})`))})`)
    .orderBy('article_id').orderBy('claim_idx').orderBy('idx').execute();
  for (const row of rows) {
    const key = `${row.article_id}:${row.claim_idx}`;
    out.set(key, [...(out.get(key) ?? []), { text: row.text, value: row.value, valueMax: row.value_max, approx: row.approx, counted: row.counted, unit: row.unit }]);
  }
  return out;
}

/**
 * `conflicts` claim links, newest found first, each pair of claims once (both records hold the link
 * when an article was processed again against an index that already held the other). With
 * `article`, the links on either side of it (claim_links' key and its `other` index); else every
 * link through the partial index of migration 0003, the newest CONFLICT_ROWS.
 */
export async function pgConflicts(db: Db, filter: ConflictFilter): Promise<{ items: ConflictItem[]; total: number }> {
  const where = filter.article
    ? sql`l.relation = 'conflicts' and (l.article_id = ${filter.article} or l.other_id = ${filter.article})`
    : sql`l.relation = 'conflicts'`;
  const { rows } = await sql<ConflictRow>`
    select l.article_id, l.claim_idx, l.other_id, l.other_claim, l.similarity, fa.written_at,
      fa.title as f_title, fa.source as f_source, fa.source_file as f_file, fa.published_at as f_published, fm.story_id as f_story, fc.text as f_text,
      oa.id is not null as o_stored, oa.title as o_title, oa.source as o_source, oa.source_file as o_file, oa.published_at as o_published, om.story_id as o_story, oc.text as o_text
    from claim_links l
    join articles fa on fa.id = l.article_id
    left join story_members fm on fm.article_id = l.article_id
    left join claims fc on fc.article_id = l.article_id and fc.idx = l.claim_idx
    left join articles oa on oa.id = l.other_id
    left join story_members om on om.article_id = l.other_id
    left join claims oc on oc.article_id = l.other_id and oc.idx = l.other_claim
    where ${where}
    order by fa.written_at desc, l.article_id, l.claim_idx, l.other_id, l.other_claim
    limit ${CONFLICT_ROWS}`.execute(db);
  const seen = new Set<string>();
  const once = rows.filter((row) => {
    const key = [`${row.article_id}:${row.claim_idx}`, `${row.other_id}:${row.other_claim}`].sort().join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const shown = once.slice(0, filter.limit);
  const quantities = await claimQuantities(db, shown.flatMap((row) => [{ articleId: row.article_id, claim: row.claim_idx }, { articleId: row.other_id, claim: row.other_claim }]));
  const end = (articleId: string, claim: number, stored: boolean, row: { title: string | null; source: string | null; file: string | null; published: Date | null; story: string | null; text: string | null }): ConflictEnd => ({
    articleId, stored, claim, title: row.title, source: row.source, file: row.file, publishedAt: iso(row.published), storyId: row.story, text: row.text,
    quantities: quantities.get(`${articleId}:${claim}`) ?? [],
  });
  const items = shown.map((row): ConflictItem => ({
    found: { ...end(row.article_id, row.claim_idx, true, { title: row.f_title, source: row.f_source, file: row.f_file, published: row.f_published, story: row.f_story, text: row.f_text }), writtenAt: iso(row.written_at) as string },
    other: end(row.other_id, row.other_claim, row.o_stored, { title: row.o_title, source: row.o_source, file: row.o_file, published: row.o_published, story: row.o_story, text: row.o_text }),
    similarity: Number(row.similarity),
  }));
  return { items, total: once.length };
}

/** Stories most recently active first, with their outlets (in the order they first ran it) and conflicts. */
export async function pgStoryRows(db: Db, limit: number): Promise<StoryRow[]> {
  const { rows } = await sql<{ id: string; articles: number; first_seen: Date | null; last_seen: Date | null; headline: string | null; sources: string[]; conflicts: number }>`
    select s.id, s.articles, s.first_seen, s.last_seen,
      (select a.title from story_members m join articles a on a.id = m.article_id where m.story_id = s.id and a.title is not null order by a.at, a.id limit 1) as headline,
      array(select a.source from story_members m join articles a on a.id = m.article_id where m.story_id = s.id and a.source is not null group by a.source order by min(a.at), a.source) as sources,
      (select count(*) from story_members m join claim_links l on l.article_id = m.article_id and l.relation = 'conflicts' where m.story_id = s.id)::int as conflicts
    from stories s where s.merged_into is null and s.articles > 0
    order by s.last_seen desc nulls last, s.id desc limit ${limit}`.execute(db);
  return rows.map((row) => ({ id: row.id, headline: row.headline, articles: row.articles, sources: row.sources, firstSeen: iso(row.first_seen), lastSeen: iso(row.last_seen), conflicts: Number(row.conflicts) }));
}

/** Groups of claims joined by `corroborates` links (a union of pairs). */
function corroborationGroups(pairs: readonly { a: string; b: string }[]): string[][] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(key, root);
    return root;
  };
  for (const { a, b } of pairs) {
    const [ra, rb] = [find(a), find(b)];
    if (!parent.has(ra)) parent.set(ra, ra);
    if (ra !== rb) parent.set(rb, ra);
  }
  const groups = new Map<string, string[]>();
  for (const key of parent.keys()) groups.set(find(key), [...(groups.get(find(key)) ?? []), key]);
  return [...groups.values()].map((group) => group.sort());
}

interface MemberRow {
  id: string;
  source: string | null;
  title: string | null;
  published_at: Date | null;
  at: Date;
}

/**
 * A story in a story file's shape, from its rows: members, the links between them (article_links),
 * key entities (named in the most members' mentions), claims that members corroborate and numbers
 * they disagree on (claim_links). Not the story builder's own choices: its headline is the earliest
 * titled member and its key entities are counted, not weighted by title and lead.
 */
export async function pgStoryFile(db: Db, id: string): Promise<Story | { storyId: string; mergedInto: string } | null> {
  const story = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!story) return null;
  if (story.merged_into !== null) return { storyId: story.id, mergedInto: story.merged_into };
  const { rows: members } = await sql<MemberRow>`
    select a.id, a.source, a.title, a.published_at, a.at from story_members m join articles a on a.id = m.article_id
    where m.story_id = ${id} order by a.at, a.id`.execute(db);
  if (members.length === 0) return null;
  const byId = new Map(members.map((member) => [member.id, member]));
  const { rows: links } = await sql<{ article_id: string; other_id: string; kind: 'exact' | 'near-duplicate' | 'reused-passage'; similarity: number; start: number | null; end: number | null; other_start: number | null; other_end: number | null }>`
    select l.article_id, l.other_id, l.kind, l.similarity, l.start, l."end", l.other_start, l.other_end
    from story_members m join article_links l on l.article_id = m.article_id
    join story_members o on o.article_id = l.other_id and o.story_id = m.story_id
    where m.story_id = ${id} order by least(l.article_id, l.other_id), greatest(l.article_id, l.other_id), l.kind, l.start nulls first`.execute(db);
  const least = members.length > 1 ? 2 : 1;
  const { rows: keyEntities } = await sql<{ entity_id: string; name: string; type: string; articles: number }>`
    select mn.entity_id, e.canonical as name, e.type, count(distinct mn.article_id)::int as articles
    from story_members m join mentions mn on mn.article_id = m.article_id join entities e on e.id = mn.entity_id
    where m.story_id = ${id} group by mn.entity_id, e.canonical, e.type
    having count(distinct mn.article_id) >= ${least}
    order by articles desc, e.canonical, mn.entity_id limit ${KEY_ENTITIES}`.execute(db);
  const { rows: claimLinks } = await sql<{ article_id: string; claim_idx: number; other_id: string; other_claim: number; relation: 'corroborates' | 'conflicts'; a_text: string | null; b_text: string | null }>`
    select l.article_id, l.claim_idx, l.other_id, l.other_claim, l.relation, ca.text as a_text, cb.text as b_text
    from story_members m join claim_links l on l.article_id = m.article_id
    join story_members o on o.article_id = l.other_id and o.story_id = m.story_id
    left join claims ca on ca.article_id = l.article_id and ca.idx = l.claim_idx
    left join claims cb on cb.article_id = l.other_id and cb.idx = l.other_claim
    where m.story_id = ${id} order by l.article_id, l.idx`.execute(db);
  const texts = new Map<string, string | null>();
  for (const link of claimLinks) {
    texts.set(`${link.article_id}:${link.claim_idx}`, link.a_text);
    texts.set(`${link.other_id}:${link.other_claim}`, link.b_text);
  }
  const quote = (key: string) => {
    const [articleId = '', claim = '0'] = key.split(':');
    const member = byId.get(articleId);
    return { articleId, claim: Number(claim), text: texts.get(key) ?? null, source: member?.source ?? null, publishedAt: iso(member?.published_at ?? null) };
  };
  const corroboratedClaims = corroborationGroups(claimLinks.filter((link) => link.relation === 'corroborates').map((link) => ({ a: `${link.article_id}:${link.claim_idx}`, b: `${link.other_id}:${link.other_claim}` })))
    .map((group) => {
      const claims = group.map(quote);
      return { claims: claims.slice(0, STORY_QUOTES), ...(claims.length > STORY_QUOTES ? { claimCount: claims.length } : {}), sources: [...new Set(claims.flatMap((claim) => (claim.source ? [claim.source] : [])))].sort() };
    });
  const conflictLinks = claimLinks.filter((link) => link.relation === 'conflicts');
  const quantities = await claimQuantities(db, conflictLinks.flatMap((link) => [{ articleId: link.article_id, claim: link.claim_idx }, { articleId: link.other_id, claim: link.other_claim }]));
  const conflicts = conflictLinks.flatMap((link) => {
    const sides = [`${link.article_id}:${link.claim_idx}`, `${link.other_id}:${link.other_claim}`].map((key) => ({ key, numbers: (quantities.get(key) ?? []).map((q) => ({ ...q, countedKey: countedKey(q.counted ?? q.unit ?? '') })) }));
    const [mine, theirs] = sides as [(typeof sides)[number], (typeof sides)[number]];
    const shared = mine.numbers.find((q) => q.countedKey.replace(/ /gu, '').length >= 2 && theirs.numbers.some((t) => t.countedKey === q.countedKey));
    if (!shared) return [];
    const values = sides.flatMap(({ key, numbers }) => numbers.filter((q) => q.countedKey === shared.countedKey).map((q) => ({ ...quote(key), value: q.value, valueMax: q.valueMax, approx: q.approx, quantityText: q.text })))
      .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.claim - b.claim));
    return values.length >= 2 ? [{ counted: shared.counted ?? shared.unit ?? shared.countedKey, values: values.slice(0, STORY_QUOTES) }] : [];
  });
  const sources: string[] = [];
  for (const member of members) if (member.source !== null && !sources.includes(member.source)) sources.push(member.source);
  return {
    storyId: story.id,
    version: 0,
    mergedInto: null,
    articles: members.map((member) => ({ id: member.id, source: member.source, publishedAt: iso(member.published_at), title: member.title })),
    headline: members.find((member) => member.title !== null)?.title ?? null,
    keyEntities: keyEntities.map((row) => ({ entityId: row.entity_id, name: row.name, type: entityType(row.type), articles: Number(row.articles) })),
    sources,
    firstSeen: iso(story.first_seen),
    lastSeen: iso(story.last_seen),
    links: links.slice(0, STORY_LINKS).map((link) => {
      const forward = link.article_id < link.other_id;
      const passage = link.start !== null && link.end !== null && link.other_start !== null && link.other_end !== null
        ? { passage: forward ? { aStart: link.start, aEnd: link.end, bStart: link.other_start, bEnd: link.other_end } : { aStart: link.other_start, aEnd: link.other_end, bStart: link.start, bEnd: link.end } }
        : {};
      return { kind: link.kind, a: forward ? link.article_id : link.other_id, b: forward ? link.other_id : link.article_id, similarity: Math.min(1, Math.max(0, Number(link.similarity))), ...passage };
    }),
    linkCount: links.length,
    corroboratedClaims,
    conflicts,
  };
}
