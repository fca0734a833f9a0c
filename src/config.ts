import { z } from 'zod';
import { zodProblems } from './schema/zod-errors.js';
import { AllowedHostsSchema } from './dashboard/hosts.js';

/** Integer env var with a default; a bad value is a clear error naming the variable. */
const intFromEnv = (fallback: number, min = 0) =>
  z.coerce.number().int().min(min).default(fallback);

/**
 * Every environment variable khabar reads, parsed once: the one schema of them (the dashboard's
 * settings read theirs from here too). CLI flags override these where both exist.
 * Unknown KHABAR_* variables are ignored, not rejected (a deployment may carry newer ones).
 */
export const EnvSchema = z.object({
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  /**
   * PostgreSQL connection URL: set, the write stage also stores every record there (one transaction
   * an article) and the read API answers from it; unset, the output folder is the only store.
   */
  KHABAR_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'KHABAR_DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** Namespace of every Redis key khabar writes (queues, registries, indexes). */
  KHABAR_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+(:[A-Za-z0-9_-]+)*$/).default('khabar'),
  /** Where the embedded Redis keeps its data and the local state lives. */
  KHABAR_HOME: z.string().default('.khabar'),
  KHABAR_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** pretty | json; default: pretty on a TTY, JSON otherwise. */
  KHABAR_LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  /** Files larger than this are rejected at ingest (bytes). */
  KHABAR_MAX_FILE_BYTES: intFromEnv(5 * 1024 * 1024, 1),
  /**
   * An article longer than this (characters of its text) ends as a failure record at the ingest and
   * never enters the chain: the longest real news article is far below it (issue 21).
   */
  KHABAR_MAX_ARTICLE_CHARS: intFromEnv(200_000, 1),
  /** An article with more tokens than this ends as a failure record at the tokenise stage. */
  KHABAR_MAX_ARTICLE_TOKENS: intFromEnv(60_000, 1),
  /** Attempts per stage job before it becomes a failure record. */
  KHABAR_ATTEMPTS: intFromEnv(4, 1),
  /** First retry delay; doubles each attempt (exponential backoff). */
  KHABAR_BACKOFF_MS: intFromEnv(1000, 1),
  /** A worker's job lock; a crashed worker's job is taken over within about lock + stalled interval. */
  KHABAR_LOCK_MS: intFromEnv(15_000, 1000),
  KHABAR_STALLED_INTERVAL_MS: intFromEnv(5_000, 500),
  /** A job whose worker died this many times fails for good (a poison input must not kill workers forever). */
  KHABAR_MAX_STALLED: intFromEnv(5, 1),
  /** How long SIGTERM waits for active jobs before giving them back to the queue. */
  KHABAR_SHUTDOWN_TIMEOUT_MS: intFromEnv(30_000, 0),
  /** Completed jobs kept per queue (count and age) so Redis does not grow without bound. */
  KHABAR_KEEP_COMPLETED: intFromEnv(200, 0),
  KHABAR_KEEP_COMPLETED_SECONDS: intFromEnv(3600, 0),
  KHABAR_KEEP_FAILED: intFromEnv(5000, 0),
  /** Ingest pauses while this many articles are anywhere in the chain: stage queues and the write queue (backpressure). */
  KHABAR_INGEST_HIGH_WATER: intFromEnv(500, 1),
  /** `run --once` stops after this many seconds and reports what is unfinished (`--deadline`; unset: no deadline). */
  KHABAR_DEADLINE_SECONDS: z.coerce.number().int().min(1).optional(),
  /** The dashboard's: needed to bind anything but loopback; asked for as HTTP basic (any user) or bearer. Also guards write actions. */
  KHABAR_DASHBOARD_TOKEN: z.string().min(16, 'KHABAR_DASHBOARD_TOKEN must be at least 16 characters').optional(),
  KHABAR_DASHBOARD_HOST: z.string().min(1).default('127.0.0.1'),
  KHABAR_DASHBOARD_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** `1`/`true`: no retry, clean or remove in bull-board (same as --read-only). */
  KHABAR_DASHBOARD_READ_ONLY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  /** Milliseconds between live updates pushed to open overview pages. */
  KHABAR_DASHBOARD_REFRESH_MS: z.coerce.number().int().min(250).max(60_000).default(2_000),
  /** Host names (or `name:port`) the dashboard answers to besides loopback names and its bound address (behind a proxy, a DNS name). */
  KHABAR_DASHBOARD_ALLOWED_HOSTS: AllowedHostsSchema,
  /** A config file (YAML) for `khabar run`; today its `feeds:` (same as `--config`). */
  KHABAR_CONFIG: z.string().min(1).optional(),
  /** Signs every webhook alert (HMAC-SHA256); without it, webhooks are not sent (never unsigned). */
  KHABAR_WEBHOOK_SECRET: z.string().min(16, 'KHABAR_WEBHOOK_SECRET must be at least 16 characters').optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every bad variable. An empty variable counts as unset. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    // Values are not echoed (no reportInput): a variable may hold a token or a password.
    const lines = zodProblems(parsed.error, { root: 'environment' }).map((line) => `  ${line}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Settings every BullMQ queue and worker shares, derived from the env. */
export interface QueueSettings {
  prefix: string;
  attempts: number;
  backoffMs: number;
  lockMs: number;
  stalledIntervalMs: number;
  maxStalled: number;
  keepCompleted: { count: number; age: number };
  keepFailed: number;
  shutdownTimeoutMs: number;
  /** Beyond these an article ends as a failure record (KHABAR_MAX_ARTICLE_CHARS, KHABAR_MAX_ARTICLE_TOKENS). */
  articleLimits: ArticleLimits;
}

export interface ArticleLimits {
  maxChars: number;
  maxTokens: number;
}

export function queueSettings(env: Env): QueueSettings {
  return {
    prefix: env.KHABAR_PREFIX,
    attempts: env.KHABAR_ATTEMPTS,
    backoffMs: env.KHABAR_BACKOFF_MS,
    lockMs: env.KHABAR_LOCK_MS,
    stalledIntervalMs: env.KHABAR_STALLED_INTERVAL_MS,
    maxStalled: env.KHABAR_MAX_STALLED,
    keepCompleted: { count: env.KHABAR_KEEP_COMPLETED, age: env.KHABAR_KEEP_COMPLETED_SECONDS },
    keepFailed: env.KHABAR_KEEP_FAILED,
    shutdownTimeoutMs: env.KHABAR_SHUTDOWN_TIMEOUT_MS,
    articleLimits: { maxChars: env.KHABAR_MAX_ARTICLE_CHARS, maxTokens: env.KHABAR_MAX_ARTICLE_TOKENS },
  };
}
