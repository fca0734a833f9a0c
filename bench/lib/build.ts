import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../src/paths.js';

function newestTs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestTs(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json') || entry.name.endsWith('.lua') || entry.name.endsWith('.gz')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The worker processes run the built CLI (bin/khabar.js → dist/), so dist/ must hold the code
 * being measured: built when missing or older than any file under src/ or bench/.
 * Returns what it did, for the log.
 */
export async function ensureBuilt(log: (line: string) => void): Promise<'fresh' | 'built'> {
  const marker = projectPath('dist', 'src', 'cli.js');
  const noop = projectPath('dist', 'bench', 'noop-worker.js');
  const sources = Math.max(newestTs(projectPath('src')), newestTs(projectPath('bench')));
  if (existsSync(marker) && existsSync(noop) && statSync(marker).mtimeMs >= sources && statSync(noop).mtimeMs >= sources) return 'fresh';
  log('dist/ is missing or older than src/: building (npm run build) ...');
  const tsc = projectPath('node_modules', 'typescript', 'bin', 'tsc');
  // Asynchronous, so that Ctrl-C still reaches the benchmark's clean-up during the build.
  const result = await new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: projectPath(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('close', (status) => resolve({ status, output }));
  });
  if (!existsSync(marker) || !existsSync(noop)) throw new Error(`the build made no dist/: ${result.output.slice(0, 800)}`);
  if (result.status !== 0) log(`  the build reported type errors (dist/ was still written):\n${result.output.split('\n').slice(0, 5).join('\n')}`);
  return 'built';
}
