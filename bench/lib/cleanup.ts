/**
 * What the benchmark started and must stop even when interrupted (Ctrl-C, a CI timeout): child
 * worker processes and private redis-servers. Each start registers its stop; the first SIGINT or
 * SIGTERM runs them all and exits.
 */
import { readdirSync, readFileSync } from 'node:fs';

const stops = new Set<() => Promise<void>>();

/**
 * Our own direct children by pid (Linux /proc): catches a redis-server interrupted while still
 * starting, before its stop was registered.
 */
function killOwnChildren(): void {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) process.kill(Number(pid), 'SIGTERM');
    } catch {
      // gone already, or not ours to read
    }
  }
}
let installed = false;

/** Installs the SIGINT/SIGTERM handler (at start, so no signal finds the default one). */
export function installInterruptHandler(): void {
  if (installed) return;
  installed = true;
  const handler = (signal: NodeJS.Signals): void => {
    process.stderr.write(`\nbench: ${signal}, stopping what it started ...\n`);
    void Promise.allSettled([...stops].map((fn) => fn())).then(() => {
      killOwnChildren();
      process.exit(130);
    });
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

export function onInterrupt(stop: () => Promise<void>): () => void {
  installInterruptHandler();
  stops.add(stop);
  return () => {
    stops.delete(stop);
  };
}
