import type { ArticleSummary } from '../schema/api.js';
import { countedKey } from '../nlp/dedup/claims.js';
import { queryTerms } from '../nlp/text/query-terms.js';
import { nameKey } from '../store/name-key.js';
import type { ConflictEnd, ConflictItem, ConflictQuantity, RecordReader } from '../store/record-reader.js';
import { disagreeingNumbers, type Conflict, type ConflictList, type ConflictsQuery } from './conflicts.js';
import type { NewsSource } from './news-source.js';
import type { QuotedQuantity, RecordSummary } from './output-reader.js';
import type { PersonClaim, PersonView } from './person.js';
import { buildStoryView } from './stories.js';

/**
 * The news pages read through the record store's reader (src/store/record-reader.ts): what the
 * dashboard serves with PostgreSQL, where every answer is an indexed query and no page reads the
 * output folder. It runs on the folder's reader too (the tests run it on both). Differences from the
 * folder's pages (news-source.ts), each said on the page where it shows:
 * - the news list is the newest by publication (else ingestion) time, not by when files were written;
 * - search matches words of the whole text (the read API's search), not only titles and names;
 * - a person's claims are the claims-by-speaker query (every claim they made, newest first), not
 *   the newest few hundred records read in full.
 */

/** How many articles the news list, an entity page and the search show; claims a person page shows. */
const LISTED = 200;
const SEARCH_LISTED = 100;
const PERSON_CLAIMS = 500;
/** Conflicts looked through for one list (the newest found), as the folder's scan bound. */
const CONFLICTS_READ = 5_000;

function recordSummary(article: ArticleSummary): RecordSummary {
  return {
    id: article.id, title: article.title, source: article.source, file: null, publishedAt: article.publishedAt, ingestedAt: article.at,
    storyId: article.storyId, entities: [], conflicts: [], writtenAt: Date.parse(article.at) || 0,
  };
}

const quoted = (quantities: readonly ConflictQuantity[]): QuotedQuantity[] =>
  quantities.map((q) => ({ text: q.text, countedKey: countedKey(q.counted ?? q.unit ?? ''), value: q.value, valueMax: q.valueMax, approx: q.approx }));

/** A stored conflict link as the conflicts views show it (the same numbers logic as the folder's). */
export function conflictView(item: ConflictItem): Conflict {
  const { found, other } = item;
  const numbers = disagreeingNumbers(
    { claim: found.claim, otherId: other.articleId, otherClaim: other.claim, similarity: item.similarity, text: found.text, quantities: quoted(found.quantities) },
    other.text === null && other.quantities.length === 0 ? null : { text: other.text ?? '', quantities: quoted(other.quantities) },
  );
  const side = (end: ConflictEnd) => ({
    id: end.articleId, inOutput: end.stored, title: end.title, source: end.source, file: end.file, publishedAt: end.publishedAt, storyId: end.storyId, claim: end.claim, text: end.text,
  });
  return {
    found: { ...side(found), numbers: numbers.found, writtenAt: found.writtenAt },
    other: { ...side(other), numbers: numbers.other },
    counted: numbers.counted,
    crossStory: found.storyId === null || other.storyId === null ? null : found.storyId !== other.storyId,
    similarity: item.similarity,
  };
}

/** The overview's latest records and their count, from the store (the snapshot's `records`). */
export function storeRecords(reader: RecordReader): { latest(limit: number): Promise<RecordSummary[]>; count(): Promise<number> } {
  return {
    latest: async (limit) => (await reader.recentlyWritten(limit)).map(recordSummary),
    count: () => reader.count(),
  };
}

function storeName(reader: RecordReader): string {
  return reader.backend === 'postgres' ? 'the record store (PostgreSQL)' : 'the record store (output folder)';
}

