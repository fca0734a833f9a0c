import type { ArticleSummary, ClaimItem, EntityDetail, EntitySummary, StoryDetail, StorySummary } from '../schema/api.js';
import type { EnrichedRecord } from '../schema/record.js';

/**
 * The read side of a record store: what the read API (src/api/) asks. PostgreSQL answers with
 * indexed queries (src/store/pg/reader.ts); the output folder answers the same by scanning records
 * (src/store/folder-reader.ts), slower, so the API works on both backends.
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

export interface RecordReader {
  articles(filter: ArticleFilter): Promise<Page<ArticleSummary, TimeCursor | SearchCursor>>;
  article(id: string): Promise<EnrichedRecord | null>;
  entity(id: string, range: { from?: string; to?: string }): Promise<EntityDetail | null>;
  /** Entities whose canonical name or a variant is like `name` (normalised and folded first). */
  entitiesByName(nameKey: string, limit: number): Promise<EntitySummary[]>;
  claims(filter: { speaker: string; from?: string; to?: string; limit: number; cursor?: ClaimCursor }): Promise<Page<ClaimItem, ClaimCursor>>;
  stories(filter: { limit: number; cursor?: TimeCursor }): Promise<Page<StorySummary, TimeCursor>>;
  story(id: string): Promise<StoryDetail | null>;
  close(): Promise<void>;
}
