import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { StageNameSchema, type RecordInProgress, type StageName } from '../../src/schema/record.js';
import type { StageDefinition, StageProcessor } from '../../src/pipeline/stage.js';
import { STAGES } from '../../src/pipeline/stages.js';
import { timedCpu } from './timing.js';

export const silentLogger = pino({ level: 'silent' });

/** Every stage khabar will have, in order: a benchmark reports "not built yet" for those not in STAGES. */
export const ALL_STAGES: readonly StageName[] = StageNameSchema.options;

/** The stage as this build registers it, or null while it has not landed. */
export function builtStage(name: StageName): StageDefinition | null {
  return STAGES.find((stage) => stage.name === name) ?? null;
}

/** A fresh processor for a stage: in-memory state when `redis` is null, else state under `prefix` in Redis. */
export function initStage(definition: StageDefinition, redis: Redis | null = null, prefix = 'khabar-bench'): Promise<StageProcessor> {
  return definition.init({ redis, prefix, logger: silentLogger });
}

/** The stages registered before `stage` in the chain (what its input records need). */
export function stagesBefore(stage: StageName): StageDefinition[] {
  const index = STAGES.findIndex((definition) => definition.name === stage);
  return index < 0 ? [] : STAGES.slice(0, index);
}

/** Runs the given stages in-process (in-memory state) over the records: the input of a later stage. */
export async function runStages(stages: readonly StageDefinition[], records: readonly RecordInProgress[]): Promise<RecordInProgress[]> {
  let current = [...records];
  for (const definition of stages) {
    const process_ = await initStage(definition);
    const next: RecordInProgress[] = [];
    for (const record of current) next.push(await process_(record));
    current = next;
  }
  return current;
}

/** Runs a processor over every record: wall-clock and CPU milliseconds, and each record's time. */
export async function timeProcessor(process_: StageProcessor, records: readonly RecordInProgress[]): Promise<{ ms: number; cpuMs: number; perRecordMs: number[] }> {
  const perRecordMs: number[] = [];
  const { ms, cpuMs } = await timedCpu(async () => {
    for (const record of records) {
      const started = performance.now();
      await process_(record);
      perRecordMs.push(performance.now() - started);
    }
  });
  return { ms, cpuMs, perRecordMs };
}

export function tokenCount(records: readonly RecordInProgress[]): number {
  return records.reduce((sum, record) => sum + (record.tokens?.length ?? 0), 0);
}

export function charCount(records: readonly RecordInProgress[]): number {
  return records.reduce((sum, record) => sum + record.text.length, 0);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]?.slice(0, 200) ?? error.name : String(error);
}
