// A PostgreSQL of the test file's own, started the way test Redis is, never the machine's server on
// 5432. Order (issue 22): a container when a Docker engine answers; else `initdb` + `pg_ctl` from
// the installed server (src/store/pg/local-server.ts: on PATH or under /usr/lib/postgresql/*/bin) on a
// free port in a temp dir with trust auth; else KHABAR_TEST_DATABASE_URL. Each file gets a fresh database on it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startLocalPostgres } from '../../src/store/pg/local-server.js';

export interface TestPostgres {
  /** A fresh, empty database of this test file's own. */
  url: string;
  kind: 'testcontainers' | 'initdb' | 'env';
  stop(): Promise<void>;
}

async function tryContainer(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  if (process.env.KHABAR_TEST_NO_DOCKER) return null;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
  } catch {
    return null; // no Docker engine answers
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:16-alpine').start();
  return { url: container.getConnectionUri(), stop: async () => { await container.stop(); } };
}

async function tryInitdb(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  // The tests' cluster trades durability for speed: nothing in it outlives the test file.
  return startLocalPostgres({ settings: ['synchronous_commit=off'] });
}

/** `url` with its database name replaced. */
function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Starts (or finds) a server and makes a fresh database on it for the caller. */
export async function startTestPostgres(): Promise<TestPostgres> {
  let server: { url: string; stop: () => Promise<void> } | null = null;
  let kind: TestPostgres['kind'] = 'testcontainers';
  server = await tryContainer();
  if (!server) {
    kind = 'initdb';
    server = await tryInitdb();
  }
  if (!server) {
    kind = 'env';
    const fromEnv = process.env.KHABAR_TEST_DATABASE_URL;
    if (!fromEnv) throw new Error('no PostgreSQL for the tests: no Docker engine, no initdb (install Debian\'s postgresql package) and no KHABAR_TEST_DATABASE_URL');
    server = { url: fromEnv, stop: async () => {} };
  }
  const name = `khabar_test_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const owned = server;
  return {
    url: withDatabase(server.url, name),
    kind,
    async stop() {
      if (kind === 'env') {
        const cleanup = new pg.Client({ connectionString: owned.url });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`).finally(() => cleanup.end());
      }
      await owned.stop();
    },
  };
}

/** One PostgreSQL for the test file: started before its tests, stopped after them. */
export function useTestPostgres(): () => TestPostgres {
  let running: TestPostgres | null = null;
  beforeAll(async () => {
    running = await startTestPostgres();
  }, 120_000);
  afterAll(async () => {
    await running?.stop();
  });
  return () => {
    if (!running) throw new Error('the test PostgreSQL is not started yet (call it inside a test)');
    return running;
  };
}
