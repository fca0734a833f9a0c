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

/**
 * Rows are `norm<TAB>alone<TAB>withClitics<TAB>flags`; flags: `d` in the word list, `a` takes ال
 * there, `h` the word list spells it only with a hamza alef first (أحد, آية), never a bare one,
 * `v` «ال» + the form is a verb (التقى, التزم: Form VIII of a root with ل first), not article + noun.
 */
export interface Lexicon {
  evidence: Map<string, number>;
  hamzaInitial: Set<string>;
  alVerb: Set<string>;
}

export function parseLexicon(rows: string): Lexicon {
  const map = new Map<string, number>();
  const hamzaInitial = new Set<string>();
  const alVerb = new Set<string>();
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
    if (flags?.includes('h')) hamzaInitial.add(norm);
    // Form VIII of a root with ل first is «الت…» (التقى, التزم, التحق), and its stem never stands
    // alone: «حق» (يلحق is listed) is a word of its own, so «الحق» is the article.
    if (flags?.includes('v') && norm.startsWith('ت') && Number(alone ?? 0) === 0) alVerb.add(norm);
  }
  return { evidence: map, hamzaInitial, alVerb };
}

let defaultLexicon: Lexicon | null = null;

/** The committed lexicon (parsed on first use, about 70k rows). */
export function getDefaultLexicon(): Lexicon {
  defaultLexicon ??= parseLexicon(LEXICON_ROWS);
  return defaultLexicon;
}

/** Evidence from the committed lexicon. */
export const defaultStemEvidence: StemEvidence = (norm) => getDefaultLexicon().evidence.get(norm) ?? 0;

/** True when the word list writes this form only with a hamza alef first («أحد», «آية»). */
export const defaultNeedsHamza = (norm: string): boolean => getDefaultLexicon().hamzaInitial.has(norm);

/** True when «ال» + this form is a verb (التقى), so an «ال» before it is not the article. */
export const defaultAlVerb = (norm: string): boolean => getDefaultLexicon().alVerb.has(norm);
