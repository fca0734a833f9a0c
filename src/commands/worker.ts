import { resolve } from 'node:path';
import { StageNameSchema } from '../schema/record.js';
import { ALL_STAGES, WRITE_QUEUE } from '../pipeline/queues.js';
import { startStageWorker } from '../pipeline/stage-worker.js';
import { startWriteWorker } from '../pipeline/write-worker.js';
import { startAllWorkers } from '../pipeline/in-process.js';
import { CHAIN } from '../pipeline/stage-chain.js';
import { commandContext, onShutdownSignal, type CommandContext } from './context.js';

export interface WorkerCommandOptions {
  concurrency?: number;
  out: string;
  staged?: boolean;
}

async function startWorkers(ctx: CommandContext, stageArg: string, options: WorkerCommandOptions): Promise<() => Promise<void>> {
  const outDir = resolve(options.out);
  if (stageArg === ALL_STAGES) {
    const running = await startAllWorkers({ connect: () => ctx.connect(), settings: ctx.settings, logger: ctx.logger, outDir, concurrency: options.concurrency, layout: options.staged ? 'staged' : 'through' });
    return () => running.close();
  }
  if (options.staged) throw new Error(`--staged is for "worker ${ALL_STAGES}" (one stage's worker always hands the article on)`);
  if (stageArg === WRITE_QUEUE) {
    const running = await startWriteWorker({ connection: ctx.connect(), settings: ctx.settings, logger: ctx.logger, outDir, concurrency: options.concurrency });
    return () => running.close();
  }
  const parsed = StageNameSchema.safeParse(stageArg);
  if (!parsed.success || !CHAIN.includes(parsed.data)) {
    throw new Error(`unknown stage "${stageArg}": this build runs ${[...CHAIN, WRITE_QUEUE].join(', ')} (or ${ALL_STAGES}: every one in this process)`);
  }
  const running = await startStageWorker({ stage: parsed.data, connection: ctx.connect(), stateRedis: ctx.connect(), settings: ctx.settings, logger: ctx.logger, concurrency: options.concurrency });
  return () => running.close();
}

/**
 * `khabar worker <stage>`: one stage's worker process (start as many as you like, on any machine),
 * or `all`: every stage's worker and the writer in this process.
 */
export async function workerCommand(stageArg: string, options: WorkerCommandOptions): Promise<void> {
  const ctx = await commandContext({ mayStartRedis: false, name: `worker-${stageArg}` });
  const close = await startWorkers(ctx, stageArg, options);
  // The handlers first, then the line that says the worker is up: a supervisor (or a test) that
  // stops the worker as soon as it reads that line must get the graceful stop, not the default
  // SIGTERM death (it did, when the line came first).
  onShutdownSignal(
    ctx.logger,
    async () => {
      await close();
      ctx.logger.info({ stage: stageArg }, 'worker stopped');
    },
    ctx.settings.shutdownTimeoutMs + 15_000,
  );
  ctx.logger.info({ stage: stageArg, pid: process.pid }, 'worker started');
}
