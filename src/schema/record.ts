import { z } from 'zod';
import { ArticleSchema, SourceSchema } from './article.js';
import { BoilerplateSpanSchema, RecordWarningSchema, SentenceSchema, TextLanguageSchema, TextMetadataSchema, TokenSchema } from './text.js';
import { EntityMentionSchema } from './entities.js';
import { ClaimSchema, DateMentionSchema, NonClaimQuantitySchema } from './claims.js';
import { DedupLayerSchema } from './dedup.js';

export const SCHEMA_VERSION = 1 as const;

/** Every stage that can run, in pipeline order. The chain actually run is declared in src/pipeline/stage-chain.ts. */
export const StageNameSchema = z.enum(['tokenise', 'ner', 'claims', 'dedup']);
export type StageName = z.infer<typeof StageNameSchema>;

export const StageRunSchema = z.object({
  ms: z.number().nonnegative(),
  /** `host:pid` of the worker process that ran the stage. */
  worker: z.string(),
  attempts: z.number().int().positive(),
  finishedAt: z.string(),
});

export const PipelineInfoSchema = z.object({
  version: z.string(),
  stages: z.partialRecord(StageNameSchema, StageRunSchema),
});

/** The layers that stages add. Each is optional while the record travels; the writer checks the chain's. */
const LayersShape = {
  metadata: TextMetadataSchema.optional(),
  boilerplate: z.array(BoilerplateSpanSchema).optional(),
  sentences: z.array(SentenceSchema).optional(),
  tokens: z.array(TokenSchema).optional(),
  entities: z.array(EntityMentionSchema).optional(),
  claims: z.array(ClaimSchema).optional(),
  dates: z.array(DateMentionSchema).optional(),
  nonClaimQuantities: z.array(NonClaimQuantitySchema).optional(),
  dedup: DedupLayerSchema.optional(),
};

/** The record as it travels between stages in job data: the article plus whatever layers are done. */
export const RecordInProgressSchema = ArticleSchema.extend({
  schemaVersion: z.literal(SCHEMA_VERSION),
  ...LayersShape,
  /** Stories this article merged away (dedup → writer, which leaves a tombstone file for each); not published. */
  mergedStories: z.array(z.object({ storyId: z.string(), mergedInto: z.string() })).optional(),
  pipeline: PipelineInfoSchema,
});
export type RecordInProgress = z.infer<typeof RecordInProgressSchema>;

/** One input that produced a record: the file's base name (never a path) and, for JSONL, the line. */
export const RecordInputSchema = z.object({
  file: z.string().min(1),
  line: z.number().int().positive().nullable(),
});
export type RecordInput = z.infer<typeof RecordInputSchema>;

/** The enriched record written to `output/articles/<id>.json` (no local paths: `origin` is dropped). */
export const EnrichedRecordSchema = z
  .object({
    id: ArticleSchema.shape.id,
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: SourceSchema,
    /** Title from the container's metadata, else the text's first line. */
    title: z.string().nullable(),
    subtitles: z.array(z.string()),
    dateline: z.string().nullable(),
    agency: z.string().nullable(),
    /** The original text, byte for byte as decoded. Every offset in the record points into it. */
    text: z.string(),
    /** The text's language by the script of its letters; absent from records written before it was added. */
    language: TextLanguageSchema.optional(),
    /** What the user should know about this input although its record was written (e.g. `not-arabic`); absent from older records. */
    warnings: z.array(RecordWarningSchema).optional(),
    metadata: TextMetadataSchema,
    boilerplate: z.array(BoilerplateSpanSchema),
    sentences: z.array(SentenceSchema),
    tokens: z.array(TokenSchema),
    entities: z.array(EntityMentionSchema).optional(),
    claims: z.array(ClaimSchema).optional(),
    dates: z.array(DateMentionSchema).optional(),
    /**
     * Numbers that are not numeric claims (durations, ages, ordinals, model and phone numbers, vague
     * plurals, scores), each with its `kind`; dates stay in `dates`. Absent from records written before issue 20.
     */
    nonClaimQuantities: z.array(NonClaimQuantitySchema).optional(),
    dedup: DedupLayerSchema.optional(),
    pipeline: PipelineInfoSchema,
    /**
     * Every input that produced this record, sorted: an article dropped again as a byte-identical
     * copy (the same source and text under another file name) is this record, not a second one, and
     * its file is listed here. Absent from records written before this field existed.
     */
    inputs: z.array(RecordInputSchema).optional(),
  })
  .meta({ title: 'khabar enriched article record', $id: 'https://khabar.invalid/schema/record.schema.json' });
export type EnrichedRecord = z.infer<typeof EnrichedRecordSchema>;

/** What `output/failed/<id>.json` holds when a job exhausts its retries or its input is rejected. */
export const FailureRecordSchema = z.object({
  id: z.string(),
  stage: z.union([StageNameSchema, z.literal('ingest'), z.literal('write')]),
  error: z.object({ name: z.string(), message: z.string() }),
  attempts: z.number().int().nonnegative(),
  failedAt: z.string(),
  /** The input's origin: the file's base name and, for JSONL, the line. */
  origin: z.object({ file: z.string().nullable(), line: z.number().int().positive().nullable() }),
});
export type FailureRecord = z.infer<typeof FailureRecordSchema>;
