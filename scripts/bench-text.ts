// Throughput of the text layer (analyseText) on one core: the seeds, concatenated and repeated to
// about 4 MB, analysed as one text and as article-sized texts; also a check that time grows
// linearly with size. Run: npx tsx scripts/bench-text.ts
import { readFileSync, readdirSync } from 'node:fs';
import { projectPath } from '../src/paths.js';
import { analyseText } from '../src/nlp/text/index.js';

const dir = projectPath('seeds');
const articles = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
const corpusChars = articles.reduce((n, a) => n + a.length, 0);

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

// Warm up (lexicon parse, JIT) before measuring.
for (let i = 0; i < 20; i++) for (const a of articles) analyseText(a);

const rounds = 150;
let tokens = 0;
const perArticle = time(() => {
  for (let r = 0; r < rounds; r++) for (const a of articles) tokens += analyseText(a).tokens.length;
});
const chars = rounds * corpusChars;
console.log(`articles: ${chars} chars, ${tokens} tokens in ${perArticle.toFixed(2)} s = ${(chars / perArticle / 1e6).toFixed(2)} M chars/s`);

const joined = articles.join('\n\n');
for (const copies of [25, 100, 400]) {
  const big = Array.from({ length: copies }, () => joined).join('\n\n');
  const seconds = time(() => analyseText(big));
  console.log(`one text of ${big.length} chars: ${seconds.toFixed(3)} s = ${(big.length / seconds / 1e6).toFixed(2)} M chars/s`);
}
