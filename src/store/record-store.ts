import type { EnrichedRecord } from '../schema/record.js';
import type { Logger } from '../logger.js';

/** A story the dedup step merged away while placing an article (the record in progress carries them). */
export interface MergedStory {
  storyId: string;
  mergedInto: string;
}

/**
 * Where the write stage keeps records besides the output folder's files. Two backends, chosen by
 * KHABAR_DATABASE_URL:
 * - folder (unset): the output folder is the store; the writer's own files (src/store/output.ts)
 *   are everything, so `save` has nothing more to do. `npm start` needs nothing else.
 * - postgres (set): each record also goes into PostgreSQL in one transaction (src/store/pg/save.ts),
 *   after its file is written, so a retried or killed writer converges on one row an article.
 * Story files and the record files stay in the folder in both cases (story files are built from them).
 */
export interface RecordStore {
  readonly backend: 'folder' | 'postgres';
  save(record: EnrichedRecord, mergedStories?: readonly MergedStory[]): Promise<void>;
  close(): Promise<void>;
}

const folderStore: RecordStore = {
  backend: 'folder',
  async save() {},
  async close() {},
};

/**
 * The store the environment asks for. With PostgreSQL, the schema is migrated first (under an
 * advisory lock, so many workers may start at once); a database that cannot be reached fails the start.
 */
export async function openRecordStore(options: { databaseUrl?: string | null; logger?: Logger }): Promise<RecordStore> {
  if (!options.databaseUrl) return folderStore;
  const { openDb, migrateToLatest } = await import('./pg/db.js');
  const { saveRecord } = await import('./pg/save.js');
  const db = openDb(options.databaseUrl);
  try {
    const { applied } = await migrateToLatest(db);
    if (applied.length > 0) options.logger?.info({ applied }, 'database migrated');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    backend: 'postgres',
    save: (record, mergedStories = []) => saveRecord(db, record, mergedStories),
    close: () => db.destroy(),
  };
}
