import type { Story } from '../schema/story.js';
import type { OutputReader, RecordSummary, StorySummary } from './output-reader.js';

/**
 * The story pages' read side: what a story file says, completed from the records where the file is
 * older than the fields the pages show (headline, key entities, article titles). Story files written
 * before those fields existed stay valid (the fields are optional), so every one has a fallback.
 */

/** Where a headline came from: the story file, the title of the story's earliest article, or nothing (the id is shown). */
export type HeadlineBasis = 'story' | 'earliest-article' | 'none';

export interface Headline {
  text: string | null;
  basis: HeadlineBasis;
}

export interface StoryListItem extends Omit<StorySummary, 'headline' | 'earliest'> {
  headline: Headline;
}

/** How a timeline article relates to another member (the story's links, read from this article's side). */
export type LinkLabel = 'copy' | 'near copy' | 'reused passage' | 'similar content';

const LINK_LABELS: Record<Story['links'][number]['kind'], LinkLabel> = {
  exact: 'copy',
  'near-duplicate': 'near copy',
  'reused-passage': 'reused passage',
  'similar-content': 'similar content',
};

export interface TimelineRelation {
  label: LinkLabel;
  /** Whether the other article ran before this one in the timeline (this one copied it) or after. */
  otherIsEarlier: boolean;
  otherId: string;
  otherSource: string | null;
  otherPublishedAt: string | null;
}

export interface TimelineEntry {
  id: string;
  source: string | null;
  publishedAt: string | null;
  title: string | null;
  relations: TimelineRelation[];
}

export interface OutletEntry {
  /** null: the records name no outlet. */
  name: string | null;
  articles: number;
  /** Its first article's publication time (null when none of its articles is dated). */
  first: string | null;
}

export interface KeyEntityView {
  entityId: string;
  name: string;
  type: string;
  articles: number;
}

/** A corroborated claim's quote, with the quoted article it copies when it is a copy of one. */
export interface QuoteView {
  quote: Story['corroboratedClaims'][number]['claims'][number];
  /** The earlier quoted article (of another outlet) this one is an exact or near copy of, per the story's links; null when none. */
  copyOf: { articleId: string; source: string | null } | null;
}

export interface CorroborationView {
  group: Story['corroboratedClaims'][number];
  quotes: QuoteView[];
  /** The group's outlets less those that carry it only in copies of another outlet's article. */
  independentOutlets: string[];
}

export interface StoryView {
  story: Story;
  headline: Headline;
  keyEntities: KeyEntityView[];
  /** 'story': the file's key entities; 'records': counted from the members' records (a file without them). */
  keyEntitiesBasis: 'story' | 'records';
  /** Articles in publication order (undated ones last), at most `MAX_TIMELINE`. */
  timeline: TimelineEntry[];
  outlets: OutletEntry[];
  /** How many links the story holds (the file lists at most its first 256). */
  linkCount: number;
  corroborations: CorroborationView[];
}

/** A timeline longer than this (a wire story reprinted by hundreds of outlets) is cut, and the page says so. */
export const MAX_TIMELINE = 500;
const MAX_KEY_ENTITIES = 8;

