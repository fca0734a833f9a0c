// The worker processes `khabar run` starts carry the memory settings of issue 21 (V8's smaller
// young generation and memory-over-speed mode, two malloc arenas): a real child process, forked by
// the real Supervisor, reports what it started with.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Supervisor } from '../../../src/pipeline/supervisor.js';
import { WORKER_NODE_FLAGS } from '../../../src/pipeline/worker-node-flags.js';
import { quietLogger, tempDir } from '../../helpers/pipeline.js';
import { waitFor } from '../../helpers/wait.js';

describe('Supervisor: the worker processes\' start-up settings', () => {
  let supervisor: Supervisor | null = null;
  afterEach(async () => {
    await supervisor?.stop(2_000);
    supervisor = null;
  });

  it('forks each child with the worker Node flags, MALLOC_ARENA_MAX=2 and a fixed mmap threshold, keeping a value the user set', async () => {
    const dir = tempDir('supervisor-flags');
    const script = join(dir, 'child.mjs');
    // The child writes what it got, then waits to be stopped (as a worker would).
    writeFileSync(script, "import { writeFileSync } from 'node:fs';\nwriteFileSync(process.argv[2], JSON.stringify({ execArgv: process.execArgv, arena: process.env.MALLOC_ARENA_MAX ?? null, mmap: process.env.MALLOC_MMAP_THRESHOLD_ ?? null }));\nsetInterval(() => {}, 1000);\n");
    const first = join(dir, 'first.json');
    const second = join(dir, 'second.json');
    supervisor = new Supervisor(script, { ...process.env, MALLOC_ARENA_MAX: undefined, MALLOC_MMAP_THRESHOLD_: undefined }, quietLogger);
    supervisor.start({ name: 'first', args: [first] });
    await waitFor('the child reported', () => existsSync(first), 10_000);
    const got = JSON.parse(readFileSync(first, 'utf8')) as { execArgv: string[]; arena: string | null; mmap: string | null };
    for (const flag of WORKER_NODE_FLAGS) expect(got.execArgv).toContain(flag);
    expect(got.arena).toBe('2');
    expect(got.mmap).toBe('131072');
    await supervisor.stop(2_000);

    supervisor = new Supervisor(script, { ...process.env, MALLOC_ARENA_MAX: '4', MALLOC_MMAP_THRESHOLD_: '65536' }, quietLogger);
    supervisor.start({ name: 'second', args: [second] });
    await waitFor('the second child reported', () => existsSync(second), 10_000);
    const kept = JSON.parse(readFileSync(second, 'utf8')) as { arena: string | null; mmap: string | null };
    expect(kept.arena).toBe('4');
    expect(kept.mmap).toBe('65536');
  }, 30_000);
});
