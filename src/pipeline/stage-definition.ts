import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { RecordInProgress, StageName } from '../schema/record.js';

/** What a stage may use besides the record: Redis for the shared registries (null when in-process). */
export interface StageResources {
  redis: Redis | null;
  /** Key namespace for the stage's shared state in Redis. */
  prefix: string;
  logger: Logger;
  /** Tokens an article may have (KHABAR_MAX_ARTICLE_TOKENS); unset in-process (`analyse()` takes any text). */
  maxTokens?: number;
}

/** An article beyond a configured limit: it fails for good at once (no retry changes its size). */
export class ArticleLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArticleLimitError';
  }
}

/** Adds one layer to the record. Must be idempotent: a retried job runs it again on the same input. */
export type StageProcessor = (record: RecordInProgress) => Promise<RecordInProgress>;

export interface StageDefinition {
  name: StageName;
  /** Default worker concurrency: 1 for CPU-bound stages (one core each), more where Redis round-trips dominate. */
  concurrency: number;
  /** Builds what the stage needs once per process (models, registries); returns the processor. */
  init(resources: StageResources): Promise<StageProcessor>;
}
