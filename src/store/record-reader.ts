import type { ArticleSummary, ClaimItem, EntityDetail, EntitySummary, StoryDetail, StorySummary } from '../schema/api.js';
import type { EnrichedRecord } from '../schema/record.js';
import type { EntityType } from '../schema/entities.js';
import type { Story } from '../schema/story.js';

/**
 * The read side of a record store: what the read API (src/api/) and, with PostgreSQL, the
 * dashboard's news pages ask. PostgreSQL answers with indexed queries (src/store/pg/reader.ts); the
 * output folder answers the same by scanning records (src/store/folder-reader.ts), slower, so the
 * API and the pages work on both backends.
 */

/** Where a page ends; the next page starts after it (newest first, ties by id). */
export interface TimeCursor {
  at: string;
  id: string;
}
export interface SearchCursor {
  score: number;
  id: string;
  /** The moment recency is measured from, fixed on the first page so the order stays put. */
  ref: string;
}
export interface ClaimCursor {
  at: string;
  id: string;
  claim: number;
}

export interface ArticleFilter {
  entity?: string;
  outlet?: string;
  from?: string;
  to?: string;
  /** Text search: the query's term groups (src/nlp/text/query-terms.ts); every group must match. */
  terms?: string[][];
  limit: number;
  cursor?: TimeCursor | SearchCursor;
}

export interface Page<T, C> {
  items: T[];
  next: C | null;
}

/** An entity with how much it is named: the entities index's row. */
export interface EntityRank {
  id: string;
  type: EntityType;
  canonical: string;
  /** Its spellings seen in articles (at most 20). */
  variants: string[];
  mentions: number;
  articles: number;
}

/** A number in a conflicting claim: `counted`/`unit` tell what it counts (dedup compares by them). */
export interface ConflictQuantity {
  text: string;
  value: number;
  valueMax: number | null;
  approx: boolean;
  counted: string | null;
  unit: string | null;
}

/** One side of a conflict: the article (null fields when it is not in the store) and its claim. */
export interface ConflictEnd {
  articleId: string;
  /** False when the store does not hold the article (the link names an article never stored here). */
  stored: boolean;
  title: string | null;
  source: string | null;
  file: string | null;
  publishedAt: string | null;
  /** The story the article is in now (after merges); null when unknown. */
  storyId: string | null;
  /** Index into the article's claims. */
  claim: number;
  /** The claim as written; null when the store does not hold it. */
  text: string | null;
  quantities: ConflictQuantity[];
}

/**
 * A `conflicts` claim link (the dedup stage stores it on the later article only): `found` is the
 * article that holds it, `other` the one it points at.
 */
export interface ConflictItem {
  found: ConflictEnd & { writtenAt: string };
  other: ConflictEnd;
  similarity: number;
}

export interface ConflictFilter {
  /** Only the links this article is part of, on either side. */
  article?: string;
  limit: number;
}

/** A story as the stories list shows it. */
export interface StoryRow {
  id: string;
  headline: string | null;
  articles: number;
  sources: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  /** Claim links of the `conflicts` relation among its members. */
  conflicts: number;
}

export interface RecordReader {
  readonly backend: 'folder' | 'postgres';
  articles(filter: ArticleFilter): Promise<Page<ArticleSummary, TimeCursor | SearchCursor>>;
  article(id: string): Promise<EnrichedRecord | null>;
  entity(id: string, range: { from?: string; to?: string }): Promise<EntityDetail | null>;
  /** Entities whose canonical name or a variant is like `name` (normalised and folded first). */
  entitiesByName(nameKey: string, limit: number): Promise<EntitySummary[]>;
  claims(filter: { speaker: string; from?: string; to?: string; limit: number; cursor?: ClaimCursor }): Promise<Page<ClaimItem, ClaimCursor>>;
  stories(filter: { limit: number; cursor?: TimeCursor }): Promise<Page<StorySummary, TimeCursor>>;
  story(id: string): Promise<StoryDetail | null>;
  /** The most-named entities (most articles first), or those of `ids` (any order). */
  entityRanking(filter: { type?: EntityType; ids?: readonly string[]; limit: number }): Promise<EntityRank[]>;
  /** `conflicts` claim links, newest found first (by when the finding article was written), each pair of claims once. */
  conflicts(filter: ConflictFilter): Promise<{ items: ConflictItem[]; total: number }>;
  /** Stories, most recently active first, with their outlets and number of conflicts. */
  storyRows(limit: number): Promise<StoryRow[]>;
  /**
   * A story in the shape of a story file (src/schema/story.ts), so the story page renders either;
   * `{ mergedInto }` for a story merged into another; null when unknown.
   */
  storyFile(id: string): Promise<Story | { storyId: string; mergedInto: string } | null>;
  /** How many articles the store holds. */
  count(): Promise<number>;
  /** The articles most recently stored (written) first: the overview's latest records. */
  recentlyWritten(limit: number): Promise<ArticleSummary[]>;
  close(): Promise<void>;
}
