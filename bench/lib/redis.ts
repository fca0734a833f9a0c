import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { spawnRedisServer, type SpawnedRedis } from '../../src/pipeline/redis-server.js';
import { onInterrupt } from './cleanup.js';

/** A private redis-server for one benchmark (never the machine's shared 6379), removed on stop. */
export interface BenchRedis {
  url: string;
  server: SpawnedRedis;
  /** A plain client for INFO and clean-up. */
  client: Redis;
  stop(): Promise<void>;
}

export async function startBenchRedis(name: string, options: { appendonly?: boolean } = {}): Promise<BenchRedis> {
  const dir = mkdtempSync(join(tmpdir(), `khabar-bench-${name}-`));
  const server = await spawnRedisServer({ dir, appendonly: options.appendonly ?? false });
  const client = new Redis(server.url, { maxRetriesPerRequest: null });
  client.on('error', () => {});
  const stop = async (): Promise<void> => {
    client.disconnect();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const forget = onInterrupt(stop);
  return {
    url: server.url,
    server,
    client,
    async stop() {
      forget();
      await stop();
    },
  };
}

/** Bytes Redis holds for data (INFO memory `used_memory`). */
export async function usedMemory(client: Redis): Promise<number> {
  const info = await client.info('memory');
  const match = /used_memory:(\d+)/.exec(info);
  return match ? Number(match[1]) : Number.NaN;
}
