import type { RecordInProgress } from '../../src/schema/record.js';
import { SCHEMA_VERSION } from '../../src/schema/record.js';

/** An article as the benchmarks feed it to khabar, whatever corpus it came from. */
export interface BenchArticle {
  /** 16 hex digits. */
  id: string;
  title: string;
  text: string;
  source: string;
  publishedAt: string | null;
}

/** The record a stage job would carry for this article before any stage ran (as the ingest queues it). */
export function toRecord(article: BenchArticle): RecordInProgress {
  return {
    id: article.id,
    text: article.text,
    title: article.title,
    source: { name: article.source, file: null, url: null, publishedAt: article.publishedAt, ingestedAt: new Date(0).toISOString() },
    origin: null,
    schemaVersion: SCHEMA_VERSION,
    pipeline: { version: 'bench', stages: {} },
  };
}
