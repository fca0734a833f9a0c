import { resolve } from 'node:path';
import { StageNameSchema } from '../schema/record.js';
import { WRITE_QUEUE } from '../pipeline/queues.js';
import { startStageWorker } from '../pipeline/stage-worker.js';
import { startWriteWorker } from '../pipeline/write-worker.js';
import { CHAIN } from '../pipeline/stage-chain.js';
import { commandContext, onShutdownSignal } from './context.js';

export interface WorkerCommandOptions {
  concurrency?: number;
  out: string;
}

/** `khabar worker <stage>`: one stage's worker process; start as many as you like, on any machine. */
export async function workerCommand(stageArg: string, options: WorkerCommandOptions): Promise<void> {
  const ctx = await commandContext({ mayStartRedis: false, name: `worker-${stageArg}` });
  let close: () => Promise<void>;
  if (stageArg === WRITE_QUEUE) {
    const running = await startWriteWorker({ connection: ctx.connect(), settings: ctx.settings, logger: ctx.logger, outDir: resolve(options.out), concurrency: options.concurrency });
    close = () => running.close();
  } else {
    const parsed = StageNameSchema.safeParse(stageArg);
    if (!parsed.success || !CHAIN.includes(parsed.data)) {
      throw new Error(`unknown stage "${stageArg}": this build runs ${[...CHAIN, WRITE_QUEUE].join(', ')}`);
    }
    const connection = ctx.connect();
    const running = await startStageWorker({ stage: parsed.data, connection, stateRedis: ctx.connect(), settings: ctx.settings, logger: ctx.logger, concurrency: options.concurrency });
    close = () => running.close();
  }
  ctx.logger.info({ stage: stageArg, pid: process.pid }, 'worker started');
  onShutdownSignal(
    ctx.logger,
    async () => {
      await close();
      ctx.logger.info({ stage: stageArg }, 'worker stopped');
    },
    ctx.settings.shutdownTimeoutMs + 15_000,
  );
}
