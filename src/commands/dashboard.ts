import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { dashboardConfig } from '../dashboard/config.js';
import { startDashboard } from '../dashboard/server.js';
import { createRedis, embeddedUrlFile } from '../pipeline/redis.js';
import { commandContext, onShutdownSignal } from './context.js';

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
  const dashboard = await startDashboard({ connection, settings: ctx.settings, config, logger: ctx.logger });
  process.stdout.write(`khabar dashboard: ${dashboard.url}/ (queues: ${dashboard.url}/queues)\n`);
  onShutdownSignal(ctx.logger, async () => {
    await dashboard.close();
    connection.disconnect();
    const embedded = ctx.redis.embedded;
    if (!embedded) return;
    // A `khabar run` started meanwhile uses the Redis we started: stopping it would pull it from
    // under the pipeline, so it is left running (the next command finds it through the URL file).
    const others = await otherClients(ctx.redis.url);
    if (others > 0) {
      ctx.logger.info({ clients: others }, 'embedded redis left running: other khabar processes use it');
      return;
    }
    await embedded.stop();
    rmSync(embeddedUrlFile(ctx.env.KHABAR_HOME), { force: true });
  });
}

/** Clients connected to the Redis at `url` other than the one asking. */
async function otherClients(url: string): Promise<number> {
  // One try, no reconnects: a Redis that does not answer has no clients to protect.
  const probe = createRedis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
  try {
    const list = (await probe.client('LIST')) as string;
    return Math.max(0, list.split('\n').filter((line) => line.trim().length > 0).length - 1);
  } catch {
    return 0;
  } finally {
    probe.disconnect();
  }
}
