/**
 * What a worker process holds before its first article, piece by piece (issue 21: the floor under
 * every worker's peak RSS). `npm run bench:startup-memory` builds dist/ if it is stale, then runs
 * this file's built copy in a child started with the flags and environment `khabar run` gives its
 * workers plus `--expose-gc`; the child loads each piece in the order a `worker all` process does
 * and prints, after two full collections: RSS, the main malloc heap's resident part (`[heap]` in
 * /proc/self/smaps: what freed native buffers leave behind), V8's used heap and ArrayBuffers.
 * Figures move by a few MB from run to run (when V8 returns pages): compare runs of one sitting.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WORKER_NODE_FLAGS, workerEnv } from '../src/pipeline/worker-node-flags.js';

const MB = 1024 * 1024;
const CHILD = 'KHABAR_STARTUP_MEMORY_CHILD';

/** Resident KB of the main malloc heap (brk), 0 when the process has none. */
function brkResident(): number {
  const smaps = readFileSync('/proc/self/smaps', 'utf8');
  const at = smaps.indexOf('[heap]');
  if (at < 0) return 0;
  const match = /Rss:\s+(\d+) kB/.exec(smaps.slice(at));
  return match ? Number(match[1]) * 1024 : 0;
}

function report(label: string): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with --expose-gc');
  collect();
  collect();
  const usage = process.memoryUsage();
  const mb = (bytes: number): string => (bytes / MB).toFixed(1).padStart(6);
  console.log(`${label.padEnd(34)} rss ${mb(usage.rss)}   malloc heap ${mb(brkResident())}   V8 heap used ${mb(usage.heapUsed)}   array buffers ${mb(usage.arrayBuffers)}`);
}

async function child(): Promise<void> {
  report('node');
  await import('zod');
  report('+ zod');
  await import('ioredis');
  await import('bullmq');
  await import('pino');
  report('+ ioredis, bullmq, pino');
  await import('../src/commands/worker.js');
  report('+ the worker command\'s modules');
  const { getDefaultLexicon } = await import('../src/nlp/text/lexicon.js');
  getDefaultLexicon();
  report('+ the text lexicon, parsed');
  const { analyseText } = await import('../src/nlp/text/index.js');
  analyseText('قال الرئيس في بيان إن الحكومة ستعقد اجتماعا.');
  report('+ one text analysed (its caches)');
  const { loadNerModel } = await import('../src/models/ner.js');
  loadNerModel();
  report('+ the NER model');
}

if (process.env[CHILD]) {
  await child();
} else {
  const { prepareBuild } = await import('./lib/build.js');
  await prepareBuild('shared', (line) => console.error(line));
  const built = fileURLToPath(new URL('../dist/bench/startup-memory.js', import.meta.url));
  const self = import.meta.url.endsWith('.js') ? fileURLToPath(import.meta.url) : built;
  const flags = [...WORKER_NODE_FLAGS, '--expose-gc'];
  console.log(`node ${flags.join(' ')} (MALLOC_ARENA_MAX=${workerEnv(process.env).MALLOC_ARENA_MAX ?? ''})`);
  const result = spawnSync(process.execPath, [...flags, self], { env: { ...workerEnv(process.env), [CHILD]: '1' }, stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}
