import type { QueueSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { createRedis } from './redis.js';
import { startStageWorker } from './stage-worker.js';
import { startWriteWorker } from './write-worker.js';
import { CHAIN } from './stage-chain.js';

export interface InProcessWorkers {
  close(): Promise<void>;
}

/**
 * One worker per queue inside this process, each on its own connections: what the integration tests
 * and the queue benchmark use. Production runs them as separate processes (`khabar worker <stage>`).
 */
export async function startInProcessWorkers(options: { redisUrl: string; settings: QueueSettings; logger: Logger; outDir: string }): Promise<InProcessWorkers> {
  const connections = [] as ReturnType<typeof createRedis>[];
  const connect = () => {
    const connection = createRedis(options.redisUrl);
    connection.on('error', () => {});
    connections.push(connection);
    return connection;
  };
  const closers: (() => Promise<void>)[] = [];
  for (const stage of CHAIN) {
    const running = await startStageWorker({ stage, connection: connect(), stateRedis: connect(), settings: options.settings, logger: options.logger });
    closers.push(() => running.close());
  }
  const writer = await startWriteWorker({ connection: connect(), settings: options.settings, logger: options.logger, outDir: options.outDir });
  closers.push(() => writer.close());
  return {
    async close() {
      await Promise.all(closers.map((close) => close()));
      for (const connection of connections) connection.disconnect();
    },
  };
}
