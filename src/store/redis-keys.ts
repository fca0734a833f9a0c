/**
 * Every Redis key name khabar makes, in one place. All live under the pipeline's prefix
 * (`KHABAR_PREFIX`, "khabar" by default), beside BullMQ's own queue keys (`<prefix>:<queue>:…`,
 * named by BullMQ). The Lua scripts build the keys inside the dedup index and the entity registry
 * from the namespace they are given: src/store/lua/dedup-common.lua and entity-resolve.lua name
 * those, and the TypeScript side here must agree with them.
 */

/** The dedup index's slot format: '' until the event sketch replaced the topic MinHash (issue 25). */
export const DEDUP_INDEX_FORMAT = ':v2';

/** The namespaces of the shared state under the pipeline prefix. */
export const pipelineKeys = {
  /**
   * The dedup index (the dedup stage writes it; the writer and story flushes read stories from it).
   * Named by the format of its per-article slot (`DEDUP_INDEX_FORMAT`): an index an older khabar wrote
   * (61-byte slots with a topic MinHash; now an event sketch) is never read as the new format, which
   * would give garbage; after an upgrade dedup starts a new index, and the old one can be deleted.
   */
  dedupIndex: (prefix: string) => `${prefix}:dedup${DEDUP_INDEX_FORMAT}`,
  /** The entity registry (the ner stage writes it; the dashboard and `khabar entities` read it). */
  entityRegistry: (prefix: string) => `${prefix}:entities`,
  /** The story-file locks and the versions written (see `storyFileKeys`). */
  storyLocks: (prefix: string) => `${prefix}:story-lock`,
  /** The "written" marker of one article: its record or failure file is on disk (src/pipeline/markers.ts). */
  writtenMarker: (prefix: string, articleId: string) => `${prefix}:written:${articleId}`,
  /** The input files (and lines) that gave one article, merged into its record's `inputs` (src/store/record-inputs.ts). */
  recordInputs: (prefix: string, articleId: string) => `${prefix}:inputs:${articleId}`,
  /** An article's original text, one copy while it travels the chain (src/pipeline/article-text.ts). */
  articleText: (prefix: string, articleId: string) => `${prefix}:text:${articleId}`,
  /** The lock a writer holds while it rewrites one record file. */
  recordLock: (prefix: string, articleId: string) => `${prefix}:record-lock:${articleId}`,
};

/** Under a story-lock namespace: one short lock per story file, and the story versions already written. */
export const storyFileKeys = {
  lock: (lockPrefix: string, storyId: string) => `${lockPrefix}:${storyId}`,
  versionsWritten: (lockPrefix: string) => `${lockPrefix}:written`,
};

/** Inside a dedup index's namespace, the keys the TypeScript side reads (dedup-common.lua writes them). */
export const dedupIndexKeys = {
  /** Every key of the index (for SCAN). */
  all: (index: string) => `${index}:*`,
  /** Number of articles indexed. */
  count: (index: string) => `${index}:n`,
  /** A block of 256 metadata slots. */
  metaBlock: (index: string, block: number) => `${index}:m:${block}`,
  /** A hash of 256 articles' blobs (shingle sample, sentence table, claim digests). */
  blobs: (index: string, block: number) => `${index}:sh:${block}`,
  /** Source names by index. */
  sourceNames: (index: string) => `${index}:srcn`,
  /** Stories merged away whose tombstone file is not written yet. */
  tombstones: (index: string) => `${index}:tombstones`,
};

/** Inside an entity registry's namespace, the keys the TypeScript side reads (entity-resolve.lua writes them). */
export const entityRegistryKeys = {
  entity: (registry: string, entityId: string) => `${registry}:ent:${entityId}`,
  variants: (registry: string, entityId: string) => `${registry}:ent:${entityId}:variants`,
  articles: (registry: string, entityId: string) => `${registry}:ent:${entityId}:articles`,
  /** Entities by mention count, all types or one. */
  ranking: (registry: string, type?: string) => (type ? `${registry}:entities:${type}` : `${registry}:entities`),
};
