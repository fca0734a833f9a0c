import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EnrichedRecordSchema, type EnrichedRecord } from '../schema/record.js';
import type { ArticleSummary, ClaimItem, ClaimPair, EntityDetail, EntitySummary, StoryDetail, StorySummary } from '../schema/api.js';
import { documentTerms } from '../nlp/text/search-terms.js';
import { isOutputFile, recordPath } from './output.js';
import { nameKey } from './name-key.js';
import type { ArticleFilter, ClaimCursor, ConflictEnd, ConflictFilter, ConflictItem, EntityRank, Page, RecordReader, SearchCursor, StoryRow, TimeCursor } from './record-reader.js';
import type { EntityType } from '../schema/entities.js';
import { StoryFileSchema, type Story } from '../schema/story.js';

/**
 * The read API on the output folder alone (no KHABAR_DATABASE_URL): the same answers as PostgreSQL's
 * reader, found by scanning every record. Each record is parsed once (per change of its file) into a
 * small digest kept in memory; fine for thousands of records, and PostgreSQL is the answer past that.
 */

interface Digest {
  record: Pick<EnrichedRecord, 'id' | 'title' | 'source' | 'entities' | 'claims' | 'dedup'>;
  at: string;
  terms: Map<string, number>;
  mtimeMs: number;
}

const RECENCY_MS = 30 * 86_400_000;

function effectiveAt(record: EnrichedRecord): string {
  for (const value of [record.source.publishedAt, record.metadata.published?.iso, record.source.ingestedAt]) {
    if (value && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  }
  return new Date(0).toISOString();
}

function summary(digest: Digest, score?: number): ArticleSummary {
  const { record } = digest;
  return {
    id: record.id, source: record.source.name, url: record.source.url, title: record.title, publishedAt: record.source.publishedAt,
    at: digest.at, storyId: record.dedup?.storyId ?? null, ...(score !== undefined ? { score } : {}),
  };
}

function newestFirst(a: { at: string; id: string }, b: { at: string; id: string }): number {
  return a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1;
}

function pageAfter<T, C>(sorted: T[], limit: number, after: (item: T) => boolean, cursorOf: (item: T) => C): Page<T, C> {
  const rest = sorted.filter(after);
  const items = rest.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rest.length > limit && last !== undefined ? cursorOf(last) : null };
}

export class FolderRecordReader implements RecordReader {
  readonly backend = 'folder' as const;
  private readonly digests = new Map<string, Digest>();

  constructor(private readonly outDir: string) {}

  /** Every record's digest, re-reading only files that changed since the last call. */
  private async all(): Promise<Digest[]> {
    const dir = join(this.outDir, 'articles');
    const names = (await readdir(dir).catch(() => [] as string[])).filter(isOutputFile);
    const present = new Set<string>();
    for (const name of names) {
      const id = name.slice(0, -'.json'.length);
      present.add(id);
      const mtimeMs = (await stat(join(dir, name)).catch(() => null))?.mtimeMs;
      if (mtimeMs === undefined || this.digests.get(id)?.mtimeMs === mtimeMs) continue;
      const record = await this.article(id);
      if (!record) continue;
      const terms = new Map<string, number>();
      for (const term of documentTerms(record.tokens, record.metadata.title)) terms.set(term.term, (terms.get(term.term) ?? 0) + (term.inTitle ? 4 : 1));
      const { tokens: _tokens, text: _text, sentences: _sentences, ...rest } = record;
      this.digests.set(id, { record: rest, at: effectiveAt(record), terms, mtimeMs });
    }
    for (const id of this.digests.keys()) if (!present.has(id)) this.digests.delete(id);
    return [...this.digests.values()];
  }

  async article(id: string): Promise<EnrichedRecord | null> {
    let text: string;
    try {
      text = await readFile(recordPath(this.outDir, id), 'utf8');
    } catch {
      return null;
    }
    const parsed = EnrichedRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  }

