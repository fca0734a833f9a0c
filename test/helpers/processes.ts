import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The built CLI: process tests run what users run (`npm test` builds first). */
export const KHABAR_BIN = 'bin/khabar.js';

export function assertBuilt(): void {
  if (!existsSync('dist/src/cli.js')) throw new Error('dist/ is missing: run `npm run build` before the process tests (npm test does)');
}

export interface KhabarProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts `khabar <args>` as a separate OS process with the given env on top of ours. `ownGroup` makes
 * it lead a process group of its own, as a terminal's foreground job: `process.kill(-pid, 'SIGINT')`
 * is then a Ctrl-C (it reaches khabar, its workers and its redis-server at once).
 */
export function startKhabar(args: string[], env: NodeJS.ProcessEnv, options: { ownGroup?: boolean } = {}): KhabarProcess {
  const child = spawn(process.execPath, [KHABAR_BIN, ...args], {
    env: { ...process.env, KHABAR_LOG_FORMAT: 'json', KHABAR_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownGroup === true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stopKhabar(process_: KhabarProcess, graceMs = 10_000): Promise<number | null> {
  if (process_.child.exitCode !== null || process_.child.signalCode !== null) return process_.child.exitCode;
  process_.child.kill('SIGTERM');
  const timer = setTimeout(() => process_.child.kill('SIGKILL'), graceMs);
  const code = await process_.exited;
  clearTimeout(timer);
  return code;
}
