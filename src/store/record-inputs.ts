import { readFile } from 'node:fs/promises';
import type { Redis } from 'ioredis';
import { EnrichedRecordSchema, RecordInputSchema, type EnrichedRecord, type RecordInProgress, type RecordInput } from '../schema/record.js';
import { recordPath, writeJsonAtomic } from './output.js';
import { withRedisLock } from './redis-lock.js';
import { pipelineKeys } from './redis-keys.js';

/**
 * The inputs behind each record. Two inputs with the same source and text have one article id and
 * so one record: the second's job is a no-op in every queue, so the writer cannot learn its file
 * name from job data. The ingest adds each input to a Redis set per article (idempotent: a set),
 * and the writer merges that set into `record.inputs` whenever it writes the record; a copy that
 * arrives after its record was written gets a write job of its own that merges it in. Both write
 * under a per-record lock, so two writers (a record job and a copy's merge, on any machine) never
 * lose each other's change, and a retry rewrites the same list.
 */

/** Kept as long as the "written" markers: a copy dropped within that time is still merged. */
const INPUTS_TTL_SECONDS = 30 * 24 * 3600;
const LOCK = { ttlMs: 10_000, waitMs: 30_000 };

export const inputsKey = pipelineKeys.recordInputs;
const recordLockKey = pipelineKeys.recordLock;

/** The input a travelling record came from (null for one with no file, e.g. stdin). */
export function recordInputOf(record: Pick<RecordInProgress, 'source' | 'origin'>): RecordInput | null {
  return record.source.file ? { file: record.source.file, line: record.origin?.line ?? null } : null;
}

/** One canonical string per input, so the set holds each once whatever the field order. */
function member(input: RecordInput): string {
  return JSON.stringify({ file: input.file, line: input.line });
}

/**
 * Notes that `input` produced `articleId`. Returns whether it is a copy: another input was noted
 * for the same article first (in this run or an earlier one) and this one is new.
 */
export async function addRecordInput(redis: Redis, prefix: string, articleId: string, input: RecordInput): Promise<{ copy: boolean }> {
  const key = inputsKey(prefix, articleId);
  const replies = await redis.multi().sadd(key, member(input)).scard(key).expire(key, INPUTS_TTL_SECONDS).exec();
  const added = Number(replies?.[0]?.[1] ?? 0);
  const count = Number(replies?.[1]?.[1] ?? 0);
  return { copy: added === 1 && count > 1 };
}

/** The inputs noted for `articleId` (members that do not parse are skipped: a set holds nothing else). */
export async function readRecordInputs(redis: Redis, prefix: string, articleId: string): Promise<RecordInput[]> {
  const members = await redis.smembers(inputsKey(prefix, articleId));
  return members.flatMap((text) => {
    try {
      const parsed = RecordInputSchema.safeParse(JSON.parse(text));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

/** The union of input lists, each input once, sorted by file then line (the same bytes on every rewrite). */
export function mergeInputs(...lists: readonly (readonly RecordInput[])[]): RecordInput[] {
  const byMember = new Map<string, RecordInput>();
  for (const list of lists) for (const input of list) byMember.set(member(input), { file: input.file, line: input.line });
  return [...byMember.values()].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
}

/**
 * Writes the record with every input noted so far (its own input too, should the set be gone),
 * under the record's lock.
 */
export async function writeRecordWithInputs(redis: Redis, prefix: string, outDir: string, record: EnrichedRecord, own: RecordInput | null): Promise<void> {
  await withRedisLock(redis, recordLockKey(prefix, record.id), { ...LOCK, label: `record ${record.id}` }, async () => {
    const inputs = mergeInputs(own ? [own] : [], record.inputs ?? [], await readRecordInputs(redis, prefix, record.id));
    await writeJsonAtomic(recordPath(outDir, record.id), { ...record, inputs }, { compact: true });
  });
}

/**
 * A copy's merge: rewrites the written record with the inputs noted since. Nothing to do when the
 * record is not written yet (its writer will read the set) or already lists them all.
 */
export async function mergeInputsIntoRecord(redis: Redis, prefix: string, outDir: string, articleId: string): Promise<boolean> {
  return withRedisLock(redis, recordLockKey(prefix, articleId), { ...LOCK, label: `record ${articleId}` }, async () => {
    let record: EnrichedRecord;
    try {
      const parsed = EnrichedRecordSchema.safeParse(JSON.parse(await readFile(recordPath(outDir, articleId), 'utf8')));
      if (!parsed.success) return false; // not a record this writer can rewrite: left as it is
      record = parsed.data;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    const before = record.inputs ?? [];
    const inputs = mergeInputs(before, await readRecordInputs(redis, prefix, articleId));
    if (inputs.length === before.length) return false;
    await writeJsonAtomic(recordPath(outDir, articleId), { ...record, inputs }, { compact: true });
    return true;
  });
}
