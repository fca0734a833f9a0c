import type { Redis } from 'ioredis';
import type { QueueSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { createRedis } from './redis.js';
import { startStageWorker } from './stage-worker.js';
import { startWriteWorker } from './write-worker.js';
import { startThroughWorker } from './through-worker.js';
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
  /** Jobs at once of each worker (default: the through worker's 2, each stage's own, the writer's 4). */
  concurrency?: number;
  /**
   * `through` (the default): each article runs every stage and its write in one job of this process
   * (./through-worker.ts). `staged`: every stage's worker hands the article to the next through Redis,
   * as separate `khabar worker <stage>` processes do (the tests of the hand-off and the bench's
   * comparison use it).
   */
  layout?: AllWorkersLayout;
}

export type AllWorkersLayout = 'through' | 'staged';

/**
 * Every stage's worker and the writer in this process, each on its own connections: what `khabar run`
 * starts in each of its processes (`khabar worker all`; one process a core), and what the
 * integration tests and the queue benchmark use. In the `through` layout an article entering the
 * first queue is processed and written here in one job; the later stages' workers still run, idle
 * unless a `khabar worker tokenise` elsewhere hands articles on stage by stage. A process killed
 * mid-article loses nothing either way: its job is retried.
 */
export async function startAllWorkers(options: AllWorkersOptions): Promise<InProcessWorkers> {
  const closers: (() => Promise<void>)[] = [];
  /** The through worker stops first (an article in flight finishes its write), then the rest at once. */
  let closeFirst: (() => Promise<void>) | null = null;
  const close = async (): Promise<void> => {
    if (closeFirst) await closeFirst();
    await Promise.all(closers.map((closer) => closer()));
  };
  const layout = options.layout ?? 'through';
  try {
    const writer = await startWriteWorker({ connection: options.connect(), settings: options.settings, logger: options.logger, outDir: options.outDir, concurrency: options.concurrency });
    closers.push(() => writer.close());
    if (layout === 'through') {
      const through = await startThroughWorker({ connection: options.connect(), stateRedis: options.connect(), settings: options.settings, logger: options.logger, writer, concurrency: options.concurrency });
      closeFirst = () => through.close();
    }
    for (const stage of layout === 'through' ? CHAIN.slice(1) : CHAIN) {
      const running = await startStageWorker({ stage, connection: options.connect(), stateRedis: options.connect(), settings: options.settings, logger: options.logger, concurrency: options.concurrency });
      closers.push(() => running.close());
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { close };
}

/** `startAllWorkers` on connections to `redisUrl` that it also closes (tests, benchmarks). */
export async function startInProcessWorkers(options: { redisUrl: string; settings: QueueSettings; logger: Logger; outDir: string; layout?: AllWorkersLayout }): Promise<InProcessWorkers> {
  const connections: Redis[] = [];
  const connect = (): Redis => {
    const connection = createRedis(options.redisUrl);
    connection.on('error', () => {});
    connections.push(connection);
    return connection;
  };
  const workers = await startAllWorkers({ connect, settings: options.settings, logger: options.logger, outDir: options.outDir, layout: options.layout });
  return {
    async close() {
      await workers.close();
      for (const connection of connections) connection.disconnect();
    },
  };
}
