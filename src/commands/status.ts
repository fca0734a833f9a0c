import { openQueue } from '../pipeline/queues.js';
import { allQueues } from '../pipeline/stage-chain.js';
import { commandContext, releaseRedis } from './context.js';

const STATES = ['waiting', 'active', 'completed', 'failed', 'delayed', 'waiting-children'] as const;

/** `khabar status`: per-stage job counts from Redis (the folder's embedded one started from its data when a run has stopped). */
export async function statusCommand(options: { json?: boolean }): Promise<void> {
  const ctx = await commandContext({ mayStartRedis: 'from-data', name: 'status' });
  const connection = ctx.connect();
  const rows: Record<string, Record<string, number>> = {};
  try {
    for (const name of allQueues()) {
      const queue = openQueue(name, connection, ctx.settings);
      rows[name] = await queue.getJobCounts(...STATES);
      await queue.close();
    }
  } finally {
    connection.disconnect();
    await releaseRedis(ctx); // a Redis started from the last run's data is stopped again
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const header = ['stage', ...STATES];
  const lines = [header, ...Object.entries(rows).map(([name, counts]) => [name, ...STATES.map((state) => String(counts[state] ?? 0))])];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  for (const line of lines) process.stdout.write(`${line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}\n`);
}
