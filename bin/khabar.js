#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/src/cli.js (built by `npm run build`, run by `npm install`'s prepare).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// Node 22.1+ keeps compiled code on disk: a restarted worker loads bullmq, ioredis, pino and zod
// (~0.6 s of CPU on Node 20, most of a worker's start) from the cache. Absent on Node 20: no-op.
module.enableCompileCache?.();

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, '..', 'dist', 'src', 'cli.js');
if (!existsSync(entry)) {
  console.error('khabar: dist/ is missing; run `npm run build` (npm install does it for you).');
  process.exit(2);
}
const { main } = await import(entry);
await main(process.argv);