  async articles(filter: ArticleFilter): Promise<Page<ArticleSummary, TimeCursor | SearchCursor>> {
    const matching = (await this.all()).filter((digest) =>
      (!filter.entity || (digest.record.entities ?? []).some((mention) => mention.entityId === filter.entity)) &&
      (!filter.outlet || digest.record.source.name === filter.outlet) &&
      (!filter.from || digest.at >= new Date(filter.from).toISOString()) &&
      (!filter.to || digest.at < new Date(filter.to).toISOString()));
    if (filter.terms && filter.terms.length > 0) {
      const terms = filter.terms;
      const cursor = filter.cursor && 'score' in filter.cursor ? filter.cursor : null;
      const ref = cursor?.ref ?? new Date().toISOString();
      const scored = matching.flatMap((digest) => {
        const hits = terms.map((group) => Math.max(0, ...group.map((term) => digest.terms.get(term) ?? 0)));
        if (hits.some((hit) => hit === 0)) return [];
        const match = hits.reduce((sum, hit) => sum + hit, 0);
        const recency = 0.5 * Math.exp(-Math.max(0, Date.parse(ref) - Date.parse(digest.at)) / RECENCY_MS);
        return [{ digest, score: match / (match + 10) + recency }];
      }).sort((a, b) => (a.score === b.score ? (a.digest.record.id < b.digest.record.id ? 1 : -1) : b.score - a.score));
      const page = pageAfter(scored, filter.limit, (item) => !cursor || item.score < cursor.score || (item.score === cursor.score && item.digest.record.id < cursor.id), (item): SearchCursor => ({ score: item.score, id: item.digest.record.id, ref }));
      return { items: page.items.map((item) => summary(item.digest, item.score)), next: page.next };
    }
    const cursor = filter.cursor && 'at' in filter.cursor ? filter.cursor : null;
    const sorted = matching.map((digest) => ({ digest, at: digest.at, id: digest.record.id })).sort(newestFirst);
    const page = pageAfter(sorted, filter.limit, (item) => !cursor || newestFirst(item, { at: new Date(cursor.at).toISOString(), id: cursor.id }) > 0, (item): TimeCursor => ({ at: item.at, id: item.id }));
    return { items: page.items.map((item) => summary(item.digest)), next: page.next };
  }

