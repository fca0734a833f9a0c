// Vitest global setup: one Redis for the whole run, never the machine's shared one.
// Order (as the team agreed): REDIS_URL when set; else @testcontainers/redis when a Docker engine
// answers; else a `redis-server` child on a free port with its data in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { spawnRedisServer } from '../../src/pipeline/redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    redisKind: 'env' | 'testcontainers' | 'redis-server';
  }
}

async function tryTestcontainers(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
  } catch {
    return null; // no Docker engine answers: the documented fallback is a local redis-server
  }
  const { RedisContainer } = await import('@testcontainers/redis');
  const container = await new RedisContainer('redis:7-alpine').start();
  return { url: container.getConnectionUrl(), stop: async () => { await container.stop(); } };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fromEnv = process.env.REDIS_URL;
  if (fromEnv) {
    project.provide('redisUrl', fromEnv);
    project.provide('redisKind', 'env');
    return async () => {};
  }
  const container = process.env.KHABAR_TEST_NO_DOCKER ? null : await tryTestcontainers();
  if (container) {
    project.provide('redisUrl', container.url);
    project.provide('redisKind', 'testcontainers');
    return container.stop;
  }
  const dir = mkdtempSync(join(tmpdir(), 'khabar-test-redis-'));
  const server = await spawnRedisServer({ dir, appendonly: true });
  process.env.KHABAR_TEST_REDIS_PID = String(server.process.pid);
  project.provide('redisUrl', server.url);
  project.provide('redisKind', 'redis-server');
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
