/**
 * Does a worker's memory stay flat as articles go through it? `npm run bench:rss -- [articles] [processes]`
 * (default 10,000 articles, 2 processes: `khabar run`'s layout on 2 cores, each process running every
 * stage, started with the same Node flags and environment as `khabar run` starts them).
 * SaudiNewsNet articles (read in place; generated ones past its ~29,800) are pushed in batches of
 * 200, each batch written before the next; after every 500 the resident set (VmRSS) and its peak so
 * far (VmHWM) of each process are read from /proc, with Redis's used_memory. Issue 21's target: every
 * process's peak ≤ 200 MB, flat from 1,000 to 10,000 articles. Writes bench/results/<date>-rss-flat.md.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { firstQueue } from '../src/pipeline/stage-chain.js';
import { openQueue } from '../src/pipeline/queues.js';
import { projectPath } from '../src/paths.js';
import { workerEnv } from '../src/pipeline/worker-node-flags.js';
import { chooseCorpus, corpusArticles, queueableArticles } from './corpus/index.js';
import { prepareBuild } from './lib/build.js';
import { machineInfo } from './lib/machine.js';
import { peakRss, startProcess, stopProcess, type BenchProcess } from './lib/processes.js';
import { startBenchRedis, usedMemory } from './lib/redis.js';
import { benchSettings, markerCounter, pushSlice, queueConnection, waitForWorkers, workerNodeFlags } from './pipeline.js';

const articlesWanted = z.coerce.number().int().min(500).parse(process.argv[2] ?? 10_000);
const processes = z.coerce.number().int().min(1).max(8).parse(process.argv[3] ?? 2);
const BATCH = 200;
const EVERY = 500;
const MB = 1024 * 1024;

function currentRss(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * BENCH_HEAP_SNAPSHOTS=dir: each process writes a heap snapshot (its main thread's) there at every
 * checkpoint, or only at the counts BENCH_HEAP_SNAPSHOT_AT lists ("2000,6000"): what grows. A
 * snapshot costs the process memory while it is written: the RSS figures of such a run are not the
 * process's own.
 */
const snapshots = process.env.BENCH_HEAP_SNAPSHOTS ?? null;
const snapshotAt = new Set((process.env.BENCH_HEAP_SNAPSHOT_AT ?? '').split(',').filter(Boolean).map(Number));
const snapshotFlags = snapshots ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshots}`] : [];
const log = (line: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const startedAt = Date.now();
const built = await prepareBuild('shared', log);
const corpus = chooseCorpus('auto');
const loaded = corpusArticles(corpus, Math.ceil(articlesWanted * 1.01) + 50);
const articles = queueableArticles(loaded.articles).slice(0, articlesWanted);
const realCount = Math.min(loaded.realCount, articles.length);
log(`${articles.length} articles (${realCount} from ${corpus}), ${processes} worker-all processes, flags: ${workerNodeFlags().join(' ') || 'none'}`);
const prefix = 'bench-rss';
const settings = benchSettings(prefix);
const redis = await startBenchRedis('rss', { appendonly: true });
const outDir = mkdtempSync(join(tmpdir(), 'khabar-bench-rss-'));
const env: NodeJS.ProcessEnv = { ...workerEnv(process.env), REDIS_URL: redis.url, KHABAR_PREFIX: prefix, KHABAR_LOG_LEVEL: 'warn', KHABAR_LOG_FORMAT: 'json' };
const procs: BenchProcess[] = [];
const overCap: number[] = [];
const rows: { done: number; rss: (number | null)[]; hwm: (number | null)[]; redis: number; seconds: number; load: number; overCap: number[] }[] = [];
const first = openQueue(firstQueue(), queueConnection(redis), settings);
let redisCost: RedisCost | null = null;
try {
  for (let n = 1; n <= processes; n++) {
    procs.push(startProcess(`khabar all#${n}`, process.execPath, [...workerNodeFlags(), ...snapshotFlags, ...built.cli, 'worker', 'all', '--out', outDir], env, projectPath()));
    // The flush thread over its heap cap (a warn line): its flushes were run again without the cap.
    const at = procs.length - 1;
    overCap.push(0);
    procs[at]!.child.stderr?.on('data', (chunk: Buffer) => (overCap[at]! += chunk.toString().split('story flush thread over its heap cap').length - 1));
  }
  await waitForWorkers(redis, settings, processes, procs);
  for (let at = 0; at < articles.length; at += BATCH) {
    await pushSlice(first, articles.slice(at, at + BATCH), () => markerCounter(redis.client, prefix), 600_000, procs);
    const done = Math.min(at + BATCH, articles.length);
    if (Math.floor(done / EVERY) > Math.floor(at / EVERY) || done === articles.length) {
      const row = { done, rss: procs.map((proc) => currentRss(proc.child.pid)), hwm: procs.map((proc) => peakRss(proc.child.pid)), redis: await usedMemory(redis.client), seconds: (Date.now() - startedAt) / 1000, load: loadavg()[0]!, overCap: [...overCap] };
      rows.push(row);
      if (snapshots && (snapshotAt.size === 0 || snapshotAt.has(done))) for (const proc of procs) proc.child.kill('SIGUSR2');
      log(`${done} written: RSS ${row.rss.map((v) => (v === null ? '?' : Math.round(v / MB))).join(' / ')} MB, peak ${row.hwm.map((v) => (v === null ? '?' : Math.round(v / MB))).join(' / ')} MB, Redis ${Math.round(row.redis / MB)} MB, load ${row.load.toFixed(1)}, flush threads over their cap ${row.overCap.join(' / ')}`);
    }
  }
  redisCost = await redisCommandCost(redis.client, articles.length);
  log(`Redis: ${redisCost.cpuMsPerArticle.toFixed(2)} ms CPU an article; busiest commands (µs an article, calls an article): ${redisCost.top.map((row) => `${row.command} ${Math.round(row.usecPerArticle)} µs / ${row.callsPerArticle.toFixed(1)}`).join(', ')}`);
} finally {
  await first.close();
  await Promise.all(procs.map((proc) => stopProcess(proc)));
  await redis.stop();
  rmSync(outDir, { recursive: true, force: true });
  built.dispose();
}

