import type { FileSummary } from './ingestor.js';

/**
 * The line `run --once` and `ingest` end with: how many records, how many inputs were copies of one
 * of them (the same source and text: one record, which lists every input's file), and how many an
 * earlier run had already written. `out` is the output folder, or null when the writers are
 * elsewhere (`ingest`).
 */
export function summaryLine(summaries: readonly FileSummary[], out: string | null): string {
  const failed = summaries.reduce((total, summary) => total + summary.failed, 0);
  const inputs = summaries.reduce((total, summary) => total + summary.recordIds.length, 0);
  const records = new Set(summaries.flatMap((summary) => summary.recordIds));
  // An id is "earlier" only when no input of this run had it written now: a copy read after its
  // original's record was written in this same run is a copy, not an earlier run's work.
  const writtenNow = new Set(summaries.flatMap((summary) => summary.recordIds.filter((id) => !summary.earlierIds.includes(id))));
  const earlier = new Set(summaries.flatMap((summary) => summary.earlierIds).filter((id) => records.has(id) && !writtenNow.has(id))).size;
  const copies = inputs - records.size;
  const copyNote = copies > 0 ? `, ${copies} input(s) were copies of an existing record` : '';
  const failures = `${failed} failure(s)${failed > 0 && out !== null ? ` in ${out}/failed` : ''}`;
  if (earlier === 0) return `khabar: ${records.size} record(s) written${out === null ? '' : ` to ${out}/articles`}${copyNote}, ${failures}`;
  const where = out === null ? '' : ` in ${out}/articles`;
  return `khabar: ${records.size} record(s)${where} (${records.size - earlier} written now, ${earlier} already processed by an earlier run and left as they were)${copyNote}, ${failures}`;
}
