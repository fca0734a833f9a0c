/**
 * The dedup index: exact copies, near duplicates, reused passages, claims across sources and
 * stories, with its state in Redis (`RedisDedupIndex`, shared by every dedup worker) or in process
 * (`MemoryDedupIndex`, same semantics, for `analyse()` and benchmarks).
 */
export type { DedupIndex, DedupInput, DedupResult, DedupState, DedupStep, StoryStatus } from './dedup-engine.js';
export { DedupEngine, MemoryClaimTexts, NO_CLAIM_TEXTS, indexCorpus, type ClaimTextSource } from './dedup-engine.js';
export { RedisDedupIndex, RedisDedupStore, DEFAULT_LAYOUT, type RedisLayoutOptions } from './dedup-redis.js';
export { MemoryDedupIndex, MemoryDedupStore } from './dedup-memory.js';
export type { DedupOptions } from '../nlp/dedup/params.js';
export { dedupOptions, DedupOptionsSchema } from '../nlp/dedup/params.js';
