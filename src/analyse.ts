import { basename } from 'node:path';
import { pino } from 'pino';
import type { EnrichedRecord, RecordInProgress } from './schema/record.js';
import type { StageProcessor } from './pipeline/stage-definition.js';
import { STAGES, CHAIN } from './pipeline/stage-chain.js';
import { toEnrichedRecord } from './pipeline/finalise.js';
import { newRecord } from './pipeline/new-record.js';

/** What a caller may tell `analyse()` about the text (all optional). */
export interface AnalyseMeta {
  title?: string | null;
  source?: string | null;
  url?: string | null;
  /** ISO 8601. */
  publishedAt?: string | null;
  /** The file the text came from (only its base name is kept): with `line`, part of the id when there is no source or URL. */
  file?: string | null;
  /** 1-based line (JSONL) or element index + 1 (JSON array) in `file`; null for whole-file formats. */
  line?: number | null;
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
  // Born as the ingest's records are (same id for the same text, source, URL, file and line).
  let record: RecordInProgress = newRecord(
    { text, title: meta.title ?? null, sourceName: meta.source ?? null, url: meta.url ?? null, publishedAt: meta.publishedAt ?? null, line: meta.line ?? null, file: meta.file ?? null },
    { origin: null, pipelineVersion: 'in-process' },
  );
  const chain = await inProcessChain();
  for (const [index, process_] of chain.entries()) {
    const stage = CHAIN[index];
    if (!stage) break;
    const started = performance.now();
    record = await process_(record);
    record.pipeline.stages[stage] = { ms: Math.round((performance.now() - started) * 1000) / 1000, worker: 'in-process', attempts: 1, finishedAt: new Date().toISOString() };
  }
  const enriched = toEnrichedRecord(record, CHAIN);
  // The file it came from, listed as the pipeline's writer lists the inputs behind a record.
  return meta.file ? { ...enriched, inputs: [{ file: basename(meta.file), line: meta.line ?? null }] } : enriched;
}
