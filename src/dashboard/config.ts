import { isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError } from '../config.js';
import { AllowedHostsSchema, type HostEntry } from './hosts.js';

/**
 * The dashboard's own settings: env vars (KHABAR_DASHBOARD_*) overridden by CLI options, parsed once.
 * Refuses, before anything listens, to serve a non-loopback address without a token.
 */
export const DashboardEnvSchema = z.object({
  /** Needed to bind anything but loopback; asked for as HTTP basic (any user) or bearer. Also guards write actions. */
  KHABAR_DASHBOARD_TOKEN: z.string().min(16, 'KHABAR_DASHBOARD_TOKEN must be at least 16 characters').optional(),
  KHABAR_DASHBOARD_HOST: z.string().min(1).default('127.0.0.1'),
  KHABAR_DASHBOARD_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** `1`/`true`: no retry, clean or remove in bull-board (same as --read-only). */
  KHABAR_DASHBOARD_READ_ONLY: z
    .enum(['0', '1', 'true', 'false', ''])
    .default('')
    .transform((value) => value === '1' || value === 'true'),
  /** Milliseconds between live updates pushed to open overview pages. */
  KHABAR_DASHBOARD_REFRESH_MS: z.coerce.number().int().min(250).max(60_000).default(2_000),
  /** Host names (or `name:port`) the dashboard answers to besides loopback names and its bound address (behind a proxy, a DNS name). */
  KHABAR_DASHBOARD_ALLOWED_HOSTS: AllowedHostsSchema,
});

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
  const parsed = DashboardEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid dashboard configuration:\n${lines.join('\n')}`);
  }
  const fromEnv = parsed.data;
  const config: DashboardConfig = {
    host: cli.host ?? fromEnv.KHABAR_DASHBOARD_HOST,
    port: cli.port ?? fromEnv.KHABAR_DASHBOARD_PORT,
    token: fromEnv.KHABAR_DASHBOARD_TOKEN ?? null,
    readOnly: cli.readOnly === true || fromEnv.KHABAR_DASHBOARD_READ_ONLY,
    outDir: cli.out,
    refreshMs: fromEnv.KHABAR_DASHBOARD_REFRESH_MS,
    allowedHosts: fromEnv.KHABAR_DASHBOARD_ALLOWED_HOSTS,
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
