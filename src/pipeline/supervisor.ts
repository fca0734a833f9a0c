import { fork, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger.js';
import { WORKER_NODE_FLAGS, workerEnv } from './worker-node-flags.js';

export interface SupervisedProcess {
  name: string;
  args: string[];
}

/**
 * Keeps worker child processes alive for `khabar run`: a child that dies unexpectedly (a crash, an
 * OOM kill) is restarted with backoff; on stop, each gets SIGTERM (graceful) and, past the grace
 * period, SIGKILL.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logger: Logger,
  ) {}

  start(spec: SupervisedProcess, restarts = 0): void {
    if (this.stopping) return;
    // Own process group: a terminal's Ctrl-C reaches only `khabar run`, which then stops the
    // children in order. A child whose parent dies sees its IPC channel close and stops by itself.
    const child = fork(this.script, spec.args, { env: workerEnv(this.env), execArgv: [...process.execArgv, ...WORKER_NODE_FLAGS], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true });
    this.children.set(spec.name, child);
    const startedAt = Date.now();
    child.once('exit', (code, signal) => {
      this.children.delete(spec.name);
      if (this.stopping) return;
      // A child that lived a while restarts at once; one that keeps dying backs off (up to 30 s).
      const ranLong = Date.now() - startedAt > 60_000;
      const attempt = ranLong ? 0 : restarts + 1;
      const delay = Math.min(500 * 2 ** attempt, 30_000);
      this.logger.warn({ process: spec.name, code, signal, restartInMs: delay }, 'worker process exited; restarting');
      void sleep(delay).then(() => this.start(spec, attempt));
    });
  }

  pids(): Record<string, number | undefined> {
    return Object.fromEntries([...this.children].map(([name, child]) => [name, child.pid]));
  }

  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  }
}
