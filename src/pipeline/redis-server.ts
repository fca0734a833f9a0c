import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/** A `redis-server` child process that we started and must stop. */
export interface SpawnedRedis {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export class RedisServerMissingError extends Error {
  constructor(detail: string) {
    super(
      `no Redis available (${detail}). Install it (Debian/Ubuntu: \`apt-get install redis-server\`, ` +
        'macOS: `brew install redis`), or start one with `docker compose up -d redis`, ' +
        'or point khabar at an existing server with REDIS_URL=redis://host:6379.',
    );
    this.name = 'RedisServerMissingError';
  }
}

/** Asks the OS for a free loopback TCP port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the free port'));
      });
    });
  });
}

export interface SpawnRedisOptions {
  /** Data directory (AOF and dump live here). */
  dir: string;
  port?: number;
  /** Append-only file on, so queued work survives a restart of the server. */
  appendonly?: boolean;
  binary?: string;
  /** More `redis-server` arguments (e.g. `--requirepass`, for tests). */
  extraArgs?: string[];
  /** Password for the readiness probe when `--requirepass` is given. */
  password?: string;
  /**
   * A `requirepass` for the server, handed over on its stdin as a config line (`redis-server -`):
   * never in argv, which any local user can read with `ps`.
   */
  requirePassword?: string;
}

/**
 * Starts `redis-server` on a loopback port, with BullMQ's required `maxmemory-policy noeviction`,
 * and waits until it answers PING.
 */
export async function spawnRedisServer(options: SpawnRedisOptions): Promise<SpawnedRedis> {
  const port = options.port ?? (await freePort());
  mkdirSync(options.dir, { recursive: true });
  const args = [
    ...(options.requirePassword ? ['-'] : []),
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', options.dir,
    '--appendonly', options.appendonly === false ? 'no' : 'yes',
    '--appendfsync', 'everysec',
    '--save', '',
    '--maxmemory-policy', 'noeviction',
    '--protected-mode', 'yes',
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(options.binary ?? 'redis-server', args, { stdio: [options.requirePassword ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
  child.stdin?.on('error', () => {}); // a server that exits at once closes its stdin: the exit says why
  if (options.requirePassword) child.stdin?.end(`requirepass ${options.requirePassword}\n`);
  const password = options.requirePassword ?? options.password;
  let spawnError: Error | null = null;
  let exited = false;
  let stderr = '';
  child.on('error', (error) => { spawnError = error; });
  child.on('exit', () => { exited = true; });
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });

  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (spawnError) {
      const code = (spawnError as NodeJS.ErrnoException).code;
      throw new RedisServerMissingError(code === 'ENOENT' ? 'redis-server is not on PATH' : String(spawnError));
    }
    if (exited) throw new RedisServerMissingError(`redis-server exited at start: ${stderr.trim().slice(0, 300)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new RedisServerMissingError('redis-server did not answer within 10 s');
    }
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, ...(password ? { password } : {}) });
    probe.on('error', () => {}); // refused until the server listens: expected, we poll
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') {
        probe.disconnect();
        break;
      }
    } catch {
      probe.disconnect();
    }
    await sleep(50);
  }

  return {
    url,
    port,
    process: child,
    async stop() {
      if (exited) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await done;
      clearTimeout(timer);
    },
  };
}
