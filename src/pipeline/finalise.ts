import { detectLanguage, languageWarnings } from '../nlp/text/language.js';
import { type EnrichedRecord, type RecordInProgress, type StageName } from '../schema/record.js';

export class IncompleteRecordError extends Error {
  constructor(id: string, missing: string[]) {
    super(`record ${id} is missing the work of stage(s): ${missing.join(', ')}`);
    this.name = 'IncompleteRecordError';
  }
}

/**
 * Turns the travelling record into the published one: container metadata first, the text's own
 * metadata where the container said nothing; the local origin path is dropped. The one place layers
 * merge into the published record. Not re-parsed with the record schema (issue 21: it cost the
 * writer more than NER): each layer is the typed output of its stage, and the schema tests check
 * what the stages and this function build.
 */
export function toEnrichedRecord(record: RecordInProgress, chain: readonly StageName[]): EnrichedRecord {
  const missing = chain.filter((stage) => !record.pipeline.stages[stage]);
  if (missing.length > 0 || !record.metadata || !record.tokens || !record.sentences || !record.boilerplate) {
    throw new IncompleteRecordError(record.id, missing.length > 0 ? missing : ['tokenise']);
  }
  const metadata = record.metadata;
  const language = detectLanguage(record.text);
  return {
    id: record.id,
    schemaVersion: record.schemaVersion,
    source: {
      ...record.source,
      publishedAt: record.source.publishedAt ?? metadata.published?.iso ?? null,
    },
    title: record.title ?? metadata.title?.text ?? null,
    subtitles: metadata.subtitles.map((subtitle) => subtitle.text),
    dateline: metadata.dateline?.text ?? null,
    agency: metadata.agency?.name ?? null,
    text: record.text,
    language,
    warnings: languageWarnings(language),
    metadata,
    boilerplate: record.boilerplate,
    sentences: record.sentences,
    tokens: record.tokens,
    ...(record.entities ? { entities: record.entities } : {}),
    ...(record.claims ? { claims: record.claims } : {}),
    ...(record.dates ? { dates: record.dates } : {}),
    ...(record.nonClaimQuantities ? { nonClaimQuantities: record.nonClaimQuantities } : {}),
    ...(record.dedup ? { dedup: record.dedup } : {}),
    pipeline: record.pipeline,
  };
}
