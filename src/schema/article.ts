import { z } from 'zod';

/** Where an article came from on disk, so the ingest can move the file once its record is written. */
export const OriginSchema = z.object({
  /** Path as the ingest saw it (relative to the working directory when possible). */
  path: z.string(),
  /** 1-based line for JSONL files; null for whole-file formats. */
  line: z.number().int().positive().nullable(),
  format: z.enum(['txt', 'json', 'jsonl', 'html']),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1256']),
});
export type Origin = z.infer<typeof OriginSchema>;

export const SourceSchema = z.object({
  /** Outlet or agency name when known (from JSON/HTML metadata or the text's agency line). */
  name: z.string().nullable(),
  /** The file's base name (never a path: no user-controlled path reaches the output). */
  file: z.string().nullable(),
  url: z.string().nullable(),
  /** ISO 8601 date-time, when the input or the text states one. */
  publishedAt: z.string().nullable(),
  ingestedAt: z.string(),
});
export type Source = z.infer<typeof SourceSchema>;

/** An article as the ingest queues it: the original text untouched, plus what the container told us. */
export const ArticleSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/, 'article id is 16 lower-case hex digits'),
  text: z.string().min(1, 'article text is empty'),
  title: z.string().nullable(),
  source: SourceSchema,
  origin: OriginSchema.nullable(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** What a reader makes of one article in a file, before it gets an id (readers in src/ingest make it; `analyse()` builds one from its metadata). */
export interface ArticleDraft {
  text: string;
  title: string | null;
  sourceName: string | null;
  url: string | null;
  publishedAt: string | null;
  /** 1-based line (JSONL) or element index + 1 (JSON array); null for whole-file formats. */
  line: number | null;
}
