// The state every attribution step reads (the text layer's words, the cue verb and phrase at each word,
// the entity and date at each word, the statements found so far) and the word-class tests they share.
import type { EntityMention } from '../../../schema/entities.js';
import { SOURCE_QUANTIFIERS } from '../lexicon/words.js';
import { matchPhraseHead, matchVerb, type VerbMatch } from '../match-cue.js';
import { COMMA, isPunct, isWord, type Doc, type Word } from '../words.js';
import type { WordRange, FoundAttribution } from './types.js';
import { COLON, DASHES } from './constants.js';

export class AttributionContext {
  readonly words: Word[];
  readonly verbAt: Array<VerbMatch | null>;
  readonly phraseAt: Array<string | null>;
  readonly found: FoundAttribution[] = [];

  constructor(
    readonly doc: Doc,
    readonly entityAt: Array<EntityMention | null>,
    readonly dateAt: Uint8Array,
  ) {
    this.words = doc.words;
    this.verbAt = this.words.map((w) => matchVerb(w));
    this.phraseAt = this.words.map((w) => matchPhraseHead(w));
  }

  private w(i: number): Word | undefined {
    return this.words[i];
  }

  has(set: ReadonlySet<string>, i: number): boolean {
    const w = this.words[i];
    return isWord(w) && (set.has(w.norm) || set.has(w.bare) || set.has(w.stem));
  }

  isComplementizer(i: number): boolean {
    const w = this.words[i];
    if (!isWord(w) || !/^[وبف]?ان(ه|ها|هم|هما|نا|ني|كم|هن|ك|كما)?$/u.test(w.norm) || w.norm === 'وان') return false;
    // «فان» written without hamza right after a cue is a name («وكشف فان بيرسي»): «فإن» never follows the verb.
    if (w.norm === 'فان' && !/[أإ]/u.test(w.token.text) && i > 0 && this.verbAt[i - 1]) return false;
    return true;
  }

  isPrep(i: number, prep: 'الي' | 'عن'): boolean {
    const w = this.words[i];
    return isWord(w) && w.norm === prep;
  }

  isClauseBoundary(i: number): boolean {
    const w = this.words[i];
    if (!w) return true;
    return isPunct(w, `${COMMA}${COLON}.؛;!?؟()${DASHES}`) || w.quote !== null;
  }

  isCueWord(i: number): boolean {
    const v = this.verbAt[i];
    return (v !== null && v !== undefined && !v.future) || this.phraseAt[i] != null;
  }

  isNumberWord(i: number): boolean {
    const w = this.words[i];
    return isWord(w) && /^(ثلاث|اربع|خمس|ست|سبع|ثمان|تسع|عشر|اثن)/u.test(w.norm);
  }

  /** «وهي التي …», «وهو موقف …», «وكان يعلق …»: the journalist's aside after a statement. */
  isJournalistAside(k: number): boolean {
    const w = this.words[k];
    const n = this.words[k + 1];
    if (!isWord(w)) return false;
    if ((w.norm === 'وهي' || w.norm === 'وهو') && isWord(n) && (n.norm === 'التي' || n.norm === 'الذي' || n.norm === 'موقف')) return true;
    return (w.norm === 'وكان' || w.norm === 'وكانت') && isWord(n) && /^[يت]/u.test(n.norm);
  }

  sentenceRange(s: number): { first: number; end: number } {
    return { first: this.doc.sentenceFirst[s] as number, end: this.doc.sentenceEnd[s] as number };
  }

  /** First word of a sentence's content: after a dateline («بغداد -»). */
  contentStart(first: number, end: number): number {
    for (let k = first; k < Math.min(end, first + 5); k++) {
      if (isPunct(this.words[k], DASHES)) return k + 1;
    }
    return first;
  }

  isAlaLisan(i: number): boolean {
    const w = this.words[i];
    const n = this.words[i + 1];
    return isWord(w) && isWord(n) && (w.bare === 'علي' || w.norm === 'علي') && n.norm === 'لسان';
  }

  atClauseEnd(k: number, end: number): boolean {
    return k >= end || isPunct(this.words[k], '.؟?!؛');
  }

  /** «وفق ما أكد»: the word before is the tail of an attribution phrase. */
  private isPhraseTail(i: number): boolean {
    const w = this.words[i];
    return isWord(w) && (w.norm === 'ما' && i > 0 && this.phraseAt[i - 1] != null);
  }

  /** The head word of a speaker phrase (after quantifiers: «ثلاثة مصادر», «كبار القادة», «أحد المصادر»). */
  headIndex(range: WordRange): number {
    let k = range.first;
    while (k < range.last && (this.has(SOURCE_QUANTIFIERS, k) || this.isNumberWord(k) || /^\d/u.test((this.words[k] as Word).norm) || (this.words[k] as Word).norm === 'من')) k++;
    return k;
  }
}
