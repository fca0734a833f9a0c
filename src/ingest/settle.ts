import { lstat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { IngestStoppedError } from './errors.js';
import type { OpenWriters } from './open-writers.js';

/** What changes when anyone writes to a file: compared before and after reading it. */
export interface FileSignature {
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export function signatureOf(info: FileSignature): FileSignature {
  return { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
}

export function sameSignature(a: FileSignature, b: FileSignature): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/** Whether the file at `path` is no longer as `read` saw it (gone counts as unchanged: there is nothing more to read). */
export async function changedSince(path: string, read: FileSignature): Promise<boolean> {
  try {
    return !sameSignature(read, signatureOf(await lstat(path)));
  } catch {
    return false;
  }
}

export interface SettleRule {
  /** A file is read once nothing about it has changed for this long (the window restarts on every change). */
  windowMs: number;
  /** How often a held file is looked at again. */
  pollMs: number;
  writers: OpenWriters;
  /** Told once, after `reportAfterMs` of holding, why a file is still waited for: a wait is never silent. */
  onHeld?: (reason: string, heldMs: number) => void;
  reportAfterMs?: number;
  /** The ingest is closing: stop waiting (the file stays in the inbox for the next start). */
  stopped?: () => boolean;
}

/**
 * Resolves once an inbox file has settled: no change to its size, times or inode for `windowMs`
 * (by its own ctime, or by what we saw, whichever says quiet first: a clock ahead on a network
 * folder cannot hold it forever), and no process we can see holds it open for writing. A file that
 * is gone, a link or not a regular file resolves at once: the ingest says what is wrong with it.
 */
export async function waitUntilSettled(path: string, rule: SettleRule): Promise<void> {
  const started = Date.now();
  let reported = false;
  let seen: FileSignature | null = null;
  let seenSince = started;
  for (;;) {
    if (rule.stopped?.()) throw new IngestStoppedError('waiting for the file to be finished');
    let info;
    try {
      info = await lstat(path);
    } catch {
      return;
    }
    if (!info.isFile()) return;
    const now = Date.now();
    const signature = signatureOf(info);
    if (!seen || !sameSignature(seen, signature)) {
      seen = signature;
      seenSince = now;
    }
    const quietMs = Math.max(now - Math.max(info.mtimeMs, info.ctimeMs), now - seenSince);
    const open = quietMs >= rule.windowMs && (await rule.writers.isOpenForWriting(path));
    if (quietMs >= rule.windowMs && !open) return;
    if (!reported && now - started >= (rule.reportAfterMs ?? 10_000)) {
      reported = true;
      rule.onHeld?.(open ? 'still open for writing by another process' : 'still changing', now - started);
    }
    await sleep(open ? rule.pollMs : Math.max(rule.pollMs, Math.min(rule.windowMs - quietMs, rule.windowMs)));
  }
}
