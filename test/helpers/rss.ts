import { readFileSync } from 'node:fs';

/** Peak resident set size of a live process in MiB (Linux: VmHWM in /proc/<pid>/status), or null. */
export function peakRssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}
