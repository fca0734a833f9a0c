// The segmenter's statistics: for each normalised form, how strongly the corpus and the word list
// say that it is a stem of its own. Parsed once from the generated data module.
import { LEXICON_ROWS } from './data/lexicon-data.js';

/**
 * Evidence (a log-scale score ≥ 0) that a normalised form is a stem: how often the form occurs
 * alone (the strong sign), how often it occurs under some clitic analysis (weak: that count also
 * holds the wrong analyses, «زير» inside «وزير»), and whether the Arabic word list knows it, alone
 * and with the article (a form listed with ال is a noun whose first letter belongs to the stem).
 */
export type StemEvidence = (norm: string) => number;

/** Rows are `norm<TAB>alone<TAB>withClitics<TAB>flags`; flags: `d` in the word list, `a` takes ال there. */
export function parseLexicon(rows: string): Map<string, number> {
  const map = new Map<string, number>();
  let lineStart = 0;
  while (lineStart < rows.length) {
    let lineEnd = rows.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = rows.length;
    const line = rows.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    const [norm, alone, attached, flags] = line.split('\t');
    if (!norm) continue;
    const evidence =
      Math.log1p(Number(alone ?? 0)) +
      0.5 * Math.log1p(Number(attached ?? 0)) +
      (flags?.includes('d') ? 1 : 0) +
      (flags?.includes('a') ? 1 : 0);
    if (evidence > 0) map.set(norm, evidence);
  }
  return map;
}

let defaultMap: Map<string, number> | null = null;

/** Evidence from the committed lexicon (parsed on first use). */
export const defaultStemEvidence: StemEvidence = (norm) => {
  defaultMap ??= parseLexicon(LEXICON_ROWS);
  return defaultMap.get(norm) ?? 0;
};
