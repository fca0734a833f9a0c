import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, freemem, release } from 'node:os';
import { projectPath } from '../../src/paths.js';

/** What the figures were measured on, and under what load (others' jobs share these cores). */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  freeMemoryBytes: number;
  node: string;
  redis: string;
  kernel: string;
  loadAverage: number[];
  commit: string;
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: projectPath(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export function machineInfo(): MachineInfo {
  const dirty = run('git', ['status', '--porcelain', '--untracked-files=no']) !== '';
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    freeMemoryBytes: freemem(),
    node: process.version,
    redis: run('redis-server', ['--version']).replace(/^Redis server v=(\S+).*$/, '$1'),
    kernel: release(),
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    commit: `${run('git', ['rev-parse', '--short', 'HEAD'])}${dirty ? ' (with uncommitted changes)' : ''}`,
  };
}
