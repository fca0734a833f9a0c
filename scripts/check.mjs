#!/usr/bin/env node
// `npm test`'s first step: the type check and the lint at once, on our two cores. One `tsc` over
// tsconfig.json both checks every folder (src, tests, bench, scripts, training) and emits dist/, a
// superset of `npm run build`'s output, so the suite's worker processes run what was just checked
// without a second compile. Exits non-zero when either fails, after both have printed.
import { spawn } from 'node:child_process';

function run(name, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('close', (code, signal) => resolve({ name, ok: code === 0, code: code ?? signal }));
  });
}

const results = await Promise.all([
  run('tsc -p tsconfig.json', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']),
  run('eslint .', ['node_modules/eslint/bin/eslint.js', '.']),
]);
for (const { name, ok, code } of results) if (!ok) console.error(`check: ${name} failed (${code})`);
process.exit(results.every(({ ok }) => ok) ? 0 : 1);
