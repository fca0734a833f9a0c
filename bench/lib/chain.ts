import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { StageNameSchema, type RecordInProgress, type StageName } from '../../src/schema/record.js';
import type { StageDefinition, StageProcessor } from '../../src/pipeline/stage-definition.js';
import { STAGES } from '../../src/pipeline/stage-chain.js';
import { directStage } from './direct-stages.js';
import { timedCpu } from './timing.js';

export const silentLogger = pino({ level: 'silent' });

/** Every stage khabar will have, in order: a benchmark reports "not built yet" for those not in STAGES. */
export const ALL_STAGES: readonly StageName[] = StageNameSchema.options;

/** The stage as this build registers it in STAGES (what the workers run), or null. */
export function registeredStage(name: StageName): StageDefinition | null {
  return STAGES.find((stage) => stage.name === name) ?? null;
}

/** How a benchmark reached a stage: through the registry, or its pure API before registration. */
export type StageSource = 'registered' | 'direct API';

const resolved = new Map<StageName, { definition: StageDefinition; source: StageSource } | null>();

/**
 * The stage to benchmark: the registered one, else its pure API (see direct-stages.ts), else null
 * ("not built yet"). Resolved once per process.
 */
export async function benchStage(name: StageName): Promise<{ definition: StageDefinition; source: StageSource } | null> {
  if (resolved.has(name)) return resolved.get(name) ?? null;
  const registered = registeredStage(name);
  const direct = registered ? null : await directStage(name);
  const found = registered ? { definition: registered, source: 'registered' as const } : direct ? { definition: direct, source: 'direct API' as const } : null;
  resolved.set(name, found);
  return found;
}

/** A fresh processor for a stage: in-memory state when `redis` is null, else state under `prefix` in Redis. */
export function initStage(definition: StageDefinition, redis: Redis | null = null, prefix = 'khabar-bench'): Promise<StageProcessor> {
  return definition.init({ redis, prefix, logger: silentLogger });
}

/** The stages before `stage` in khabar's order that this build has (what its input records need). */
export async function stagesBefore(stage: StageName): Promise<StageDefinition[]> {
  const out: StageDefinition[] = [];
  for (const name of ALL_STAGES.slice(0, ALL_STAGES.indexOf(stage))) {
    const found = await benchStage(name);
    if (found) out.push(found.definition);
  }
  return out;
}

/**
 * Runs the given stages in-process (in-memory state) over the records: the input of a later stage.
 * A stage that fails (its model not trained yet, say) is left out and named in `skipped`, so the
 * later stages are still measured, on records without that layer.
 */
export async function runStages(stages: readonly StageDefinition[], records: readonly RecordInProgress[]): Promise<{ records: RecordInProgress[]; skipped: string[] }> {
  let current = [...records];
  const skipped: string[] = [];
  for (const definition of stages) {
    try {
      const process_ = await initStage(definition);
      const next: RecordInProgress[] = [];
      for (const record of current) next.push(await process_(record));
      current = next;
    } catch (error) {
      skipped.push(`${definition.name} (${errorMessage(error)})`);
    }
  }
  return { records: current, skipped };
}

/** The processors of the stages that start; those that fail at init are named in `skipped`. */
export async function initStages(stages: readonly StageDefinition[]): Promise<{ processors: StageProcessor[]; names: string[]; skipped: string[] }> {
  const processors: StageProcessor[] = [];
  const names: string[] = [];
  const skipped: string[] = [];
  for (const definition of stages) {
    try {
      processors.push(await initStage(definition));
      names.push(definition.name);
    } catch (error) {
      skipped.push(`${definition.name} (${errorMessage(error)})`);
    }
  }
  return { processors, names, skipped };
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
