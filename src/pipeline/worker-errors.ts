import type { Worker } from 'bullmq';
import type { Logger } from '../logger.js';
import { classifyRedisError, describeRedisFault } from './redis-faults.js';

/** How often repeated worker errors are summed up in one line. */
export const ERROR_SUMMARY_MS = 30_000;
/** The longest a worker pauses after errors in a row. */
const MAX_PAUSE_MS = 30_000;
/** Errors further apart than this start a new row (the pause starts short again). */
const QUIET_MS = 60_000;
/**
 * Other errors pause the worker only when they come this thick (a second's worth): one now and then
 * (a lock lost to a killed worker, in the soak) must not slow a healthy worker down.
 */
const FLOOD_PER_SECOND = 10;

export interface WorkerErrorGuard {
  stop(): void;
}

/**
 * Worker 'error' events with backoff and a bounded log. BullMQ emits one for every failed fetch and
 * retries at once when the error is a reply (not a lost connection): a Redis out of memory made 739k
 * "worker error" lines in 100 s. Here each distinct error is logged once, in words that name the
 * cause, then counted and summed up every 30 s; and a worker that Redis refuses (or that gets a flood
 * of other reply errors) pauses (1 s, 2 s, … up to 30 s) before it asks Redis again.
 */
export function guardWorkerErrors(worker: Worker, logger: Logger, stage: string): WorkerErrorGuard {
  const seen = new Set<string>();
  let repeated = 0;
  let lastCause = '';
  let lastErrorAt = 0;
  let streak = 0;
  let recent: number[] = [];
  let resumeTimer: NodeJS.Timeout | null = null;
  let stopped = false;

  const summary = setInterval(() => {
    if (repeated === 0) return;
    logger.error({ stage, errors: repeated, last: lastCause, everyMs: ERROR_SUMMARY_MS }, `${repeated} more worker error(s) in the last ${ERROR_SUMMARY_MS / 1000} s`);
    repeated = 0;
  }, ERROR_SUMMARY_MS);
  summary.unref();

  worker.on('error', (error: Error) => {
    const fault = classifyRedisError(error);
    const key = `${fault.kind}:${fault.cause.replace(/\d+/g, '#').slice(0, 120)}`;
    lastCause = fault.cause;
    if (seen.has(key)) repeated++;
    else {
      seen.add(key);
      logger.error({ stage, fault: fault.kind, err: fault.cause }, fault.kind === 'other' ? 'worker error (will retry)' : `worker error: ${describeRedisFault(fault)}`);
    }
    const now = Date.now();
    if (now - lastErrorAt > QUIET_MS) streak = 0;
    lastErrorAt = now;
    recent = recent.filter((at) => now - at < 1_000);
    recent.push(now);
    // Lost connections: ioredis reconnects with its own backoff and BullMQ waits for it.
    if (fault.kind === 'gone' || resumeTimer || stopped) return;
    if (fault.kind === 'other' && recent.length < FLOOD_PER_SECOND) return;
    const pauseMs = Math.min(1_000 * 2 ** streak, MAX_PAUSE_MS);
    streak++;
    void worker.pause(true).catch(() => {});
    resumeTimer = setTimeout(() => {
      resumeTimer = null;
      if (!stopped && !worker.closing) worker.resume();
    }, pauseMs);
  });

  return {
    stop() {
      stopped = true;
      clearInterval(summary);
      if (resumeTimer) clearTimeout(resumeTimer);
    },
  };
}
