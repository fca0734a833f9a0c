// Word-level exact-match accuracy of segmentWord() on the committed gold set
// (test/fixtures/segmentation-gold.tsv). Run: npm run eval:segment
import './closed-pipe.js';
import { readFileSync } from 'node:fs';
import { projectPath } from '../src/paths.js';
import { normalise } from '../src/nlp/text/normalise.js';
import { segmentWord, segmentsOf } from '../src/nlp/text/clitics.js';

export interface GoldResult {
  total: number;
  correct: number;
  errors: { word: string; gold: string; got: string }[];
}

/** Score the segmenter on a gold TSV (`word<TAB>seg+seg+…`, `#` comments). */
export function evaluateSegmentation(tsv: string): GoldResult {
  const errors: GoldResult['errors'] = [];
  let total = 0;
  for (const line of tsv.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [word, goldRaw] = line.split('\t');
    if (!word || !goldRaw) continue;
    total++;
    const gold = goldRaw.split('+').map(normalise).join('+');
    const got = segmentsOf(segmentWord(word)).join('+');
    if (got !== gold) errors.push({ word, gold, got });
  }
  return { total, correct: total - errors.length, errors };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (isMain) {
  const tsv = readFileSync(projectPath('test', 'fixtures', 'segmentation-gold.tsv'), 'utf8');
  const result = evaluateSegmentation(tsv);
  for (const e of result.errors) console.log(`${e.word}\tgold ${e.gold}\tgot ${e.got}`);
  const pct = ((100 * result.correct) / result.total).toFixed(2);
  console.log(`segmentation accuracy: ${result.correct}/${result.total} = ${pct}% (word-level exact match)`);
}
