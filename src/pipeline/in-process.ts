import type { Redis } from 'ioredis';
import type { QueueSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { createRedis } from './redis.js';
import { startStageWorker } from './stage-worker.js';
import { startWriteWorker } from './write-worker.js';
import { CHAIN } from './stage-chain.js';

export interface InProcessWorkers {
  close(): Promise<void>;
}

export interface AllWorkersOptions {
  /** Opens a new connection (each worker gets its own, as BullMQ blocks on it). */
  connect: () => Redis;
  settings: QueueSettings;
  logger: Logger;
  outDir: string;
  /** Jobs at once of each stage's worker (default: the stage's own) and of the writer (default 4). */
  concurrency?: number;
}

/**
 * Every stage's worker and the writer in this process, each on its own connections: what `khabar run`
 * starts in each of its processes (`khabar worker all`; one process a core), and what the
 * integration tests and the queue benchmark use. One article's stages run wherever a worker is free;
 * the hand-off between them still goes through Redis, so a process killed mid-article loses nothing.
 */
export async function startAllWorkers(options: AllWorkersOptions): Promise<InProcessWorkers> {
  const closers: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(closers.map((closer) => closer()));
  };
  try {
    for (const stage of CHAIN) {
      const running = await startStageWorker({ stage, connection: options.connect(), stateRedis: options.connect(), settings: options.settings, logger: options.logger, concurrency: options.concurrency });
      closers.push(() => running.close());
    }
    const writer = await startWriteWorker({ connection: options.connect(), settings: options.settings, logger: options.logger, outDir: options.outDir, concurrency: options.concurrency });
    closers.push(() => writer.close());
  } catch (error) {
    await close();
    throw error;
  }
  return { close };
}

/** `startAllWorkers` on connections to `redisUrl` that it also closes (tests, benchmarks). */
export async function startInProcessWorkers(options: { redisUrl: string; settings: QueueSettings; logger: Logger; outDir: string }): Promise<InProcessWorkers> {
  const connections: Redis[] = [];
  const connect = (): Redis => {
    const connection = createRedis(options.redisUrl);
    connection.on('error', () => {});
    connections.push(connection);
    return connection;
  };
  const workers = await startAllWorkers({ connect, settings: options.settings, logger: options.logger, outDir: options.outDir });
  return {
    async close() {
      await workers.close();
      for (const connection of connections) connection.disconnect();
    },
  };
}
