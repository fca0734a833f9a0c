// The segmenter's statistics: for each normalised form, how strongly the corpus and the word list
// say that it is a stem of its own. Parsed once from the two generated data modules (one per source).
import { ANERCORP_COUNT_ROWS } from './data/anercorp-counts.js';
import { AYASPELL_FLAG_ROWS } from './data/ayaspell-flags.js';

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

const FLAG_LISTED = 1; // d
const FLAG_ARTICLE = 2; // a
const FLAG_HAMZA = 4; // h
const FLAG_AL_VERB = 8; // v, for a stem that never stands alone (see parseLexicon)

/**
 * The stem statistics as flat typed arrays behind an open-addressing hash table. A Map of 70k
 * strings to objects costs several cache misses per lookup and gives the garbage collector 140k
 * objects to trace at every major collection; here a lookup reads a slot, a record and the key's
 * letters, and the collector sees a handful of arrays.
 */
export class Lexicon {
  private readonly mask: number;
  /** Per slot: the key's hash (low bit set; 0 = empty) and its entry index. */
  private readonly slots: Int32Array;
  /** The keys' UTF-16 code units, one after another. */
  private pool: Uint16Array;
  private poolLength = 0;
  private readonly keyStart: Int32Array;
  private readonly keyLength: Int32Array;
  private readonly aloneCounts: Int32Array;
  private readonly attachedCounts: Int32Array;
  private readonly flags: Uint8Array;
  size = 0;

