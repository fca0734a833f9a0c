import { allQueues } from '../../src/pipeline/stage-chain.js';
import { startKhabar, stopKhabar, type KhabarProcess } from './processes.js';

/** Worker processes per queue, as on separate machines: `khabar worker <queue>` each. */
export class WorkerCluster {
  readonly processes: { queue: string; process: KhabarProcess; env: NodeJS.ProcessEnv }[] = [];
  kills = 0;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly outDir: string,
  ) {}

  /** `env` goes on top of the cluster's for this process (and for its replacements after a kill). */
  start(queue: string, env: NodeJS.ProcessEnv = {}): KhabarProcess {
    const started = startKhabar(['worker', queue, '--out', this.outDir], { ...this.env, ...env });
    this.processes.push({ queue, process: started, env });
    return started;
  }

  startAll(perQueue: number): void {
    for (const queue of allQueues()) for (let n = 0; n < perQueue; n++) this.start(queue);
  }

  alive(): { queue: string; process: KhabarProcess; env: NodeJS.ProcessEnv }[] {
    return this.processes.filter(({ process }) => process.child.exitCode === null && process.child.signalCode === null);
  }

  /** kill -9 one live worker chosen by `pick` and start its replacement at once. */
  async killAndReplace(pick: number): Promise<void> {
    const alive = this.alive();
    const victim = alive[Math.floor(pick * alive.length) % Math.max(alive.length, 1)];
    if (!victim) return;
    victim.process.child.kill('SIGKILL');
    await victim.process.exited;
    this.kills++;
    this.start(victim.queue, victim.env);
  }

  async stopAll(): Promise<(number | null)[]> {
    return Promise.all(this.alive().map(({ process }) => stopKhabar(process)));
  }

  /** Worker pids that logged "worker started" for a queue (to show the work was spread). */
  pids(queue: string): number[] {
    return this.processes.filter((entry) => entry.queue === queue).map((entry) => entry.process.child.pid ?? -1);
  }
}
