// The merged table in the layout used before the data was split by source and licence:
// `norm<TAB>alone<TAB>withClitics<TAB>flags`, a form that is never alone and not listed left out.
// Kept for code that reads it (bench/corpus/generator.ts takes its vocabulary from the counts);
// the segmenter itself reads the two generated files. Not data: it is computed, when imported,
// from anercorp-counts.ts (CC BY-SA 4.0) and ayaspell-flags.ts (LGPL-3.0), whose licences its
// value carries (see README.md beside this file).
import { ANERCORP_COUNT_ROWS } from './anercorp-counts.js';
import { AYASPELL_FLAG_ROWS } from './ayaspell-flags.js';

function mergeRows(): string {
  const counts = new Map<string, string>();
  for (const row of ANERCORP_COUNT_ROWS.split('\n')) {
    const tab = row.indexOf('\t');
    counts.set(row.slice(0, tab), row.slice(tab + 1));
  }
  const flags = new Map<string, string>();
  for (const row of AYASPELL_FLAG_ROWS.split('\n')) {
    const tab = row.indexOf('\t');
    flags.set(row.slice(0, tab), row.slice(tab + 1));
  }
  const rows: string[] = [];
  for (const norm of [...new Set([...counts.keys(), ...flags.keys()])].sort()) {
    const count = counts.get(norm) ?? '0\t0';
    const flag = flags.get(norm) ?? '';
    if (count.startsWith('0\t') && (flag === '' || flag === 'v')) continue;
    rows.push(`${norm}\t${count}\t${flag}`);
  }
  return rows.join('\n');
}

/** @deprecated Read `ANERCORP_COUNT_ROWS` / `AYASPELL_FLAG_ROWS`, or the lexicon (`../lexicon.ts`). */
export const LEXICON_ROWS = mergeRows();
