#!/usr/bin/env node
// Runs the vitest suite in two passes and ends with one plain line, "vitest: N passed, N failed",
// that any CI can read. Pass 1: unit and integration files in parallel. Pass 2: the tests that
// start worker processes, a browser or a flood of files, one file at a time, so that two of them
// never fight over our 2 cores (their timing-sensitive parts, lock takeovers, stay honest).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const SERIAL = ['test/reliability', 'test/e2e', 'test/dashboard/browser.test.ts'];
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

const extra = process.argv.slice(2);
const passes = extra.length > 0
  ? [vitest('selected', extra)]
  : [vitest('parallel', SERIAL.flatMap((path) => ['--exclude', path.endsWith('.ts') ? path : `${path}/**`])), vitest('serial', ['--no-file-parallelism', ...SERIAL])];
const sum = (key) => passes.reduce((total, pass) => total + pass[key], 0);
console.log(`\nvitest: ${sum('passed')} passed, ${sum('failed')} failed${sum('skipped') ? `, ${sum('skipped')} skipped` : ''}`);
if (sum('total') === 0) {
  console.error('vitest ran no test');
  process.exit(1);
}
process.exit(passes.some((pass) => pass.code !== 0) ? 1 : 0);
