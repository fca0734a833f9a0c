import { z } from 'zod';
import { RecordInProgressSchema } from '../schema/record.js';
import { FailureRecordSchema, type FailureRecord, type RecordInProgress } from '../schema/record.js';

/** A stage job carries the record as it stands (every layer so far): a crash loses no stage's work. */
export const StageJobDataSchema = z.object({
  kind: z.literal('record'),
  record: RecordInProgressSchema,
  /** How many times this job was queued again after failing as stalled (see `STALL_REQUEUES`). */
  requeued: z.number().int().min(1).optional(),
});
export type StageJobData = z.infer<typeof StageJobDataSchema>;

/** A write job is a finished record, a failure to record, a due rewrite of a story's file, or a copy's file name to add to a record. */
export const WriteJobDataSchema = z.discriminatedUnion('kind', [
  StageJobDataSchema,
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
export type WriteJobData = z.infer<typeof WriteJobDataSchema>;

/**
 * The write job for a job that failed for good: its error, the stage, and where its input came from
 * (`record` is null when the job data was too broken to parse).
 */
export function failureJobData(articleId: string, stage: FailureRecord['stage'], error: Error, attempts: number, record: RecordInProgress | null): WriteJobData {
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