const fmt = (v: number | null): string => (v === null ? '?' : String(Math.round(v / MB)));
const machine = machineInfo();
const lines = [
  `# Worker memory over ${articles.length.toLocaleString('en')} articles (issue 21)`,
  '',
  `\`npm run bench:rss -- ${articlesWanted} ${processes}\`: ${processes} \`khabar worker all\` processes with \`${workerNodeFlags().join(' ') || 'no flags'}\`, MALLOC_ARENA_MAX=${env.MALLOC_ARENA_MAX ?? 'unset'}; ${realCount} SaudiNewsNet articles${articles.length > realCount ? ` then ${articles.length - realCount} generated` : ''}, pushed ${BATCH} at a time. ${machine.cpus} × ${machine.cpuModel}, Node ${process.version}; load average at the end ${machine.loadAverage.map((v) => v.toFixed(2)).join(' ')}; ${Math.round((Date.now() - startedAt) / 1000)} s.`,
  '',
  `| articles written | RSS now (MB) | peak RSS so far (MB) | Redis used_memory (MB) | s | load (1 min) | flush threads over their heap cap so far |`,
  '|---:|---|---|---:|---:|---:|---|',
  ...rows.map((row) => `| ${row.done.toLocaleString('en')} | ${row.rss.map(fmt).join(' / ')} | ${row.hwm.map(fmt).join(' / ')} | ${fmt(row.redis)} | ${Math.round(row.seconds)} | ${row.load.toFixed(1)} | ${row.overCap.join(' / ')} |`),
  '',
  ...(redisCost ? [`Redis over the run: ${redisCost.cpuMsPerArticle.toFixed(2)} ms of CPU an article (INFO cpu); the busiest commands (INFO commandstats): ${redisCost.top.map((row) => `\`${row.command}\` ${Math.round(row.usecPerArticle)} µs and ${row.callsPerArticle.toFixed(1)} calls an article`).join(', ')}.`, ''] : []),
];
const resultsDir = projectPath('bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `${new Date().toISOString().slice(0, 10)}-rss-flat.md`);
writeFileSync(file, lines.join('\n'));
log(`written: ${file}`);

interface RedisCost {
  cpuMsPerArticle: number;
  top: { command: string; usecPerArticle: number; callsPerArticle: number }[];
}

/** Redis's own CPU over the run and its costliest commands, an article each (Lua scripts count as `evalsha`). */
async function redisCommandCost(client: { info(section: string): Promise<string> }, articleCount: number): Promise<RedisCost> {
  const cpu = await client.info('cpu');
  const seconds = ['used_cpu_sys', 'used_cpu_user'].reduce((sum, field) => sum + Number(new RegExp(`${field}:([\\d.]+)`).exec(cpu)?.[1] ?? 0), 0);
  const stats = await client.info('commandstats');
  const rows = [...stats.matchAll(/cmdstat_([^:]+):calls=(\d+),usec=(\d+)/g)].map((match) => ({
    command: match[1] ?? '?',
    usecPerArticle: Number(match[3]) / articleCount,
    callsPerArticle: Number(match[2]) / articleCount,
  }));
  return { cpuMsPerArticle: (seconds * 1000) / articleCount, top: rows.sort((a, b) => b.usecPerArticle - a.usecPerArticle).slice(0, 8) };
}
