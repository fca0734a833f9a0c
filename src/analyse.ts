import { createHash } from 'node:crypto';
import { pino } from 'pino';
import { SCHEMA_VERSION, type EnrichedRecord, type RecordInProgress } from './schema/record.js';
import type { StageProcessor } from './pipeline/stage.js';
import { STAGES, CHAIN } from './pipeline/stages.js';
import { toEnrichedRecord } from './pipeline/finalise.js';

/** What a caller may tell `analyse()` about the text (all optional). */
export interface AnalyseMeta {
  title?: string | null;
  source?: string | null;
  url?: string | null;
  /** ISO 8601. */
  publishedAt?: string | null;
  /** A file name to show as the source file (base name only). */
  file?: string | null;
}

let processors: Promise<StageProcessor[]> | null = null;

/** The chain's processors, built once per process; stateful stages use in-memory registries here. */
function inProcessChain(): Promise<StageProcessor[]> {
  processors ??= Promise.all(STAGES.map((stage) => stage.init({ redis: null, prefix: 'khabar-local', logger: pino({ level: 'silent' }) })));
  return processors;
}

/**
 * Runs the whole chain on one text in this process (no Redis, no queue) and returns the enriched
 * record, exactly as a worker pipeline would write it. Articles analysed in one process share the
 * in-memory entity registry and dedup index, so later ones link to earlier ones.
 */
export async function analyse(text: string, meta: AnalyseMeta = {}): Promise<EnrichedRecord> {
  if (typeof text !== 'string' || text.trim() === '') throw new TypeError('analyse() needs a non-empty text');
  const id = createHash('sha256').update(`${meta.source ?? ''}|${meta.url ?? ''}|${meta.file ?? ''}`).update('\u0000').update(text).digest('hex').slice(0, 16);
  let record: RecordInProgress = {
    id,
    text,
    title: meta.title ?? null,
    source: { name: meta.source ?? null, file: meta.file ?? null, url: meta.url ?? null, publishedAt: meta.publishedAt ?? null, ingestedAt: new Date().toISOString() },
    origin: null,
    schemaVersion: SCHEMA_VERSION,
    pipeline: { version: 'in-process', stages: {} },
  };
  const chain = await inProcessChain();
  for (const [index, process_] of chain.entries()) {
    const stage = CHAIN[index];
    if (!stage) break;
    const started = performance.now();
    record = await process_(record);
    record.pipeline.stages[stage] = { ms: Math.round((performance.now() - started) * 1000) / 1000, worker: 'in-process', attempts: 1, finishedAt: new Date().toISOString() };
  }
  return toEnrichedRecord(record, CHAIN);
}