/** Publication order, undated last; ties by outlet then id, so the order is the same on every load. */
function byPublication(a: { publishedAt: string | null; source: string | null; id: string }, b: { publishedAt: string | null; source: string | null; id: string }): number {
  if ((a.publishedAt === null) !== (b.publishedAt === null)) return a.publishedAt === null ? 1 : -1;
  return (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || (a.source ?? '').localeCompare(b.source ?? '') || a.id.localeCompare(b.id);
}

/** The stories list: newest news first (last seen; undated stories after, by when their file changed). */
export async function listStories(output: OutputReader, options: { limit: number; scan: number }): Promise<StoryListItem[]> {
  const summaries = (await output.latestStories(options.scan))
    .sort((a, b) => {
      if ((a.lastSeen === null) !== (b.lastSeen === null)) return a.lastSeen === null ? 1 : -1;
      return (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') || b.writtenAt - a.writtenAt || a.storyId.localeCompare(b.storyId);
    })
    .slice(0, options.limit);
  // Only stories whose file has no headline, and whose earliest article's title is not in the file, read a record.
  const wanted = summaries.filter((s) => s.headline === null && s.earliest && s.earliest.title === null).map((s) => s.earliest?.id ?? '');
  const titles = new Map((await output.recordsById(wanted)).map((record) => [record.id, record.title]));
  return summaries.map(({ headline, earliest, ...rest }) => ({
    ...rest,
    headline: headlineOf(headline, earliest ? (earliest.title ?? titles.get(earliest.id) ?? null) : null),
  }));
}

function headlineOf(fromStory: string | null | undefined, earliestTitle: string | null): Headline {
  if (fromStory) return { text: fromStory, basis: 'story' };
  if (earliestTitle) return { text: earliestTitle, basis: 'earliest-article' };
  return { text: null, basis: 'none' };
}

/** A story page's content: the file, with titles and (for older files) key entities from the members' records. */
export async function loadStoryView(output: OutputReader, story: Story): Promise<StoryView> {
  const ordered = [...story.articles].sort(byPublication).slice(0, MAX_TIMELINE);
  // Records are read for titles the file lacks, and for key entities when the file has none.
  const needRecords = story.keyEntities === undefined ? ordered : ordered.filter((article) => !article.title);
  const records = new Map((await output.recordsById(needRecords.map((article) => article.id))).map((record) => [record.id, record]));
  return buildStoryView(story, records);
}

/** Pure: the story page's content from the story file and the records at hand (by id). */
export function buildStoryView(story: Story, records: ReadonlyMap<string, RecordSummary>): StoryView {
  const ordered = [...story.articles].sort(byPublication);
  const timeline: TimelineEntry[] = ordered.slice(0, MAX_TIMELINE).map((article) => ({
    id: article.id,
    source: article.source,
    publishedAt: article.publishedAt,
    title: article.title ?? records.get(article.id)?.title ?? null,
    relations: [],
  }));
  addRelations(story, ordered, timeline);
  const earliest = timeline[0];
  const keyEntities = story.keyEntities ?? keyEntitiesFromRecords(ordered.slice(0, MAX_TIMELINE), records);
  return {
    story,
    headline: headlineOf(story.headline, earliest?.title ?? null),
    keyEntities: keyEntities.map(({ entityId, name, type, articles }) => ({ entityId, name, type, articles })),
    keyEntitiesBasis: story.keyEntities === undefined ? 'records' : 'story',
    timeline,
    outlets: outletsOf(ordered),
    linkCount: story.linkCount ?? story.links.length,
    corroborations: corroborationsOf(story, ordered),
  };
}

/**
 * Which quotes of a corroborated claim are copies. Story files written before corroboration counted
 * independent sources list a wire reprint as a second source; issue 25's builder lists each claim once
 * with the outlets that carry it independently, and then nothing here is a copy. A quote is a copy when
 * its article is an exact or near copy (the story's links) of an earlier quoted article of another
 * outlet. With a story's links capped, a copy whose link is not listed counts as independent.
 */
function corroborationsOf(story: Story, ordered: readonly Story['articles'][number][]): CorroborationView[] {
  const position = new Map(ordered.map((article, index) => [article.id, index]));
  const copies = new Map<string, Set<string>>();
  for (const link of story.links) {
    if (link.kind !== 'exact' && link.kind !== 'near-duplicate') continue;
    for (const [a, b] of [[link.a, link.b], [link.b, link.a]] as const) {
      const known = copies.get(a);
      if (known) known.add(b);
      else copies.set(a, new Set([b]));
    }
  }
  return story.corroboratedClaims.map((group) => {
    const quotes = group.claims.map((quote): QuoteView => {
      const at = position.get(quote.articleId) ?? Number.MAX_SAFE_INTEGER;
      // The earliest such article: a near copy of a reprint is named after the report both copy.
      const original = group.claims
        .filter((other) => other.articleId !== quote.articleId && other.source !== quote.source && (position.get(other.articleId) ?? Number.MAX_SAFE_INTEGER) < at && copies.get(quote.articleId)?.has(other.articleId))
        .sort((x, y) => (position.get(x.articleId) ?? 0) - (position.get(y.articleId) ?? 0))[0];
      return { quote, copyOf: original ? { articleId: original.articleId, source: original.source } : null };
    });
    const own = new Set(quotes.filter((view) => view.copyOf === null).map((view) => view.quote.source));
    return { group, quotes, independentOutlets: group.sources.filter((source) => own.has(source)) };
  });
}

/** Each link, on both of its articles, once per (other article, kind): a pair with several reused passages is one relation. */
function addRelations(story: Story, ordered: readonly Story['articles'][number][], timeline: TimelineEntry[]): void {
  const position = new Map(ordered.map((article, index) => [article.id, index]));
  const entries = new Map(timeline.map((entry) => [entry.id, entry]));
  const seen = new Set<string>();
  for (const link of story.links) {
    for (const [self, other] of [[link.a, link.b], [link.b, link.a]] as const) {
      const entry = entries.get(self);
      const otherArticle = ordered[position.get(other) ?? -1];
      const key = `${self} ${other} ${link.kind}`;
      if (!entry || !otherArticle || seen.has(key)) continue;
      seen.add(key);
      entry.relations.push({
        label: LINK_LABELS[link.kind],
        otherIsEarlier: (position.get(other) ?? 0) < (position.get(self) ?? 0),
        otherId: other,
        otherSource: otherArticle.source,
        otherPublishedAt: otherArticle.publishedAt,
      });
    }
  }
}

/** Outlets in the order they first ran the story (undated ones last). */
function outletsOf(ordered: readonly Story['articles'][number][]): OutletEntry[] {
  const outlets = new Map<string | null, OutletEntry>();
  for (const article of ordered) {
    const known = outlets.get(article.source);
    if (known) known.articles += 1;
    else outlets.set(article.source, { name: article.source, articles: 1, first: article.publishedAt });
  }
  return [...outlets.values()];
}

/**
 * For a story file without key entities: the entities named in most of its articles (at least two
 * when the story has two or more), from their records. Not the story builder's salience (titles and
 * leads weigh more there); the page says where the list came from.
 */
function keyEntitiesFromRecords(articles: readonly Story['articles'][number][], records: ReadonlyMap<string, RecordSummary>): KeyEntityView[] {
  const counts = new Map<string, KeyEntityView>();
  for (const article of articles) {
    for (const entity of records.get(article.id)?.entities ?? []) {
      const known = counts.get(entity.entityId);
      if (known) known.articles += 1;
      else counts.set(entity.entityId, { entityId: entity.entityId, name: entity.canonical, type: entity.type, articles: 1 });
    }
  }
  const least = articles.length > 1 ? 2 : 1;
  return [...counts.values()]
    .filter((entity) => entity.articles >= least)
    .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name) || a.entityId.localeCompare(b.entityId))
    .slice(0, MAX_KEY_ENTITIES);
}