  async entity(id: string, range: { from?: string; to?: string }): Promise<EntityDetail | null> {
    const mentions = (await this.all()).flatMap((digest) => (digest.record.entities ?? []).filter((mention) => mention.entityId === id).map((mention) => ({ mention, digest })));
    const first = mentions[0];
    if (!first) return null;
    const canonical = mentions.reduce((best, { mention }) => (mention.canonical.length > best.length ? mention.canonical : best), first.mention.canonical);
    const variants = [...new Set(mentions.flatMap(({ mention }) => [mention.text, mention.canonical]))].sort();
    const days = new Map<string, { mentions: number; articles: Set<string> }>();
    for (const { digest } of mentions) {
      // Whole UTC days, as PostgreSQL's per-day table answers: from's day on, to's day excluded.
      const date = digest.at.slice(0, 10);
      if ((range.from && date < new Date(range.from).toISOString().slice(0, 10)) || (range.to && date >= new Date(range.to).toISOString().slice(0, 10))) continue;
      const day = days.get(digest.at.slice(0, 10)) ?? { mentions: 0, articles: new Set<string>() };
      day.mentions++;
      day.articles.add(digest.record.id);
      days.set(digest.at.slice(0, 10), day);
    }
    const timeline = [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, value]) => ({ day, mentions: value.mentions, articles: value.articles.size }));
    return { id, type: first.mention.type, canonical, variants, timeline };
  }

  async entitiesByName(key: string, limit: number): Promise<EntitySummary[]> {
    const found = new Map<string, EntitySummary>();
    for (const digest of await this.all()) {
      for (const mention of digest.record.entities ?? []) {
        if (found.has(mention.entityId)) continue;
        if ([mention.text, mention.canonical].some((name) => nameKey(name).includes(key))) found.set(mention.entityId, { id: mention.entityId, type: mention.type, canonical: mention.canonical, similarity: 1 });
      }
    }
    return [...found.values()].slice(0, limit);
  }

  async claims(filter: { speaker: string; from?: string; to?: string; limit: number; cursor?: ClaimCursor }): Promise<Page<ClaimItem, ClaimCursor>> {
    const items = (await this.all()).flatMap((digest) => (digest.record.claims ?? []).flatMap((claim, idx): ClaimItem[] =>
      claim.speaker?.entityId !== filter.speaker ? [] : [{
        articleId: digest.record.id, claim: idx, kind: claim.kind, start: claim.start, end: claim.end, text: claim.text, at: digest.at,
        source: digest.record.source.name, title: digest.record.title, cue: claim.cue?.text ?? null,
        speaker: { entityId: claim.speaker.entityId, text: claim.speaker.text }, content: claim.content,
        quantities: claim.quantities.map((q) => ({ start: q.start, end: q.end, text: q.text, kind: q.kind ?? null, value: q.value, valueMax: q.valueMax, approx: q.approx, unit: q.unit, counted: q.counted })),
      }]))
      .filter((item) => (!filter.from || item.at >= new Date(filter.from).toISOString()) && (!filter.to || item.at < new Date(filter.to).toISOString()))
      .sort((a, b) => newestFirst({ at: a.at, id: a.articleId }, { at: b.at, id: b.articleId }) || a.claim - b.claim);
    const cursor = filter.cursor;
    const after = (item: ClaimItem) => !cursor || item.at < new Date(cursor.at).toISOString() || (item.at === new Date(cursor.at).toISOString() && (item.articleId < cursor.id || (item.articleId === cursor.id && item.claim > cursor.claim)));
    return pageAfter(items, filter.limit, after, (item): ClaimCursor => ({ at: item.at, id: item.articleId, claim: item.claim }));
  }

  private async storyGroups(): Promise<Map<string, Digest[]>> {
    const groups = new Map<string, Digest[]>();
    for (const digest of await this.all()) {
      const storyId = digest.record.dedup?.storyId;
      if (storyId) groups.set(storyId, [...(groups.get(storyId) ?? []), digest]);
    }
    return groups;
  }

  async stories(filter: { limit: number; cursor?: TimeCursor }): Promise<Page<StorySummary, TimeCursor>> {
    const stories = [...(await this.storyGroups())].map(([id, members]) => storySummary(id, members));
    const sorted = stories.map((story) => ({ story, at: story.lastSeen as string, id: story.id })).sort(newestFirst);
    const cursor = filter.cursor;
    const page = pageAfter(sorted, filter.limit, (item) => !cursor || newestFirst(item, { at: new Date(cursor.at).toISOString(), id: cursor.id }) > 0, (item): TimeCursor => ({ at: item.at, id: item.id }));
    return { items: page.items.map((item) => item.story), next: page.next };
  }

  async story(id: string): Promise<StoryDetail | null> {
    const members = (await this.storyGroups()).get(id);
    if (!members) return null;
    const byId = new Map(members.map((digest) => [digest.record.id, digest]));
    const pairs: ClaimPair[] = members.flatMap((digest) => (digest.record.dedup?.claimLinks ?? []).map((link) => {
      const other = byId.get(link.otherId);
      return {
        relation: link.relation, similarity: link.similarity,
        a: { articleId: digest.record.id, claim: link.claim, text: digest.record.claims?.[link.claim]?.text ?? null, source: digest.record.source.name },
        b: { articleId: link.otherId, claim: link.otherClaim, text: other?.record.claims?.[link.otherClaim]?.text ?? null, source: other?.record.source.name ?? null },
      };
    }));
    const sorted = [...members].sort((a, b) => -newestFirst({ at: a.at, id: a.record.id }, { at: b.at, id: b.record.id }));
    return {
      ...storySummary(id, members), mergedInto: null, members: sorted.map((digest) => summary(digest)),
      corroborations: pairs.filter((pair) => pair.relation === 'corroborates'), conflicts: pairs.filter((pair) => pair.relation === 'conflicts'),
    };
  }

  async entityRanking(filter: { type?: EntityType; ids?: readonly string[]; limit: number }): Promise<EntityRank[]> {
    const wanted = filter.ids ? new Set(filter.ids) : null;
    const ranks = new Map<string, EntityRank & { seen: Set<string> }>();
    for (const digest of await this.all()) {
      for (const mention of digest.record.entities ?? []) {
        if ((filter.type && mention.type !== filter.type) || (wanted && !wanted.has(mention.entityId))) continue;
        const rank = ranks.get(mention.entityId) ?? { id: mention.entityId, type: mention.type, canonical: mention.canonical, variants: [], mentions: 0, articles: 0, seen: new Set<string>() };
        if (mention.canonical.length > rank.canonical.length) rank.canonical = mention.canonical;
        rank.mentions++;
        rank.seen.add(digest.record.id);
        for (const variant of [mention.text, mention.canonical]) if (!rank.variants.includes(variant)) rank.variants.push(variant);
        ranks.set(mention.entityId, rank);
      }
    }
    return [...ranks.values()]
      .map(({ seen, variants, ...rank }) => ({ ...rank, variants: variants.sort().slice(0, 20), articles: seen.size }))
      .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || (a.id < b.id ? -1 : 1))
      .slice(0, filter.limit);
  }

  async conflicts(filter: ConflictFilter): Promise<{ items: ConflictItem[]; total: number }> {
    const digests = await this.all();
    const byId = new Map(digests.map((digest) => [digest.record.id, digest]));
    const end = (id: string, claimIndex: number): ConflictEnd => {
      const digest = byId.get(id);
      const claim = digest?.record.claims?.[claimIndex];
      return {
        articleId: id, stored: digest !== undefined, claim: claimIndex, title: digest?.record.title ?? null, source: digest?.record.source.name ?? null,
        file: digest?.record.source.file ?? null, publishedAt: digest?.record.source.publishedAt ?? null, storyId: digest?.record.dedup?.storyId ?? null, text: claim?.text ?? null,
        quantities: (claim?.quantities ?? []).map((q) => ({ text: q.text, value: q.value, valueMax: q.valueMax, approx: q.approx, counted: q.counted, unit: q.unit })),
      };
    };
    const found = digests.flatMap((digest) => (digest.record.dedup?.claimLinks ?? [])
      .filter((link) => link.relation === 'conflicts' && (!filter.article || digest.record.id === filter.article || link.otherId === filter.article))
      .map((link) => ({ digest, link })))
      .sort((a, b) => b.digest.mtimeMs - a.digest.mtimeMs || (a.digest.record.id < b.digest.record.id ? -1 : a.digest.record.id > b.digest.record.id ? 1 : a.link.claim - b.link.claim));
    const seen = new Set<string>();
    const once = found.filter(({ digest, link }) => {
      const key = [`${digest.record.id}:${link.claim}`, `${link.otherId}:${link.otherClaim}`].sort().join('|');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return {
      items: once.slice(0, filter.limit).map(({ digest, link }) => ({
        found: { ...end(digest.record.id, link.claim), writtenAt: new Date(digest.mtimeMs).toISOString() },
        other: end(link.otherId, link.otherClaim),
        similarity: link.similarity,
      })),
      total: once.length,
    };
  }

  async storyRows(limit: number): Promise<StoryRow[]> {
    const rows = [...(await this.storyGroups())].map(([id, members]): StoryRow => {
      const ordered = [...members].sort((a, b) => -newestFirst({ at: a.at, id: a.record.id }, { at: b.at, id: b.record.id }));
      const sources = [...new Set(ordered.flatMap((digest) => (digest.record.source.name ? [digest.record.source.name] : [])))];
      const conflicts = members.reduce((sum, digest) => sum + (digest.record.dedup?.claimLinks ?? []).filter((link) => link.relation === 'conflicts').length, 0);
      const { headline, articles, firstSeen, lastSeen } = storySummary(id, members);
      return { id, headline, articles, sources, firstSeen, lastSeen, conflicts };
    });
    return rows.sort((a, b) => newestFirst({ at: a.lastSeen ?? '', id: a.id }, { at: b.lastSeen ?? '', id: b.id })).slice(0, limit);
  }

  /** The story file the write stage left in output/stories/ (the folder's own record of a story). */
  async storyFile(id: string): Promise<Story | { storyId: string; mergedInto: string } | null> {
    if (!/^[0-9a-z-]{1,80}$/.test(id)) return null;
    let text: string;
    try {
      text = await readFile(join(this.outDir, 'stories', `${id}.json`), 'utf8');
    } catch {
      return null;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return null; // a file cut short by hand: the story page says no such story
    }
    const parsed = StoryFileSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  }

  async recentlyWritten(limit: number): Promise<ArticleSummary[]> {
    return (await this.all()).sort((a, b) => b.mtimeMs - a.mtimeMs || (a.record.id < b.record.id ? -1 : 1)).slice(0, limit).map((digest) => summary(digest));
  }

  async count(): Promise<number> {
    return (await this.all()).length;
  }

  async close(): Promise<void> {
    this.digests.clear();
  }
}

function storySummary(id: string, members: Digest[]): StorySummary {
  const times = members.map((digest) => digest.at).sort();
  const oldest = [...members].sort((a, b) => (a.at === b.at ? (a.record.id < b.record.id ? -1 : 1) : a.at < b.at ? -1 : 1));
  return { id, articles: members.length, firstSeen: times[0] ?? null, lastSeen: times[times.length - 1] ?? null, headline: oldest.find((digest) => digest.record.title !== null)?.record.title ?? null };
}
