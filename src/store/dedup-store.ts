/**
 * The two atomic steps that the dedup index is built on, and the binary layouts they share. A
 * backend (Redis with Lua scripts, or an in-process twin) implements `DedupStore`; the logic that
 * decides what is a duplicate lives once, in dedup-engine.ts.
 */

/** Kinds of bucket entries: exact content hash, near-duplicate LSH band, topic LSH band, passage fingerprint, claims key. */
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
  links: Array<{ other: number; joinsStory: boolean; field: string; value: string }>;
}

export interface StorySnapshot {
  root: number;
  version: number;
  members: number[];
  /** The links its members found, by field (see src/nlp/dedup/links.ts). */
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
  sampleLevel: number;
  topicSignature: Uint8Array;
}

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

/**
 * Layout of the metadata slot: id (8 bytes) | publishedAt u32 | source index u16 | content hash (8 bytes) |
 * sample count u16 | sample level u8 | topic signature (2 bytes per permutation).
 */
export const META_HEADER = 25;
export const META_SOURCE_OFFSET = 12;

export function metaSlotSize(topicPermutations: number): number {
  return META_HEADER + 2 * topicPermutations;
}

export function encodeMeta(id: string, publishedAt: number | null, contentHash: string, sampleCount: number, sampleLevel: number, topicSignature: Buffer): Buffer {
  const header = Buffer.alloc(META_HEADER);
  Buffer.from(id, 'hex').copy(header, 0, 0, 8);
  header.writeUInt32LE(publishedAt ?? 0, 8);
  header.writeUInt16LE(0xffff, META_SOURCE_OFFSET);
  Buffer.from(contentHash.slice(0, 16), 'hex').copy(header, 14);
  header.writeUInt16LE(sampleCount, 22);
  header.writeUInt8(sampleLevel, 24);
  return Buffer.concat([header, topicSignature]);
}

export function decodeMeta(num: number, slot: Buffer, topicPermutations: number, sourceName: (index: number) => string | null): ArticleMeta {
  const publishedAt = slot.readUInt32LE(8);
  const sourceIndex = slot.readUInt16LE(META_SOURCE_OFFSET);
  return {
    num,
    id: slot.subarray(0, 8).toString('hex'),
    publishedAt: publishedAt === 0 ? null : publishedAt,
    source: sourceIndex === 0xffff ? null : sourceName(sourceIndex),
    contentHash: slot.subarray(14, 22).toString('hex'),
    sampleCount: slot.readUInt16LE(22),
    sampleLevel: slot.readUInt8(24),
    topicSignature: slot.subarray(META_HEADER, META_HEADER + 2 * topicPermutations),
  };
}

/**
 * Entries as the register script reads them: 11 bytes each (kind, shard u32, field u32, position u16).
 * The bucket's field in Redis is the kind and the field's low 3 bytes (the shard already separates on
 * the other hash bits); passage fingerprints, the most numerous, use the 3 bytes alone.
 */
export const ENTRY_SIZE = 11;

export function encodeEntries(entries: readonly BucketEntry[]): Buffer {
  const out = Buffer.alloc(entries.length * ENTRY_SIZE);
  entries.forEach((entry, i) => {
    const at = i * ENTRY_SIZE;
    out.write(entry.kind, at, 'latin1');
    out.writeUInt32LE(entry.shard >>> 0, at + 1);
    out.writeUInt32LE(entry.field >>> 0, at + 5);
    out.writeUInt16LE(Math.min(entry.position ?? 0, 0xffff), at + 9);
  });
  return out;
}

/** Bucket members (exact, near and topic bands): 3-byte article numbers. */
export function decodeMembers(raw: Buffer): number[] {
  const out: number[] = [];
  for (let at = 0; at + 3 <= raw.length; at += 3) out.push(raw.readUIntLE(at, 3));
  return out;
}

/** Story members: 4-byte article numbers. */
export function decodeNums(raw: Buffer): number[] {
  const out: number[] = [];
  for (let at = 0; at + 4 <= raw.length; at += 4) out.push(raw.readUInt32LE(at));
  return out;
}

/**
 * Passage postings: 5 bytes each (num u24, position u16), the most numerous values of the index (64
 * an article). Article numbers therefore stop at 2^24 (16.7 million articles in one index).
 */
export const MAX_ARTICLES = 2 ** 24;

/** Postings of 3-byte article numbers and a position (fingerprint position or claim number) of `positionBytes`. */
function decodePostingsOf(raw: Buffer, positionBytes: 1 | 2): Posting[] {
  const size = 3 + positionBytes;
  const out: Posting[] = [];
  for (let at = 0; at + size <= raw.length; at += size) out.push({ num: raw.readUIntLE(at, 3), position: raw.readUIntLE(at + 3, positionBytes) });
  return out;
}

function encodePostingOf(num: number, position: number, positionBytes: 1 | 2): Buffer {
  if (num >= MAX_ARTICLES) throw new Error(`dedup: the index holds at most ${MAX_ARTICLES} articles`);
  const out = Buffer.alloc(3 + positionBytes);
  out.writeUIntLE(num, 0, 3);
  out.writeUIntLE(Math.min(position, 2 ** (8 * positionBytes) - 1), 3, positionBytes);
  return out;
}

export function decodePostings(raw: Buffer): Posting[] {
  return decodePostingsOf(raw, 2);
}

export function encodePosting(num: number, entry: BucketEntry): Buffer {
  return encodePostingOf(num, entry.position ?? 0, 2);
}

/**
 * Claims key postings: 4 bytes each (num u24, claim u8). A key keeps its `claimPostingsCap` most
 * recent postings (16: 64 bytes, so its shard stays a listpack).
 */
export function decodeClaimPostings(raw: Buffer): Posting[] {
  return decodePostingsOf(raw, 1);
}

export function encodeClaimPosting(num: number, claim: number): Buffer {
  return encodePostingOf(num, claim, 1);
}

/**
 * The links an article found, as the index keeps them (dedup-common.lua's linksKey): one string,
 * "field\u001fvalue\u001e" per link (fields and values as src/nlp/dedup/links.ts writes them), in
 * the order the article recorded them.
 */
export function decodeLinkList(list: string): Array<[string, string]> {
  return list
    .split('\u001e')
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const at = entry.indexOf('\u001f');
      return [entry.slice(0, at), entry.slice(at + 1)];
    });
}
