import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../src/paths.js';
import { onInterrupt } from './cleanup.js';

function newestTs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // bench/results holds the reports the benchmark itself writes: not code, so never a reason to rebuild.
    if (entry.isDirectory()) newest = entry.name === 'results' ? newest : Math.max(newest, newestTs(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json') || entry.name.endsWith('.lua') || entry.name.endsWith('.gz')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The built code the worker processes run: the CLI (as `node <cli> worker …`) and the no-op worker. */
export interface BuiltCode {
  /** Arguments before the CLI's own: `[launcher]`. */
  cli: string[];
  noopWorker: string;
  /** Removes a private build. */
  dispose(): void;
}

async function tsc(outDir: string | null): Promise<{ status: number | null; output: string }> {
  const compiler = projectPath('node_modules', 'typescript', 'bin', 'tsc');
  const args = [compiler, '-p', 'tsconfig.build.json', ...(outDir ? ['--outDir', outDir] : [])];
  // Asynchronous, so that Ctrl-C still reaches the benchmark's clean-up during the build.
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: projectPath(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('close', (status) => resolve({ status, output }));
  });
}

function reportTypeErrors(result: { status: number | null; output: string }, log: (line: string) => void): void {
  if (result.status !== 0) log(`  the build reported type errors (the code was still emitted):\n${result.output.split('\n').slice(0, 5).join('\n')}`);
}

/**
 * The worker processes run built code. Quick runs use the shared dist/ (built when missing or
 * older than any file under src/ or bench/). The full run builds a private snapshot under
 * dist/.bench-<pid>/ (ignored by git and eslint like dist/): others rebuilding dist/ while it runs
 * cannot hand a worker a half-written file, and every worker runs the code as it was at the start.
 */
export async function prepareBuild(mode: 'shared' | 'private', log: (line: string) => void): Promise<BuiltCode> {
  if (mode === 'private') {
    const outDir = projectPath('dist', `.bench-${process.pid}`);
    log(`building a private snapshot of the code for the worker processes (dist/.bench-${process.pid}) ...`);
    const result = await tsc(outDir);
    const cli = join(outDir, 'src', 'cli.js');
    const noopWorker = join(outDir, 'bench', 'noop-worker.js');
    if (!existsSync(cli) || !existsSync(noopWorker)) throw new Error(`the build made no CLI: ${result.output.slice(0, 800)}`);
    reportTypeErrors(result, log);
    // The same thin launcher as bin/khabar.js, pointing at this build.
    const launcher = join(outDir, 'khabar.mjs');
    writeFileSync(launcher, "import { main } from './src/cli.js';\nawait main(process.argv);\n");
    const remove = (): void => rmSync(outDir, { recursive: true, force: true });
    const forget = onInterrupt(async () => remove());
    return { cli: [launcher], noopWorker, dispose: () => { forget(); remove(); } };
  }
  const marker = projectPath('dist', 'src', 'cli.js');
  const noop = projectPath('dist', 'bench', 'noop-worker.js');
  const sources = Math.max(newestTs(projectPath('src')), newestTs(projectPath('bench')));
  const fresh = existsSync(marker) && existsSync(noop) && statSync(marker).mtimeMs >= sources && statSync(noop).mtimeMs >= sources;
  if (!fresh) {
    log('dist/ is missing or older than src/: building (npm run build) ...');
    const result = await tsc(null);
    if (!existsSync(marker) || !existsSync(noop)) throw new Error(`the build made no dist/: ${result.output.slice(0, 800)}`);
    reportTypeErrors(result, log);
  }
  return { cli: [projectPath('bin', 'khabar.js')], noopWorker: noop, dispose: () => {} };
}