export function storeNews(reader: RecordReader): NewsSource {
  const where = storeName(reader);
  const conflictList = async (items: ConflictItem[], total: number): Promise<ConflictList> => {
    const records = await reader.count();
    return { conflicts: items.map(conflictView), total, scanned: records, records, basis: `Read from ${where}: ${records} article(s).` };
  };
  return {
    async latest(limit) {
      const page = await reader.articles({ limit });
      return { records: page.items.map(recordSummary), note: `newest records in ${where}, newest publication first` };
    },

    async record(id) {
      const record = await reader.article(id);
      if (!record) return { status: 'missing' };
      const { items, total } = await reader.conflicts({ article: id, limit: 1_000 });
      return { status: 'ok', record, conflicts: await conflictList(items, total) };
    },

    async conflicts(query: ConflictsQuery) {
      // Cross-story is decided on the current stories both sides name (story_members after merges).
      const { items } = await reader.conflicts({ limit: CONFLICTS_READ });
      const matching = items.map(conflictView).filter((conflict) => query.scope === 'all' || conflict.crossStory === true);
      const records = await reader.count();
      return { conflicts: matching.slice(0, query.limit), total: matching.length, scanned: records, records, basis: `Read from ${where}: the newest ${CONFLICTS_READ.toLocaleString('en')} conflict links at most, among ${records} article(s).` };
    },

    async stories(limit) {
      return (await reader.storyRows(limit)).map((row) => ({
        storyId: row.id, articles: row.articles, sources: row.sources, firstSeen: row.firstSeen, lastSeen: row.lastSeen, conflicts: row.conflicts, writtenAt: 0,
        headline: row.headline ? { text: row.headline, basis: 'earliest-article' as const } : { text: null, basis: 'none' as const },
      }));
    },

    async story(id) {
      const story = await reader.storyFile(id);
      if (!story) return { status: 'missing' };
      if (story.mergedInto !== null) return { status: 'merged', into: story.mergedInto };
      // Titles and key entities are in the story the store builds: no record needs reading.
      return { status: 'story', view: buildStoryView(story, new Map()) };
    },

    async entityIndex(query) {
      const rows = await reader.entityRanking({ ...(query.type ? { type: query.type } : {}), limit: query.limit });
      return {
        type: query.type ?? null,
        basis: `From ${where}, most articles first (${rows.length} shown).`,
        rows: rows.map((row) => ({ entityId: row.id, type: row.type, canonical: row.canonical, variants: row.variants, mentions: row.mentions, articles: row.articles })),
      };
    },

    async entity(entityId) {
      const detail = await reader.entity(entityId, {});
      if (!detail) return null;
      const page = await reader.articles({ entity: entityId, limit: LISTED });
      const total = detail.timeline.reduce((sum, day) => sum + day.articles, 0);
      const basis = `From ${where}: ${total} article(s) mention it${page.items.length < total ? `; the newest ${page.items.length} listed` : ''}.`;
      const view = { entityId, canonical: detail.canonical, type: detail.type, variants: detail.variants, articles: page.items.map(recordSummary), basis };
      if (detail.type !== 'PER') return view;
      // Claims by speaker: one indexed query, however many articles name the person.
      const claims = await reader.claims({ speaker: entityId, limit: PERSON_CLAIMS });
      const person: PersonView = {
        timeline: detail.timeline,
        claims: claims.items.map((claim): PersonClaim => ({
          articleId: claim.articleId, title: claim.title, source: claim.source, publishedAt: claim.at, cue: claim.cue,
          content: claim.content?.text ?? claim.text, numbers: [...new Set(claim.quantities.map((q) => q.text))],
        })),
        read: total,
        of: total,
        ...(claims.next ? { note: `The newest ${PERSON_CLAIMS} of their claims.` } : {}),
      };
      return { ...view, person };
    },

    async search(query) {
      const terms = queryTerms(query);
      const key = nameKey(query);
      if (terms.length === 0 && key.length === 0) return { query, records: [], entities: [] };
      const articles = terms.length > 0 ? (await reader.articles({ terms, limit: SEARCH_LISTED })).items : [];
      const named = key.length > 0 ? await reader.entitiesByName(key, 20) : [];
      const counts = new Map((await reader.entityRanking({ ids: named.map((entity) => entity.id), limit: named.length })).map((rank) => [rank.id, rank.articles]));
      return {
        query,
        records: articles.map(recordSummary),
        entities: named.map((entity) => ({ entityId: entity.id, canonical: entity.canonical, type: entity.type, articles: counts.get(entity.id) ?? 0 })),
      };
    },
  };
}
