#!/usr/bin/env node
// Runs the vitest suite in two passes and ends with one plain line, "vitest: N passed, N failed",
// that any CI can read. Pass 1: unit and integration files in parallel. Pass 2: the tests that
// start worker processes, a browser or a flood of files, one file at a time, so that two of them
// never fight over our 2 cores (their timing-sensitive parts, lock takeovers, stay honest).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';

const SERIAL = ['test/reliability', 'test/e2e', 'test/dashboard/browser.test.ts'];
// Files under SERIAL that run in pass 1 all the same: none of them kills a worker or waits for a
// lock to lapse, and each mostly waits (a backoff, a grace period, a product timeout, a slow writer),
// so one file at a time left a core idle. Each has its Redis of its own or its own key prefix.
const PARALLEL = [
  'test/reliability/worker-errors.test.ts', // 10 s of watching a refused worker back off; its own Redis
  'test/reliability/redis-refuses.test.ts', // waits out the refused-writes grace and a 4 s deadline; its own Redis for the OOM
  'test/reliability/hostile-input.test.ts', // in-process workers; waits out the 10 s page-read bound and 6 s slow writers
  'test/reliability/shutdown-redis-gone.test.ts', // waits out a worker's hard shutdown limit (17 s); its own Redis
  'test/reliability/changed-after-read.test.ts', // in-process workers, a few files
  'test/reliability/long-article.test.ts', // in-process workers, a few files
  'test/reliability/credentials.test.ts', // two `khabar status` on a Redis of its own
  'test/reliability/redis-fault-kinds.test.ts', // unit tests of the refusal classifier
];
mkdirSync('test/artifacts', { recursive: true });

function vitest(pass, args) {
  const report = `test/artifacts/vitest-${pass}.json`;
  rmSync(report, { force: true });
  const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], { stdio: 'inherit' });
  const json = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : null;
  return {
    code: result.status ?? 1,
    passed: json?.numPassedTests ?? 0,
    failed: json ? json.numFailedTests : 1,
    skipped: (json?.numPendingTests ?? 0) + (json?.numTodoTests ?? 0),
    total: json?.numTotalTests ?? 0,
  };
}

/** SERIAL's test files but PARALLEL's (a new file under a SERIAL folder runs one at a time until listed). */
function serialFiles() {
  const files = SERIAL.flatMap((path) => (path.endsWith('.ts') ? [path] : readdirSync(path, { recursive: true }).map((name) => `${path}/${name}`)));
  return files.filter((file) => file.endsWith('.test.ts') && !file.endsWith('.soak.test.ts') && !PARALLEL.includes(file)).sort();
}

const extra = process.argv.slice(2);
const passes = extra.length > 0
  ? [vitest('selected', extra)]
  : [vitest('parallel', serialFiles().flatMap((path) => ['--exclude', path])), vitest('serial', ['--no-file-parallelism', ...serialFiles()])];
const sum = (key) => passes.reduce((total, pass) => total + pass[key], 0);
console.log(`\nvitest: ${sum('passed')} passed, ${sum('failed')} failed${sum('skipped') ? `, ${sum('skipped')} skipped` : ''}`);
if (sum('total') === 0) {
  console.error('vitest ran no test');
  process.exit(1);
}
process.exit(passes.some((pass) => pass.code !== 0) ? 1 : 0);
