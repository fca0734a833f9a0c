#!/usr/bin/env node
// Runs the vitest suite and ends with one plain line, "vitest: N passed, N failed[, N skipped]",
// that any CI can read, whatever vitest's own reporter prints. Exit code is vitest's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

mkdirSync('test/artifacts', { recursive: true });
const report = 'test/artifacts/vitest-report.json';
const result = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let code = result.status ?? 1;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  console.log(`\nvitest: ${json.numPassedTests} passed, ${json.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (json.numTotalTests === 0) {
    console.error('vitest ran no test');
    code = 1;
  }
} else {
  console.log('\nvitest: 0 passed, 1 failed');
  code = code || 1;
}
process.exit(code);
