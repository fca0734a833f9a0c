import { resolve } from 'node:path';
import { dashboardConfig } from '../dashboard/config.js';
import { startDashboard, type RunningDashboard } from '../dashboard/server.js';
import { commandContext, onShutdownSignal, releaseRedis } from './context.js';

export interface DashboardCommandOptions {
  port?: number;
  host?: string;
  out: string;
  readOnly?: boolean;
}

/**
 * `khabar dashboard`: the dashboard alone, against the Redis in REDIS_URL or the running embedded
 * one. With neither (a `khabar run --once` has finished and stopped its Redis), it starts this
 * folder's embedded Redis again: its data is on disk (AOF), so the last run's jobs, entity registry
 * and records can be browsed the morning after.
 */
export async function dashboardCommand(options: DashboardCommandOptions): Promise<void> {
  // Checked before connecting: a refused binding should say so at once, not after a Redis wait.
  const config = dashboardConfig({ ...options, out: resolve(options.out) });
  const ctx = await commandContext({ mayStartRedis: true, name: 'dashboard' });
  const connection = ctx.connect();
  let dashboard: RunningDashboard;
  try {
    dashboard = await startDashboard({ connection, settings: ctx.settings, config, logger: ctx.logger });
  } catch (error) {
    // Its port taken: a Redis started for it must not outlive it.
    connection.disconnect();
    await releaseRedis(ctx);
    throw error;
  }
  process.stdout.write(`khabar dashboard: ${dashboard.url}/ (queues: ${dashboard.url}/queues)\n`);
  onShutdownSignal(ctx.logger, async () => {
    await dashboard.close();
    connection.disconnect();
    await releaseRedis(ctx);
  });
}
