import type { Marker } from '../pipeline/markers.js';
import type { FileSignature } from './settle.js';

/** A file being followed until every article in it is written. */
export interface TrackedFile {
  path: string;
  /** Move the file to .done/.failed when finished (inbox files); paths given on the command line stay. */
  inboxDir: string | null;
  ids: Set<string>;
  outcomes: Map<string, Marker>;
  /** Ids already finished before this ingest queued them (and not processed again). */
  earlier: Set<string>;
  /** The article id of each article read from the file, in order (an id twice: a copy within the file). */
  inputs: string[];
  rejected: { line: number | null; reason: string }[];
  /** The file as it was read (inbox files): if it is not so when finished, it changed after reading. */
  read: FileSignature | null;
  resolve: (summary: FileSummary) => void;
}

export interface FileSummary {
  path: string;
  articles: number;
  ok: number;
  failed: number;
  /** Of `ok`: articles an earlier ingest already finished (the same text, seen before), not written again now. */
  earlier: number;
  /** The record id of each of the file's articles that ended in a record, one entry per article read (copies repeat an id). */
  recordIds: string[];
  /** The ids counted in `earlier`. */
  earlierIds: string[];
  /** Where the file went (inbox files), or null. */
  movedTo: string | null;
}
