/**
 * What a Redis error means for the pipeline. "refused": the server answers but will not take writes
 * (out of memory under noeviction, cannot persist, a read-only replica, wrong credentials): waiting
 * does not help, somebody must act. "gone": no answer (refused connection, reset, timeout): a restart
 * may bring it back. "other": anything else (a script error, a bug).
 */
export type RedisFaultKind = 'refused' | 'gone' | 'other';

export interface RedisFault {
  kind: RedisFaultKind;
  /** The server's or the socket's own words, on one line. */
  cause: string;
  /** What to do about it (refusals only). */
  hint: string | null;
}

const REFUSALS: [RegExp, string][] = [
  [/^OOM\b/, 'raise its maxmemory (CONFIG SET maxmemory …) or free memory; the jobs already queued are kept'],
  [/^MISCONF\b/, 'Redis cannot write its AOF or snapshot: free disk space under its dir, or fix the dir\'s permissions'],
  [/^READONLY\b/, 'this server is a read-only replica: point REDIS_URL at the primary'],
  [/^(NOAUTH|WRONGPASS)\b/, 'the credentials are missing or wrong: check REDIS_URL (or .khabar/redis-password for the embedded server)'],
  [/^NOREPLICAS\b/, 'not enough replicas acknowledge writes (min-replicas-to-write)'],
];

const GONE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND|Connection is closed|Stream isn't writeable|connect ETIMEDOUT|socket|Command timed out/i;

export function classifyRedisError(error: unknown): RedisFault {
  // A refused command inside MULTI makes EXEC fail with "EXECABORT Transaction discarded because of
  // previous errors": the refusal itself (OOM, MISCONF …) is in ioredis' `previousErrors`.
  const causes = [...previousErrorMessages(error), messageOf(error)].map(oneLine);
  for (const cause of causes) {
    for (const [pattern, hint] of REFUSALS) if (pattern.test(cause)) return { kind: 'refused', cause, hint };
  }
  const cause = causes[causes.length - 1] ?? '';
  if (GONE.test(cause)) return { kind: 'gone', cause, hint: null };
  return { kind: 'other', cause, hint: null };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function previousErrorMessages(error: unknown): string[] {
  if (!(error instanceof Error) || !('previousErrors' in error) || !Array.isArray(error.previousErrors)) return [];
  return error.previousErrors.map((inner: unknown) => messageOf(inner));
}

/** A refusal inside a BullMQ script carries the script's sha and line: noise to the reader. */
function oneLine(message: string): string {
  return message
    .replace(/\s*script: [0-9a-f]{40}, on @user_script:\d+\.?/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

/** One line for the user: "Redis refuses writes: OOM command not allowed … — raise its maxmemory …". */
export function describeRedisFault(fault: RedisFault): string {
  if (fault.kind === 'refused') return `Redis refuses writes: ${fault.cause} — ${fault.hint ?? 'see the Redis log'}`;
  if (fault.kind === 'gone') return `Redis does not answer: ${fault.cause}`;
  return `Redis error: ${fault.cause}`;
}

/** A fault that stops `khabar run`: its message is what the user reads last. */
export class RedisFaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisFaultError';
  }
}
