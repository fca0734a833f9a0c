import { Kysely, Migrator, PostgresDialect, sql, type LogConfig, type Migration, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import type { Database } from './tables.js';
import * as m0001 from './migrations/0001-initial.js';
import * as m0002 from './migrations/0002-entity-days.js';
import * as m0003 from './migrations/0003-dashboard-pages.js';

/**
 * The migrations in order, as modules (not read from a folder at run time: the same list works
 * from src/ under tsx and from dist/). A new migration is a new file here, never an edit of an old one.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-entity-days': m0002,
  '0003-dashboard-pages': m0003,
};

/** Any fixed 64-bit key: every khabar process that migrates takes this lock first. */
const MIGRATION_LOCK_KEY = 7_152_022_001;

export type Db = Kysely<Database>;

/** Opens a pool on `url` (a few connections: a worker writes a handful of articles at once). */
export function openDb(url: string, options: { max?: number; log?: LogConfig } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4 });
  // An idle client's error (the server restarted) must not crash the process: the next query reconnects.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(options.log ? { log: options.log } : {}) });
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/**
 * Brings the schema to the latest migration. Many workers starting at once all call this: a session
 * advisory lock lets one migrate while the others wait, then find nothing to do.
 */
export async function migrateToLatest(db: Db): Promise<{ applied: string[] }> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      const migrator = new Migrator({ db: conn, provider: { getMigrations: async () => MIGRATIONS } });
      const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
      if (error) throw new MigrationError(`database migration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      return { applied: (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName) };
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}
