import { z } from 'zod';
import { ArticleSchema, OriginSchema, SourceSchema } from '../schema/article.js';
import { FailureRecordSchema, PipelineInfoSchema, SCHEMA_VERSION, type FailureRecord, type RecordInProgress } from '../schema/record.js';

/**
 * The record as it travels in job data: every layer so far (a crash loses no stage's work), but no
 * original text past the first stage: one copy waits in Redis keyed by the article id
 * (./article-text.ts). Only the ingest's job into the first stage carries `text`.
 */
export type TravellingRecord = Omit<RecordInProgress, 'text'> & { text?: string };

/**
 * The cheap check at a stage's boundary (issue 21): the article's own fields in full, each layer's
 * outer shape only. The layers were built by the previous stage's typed code from input it checked
 * the same way; re-parsing every token and mention with the full record schema at every hop cost
 * more than some stages' own work. The writer's published record is typed end to end instead.
 */
const layer = z.array(z.unknown()).optional();
const TravellingRecordSchema = z.object({
  id: ArticleSchema.shape.id,
  schemaVersion: z.literal(SCHEMA_VERSION),
  text: ArticleSchema.shape.text.optional(),
  title: z.string().nullable(),
  source: SourceSchema,
  origin: OriginSchema.nullable(),
  pipeline: PipelineInfoSchema,
  metadata: z.looseObject({ subtitles: z.array(z.unknown()) }).optional(),
  boilerplate: layer,
  sentences: layer,
  tokens: layer,
  entities: layer,
  claims: layer,
  dates: layer,
  nonClaimQuantities: layer,
  dedup: z.looseObject({ storyId: z.string() }).optional(),
  mergedStories: z.array(z.object({ storyId: z.string(), mergedInto: z.string() })).optional(),
});

/** A stage job carries the travelling record (see `TravellingRecord`). */
const StageJobDataShape = z.object({
  kind: z.literal('record'),
  record: TravellingRecordSchema,
  /** How many times this job was queued again after failing as stalled (see `STALL_REQUEUES`). */
  requeued: z.number().int().min(1).optional(),
});
export interface StageJobData {
  kind: 'record';
  record: TravellingRecord;
  requeued?: number;
}
/** Parses a stage job's data; the layers' inner shapes are the previous stage's typed output (see above). */
export const StageJobDataSchema = StageJobDataShape.transform((data): StageJobData => data as unknown as StageJobData);

const OtherWriteJobSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('story'),
    storyId: z.string().regex(/^[0-9a-f]{16}$/),
    /** How many flushes of this story failed before this one (a failed flush is queued again, up to a limit). */
    retry: z.number().int().nonnegative().optional(),
  }),
  z.object({
    /** A copy of an article arrived (another file, the same source and text): merge its file into the written record's `inputs`. */
    kind: z.literal('inputs'),
    articleId: z.string().regex(/^[0-9a-f]{16}$/),
  }),
  z.object({
    kind: z.literal('failure'),
    failure: FailureRecordSchema,
    /** Where the input came from, so the ingest can move the file (path stays in Redis, never in output). */
    originPath: z.string().nullable(),
  }),
]);

/** A write job is a finished record, a failure to record, a due rewrite of a story's file, or a copy's file name to add to a record. */
export const WriteJobDataSchema = z.union([StageJobDataSchema, OtherWriteJobSchema]);
export type WriteJobData = StageJobData | z.infer<typeof OtherWriteJobSchema>;

/**
 * The write job for a job that failed for good: its error, the stage, and where its input came from
 * (`record` is null when the job data was too broken to parse).
 */
export function failureJobData(articleId: string, stage: FailureRecord['stage'], error: Error, attempts: number, record: TravellingRecord | null): WriteJobData {
  return {
    kind: 'failure',
    failure: {
      id: articleId,
      stage,
      error: { name: error.name, message: error.message },
      attempts,
      failedAt: new Date().toISOString(),
      origin: { file: record?.source.file ?? null, line: record?.origin?.line ?? null },
    },
    originPath: record?.origin?.path ?? null,
  };
}
