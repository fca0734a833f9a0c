/**
 * npm run eval:conflicts [-- --pairs <file.jsonl>] [--verbose | --all] [--option name=value ...]
 *
 * Issue 25's conflict pairs (test/fixtures/conflict-pairs/, README beside them): for each pair, both
 * passages through the real chain (text layer, NER, claims), the claim number covering each side's
 * marked `number`, and dedup's own claim step on the two (scripts/lib/conflict-eval.ts). Prints
 * precision, recall and F1 of 'conflict', and per reason how many pairs were answered 'conflict'.
 * A side whose number the extractor did not find as a comparable figure makes the pair 'no-conflict'
 * (a miss when it is a conflict). `--verbose` lists the wrong answers, `--all` every answer (the set is blind until its
 * first evaluation: see the README before using it).
 */
import './closed-pipe.js';
import { projectPath } from '../src/paths.js';
import { dedupOptions } from '../src/nlp/dedup/params.js';
import { DEFAULT_PAIRS_FILE, REASONS, readPairs, type ConflictPair, type Reason } from './lib/conflict-pairs.js';
import { evaluatePair } from './lib/conflict-eval.js';

const argValue = (flag: string): string | null => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
};
const file = argValue('--pairs') ?? DEFAULT_PAIRS_FILE;
const verbose = process.argv.includes('--verbose');
const all = process.argv.includes('--all');

const pairs: ConflictPair[] = readPairs(file);

// `--option conflictContextWords=1`: overrides a dedup option (params.ts) for this run.
const overrides = Object.fromEntries(
  process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--option' ? [arg.split('=')] : [])).map(([name, value]) => [name, Number(value)]),
);
const options = dedupOptions(overrides);
const byReason = new Map<Reason, { pairs: number; conflict: number; noNumber: number }>();
let tp = 0;
let fp = 0;
let fn = 0;
const wrong: string[] = [];
for (const pair of pairs) {
  const decision = await evaluatePair(pair, options);
  const row = byReason.get(pair.reason) ?? { pairs: 0, conflict: 0, noNumber: 0 };
  row.pairs++;
  if (decision.predicted === 'conflict') row.conflict++;
  if (decision.why === 'no-number') row.noNumber++;
  byReason.set(pair.reason, row);
  const truth = pair.label === 'conflict';
  const said = decision.predicted === 'conflict';
  if (truth && said) tp++;
  else if (!truth && said) fp++;
  else if (truth && !said) fn++;
  if (truth !== said || all) wrong.push(`${pair.id} ${pair.reason}: answered ${decision.predicted} (${decision.why})${truth === said ? ' ok' : ''} — «${pair.a.number}» / «${pair.b.number}»`);
}

const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
console.log(`conflict pairs: ${pairs.length} (${file.replace(projectPath(''), '')})`);
console.log(`conflict: precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
console.log('\n| reason | pairs | answered conflict | number not found |');
console.log('| --- | ---: | ---: | ---: |');
for (const reason of REASONS) {
  const row = byReason.get(reason);
  if (row) console.log(`| ${reason} | ${row.pairs} | ${row.conflict} | ${row.noNumber} |`);
}
if (verbose || all) for (const line of wrong) console.log(line);
