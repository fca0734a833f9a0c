// The segmenter's statistics: for each normalised form, how strongly the corpus and the word list
// say that it is a stem of its own. Parsed once from the generated data module.
import { LEXICON_ROWS } from './data/lexicon-data.js';

/** What the table says about one normalised form. */
export interface LexiconEntry {
  /** Times the form is a whole token in the corpus. */
  alone: number;
  /** Times it is the stem of some clitic analysis of a corpus token (noisy: all analyses count). */
  attached: number;
  /** Word-list flags: in the list (`d`) plus listed with the article (`a`): 0, 1 or 2. */
  listed: number;
}

/** Weight of each word-list flag (the list is generated from affix rules: it lists odd forms too). */
const LISTED_WEIGHT = 1;

/**
 * Rows are `norm<TAB>alone<TAB>withClitics<TAB>flags`; flags: `d` in the word list, `a` takes ال
 * there, `h` the word list spells it only with a hamza alef first (أحد, آية), never a bare one,
 * `v` «ال» + the form is a verb (التقى, التزم: Form VIII of a root with ل first), not article + noun.
 */
export interface Lexicon {
  entries: Map<string, LexiconEntry>;
  hamzaInitial: Set<string>;
  alVerb: Set<string>;
}

export function parseLexicon(rows: string): Lexicon {
  const entries = new Map<string, LexiconEntry>();
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
    const entry: LexiconEntry = {
      alone: Number(alone ?? 0),
      attached: Number(attached ?? 0),
      listed: (flags?.includes('d') ? 1 : 0) + (flags?.includes('a') ? 1 : 0),
    };
    if (entry.alone > 0 || entry.attached > 0 || entry.listed > 0) entries.set(norm, entry);
    if (flags?.includes('h')) hamzaInitial.add(norm);
    // Form VIII of a root with ل first is «الت…» (التقى, التزم, التحق), and its stem never stands
    // alone: «حق» (يلحق is listed) is a word of its own, so «الحق» is the article.
    if (flags?.includes('v') && norm.startsWith('ت') && entry.alone === 0) alVerb.add(norm);
  }
  return { entries, hamzaInitial, alVerb };
}

/**
 * Evidence (log scale, ≥ 0) that a whole word form is a word of its own: how often it occurs alone
 * (the strong sign), how often as the stem of some analysis (weak), and the word-list flags.
 */
export function wholeEvidence(lexicon: Lexicon, norm: string): number {
  const e = lexicon.entries.get(norm);
  if (!e) return 0;
  return Math.log1p(e.alone) + 0.5 * Math.log1p(e.attached) + LISTED_WEIGHT * e.listed;
}

/**
 * Evidence that `stem` is the stem of a word being analysed. For a stem never seen alone, its
 * attached count leaves out the word itself (whose occurrences were counted for every analysis of
 * it: «يطر» gets its count from «سيطر»), and if nothing is left it gets only half its word-list
 * credit: the list is generated from affix rules and lists odd forms too («يطر», «يلا»).
 * `leaveOut` is how often the whole word occurs alone (`aloneCount`); null: count everything (for
 * the article, whose attached counts are real evidence: «مقبل» from «المقبل»).
 */
export function stemEvidence(lexicon: Lexicon, stem: string, leaveOut: number | null): number {
  const e = lexicon.entries.get(stem);
  if (!e) return 0;
  if (e.alone === 0 && leaveOut !== null) {
    // Never alone in the corpus: only what is left once the word itself is left out counts.
    const attached = Math.max(0, e.attached - leaveOut);
    // Short odd forms are what affix rules generate by accident («يلا», «ورو»); a listed word of four
    // letters or more («محاسبة», «توليد») keeps its full credit.
    if (attached < 2) return (stem.length >= 4 ? 1 : 0.5) * LISTED_WEIGHT * e.listed;
    return 0.5 * Math.log1p(attached) + LISTED_WEIGHT * e.listed;
  }
  return Math.log1p(e.alone) + 0.5 * Math.log1p(e.attached) + LISTED_WEIGHT * e.listed;
}

/** Stem evidence that depends on the stem and the word it comes from. */
export type StemEvidence = (stem: string, leaveOut: number | null) => number;

let defaultLexicon: Lexicon | null = null;

/** The committed lexicon (parsed on first use, about 70k rows). */
export function getDefaultLexicon(): Lexicon {
  defaultLexicon ??= parseLexicon(LEXICON_ROWS);
  return defaultLexicon;
}

/** Evidence from the committed lexicon. */
export const defaultStemEvidence: StemEvidence = (stem, leaveOut) => stemEvidence(getDefaultLexicon(), stem, leaveOut);
/** How often a form occurs alone in the corpus (0 when unknown). */
export const defaultAloneCount = (norm: string): number => getDefaultLexicon().entries.get(norm)?.alone ?? 0;
export const defaultWholeEvidence = (norm: string): number => wholeEvidence(getDefaultLexicon(), norm);

/** True when the word list writes this form only with a hamza alef first («أحد», «آية»). */
export const defaultNeedsHamza = (norm: string): boolean => getDefaultLexicon().hamzaInitial.has(norm);

/** True when «ال» + this form is a verb (التقى), so an «ال» before it is not the article. */
export const defaultAlVerb = (norm: string): boolean => getDefaultLexicon().alVerb.has(norm);
