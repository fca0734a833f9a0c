import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadEnv, queueSettings, type QueueSettings } from '../../src/config.js';
import { testPrefix } from './redis.js';

/** Queue settings for a test: its own prefix, quick retries, short locks. */
export function testSettings(name: string, overrides: Partial<QueueSettings> = {}): QueueSettings {
  return {
    ...queueSettings(loadEnv({})),
    prefix: testPrefix(name),
    attempts: 3,
    backoffMs: 50,
    lockMs: 5_000,
    stalledIntervalMs: 1_000,
    shutdownTimeoutMs: 5_000,
    ...overrides,
  };
}

export const quietLogger = pino({ level: process.env.KHABAR_TEST_LOG ?? 'silent' });

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `khabar-${name}-`));
}
