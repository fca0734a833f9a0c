import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { onInterrupt } from './cleanup.js';

/** A child process the benchmark started (and must stop), with the last lines it wrote to stderr. */
export interface BenchProcess {
  label: string;
  child: ChildProcess;
  stderrTail: () => string;
  exited: () => boolean;
}

export function startProcess(label: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): BenchProcess {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let tail = '';
  let exited = false;
  const forget = onInterrupt(async () => {
    if (!exited) child.kill('SIGKILL');
  });
  child.on('exit', () => {
    exited = true;
    forget();
  });
  child.on('error', (error) => { tail += `\n${error.message}`; exited = true; });
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-2000);
  });
  return { label, child, stderrTail: () => tail, exited: () => exited };
}

/** Peak resident set of a live process in bytes (Linux /proc VmHWM), or null where unreadable. */
export function peakRss(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function stopProcess(proc: BenchProcess, graceMs = 10_000): Promise<void> {
  if (proc.exited()) return;
  const gone = new Promise<void>((resolve) => proc.child.once('exit', () => resolve()));
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  await Promise.race([gone, sleep(graceMs + 2_000)]);
  clearTimeout(timer);
}

/** CPU time (user + system, ms) a live process has used so far (Linux /proc/<pid>/stat), or null. */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return Number.isFinite(ticks) ? ticks * (1000 / CLOCK_TICKS) : null;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ: /proc reports CPU times in these ticks (100 on every mainstream kernel). */
const CLOCK_TICKS = 100;