  constructor(private readonly capacity: number) {
    let slotCount = 16;
    while (slotCount < 2 * capacity) slotCount *= 2;
    this.mask = slotCount - 1;
    this.slots = new Int32Array(2 * slotCount);
    this.pool = new Uint16Array(8 * capacity);
    this.keyStart = new Int32Array(capacity);
    this.keyLength = new Int32Array(capacity);
    this.aloneCounts = new Int32Array(capacity);
    this.attachedCounts = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  private static hash(key: string): number {
    let h = 0x811c9dc5; // FNV-1a over the code units
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    return h | 1;
  }

  private keyEquals(index: number, key: string): boolean {
    if (this.keyLength[index] !== key.length) return false;
    const start = this.keyStart[index] as number;
    for (let i = 0; i < key.length; i++) if (this.pool[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** The entry index of a form, or -1. */
  find(key: string): number {
    const h = Lexicon.hash(key);
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const stored = this.slots[2 * p];
      if (stored === 0) return -1;
      if (stored === h && this.keyEquals(this.slots[2 * p + 1] as number, key)) return this.slots[2 * p + 1] as number;
    }
  }

  /** The entry index of a form, added (with zero counts and no flags) if it is new. */
  findOrAdd(key: string): number {
    const h = Lexicon.hash(key);
    let p = h & this.mask;
    for (; ; p = (p + 1) & this.mask) {
      const stored = this.slots[2 * p];
      if (stored === 0) break;
      if (stored === h && this.keyEquals(this.slots[2 * p + 1] as number, key)) return this.slots[2 * p + 1] as number;
    }
    if (this.size >= this.capacity) throw new RangeError('lexicon: more rows than its capacity');
    const index = this.size++;
    if (this.poolLength + key.length > this.pool.length) {
      const grown = new Uint16Array(2 * (this.poolLength + key.length));
      grown.set(this.pool.subarray(0, this.poolLength));
      this.pool = grown;
    }
    for (let i = 0; i < key.length; i++) this.pool[this.poolLength + i] = key.charCodeAt(i);
    this.keyStart[index] = this.poolLength;
    this.keyLength[index] = key.length;
    this.poolLength += key.length;
    this.slots[2 * p] = h;
    this.slots[2 * p + 1] = index;
    return index;
  }

  alone(index: number): number {
    return index < 0 ? 0 : (this.aloneCounts[index] as number);
  }
  attached(index: number): number {
    return index < 0 ? 0 : (this.attachedCounts[index] as number);
  }
  /** Word-list flags `d` + `a`: 0, 1 or 2. */
  listed(index: number): number {
    if (index < 0) return 0;
    const f = this.flags[index] as number;
    return (f & FLAG_LISTED ? 1 : 0) + (f & FLAG_ARTICLE ? 1 : 0);
  }
  hasFlag(index: number, flag: number): boolean {
    return index >= 0 && ((this.flags[index] as number) & flag) !== 0;
  }

  /** Add counts and flags (`d`, `a`, `h`, `v` letters) to a form's entry. */
  addRow(key: string, alone: number, attached: number, flagLetters: string): void {
    const index = this.findOrAdd(key);
    this.aloneCounts[index] = (this.aloneCounts[index] as number) + alone;
    this.attachedCounts[index] = (this.attachedCounts[index] as number) + attached;
    let f = this.flags[index] as number;
    if (flagLetters.includes('d')) f |= FLAG_LISTED;
    if (flagLetters.includes('a')) f |= FLAG_ARTICLE;
    if (flagLetters.includes('h')) f |= FLAG_HAMZA;
    if (flagLetters.includes('v')) f |= FLAG_AL_VERB;
    this.flags[index] = f;
  }

  /** Clears every entry that is never alone and not in the word list (see `parseLexicon`). */
  dropUnlistedNeverAlone(): void {
    for (let i = 0; i < this.size; i++) {
      if (this.aloneCounts[i] === 0 && ((this.flags[i] as number) & (FLAG_LISTED | FLAG_ARTICLE)) === 0) {
        this.attachedCounts[i] = 0;
        this.flags[i] = 0;
      }
    }
  }

  /** What the table says about a form (undefined when it has no signal at all). */
  entry(key: string): LexiconEntry | undefined {
    const i = this.find(key);
    if (i < 0 || (this.alone(i) === 0 && this.attached(i) === 0 && this.listed(i) === 0)) return undefined;
    return { alone: this.alone(i), attached: this.attached(i), listed: this.listed(i) };
  }

  /** True when the word list writes this form only with a hamza alef first («أحد», «آية»). */
  needsHamza(key: string): boolean {
    return this.hasFlag(this.find(key), FLAG_HAMZA);
  }

  /**
   * True when the word list gives this form the article (`a`): a noun or adjective of its own.
   * Ayaspell lists the conjunction forms too («وقال», «وأيدت»), but never with «ال» before the و.
   */
  takesArticle(key: string): boolean {
    return this.hasFlag(this.find(key), FLAG_ARTICLE);
  }

  /**
   * True when «ال» + this form is a verb (التقى, التزم: Form VIII of a root with ل first), not
   * the article: the `v` flag on a form starting with ت that never stands alone. «حق» (يلحق is
   * listed) is a word of its own, so «الحق» is the article.
   */
  alVerb(key: string): boolean {
    const i = this.find(key);
    return this.hasFlag(i, FLAG_AL_VERB) && key.startsWith('ت') && this.alone(i) === 0;
  }
}

/** Calls `row(fields)` for each tab-separated line of a generated row set. */
function forEachRow(rows: string, row: (fields: string[]) => void): void {
  let lineStart = 0;
  while (lineStart < rows.length) {
    let lineEnd = rows.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = rows.length;
    const fields = rows.slice(lineStart, lineEnd).split('\t');
    lineStart = lineEnd + 1;
    if (fields[0]) row(fields);
  }
}

function countLines(rows: string): number {
  let n = 1;
  for (let i = rows.indexOf('\n'); i >= 0; i = rows.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The lexicon from its two generated sources (see data/README.md): corpus counts, rows
 * `norm<TAB>alone<TAB>withClitics` (ANERcorp), and word-list flags, rows `norm<TAB>flags` (Ayaspell):
 * `d` in the word list, `a` takes ال there, `h` the word list spells it only with a hamza alef first
 * (أحد, آية), never a bare one, `v` «ال» + the form is a verb (التقى, التزم: Form VIII of a root
 * with ل first), not article + noun. A form that never occurs alone and is not listed (`d`/`a`)
 * carries no evidence: its attached count, over every analysis of a token, is mostly noise.
 */
export function parseLexicon(countRows: string, flagRows: string): Lexicon {
  const lexicon = new Lexicon(countLines(countRows) + countLines(flagRows));
  forEachRow(countRows, ([norm, alone, attached]) => lexicon.addRow(norm as string, Number(alone ?? 0), Number(attached ?? 0), ''));
  forEachRow(flagRows, ([norm, flags]) => lexicon.addRow(norm as string, 0, 0, flags ?? ''));
  lexicon.dropUnlistedNeverAlone();
  return lexicon;
}

/**
 * Evidence (log scale, ≥ 0) that a whole word form is a word of its own: how often it occurs alone
 * (the strong sign), how often as the stem of some analysis (weak), and the word-list flags.
 */
export function wholeEvidence(lexicon: Lexicon, norm: string): number {
  return entryEvidence(lexicon, lexicon.find(norm));
}

/** `wholeEvidence` of an entry index already looked up (0 for none, -1). */
export function entryEvidence(lexicon: Lexicon, index: number): number {
  if (index < 0) return 0;
  return Math.log1p(lexicon.alone(index)) + 0.5 * Math.log1p(lexicon.attached(index)) + LISTED_WEIGHT * lexicon.listed(index);
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
  const i = lexicon.find(stem);
  if (i < 0) return 0;
  const alone = lexicon.alone(i);
  const listed = lexicon.listed(i);
  if (alone === 0 && leaveOut !== null) {
    // Never alone in the corpus: only what is left once the word itself is left out counts.
    const attached = Math.max(0, lexicon.attached(i) - leaveOut);
    // Short odd forms are what affix rules generate by accident («يلا», «ورو»); a listed word of four
    // letters or more («محاسبة», «توليد») keeps its full credit.
    if (attached < 2) return (stem.length >= 4 ? 1 : 0.5) * LISTED_WEIGHT * listed;
    return 0.5 * Math.log1p(attached) + LISTED_WEIGHT * listed;
  }
  return Math.log1p(alone) + 0.5 * Math.log1p(lexicon.attached(i)) + LISTED_WEIGHT * listed;
}

/** Stem evidence that depends on the stem and the word it comes from. */
export type StemEvidence = (stem: string, leaveOut: number | null) => number;

let defaultLexicon: Lexicon | null = null;

/** The committed lexicon (parsed on first use, about 37k count rows and 71k flag rows). */
export function getDefaultLexicon(): Lexicon {
  defaultLexicon ??= parseLexicon(ANERCORP_COUNT_ROWS, AYASPELL_FLAG_ROWS);
  return defaultLexicon;
}

/** Evidence from the committed lexicon. */
export const defaultStemEvidence: StemEvidence = (stem, leaveOut) => stemEvidence(getDefaultLexicon(), stem, leaveOut);
/** How often a form occurs alone in the corpus (0 when unknown). */
export const defaultAloneCount = (norm: string): number => {
  const lexicon = getDefaultLexicon();
  return lexicon.alone(lexicon.find(norm));
};
export const defaultWholeEvidence = (norm: string): number => wholeEvidence(getDefaultLexicon(), norm);

/** True when the word list writes this form only with a hamza alef first («أحد», «آية»). */
export const defaultNeedsHamza = (norm: string): boolean => getDefaultLexicon().needsHamza(norm);

/** True when «ال» + this form is a verb (التقى), so an «ال» before it is not the article. */
export const defaultAlVerb = (norm: string): boolean => getDefaultLexicon().alVerb(norm);
/** True when the committed word list gives the form the article (see `Lexicon.takesArticle`). */
export const defaultTakesArticle = (norm: string): boolean => getDefaultLexicon().takesArticle(norm);
