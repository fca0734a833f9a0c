import { ConfigError, loadEnv } from '../config.js';
import { createLogger } from '../logger.js';
import { migrateToLatest, openDb } from '../store/pg/db.js';

/** `khabar db migrate`: applies the migrations this build has and the database lacks, then exits. */
export async function dbMigrateCommand(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger({ level: env.KHABAR_LOG_LEVEL, format: env.KHABAR_LOG_FORMAT, name: 'db' });
  if (!env.KHABAR_DATABASE_URL) throw new ConfigError('khabar db migrate needs KHABAR_DATABASE_URL (postgres://user@host:port/database)');
  const db = openDb(env.KHABAR_DATABASE_URL, { max: 1 });
  try {
    const { applied } = await migrateToLatest(db);
    logger.info({ applied }, applied.length > 0 ? `applied ${applied.length} migration(s)` : 'schema already up to date');
  } finally {
    await db.destroy();
  }
}
