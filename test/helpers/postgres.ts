// A PostgreSQL of the test file's own, started the way test Redis is, never the machine's server on
// 5432. Order (issue 22): a container when a Docker engine answers; else `initdb` + `pg_ctl` from
// the installed server (on PATH or under /usr/lib/postgresql/*/bin) on a free port in a temp dir
// with trust auth; else KHABAR_TEST_DATABASE_URL. Each file gets a fresh database on it.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

export interface TestPostgres {
  /** A fresh, empty database of this test file's own. */
  url: string;
  kind: 'testcontainers' | 'initdb' | 'env';
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl: PATH first, else Debian's newest /usr/lib/postgresql/N/bin. */
export function postgresBinDir(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return join(which.stdout.trim(), '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
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

/**
 * initdb refuses to run as root (CI and these machines run as root): the cluster then belongs to
 * the `postgres` user that Debian's package creates, else to `nobody`.
 */
function clusterOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (id.status === 0 && gid.status === 0) return { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('running as root and no postgres or nobody user to own a test PostgreSQL cluster');
}

async function tryInitdb(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  const bin = postgresBinDir();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'khabar-test-pg-'));
  const owner = clusterOwner();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const data = join(dir, 'data');
  execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], { ...as, stdio: 'pipe' });
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  execFileSync(join(bin, 'pg_ctl'), ['start', '-w', '-D', data, '-l', join(dir, 'log'), '-o', options], { ...as, stdio: 'pipe' });
  const stop = async () => {
    spawnSync(join(bin, 'pg_ctl'), ['stop', '-m', 'immediate', '-D', data], { ...as, stdio: 'pipe' });
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop };
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
