// Throughput of the text layer (analyseText) on one core.
//   1. seeds repeated: the five seed articles analysed article by article many times (warm caches);
//   2. fresh text: one day of SaudiNewsNet (read in place from ../shared/data, nothing kept), every
//      article analysed once, so most word forms are new to the caches; then the same day again;
//   3. one text of growing size (the seeds concatenated): time should grow linearly.
// Reports wall-clock and CPU-time rates: on a shared machine the CPU time (user + system of this
// process) is the fairer figure for "one core".
// Run: npm run bench:text -- [--day 2015-07-22] [--fresh-only]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { projectPath } from '../src/paths.js';
import { analyseText } from '../src/nlp/text/index.js';

const args = process.argv.slice(2);
const dayArg = args.includes('--day') ? args[args.indexOf('--day') + 1] : undefined;
const freshOnly = args.includes('--fresh-only');

const dir = projectPath('seeds');
const articles = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
const corpusChars = articles.reduce((n, a) => n + a.length, 0);

/** Wall-clock and CPU seconds of one call. */
function time(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6 };
}

const rate = (chars: number, s: number): string => `${(chars / s / 1e6).toFixed(2)} M chars/s`;
const report = (label: string, chars: number, t: { wall: number; cpu: number }): void =>
  console.log(`${label}: ${chars} chars: wall ${t.wall.toFixed(2)} s = ${rate(chars, t.wall)}; cpu ${t.cpu.toFixed(2)} s = ${rate(chars, t.cpu)}`);

/** The `content` of every article of one SaudiNewsNet day (CC BY-NC-SA: read here, never written). */
function saudiNewsNetDay(): { day: string; texts: string[] } | null {
  const snDir = process.env.KHABAR_SAUDINEWSNET_DIR ?? projectPath('..', 'shared', 'data', 'saudinewsnet');
  if (!existsSync(snDir)) return null;
  const zips = readdirSync(snDir).filter((f) => f.endsWith('.zip')).sort();
  const zip = dayArg ? `${dayArg}.zip` : zips[1] ?? zips[0];
  if (!zip || !zips.includes(zip)) return null;
  const files = unzipSync(new Uint8Array(readFileSync(join(snDir, zip))), { filter: (f) => f.name.endsWith('.json') });
  const texts: string[] = [];
  for (const bytes of Object.values(files)) {
    const parsed: unknown = JSON.parse(strFromU8(bytes));
    if (!Array.isArray(parsed)) continue;
    for (const a of parsed as { content?: unknown }[]) if (typeof a.content === 'string' && a.content.length > 0) texts.push(a.content);
  }
  return { day: zip.replace(/\.zip$/, ''), texts };
}

// Read the fresh text before anything is measured; warm up the JIT and parse the lexicon on the seeds.
const fresh = saudiNewsNetDay();
for (let i = 0; i < 20; i++) for (const a of articles) analyseText(a);

if (fresh) {
  const chars = fresh.texts.reduce((n, t) => n + t.length, 0);
  report(`fresh text, first pass (SaudiNewsNet ${fresh.day}, ${fresh.texts.length} articles)`, chars, time(() => {
    for (const t of fresh.texts) analyseText(t);
  }));
  report('same text, second pass (warm caches)', chars, time(() => {
    for (const t of fresh.texts) analyseText(t);
  }));
} else {
  console.log('fresh text: SaudiNewsNet not found under ../shared/data/saudinewsnet (set KHABAR_SAUDINEWSNET_DIR): skipped');
}

if (!freshOnly) {
  const rounds = 150;
  report(`seeds repeated (5 articles x ${rounds})`, rounds * corpusChars, time(() => {
    for (let r = 0; r < rounds; r++) for (const a of articles) analyseText(a);
  }));
  const joined = articles.join('\n\n');
  for (const copies of [25, 100, 400]) {
    const big = Array.from({ length: copies }, () => joined).join('\n\n');
    report(`one text of the seeds x${copies}`, big.length, time(() => analyseText(big)));
  }
}
