import type { ColumnType, Generated } from 'kysely';

/**
 * The PostgreSQL tables as Kysely sees them (src/store/pg/migrations/ creates them). Every child
 * row carries its article id and its position in the record's array (`idx`), so an article's rows
 * are replaced whole in one transaction and a retry never stores one twice.
 */

/** Timestamps come back as Date and go in as Date or ISO text. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type JsonValue = ColumnType<unknown, string, string>;

export interface ArticlesTable {
  id: string;
  /** The outlet's name (record.source.name). */
  source: string | null;
  source_file: string | null;
  url: string | null;
  title: string | null;
  published_at: Timestamp | null;
  ingested_at: Timestamp;
  /** When the article appeared: published_at, else ingested_at (what time filters and timelines use). */
  at: Timestamp;
  language: string | null;
  text: string;
  /** The enriched record as written to output/articles/<id>.json. */
  record: JsonValue;
  /** Our normalised search keys (src/nlp/text/search-terms.ts), as a tsvector literal on the way in. */
  search: ColumnType<string, string, string>;
  written_at: Generated<Timestamp>;
}

export interface EntitiesTable {
  id: string;
  type: string;
  canonical: string;
  updated_at: Generated<Timestamp>;
}

export interface EntityVariantsTable {
  entity_id: string;
  variant: string;
  /** The variant's normalised search key (what pg_trgm compares). */
  key: string;
}

export interface MentionsTable {
  article_id: string;
  idx: number;
  entity_id: string;
  start: number;
  end: number;
  text: string;
  confidence: number;
  at: Timestamp;
}

/** Per entity and UTC day: its mentions and the articles that hold them (kept by the writer). */
export interface EntityDaysTable {
  entity_id: string;
  day: ColumnType<string, string, string>;
  mentions: number;
  articles: number;
}

/** Per entity over all days: entity_days summed, kept by the writer beside it (migration 0003). */
export interface EntityTotalsTable {
  entity_id: string;
  mentions: number;
  articles: number;
}

export interface ClaimsTable {
  article_id: string;
  idx: number;
  kind: string;
  start: number;
  end: number;
  text: string;
  cue: string | null;
  cue_start: number | null;
  cue_end: number | null;
  speaker_entity_id: string | null;
  speaker_text: string | null;
  speaker_anonymous: boolean | null;
  content_start: number | null;
  content_end: number | null;
  content_text: string | null;
  quote: string | null;
  checkworthiness: number;
  at: Timestamp;
}

export interface QuantitiesTable {
  article_id: string;
  claim_idx: number;
  idx: number;
  kind: string | null;
  value: number;
  value_max: number | null;
  approx: boolean;
  unit: string | null;
  counted: string | null;
  start: number;
  end: number;
  text: string;
}

export interface ArticleLinksTable {
  article_id: string;
  idx: number;
  other_id: string;
  kind: 'exact' | 'near-duplicate' | 'reused-passage';
  similarity: number;
  start: number | null;
  end: number | null;
  other_start: number | null;
  other_end: number | null;
}

export interface ClaimLinksTable {
  article_id: string;
  idx: number;
  claim_idx: number;
  other_id: string;
  other_claim: number;
  relation: 'corroborates' | 'conflicts';
  similarity: number;
}

export interface StoriesTable {
  id: string;
  merged_into: string | null;
  articles: number;
  first_seen: Timestamp | null;
  last_seen: Timestamp | null;
  updated_at: Generated<Timestamp>;
}

export interface StoryMembersTable {
  article_id: string;
  story_id: string;
  reason: string;
}

export interface Database {
  articles: ArticlesTable;
  entities: EntitiesTable;
  entity_variants: EntityVariantsTable;
  mentions: MentionsTable;
  entity_days: EntityDaysTable;
  entity_totals: EntityTotalsTable;
  claims: ClaimsTable;
  quantities: QuantitiesTable;
  article_links: ArticleLinksTable;
  claim_links: ClaimLinksTable;
  stories: StoriesTable;
  story_members: StoryMembersTable;
}
