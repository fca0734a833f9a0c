import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  format?: 'pretty' | 'json';
  name?: string;
}

/**
 * JSON logs by default (one line an event, for machines); pretty when stderr is a TTY.
 * Logs go to stderr so that stdout stays clean for `khabar analyse` output.
 * Every line about an article carries `articleId` and `stage` (child loggers add them).
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const format = options.format ?? (process.stderr.isTTY ? 'pretty' : 'json');
  const base = { name: options.name ?? 'khabar', level: options.level ?? 'info' };
  // Credentials never reach a log line, whatever object a caller passes.
  const redact = { paths: ['redisUrl', '*.redisUrl', 'password', '*.password', 'token', '*.token'], censor: '[redacted]' };
  if (format === 'pretty') {
    return pino({
      ...base,
      redact,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss.l' } },
    });
  }
  return pino({ ...base, redact }, pino.destination({ dest: 2, sync: false }));
}

/** Strips credentials from a Redis URL before it is shown anywhere. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.username && parsed.username !== 'default') parsed.username = '***';
    return parsed.toString();
  } catch {
    return 'redis://[unparseable]';
  }
}
