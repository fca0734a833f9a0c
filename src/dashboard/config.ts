import { isIP } from 'node:net';
import { ConfigError, loadEnv } from '../config.js';
import type { HostEntry } from './hosts.js';

/**
 * The dashboard's own settings: env vars (KHABAR_DASHBOARD_*, declared in the one env schema of
 * src/config.ts) overridden by CLI options. Refuses, before anything listens, to serve a non-loopback
 * address without a token.
 */
export interface DashboardCliOptions {
  port?: number;
  host?: string;
  readOnly?: boolean;
  out: string;
}

export interface DashboardConfig {
  host: string;
  port: number;
  token: string | null;
  readOnly: boolean;
  outDir: string;
  refreshMs: number;
  /** Extra `Host` values answered (KHABAR_DASHBOARD_ALLOWED_HOSTS); loopback names and `host` always are. */
  allowedHosts?: readonly HostEntry[];
  /** KHABAR_DATABASE_URL: the read API answers from PostgreSQL; unset, from the output folder. */
  databaseUrl?: string | null;
}

/** True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./i.test(bare);
  return false;
}

export function dashboardConfig(cli: DashboardCliOptions, env: NodeJS.ProcessEnv = process.env): DashboardConfig {
  const fromEnv = loadEnv(env);
  const config: DashboardConfig = {
    host: cli.host ?? fromEnv.KHABAR_DASHBOARD_HOST,
    port: cli.port ?? fromEnv.KHABAR_DASHBOARD_PORT,
    token: fromEnv.KHABAR_DASHBOARD_TOKEN ?? null,
    readOnly: cli.readOnly === true || fromEnv.KHABAR_DASHBOARD_READ_ONLY,
    outDir: cli.out,
    refreshMs: fromEnv.KHABAR_DASHBOARD_REFRESH_MS,
    allowedHosts: fromEnv.KHABAR_DASHBOARD_ALLOWED_HOSTS,
    databaseUrl: fromEnv.KHABAR_DATABASE_URL ?? null,
  };
  assertSafeBinding(config);
  return config;
}

/** The rule of issue 7: anything but loopback needs a token, or the dashboard does not start. */
export function assertSafeBinding(config: Pick<DashboardConfig, 'host' | 'token'>): void {
  if (!isLoopback(config.host) && !config.token) {
    throw new ConfigError(
      `refusing to serve the dashboard on ${config.host} without KHABAR_DASHBOARD_TOKEN (at least 16 characters); ` +
        'bind 127.0.0.1 or set a token',
    );
  }
}
