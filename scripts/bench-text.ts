// Throughput of the text layer (analyseText) on one core: the seeds analysed article by article
// many times, and concatenated into single texts of growing size (time should grow linearly).
// Reports wall-clock and CPU-time rates: on a shared machine the CPU time (user + system of this
// process) is the fairer figure for "one core". Run: npx tsx scripts/bench-text.ts
import { readFileSync, readdirSync } from 'node:fs';
import { projectPath } from '../src/paths.js';
import { analyseText } from '../src/nlp/text/index.js';

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

// Warm up (lexicon parse, JIT) before measuring.
for (let i = 0; i < 20; i++) for (const a of articles) analyseText(a);

const rounds = 150;
let tokens = 0;
const perArticle = time(() => {
  for (let r = 0; r < rounds; r++) for (const a of articles) tokens += analyseText(a).tokens.length;
});
const chars = rounds * corpusChars;
console.log(
  `articles: ${chars} chars, ${tokens} tokens: wall ${perArticle.wall.toFixed(2)} s = ${rate(chars, perArticle.wall)}; ` +
    `cpu ${perArticle.cpu.toFixed(2)} s = ${rate(chars, perArticle.cpu)}`,
);

const joined = articles.join('\n\n');
for (const copies of [25, 100, 400]) {
  const big = Array.from({ length: copies }, () => joined).join('\n\n');
  const t = time(() => analyseText(big));
  console.log(`one text of ${big.length} chars: wall ${t.wall.toFixed(3)} s = ${rate(big.length, t.wall)}; cpu ${t.cpu.toFixed(3)} s = ${rate(big.length, t.cpu)}`);
}
