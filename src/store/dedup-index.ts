/**
 * The dedup index: the decisions (src/nlp/dedup/engine.ts) over a backend that keeps the state,
 * in Redis (`RedisDedupIndex`, shared by every dedup worker) or in process (`MemoryDedupIndex`, same
 * semantics, for `analyse()` and benchmarks). What pipeline code imports to open one.
 */
export type { DedupIndex, DedupInput, DedupResult, DedupState, DedupStep, StoryStatus, MergedStory } from '../nlp/dedup/index-contract.js';
export { DedupEngine, indexCorpus } from '../nlp/dedup/engine.js';
export { MemoryClaimTexts, NO_CLAIM_TEXTS, type ClaimTextSource } from '../nlp/dedup/claim-texts.js';
export { RedisDedupIndex, RedisDedupStore, DEFAULT_LAYOUT, type RedisLayoutOptions } from './dedup-redis.js';
export { MemoryDedupIndex, MemoryDedupStore } from './dedup-memory.js';
export type { DedupOptions } from '../nlp/dedup/params.js';
export { dedupOptions, DedupOptionsSchema } from '../nlp/dedup/params.js';
