import { analyseText } from '../nlp/text/index.js';
import type { RecordInProgress } from '../schema/record.js';
import type { TextLayer } from '../schema/text.js';
import type { TravellingRecord } from './job-data.js';

/**
 * What a stage hands the next one (issue 21): the record without its original text (one copy waits
 * in Redis, ./article-text.ts) and without the text layer (metadata, boilerplate, sentences,
 * tokens). The text layer was three quarters of an article's job data (90 KB of 107 at the median)
 * and is a pure function of the text, about 1 ms an article to recompute: cheaper than serialising
 * it into Redis and parsing it out at every hop. Later layers (entities, claims, dedup) travel.
 */
export function forHandOff(record: RecordInProgress): TravellingRecord {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { text, metadata, boilerplate, sentences, tokens, ...rest } = record;
  rememberTextLayer(record);
  return rest;
}

/** The record a stage works on: the travelling one, its text, and its text layer once tokenise ran. */
export function onArrival(travelling: TravellingRecord, text: string): RecordInProgress {
  const record: RecordInProgress = { ...travelling, text };
  // A job that still carries its text layer (queued by an older khabar) keeps its own.
  if (!travelling.pipeline.stages.tokenise || travelling.tokens) return record;
  return { ...record, ...textLayerOf(record.id, text) };
}

/**
 * The last few text layers this process built or recomputed, by article id (an id is a hash over the
 * text, so one id has one text layer): in `khabar run`'s layout one process runs every stage, and an
 * article's next stage often lands in the same process. Bounded by tokens, not articles (a 200,000-
 * character article has ~40,000 tokens, some MB of objects): the oldest go first.
 */
const REMEMBERED_TOKENS = 20_000;
const recent = new Map<string, TextLayer>();
let rememberedTokens = 0;

function rememberTextLayer(record: RecordInProgress): void {
  const { metadata, boilerplate, sentences, tokens } = record;
  if (!metadata || !boilerplate || !sentences || !tokens) return;
  remember(record.id, { metadata, boilerplate, sentences, tokens });
}

function remember(id: string, layer: TextLayer): void {
  forget(id);
  if (layer.tokens.length > REMEMBERED_TOKENS) return;
  recent.set(id, layer);
  rememberedTokens += layer.tokens.length;
  for (const oldest of recent.keys()) {
    if (rememberedTokens <= REMEMBERED_TOKENS) break;
    forget(oldest);
  }
}

function forget(id: string): void {
  const known = recent.get(id);
  if (!known) return;
  recent.delete(id);
  rememberedTokens -= known.tokens.length;
}

function textLayerOf(id: string, text: string): TextLayer {
  const known = recent.get(id);
  if (known) return known;
  const layer = analyseText(text);
  remember(id, layer);
  return layer;
}
