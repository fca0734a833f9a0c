/**
 * What the dedup decisions need of an index backend: two atomic steps (register: insert and query
 * together; link: record the links and join the story) and a few reads of immutable data. A backend
 * (Redis with Lua scripts, or its in-process twin, both in src/store/) implements `DedupStore`; the
 * logic that decides what is a duplicate lives once, in this folder (engine.ts and steps/).
 */

import type { EventSketch } from './event.js';

/** Kinds of bucket entries: exact content hash, near-duplicate LSH band, event key (a salient entity or word), passage fingerprint, claims key. */
export type EntryKind = 'X' | 'N' | 'T' | 'P' | 'C';

export interface BucketEntry {
  kind: EntryKind;
  /** Chooses the shard (hash) that holds the entry. */
  shard: number;
  /** The field inside the shard (with the kind, the bucket's identity). */
  field: number;
  /** Passage fingerprints: the fingerprint's content-token position; claims keys: the claim's index. */
  position?: number;
}

export interface RegisterRequest {
  id: string;
  /** The fixed-size metadata slot (see `encodeMeta`); the store fills in source index and sample offset. */
  meta: Buffer;
  /** The article's blob (`encodeArticleBlob`: claim digests, sentence table, shingle sample), stored beside the slot. */
  sample: Buffer;
  source: string | null;
  entries: BucketEntry[];
}

/**
 * A passage fingerprint held by an indexed article: which article, and the fingerprint's
 * content-token position there (its sentence is found from the article's stored sentence table).
 */
export interface Posting {
  num: number;
  position: number;
}

export interface RegisterResult {
  num: number;
  /** The id was already indexed (a retry): nothing was added, the lookups were repeated. */
  existed: boolean;
  /** Other members of each entry's bucket, by entry index (may include the article itself on a retry). */
  members: Map<number, number[]>;
  /** Postings of passage fingerprints and claims keys (for claims, `position` is the claim's index), by entry index. */
  postings: Map<number, Posting[]>;
  /** The claim digests (cut from their blobs) of every article that a claims key's postings name. */
  claimDigests: Map<number, Buffer>;
}

export interface LinkRequest {
  num: number;
  /**
   * The marks the article's lead carries (story-marks.ts: its opening actor's country, its wire
   * dateline), and each other article's: the link step keeps a story's marks and refuses to
   * join two stories that hold marks of one kind and none in common. An article alone has no stored
   * marks: its own are these.
   */
  marks: number[];
  links: Array<{ other: number; joinsStory: boolean; otherMarks: number[]; field: string; value: string }>;
}

export interface StorySnapshot {
  root: number;
  version: number;
  members: number[];
  /** The links its members found, by field (see links.ts). */
  fields: Map<string, string>;
  /** Roots of stories merged into this one by this step. */
  mergedAway: number[];
}

/** What the link step returns: where the article's story stands, not the story itself. */
export interface LinkStep {
  root: number;
  version: number;
  /** Number of members of the story. */
  size: number;
  /** Roots of stories merged into this one by this step. */
  mergedAway: number[];
}

export interface ArticleMeta {
  num: number;
  id: string;
  /** Seconds since the epoch; null when unknown. */
  publishedAt: number | null;
  source: string | null;
  /** First 16 hex digits of the content hash. */
  contentHash: string;
  /** How many values the shingle sample holds, at which sampling level. */
  sampleCount: number;
  /** The sample's shape byte (`sampleByte` in sample.ts: level, and whether it stops at its largest value). */
  sampleLevel: number;
  /** What event it reports (event.ts): salient entities and words, weighted. */
  event: EventSketch;
}

/** The metadata of an article the step has read (throws for one it has not: a broken index). */
export type MetaOf = (num: number) => ArticleMeta;

export interface DedupStore {
  register(request: RegisterRequest): Promise<RegisterResult>;
  link(request: LinkRequest): Promise<LinkStep>;
  readMeta(nums: readonly number[]): Promise<Map<number, ArticleMeta>>;
  /** The stored shingle samples (2 bytes per value) of these articles. */
  readSamples(metas: readonly ArticleMeta[]): Promise<Map<number, Buffer>>;
  lookupId(id: string): Promise<number | null>;
  storyOf(num: number): Promise<StorySnapshot>;
  /** Root, version and size of the article's story, without reading its members or links. */
  storyStatus(num: number): Promise<Omit<LinkStep, 'mergedAway'>>;
  /** Number of articles indexed. */
  count(): Promise<number>;
  /** Up to `limit` stories (by root article number) merged away whose tombstone is not written yet. */
  pendingTombstones(limit: number): Promise<number[]>;
  /** The tombstones of these merged-away stories are written. */
  clearTombstones(nums: readonly number[]): Promise<void>;
}
