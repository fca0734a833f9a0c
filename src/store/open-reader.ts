import type { RecordReader } from './record-reader.js';
import { FolderRecordReader } from './folder-reader.js';
import { openDb } from './pg/db.js';
import { pgRecordReader } from './pg/reader.js';

/**
 * The reader for the store the environment names: PostgreSQL when a database URL is given (the
 * write workers migrate its schema at start), else the output folder.
 */
export function openRecordReader(options: { databaseUrl?: string | null; outDir: string }): RecordReader {
  if (options.databaseUrl) return pgRecordReader(openDb(options.databaseUrl), { owned: true });
  return new FolderRecordReader(options.outDir);
}
