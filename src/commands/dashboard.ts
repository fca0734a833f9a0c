import { resolve } from 'node:path';
import { dashboardConfig } from '../dashboard/config.js';
import { startDashboard } from '../dashboard/server.js';
import { commandContext, onShutdownSignal } from './context.js';

export interface DashboardCommandOptions {
  port?: number;
  host?: string;
  out: string;
  readOnly?: boolean;
}

/** `khabar dashboard`: the dashboard alone, against the Redis in REDIS_URL (or the running embedded one). */
export async function dashboardCommand(options: DashboardCommandOptions): Promise<void> {
  // Checked before connecting: a refused binding should say so at once, not after a Redis wait.
  const config = dashboardConfig({ ...options, out: resolve(options.out) });
  const ctx = await commandContext({ mayStartRedis: false, name: 'dashboard' });
  const connection = ctx.connect();
  const dashboard = await startDashboard({ connection, settings: ctx.settings, config, logger: ctx.logger });
  process.stdout.write(`khabar dashboard: ${dashboard.url}/ (queues: ${dashboard.url}/queues)\n`);
  onShutdownSignal(ctx.logger, async () => {
    await dashboard.close();
    connection.disconnect();
  });
}
