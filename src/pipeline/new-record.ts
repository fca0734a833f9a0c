import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ArticleSchema, type ArticleDraft, type Origin } from '../schema/article.js';
import { SCHEMA_VERSION, type RecordInProgress } from '../schema/record.js';

/**
 * What a record is born from: one article's text and what its container said (the ingest's reader
 * gives the draft; `analyse()` builds one from its metadata), and the file it came from (only its
 * base name is kept; null when the text came from no file: stdin, the library).
 */
export type RecordBirth = ArticleDraft & { file: string | null };

/**
 * The article id, the one rule for the ingest and `analyse()`: 16 hex digits of SHA-256 over where
 * the article comes from and its text. Where is the source and URL when the container names either,
 * else the file's base name and line. The same file dropped twice gives the same id (one record);
 * the same text from two outlets gives two ids (two records, which dedup marks as copies). Never a
 * path: no user path reaches the output.
 */
export function recordId(birth: Pick<RecordBirth, 'text' | 'sourceName' | 'url' | 'line' | 'file'>): string {
  const where = birth.sourceName || birth.url ? `${birth.sourceName ?? ''}|${birth.url ?? ''}` : `${basename(birth.file ?? '')}#${birth.line ?? 0}`;
  return createHash('sha256').update(where).update('\u0000').update(birth.text).digest('hex').slice(0, 16);
}

export interface RecordContext {
  /** Where the ingest found the file (dropped from the published record); null in process. */
  origin: Origin | null;
  /** The pipeline version the record carries (`in-process` for `analyse()`). */
  pipelineVersion: string;
  /** When it entered the pipeline (default: now). */
  ingestedAt?: string;
}

/** The record as it enters the first stage: the article (validated) with no layer yet. */
export function newRecord(birth: RecordBirth, context: RecordContext): RecordInProgress {
  const article = ArticleSchema.parse({
    id: recordId(birth),
    text: birth.text,
    title: birth.title,
    source: {
      name: birth.sourceName,
      file: birth.file === null ? null : basename(birth.file),
      url: birth.url,
      publishedAt: birth.publishedAt,
      ingestedAt: context.ingestedAt ?? new Date().toISOString(),
    },
    origin: context.origin,
  });
  return { ...article, schemaVersion: SCHEMA_VERSION, pipeline: { version: context.pipelineVersion, stages: {} } };
}
