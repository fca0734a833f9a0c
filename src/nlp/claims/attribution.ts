// Attributed statements: cue → speaker → content, by rules over the text layer's tokens.
//
//   VS   «وقال ضابط في الجيش العراقي برتبة مقدم إن "…"»: the speaker is the noun phrase after the
//        cue, up to the complementizer, a quotation, a comma, or a phrase that is not the source
//        (time «السبت», channel «في بيان», addressee «لوكالة الأناضول», «لقاآني»).
//   SV   «لكن واشنطن قالت إنها…», «إيران دعت الفصائل…»: the noun phrase that ends before the cue.
//   pro-drop «وأضاف أن…», participles «مؤكدا أن…»: the speaker of the previous statement (the
//        sentence's own statement first), else the sentence's subject.
//   phrase «…، بحسب بيان لمكتب رئيس الوزراء»: the content is the clause before the phrase;
//        «بحسب X فإن "…"»: the content follows.
//   agency «نقلت شفق نيوز عن القيادي سعد السعدي قوله إن»: the speaker is the person after «عن».
import type { EntityMention } from '../../schema/entities.js';
import type { CueVerb } from './lexicon/cues.js';
import { PHRASE_MANNER_NOUNS } from './lexicon/cues.js';
import {
  EVENT_NOUNS, SOURCE_NOUNS, ANONYMOUS_HEADS, CHANNEL_NOUNS, CHANNEL_PREPS, CLAUSE_BREAKS, CLAUSE_OPENERS, DEMONSTRATIVES, MEDIA_NOUNS, NEGATIONS,
  RELATIVES, SKIP_AFTER_CUE, SOURCE_QUANTIFIERS, TIME_NOUNS, TIME_QUALIFIERS, TIME_WORDS,
} from './lexicon/words.js';
import { matchPhraseHead, matchVerb, type VerbMatch } from './match-cue.js';
import { COMMA, hasPrepClitic, isPunct, isWord, readings, type Doc, type Word } from './words.js';

export interface WordRange {
  first: number;
  /** Inclusive. */
  last: number;
}

export interface FoundSpeaker extends WordRange {
  /** The speaker words are not in this sentence (implicit subject resolved to an earlier mention). */
  resolved: boolean;
  /** The earlier full mention this one refers to («المصدر» → «مصدر أمني …»), if any. */
  antecedent: FoundSpeaker | null;
  entity: EntityMention | null;
}

export interface FoundAttribution {
  sentence: number;
  cue: WordRange;
  verb: CueVerb | null;
  speaker: FoundSpeaker | null;
  /** Character span of the content (quotation marks excluded for a direct quote). */
  content: { start: number; end: number } | null;
  quote: 'direct' | 'indirect' | 'mixed' | null;
  /** A phrase source after its content or inside another statement («…، وفق ما أفاد مصدر»). */
  secondary?: boolean;
}

const MAX_SPEAKER_WORDS = 22;
const HONORIFIC = /^(معالي|سماحت|فخامت|سمو|جلالت|دولت|سعادت)(ه|ها)$/u;
/** Prepositions that open the content of a cue that has no complementizer («أكد على أهمية…»). */
const CONTENT_PREPS: Record<string, ReadonlySet<string>> = {
  أكد: new Set(['علي']), شدد: new Set(['علي']), حذر: new Set(['من']), كشف: new Set(['عن']), نفى: new Set(['ان']),
  دعا: new Set(['الي']), حث: new Set(['علي']),
};
const NO_PREPS: ReadonlySet<string> = new Set();
/** Cues whose content preposition ends the speaker even when a complementizer follows later. */
const ALWAYS_PREP = new Set(['دعا', 'حث']);
const QUOTE_CHARS = '"\'«»“”„‘’';
const PREP_WORDS: ReadonlySet<string> = new Set(['لدي', 'ل', 'لـ', 'في', 'علي', 'من', 'الي', 'عن', 'مع', 'ضد', 'تحت', 'فوق', 'بين', 'لدي', 'عند', 'نحو', 'حول', 'داخل', 'خارج', 'باسم', 'بعد', 'قبل']);
const QAWL = new Set(['قوله', 'قولها', 'قولهم', 'قولهما', 'قولهن']);
const COLON = ':';
const DASHES = '-–—';

/** Entities by word: the mention that covers each word, by character overlap. */
export function entitiesByWord(doc: Doc, entities: EntityMention[]): Array<EntityMention | null> {
  const out: Array<EntityMention | null> = new Array<EntityMention | null>(doc.words.length).fill(null);
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  let e = 0;
  for (const w of doc.words) {
    while (e < sorted.length && (sorted[e] as EntityMention).end <= w.token.start) e++;
    for (let k = e; k < sorted.length; k++) {
      const m = sorted[k] as EntityMention;
      if (m.start >= w.token.end) break;
      if (m.end > w.token.start) {
        out[w.i] = m;
        break;
      }
    }
  }
  return out;
}

class Extractor {
  private readonly words: Word[];
  private readonly verbAt: Array<VerbMatch | null>;
  private readonly phraseAt: Array<string | null>;
  readonly found: FoundAttribution[] = [];

  constructor(
    private readonly doc: Doc,
    private readonly entityAt: Array<EntityMention | null>,
    private readonly dateAt: Uint8Array,
  ) {
    this.words = doc.words;
    this.verbAt = this.words.map((w) => matchVerb(w));
    this.phraseAt = this.words.map((w) => matchPhraseHead(w));
  }

  // ---- word classes -------------------------------------------------------------------------

  private w(i: number): Word | undefined {
    return this.words[i];
  }

  private has(set: ReadonlySet<string>, i: number): boolean {
    const w = this.words[i];
    return isWord(w) && (set.has(w.norm) || set.has(w.bare) || set.has(w.stem));
  }

  private isComplementizer(i: number): boolean {
    const w = this.words[i];
    if (!isWord(w) || !/^[وبف]?ان(ه|ها|هم|هما|نا|ني|كم|هن|ك|كما)?$/u.test(w.norm) || w.norm === 'وان') return false;
    // «فان» written without hamza right after a cue is a name («وكشف فان بيرسي»): «فإن» never follows the verb.
    if (w.norm === 'فان' && !/[أإ]/u.test(w.token.text) && i > 0 && this.verbAt[i - 1]) return false;
    return true;
  }

  private isPrep(i: number, prep: 'الي' | 'عن'): boolean {
    const w = this.words[i];
    return isWord(w) && w.norm === prep;
  }

  private isClauseBoundary(i: number): boolean {
    const w = this.words[i];
    if (!w) return true;
    return isPunct(w, `${COMMA}${COLON}.؛;!?؟()${DASHES}`) || w.quote !== null;
  }

  /** A time expression starting at i: its length in words, or 0. */
  private timeAt(i: number, end: number): number {
    if (i >= end) return 0;
    if (this.dateAt[i]) {
      let k = i;
      while (k < end && this.dateAt[k]) k++;
      return k - i;
    }
    if (this.has(TIME_WORDS, i)) {
      let k = i + 1;
      if (k < end && this.has(TIME_WORDS, k)) k++;
      if (k < end && this.has(TIME_QUALIFIERS, k)) k++;
      return k - i;
    }
    if (this.has(TIME_NOUNS, i) && i + 1 < end && this.has(TIME_QUALIFIERS, i + 1)) return 2;
    if (this.has(DEMONSTRATIVES, i) && i + 1 < end && (this.has(TIME_NOUNS, i + 1) || this.has(TIME_WORDS, i + 1))) return 2;
    // «في الـ7 من الشهر الجاري»: a preposition before a date.
    if (this.has(CHANNEL_PREPS, i) && i + 1 < end && this.dateAt[i + 1]) return 1 + this.timeAt(i + 1, end);
    return 0;
  }

  /** A channel phrase («في بيان», «في تصريحات سابقة», «في تصريح لروسيا اليوم»): its length, or 0. */
  private channelAt(i: number, end: number): number {
    if (i >= end) return 0;
    let k: number;
    const w0 = this.words[i] as Word;
    if (isWord(w0) && hasPrepClitic(w0) && w0.token.segments[0] === 'ب' && CHANNEL_NOUNS.has(w0.stem)) {
      // «بتصريح خاص لـ"اليوم"», «ببيان»: the channel written with «بـ».
      k = i + 1;
    } else {
      if (i + 1 >= end || !this.has(CHANNEL_PREPS, i)) return 0;
      const n = this.words[i + 1] as Word;
      if (!isWord(n) || !(CHANNEL_NOUNS.has(n.norm) || CHANNEL_NOUNS.has(n.stem))) return 0;
      k = i + 2;
    }
    // Adjectives («سابقة», «صحفي») and the outlet («لروسيا اليوم», «لوكالة رويترز»).
    while (k < end && isWord(this.words[k]) && /(ي|ية|ة)$/u.test((this.words[k] as Word).norm) && !this.isComplementizer(k) && !/^ل/u.test((this.words[k] as Word).norm)) k++;
    // The addressee after the channel («في تصريح لروسيا اليوم», «لـ "اليوم"»): a «لـ» word and up to
    // two more, or a quoted outlet.
    const l = this.words[k];
    if (k < end && isWord(l) && (l.norm === 'ل' || l.norm === 'لـ') && this.words[k + 1]?.quote === 'open') {
      const partner = this.doc.quotePartner.get(k + 1);
      if (partner !== undefined && partner - k <= 5) return partner + 1 - i;
    }
    if (k < end && isWord(l) && /^ل[^ل]/u.test(l.norm)) {
      k++;
      for (let q = 0; q < 2 && k < end && isWord(this.words[k]) && !this.isComplementizer(k) && !this.isCueWord(k); q++) k++;
    }
    return k - i;
  }

  /** An addressee «لوكالة الأناضول», «لـ"رويترز"», «لقاآني» (after a person): its length, or 0. */
  private recipientAt(i: number, end: number, afterPerson: boolean): number {
    const w = this.words[i];
    if (!isWord(w)) {
      // «لـ» written apart, then the outlet.
      return 0;
    }
    // «قال لي», «أكد لهم»: a pronoun addressee.
    if (/^ل(ي|ه|ها|هم|هما|نا|ك|كم)$/u.test(w.norm)) return 1;
    // «وقال الكاظمي لقاآني إن»: a «لـ» word right before the complementizer is the addressee.
    if (hasPrepClitic(w) && w.token.segments[0] === 'ل' && this.isComplementizer(i + 1)) return 1;
    let k = i;
    const isL = /^ل[^ل]/u.test(w.norm) || w.norm === 'ل';
    if (!isL) return 0;
    const rest = w.norm === 'ل' ? '' : w.norm.slice(1);
    const media = MEDIA_NOUNS.has(rest) || MEDIA_NOUNS.has(w.stem);
    // After a person, «لـX» right before «إن» is the addressee even when X is not recognised as a name.
    const person = this.entityAt[i]?.type === 'PER' || (rest.length > 0 && this.isComplementizer(i + 1));
    if (!(media || (afterPerson && (person || rest.length === 0)))) return 0;
    k++;
    // The outlet's name, possibly in quotation marks: «لوكالة “رويترز”», «لروسيا اليوم».
    while (k < end) {
      const x = this.words[k] as Word;
      if (x.quote !== null) {
        k++;
        continue;
      }
      if (isWord(x) && !this.isComplementizer(k) && (this.entityAt[k] !== null || MEDIA_NOUNS.has(x.norm) || x.norm === 'اليوم')) {
        if (this.entityAt[k] === null && x.norm !== 'اليوم' && !MEDIA_NOUNS.has(x.norm)) break;
        k++;
        continue;
      }
      break;
    }
    return k - i;
  }

  private isCueWord(i: number): boolean {
    const v = this.verbAt[i];
    return (v !== null && v !== undefined && !v.future) || this.phraseAt[i] != null;
  }

  // ---- speaker phrases ----------------------------------------------------------------------

  /**
   * The speaker noun phrase starting at `j` (VS order or after an attribution phrase): up to the
   * complementizer, a quotation, punctuation, a time/channel/addressee phrase, another cue.
   * Returns the range and where it stopped.
   */
  private speakerForward(j: number, end: number, prep?: 'الي' | 'عن', contentPreps?: ReadonlySet<string>): { range: WordRange | null; stop: number; capped: boolean } {
    let k = j;
    let lastPerson = false;
    while (k < end && k - j < MAX_SPEAKER_WORDS) {
      const w = this.words[k] as Word;
      if (this.isComplementizer(k)) break;
      if (w.quote === 'open') {
        // A short quoted name inside the phrase («مصدر في ما يسمى 'تنسيقية المقاومة'»).
        const partner = this.doc.quotePartner.get(k);
        if (k > j && partner !== undefined && partner - k <= 6 && partner < end && !this.isComplementizer(k - 1)) {
          k = partner + 1;
          continue;
        }
        break;
      }
      if (w.quote === 'close') break;
      if (isPunct(w, `${COMMA}${COLON}.؛;!?؟${DASHES}`)) break;
      if (isPunct(w, '(')) {
        // A parenthesised gloss («(البنتاغون)», «(داعش)») stays with the name.
        let p = k + 1;
        while (p < end && !isPunct(this.words[p], ')') && p - k < 6) p++;
        if (p < end && isPunct(this.words[p], ')')) {
          k = p + 1;
          continue;
        }
        break;
      }
      if (w.token.kind !== 'word' && w.token.kind !== 'latin' && w.token.kind !== 'number') break;
      if (prep && this.isPrep(k, prep)) break;
      if (k > j && contentPreps && contentPreps.has(w.norm)) break;
      // «وشدد الأحمد على أن», «وأشار المصدر إلى أن»: the preposition belongs to the cue.
      if (k > j && (w.norm === 'علي' || w.norm === 'الي') && this.isComplementizer(k + 1)) break;
      // «أكدت مصادر … مصرع ستة», «وأعلن الجيش استمرار»: an event noun opens the object.
      if (k > j && contentPreps !== undefined && this.has(EVENT_NOUNS, k) && !hasPrepClitic(w) && !w.norm.startsWith('ال')) break;
      // «خلال الزيارة», «خلال مؤتمر»: an adjunct, not part of a source's description.
      if (k > j && w.norm === 'خلال') break;
      if (QAWL.has(w.norm)) break;
      if (k > j && (this.isCueWord(k) || this.has(SKIP_AFTER_CUE, k))) break;
      if (this.timeAt(k, end) > 0 && k > j) break;
      if (this.channelAt(k, end) > 0) break;
      if (k > j && this.recipientAt(k, end, lastPerson) > 0) break;
      // «في أحدث هجوم»: a «في» that does not open a place/institution ends the phrase.
      if (k > j && (w.norm === 'في' || w.norm === 'خلال') && !this.prepObjectFits(k + 1)) break;
      lastPerson = this.entityAt[k]?.type === 'PER' && (this.entityAt[k + 1] ?? null) !== this.entityAt[k];
      k++;
    }
    return { range: k > j ? { first: j, last: k - 1 } : null, stop: k, capped: k - j >= MAX_SPEAKER_WORDS };
  }

  /** After «في» inside a speaker phrase: a definite noun, a name, or «ما يسمى». */
  private prepObjectFits(i: number): boolean {
    const w = this.words[i];
    if (!isWord(w)) return false;
    if (w.norm.startsWith('ال') || this.entityAt[i] !== null || w.norm === 'ما') return true;
    // The last word before «إن»/a comma closes the description («… في واشنطن فإن»).
    if (this.isComplementizer(i + 1) || isPunct(this.words[i + 1], COMMA)) return true;
    // A construct «شرطة البصرة», «مكتب الرئيس»: an indefinite noun before a definite one.
    const n = this.words[i + 1];
    return isWord(n) && (n.norm.startsWith('ال') || this.entityAt[i + 1] !== null) && !hasPrepClitic(w);
  }

  /** A short noun phrase: a name, or a head with its adjectives («واشنطن», «مطلعون»). */
  private shortNP(j: number, end: number): WordRange | null {
    const w = this.words[j];
    if (!isWord(w)) return null;
    const m = this.entityAt[j];
    let k = j;
    if (m) {
      while (k + 1 < end && this.entityAt[k + 1] === m) k++;
    } else if (this.has(DEMONSTRATIVES, j) && isWord(this.words[j + 1])) k = j + 1;
    else {
      // A construct: an indefinite head and its definite genitives («وزارة الدفاع», «مكتب رئيس الوزراء»).
      while (k + 1 < end && k - j < 3 && !(this.words[k] as Word).norm.startsWith('ال') && (k > j || SOURCE_NOUNS.has((this.words[j] as Word).norm))) {
        const g = this.words[k + 1] as Word;
        if (!isWord(g) || hasPrepClitic(g) || this.isCueWord(k + 1) || this.isComplementizer(k + 1)) break;
        const gm = this.entityAt[k + 1];
        if (gm && gm.type !== 'ORG' && gm.type !== 'LOC') break;
        k++;
        if (gm) {
          while (k + 1 < end && this.entityAt[k + 1] === gm) k++;
          break;
        }
      }
    }
    // Trailing adjectives (definite after a definite head, indefinite after an indefinite one), and
    // the name a title introduces («الرئيس الأميركي باراك أوباما»).
    const definite = (this.words[k] as Word).norm.startsWith('ال') || this.entityAt[k] !== null;
    while (k + 1 < end) {
      const a = this.words[k + 1] as Word;
      const next = this.entityAt[k + 1];
      if (next && next.type === 'PER' && !m && isWord(a) && !hasPrepClitic(a)) {
        while (k + 1 < end && this.entityAt[k + 1] === next) k++;
        break;
      }
      if (!isWord(a) || next !== null || this.isCueWord(k + 1)) break;
      const bareA = a.norm.startsWith('ال') ? a.norm.slice(2) : a.norm;
      // Nisba adjectives («العراقية»), and feminine participles («المتحدة», «المسلحة»), not nouns («الحكومة»).
      const adjective = /(ي|ية|يون|يين|ان|ين)$/u.test(a.norm) || (/ة$/u.test(a.norm) && bareA.startsWith('م'));
      if (!adjective || a.norm.startsWith('ال') !== definite) break;
      k++;
    }
    return { first: j, last: k };
  }

  /**
   * The SV subject that ends at `p`: the latest name or source head after the clause boundary
   * («لكن واشنطن», «رسائل», «قيادياً بارزاً بالحرس الثوري»), widened back over quantifiers
   * («كبار القادة», «عدد من تلك الميليشيات»). `clauseInitial` when it starts right after the boundary.
   */
  private subjectBefore(p: number, sentenceFirst: number): (WordRange & { clauseInitial: boolean; weak: boolean; from: number }) | null {
    let b = p;
    while (b >= sentenceFirst && p - b < 16) {
      const w = this.words[b] as Word;
      const boundary = (isPunct(w, `${COMMA}${COLON}.؛;!?؟${DASHES}`)) || this.isComplementizer(b) || this.has(CLAUSE_OPENERS, b) || this.has(RELATIVES, b) || this.isCueWord(b);
      if (boundary) break;
      b--;
    }
    if (p - b >= 16 && b >= sentenceFirst) return null;
    const from = b + 1;
    if (from > p) return null;
    let start = -1;
    let weak = false;
    for (let k = p; k >= from; k--) {
      const w = this.words[k] as Word;
      if (!isWord(w)) continue;
      const m = this.entityAt[k];
      const prepClitic = hasPrepClitic(w) && !(m && m.start === w.token.start) && !this.has(ANONYMOUS_HEADS, k);
      if (prepClitic) continue;
      // A name inside a prepositional phrase («تحت 'تنسيقية المقاومة'», «من خامنئي») is not the subject.
      let q = k - 1;
      while (q >= from && isPunct(this.words[q], QUOTE_CHARS)) q--;
      const inPP = q >= from && this.has(PREP_WORDS, q);
      if (m && inPP) continue;
      if ((m && (k === from || this.entityAt[k - 1] !== m)) || this.has(ANONYMOUS_HEADS, k) || this.has(DEMONSTRATIVES, k)) {
        start = k;
        break;
      }
    }
    if (start < 0) {
      // No name or known head: a single word right after the boundary («واشنطن قالت»), or the
      // first definite noun («الحكومة قالت»).
      const fw = this.words[from] as Word;
      const afterComplementizer = from - 1 >= sentenceFirst && (this.isComplementizer(from - 1) || this.has(CLAUSE_OPENERS, from - 1));
      if (from === p && isWord(this.words[p]) && !hasPrepClitic(this.words[p] as Word)) start = p;
      else if ((afterComplementizer || from === sentenceFirst) && isWord(fw) && !hasPrepClitic(fw) && !this.has(PREP_WORDS, from)) {
        start = from;
        // An indefinite first word may be a verb («منذ أن تولى الإشراف … قال لي»): a weak guess.
        weak = !fw.norm.startsWith('ال');
      }
      else {
        for (let k = from; k <= p; k++) {
          const w = this.words[k] as Word;
          if (isWord(w) && w.norm.startsWith('ال') && (k === from || !hasPrepClitic(w))) {
            start = k;
            break;
          }
        }
      }
    }
    if (start < 0) return null;
    // Widen over quantifiers and partitives: «كبار القادة», «ثلاثة مصادر», «عدد من تلك».
    while (start > from) {
      const w = this.words[start - 1] as Word;
      if (this.has(SOURCE_QUANTIFIERS, start - 1) || this.has(ANONYMOUS_HEADS, start - 1) || this.isNumberWord(start - 1) || /^\d/u.test(w.norm)) start--;
      else if (w.norm === 'من' && start - 2 >= from && (this.has(SOURCE_QUANTIFIERS, start - 2) || this.isNumberWord(start - 2))) start -= 2;
      else break;
    }
    return { first: start, last: p, clauseInitial: start === from, weak, from };
  }

  private isNumberWord(i: number): boolean {
    const w = this.words[i];
    return isWord(w) && /^(ثلاث|اربع|خمس|ست|سبع|ثمان|تسع|عشر|اثن)/u.test(w.norm);
  }

  // ---- content ------------------------------------------------------------------------------

  /** Where an indirect clause that starts at `c` ends (exclusive word index). */
  private clauseEnd(c: number, end: number): number {
    let k = c;
    while (k < end) {
      const w = this.words[k] as Word;
      if (w.quote === 'open') {
        const partner = this.doc.quotePartner.get(k);
        if (partner !== undefined && partner >= k) {
          k = partner + 1;
          continue;
        }
      }
      if (isPunct(w, COMMA) && k + 1 < end) {
        const n = k + 1;
        const v = this.verbAt[n];
        // «…، مؤكدا أن», «…، بحسب», «…، وأعلن …»: a new statement or the journalist's clause.
        if (this.phraseAt[n] || (v && (v.form === 'participle' || v.conjoined)) || this.has(CLAUSE_BREAKS, n)) break;
        if (isWord(this.words[n]) && (this.words[n] as Word).norm === 'في' && (this.words[n + 1] as Word | undefined)?.norm === 'اشارة') break;
      }
      if (k > c && this.phraseAt[k] && !isPunct(this.words[k - 1], COMMA)) {
        // «وفق المصدر» in the middle of a clause ends it only when a speaker follows.
        break;
      }
      if (isPunct(w, '.؟?!')) break;
      if (k > c && this.isJournalistAside(k)) break;
      // «… فيما أعلنوا», «… بينما …»: a new clause of the journalist's.
      if (k > c && isWord(w) && (w.norm === 'فيما' || w.norm === 'بينما')) break;
      k++;
    }
    // Quotes that run past the sentence end extend the clause.
    return k;
  }

  /** «وهي التي …», «وهو موقف …», «وكان يعلق …»: the journalist's aside after a statement. */
  private isJournalistAside(k: number): boolean {
    const w = this.words[k];
    const n = this.words[k + 1];
    if (!isWord(w)) return false;
    if ((w.norm === 'وهي' || w.norm === 'وهو') && isWord(n) && (n.norm === 'التي' || n.norm === 'الذي' || n.norm === 'موقف')) return true;
    return (w.norm === 'وكان' || w.norm === 'وكانت') && isWord(n) && /^[يت]/u.test(n.norm);
  }

  private contentFrom(c: number, end: number): { content: { start: number; end: number } | null; quote: FoundAttribution['quote'] } {
    while (c < end && isPunct(this.words[c], `${COMMA}${COLON}${DASHES}`)) c++;
    const first = this.words[c];
    if (!first || c >= end) return { content: null, quote: null };
    if (first.quote === 'open') {
      const partner = this.doc.quotePartner.get(c);
      if (partner !== undefined && partner > c + 1) {
        const n = partner + 1;
        const nw = this.words[n];
        const closes = n >= end || nw === undefined || nw.sentence !== first.sentence || isPunct(nw, `${COMMA}.؟?!؛:`) || this.isCueWord(n) || this.isJournalistAside(n);
        if (closes) {
          const a = first.token.end;
          const b = (this.words[partner] as Word).token.start;
          return { content: { start: a, end: b }, quote: 'direct' };
        }
      }
    }
    // A quotation may end the sentence for the text layer yet run on: follow its partner.
    let stop = this.clauseEnd(c, this.extendedEnd(c, end));
    while (stop > c && isPunct(this.words[stop - 1], `${COMMA}${COLON}.؛;${DASHES}`)) stop--;
    if (stop <= c) return { content: null, quote: null };
    let quoted = false;
    for (let k = c; k < stop; k++) if ((this.words[k] as Word).quote !== null) quoted = true;
    const a = first.token.start;
    const b = (this.words[stop - 1] as Word).token.end;
    return { content: { start: a, end: b }, quote: quoted ? 'mixed' : 'indirect' };
  }

  /** The sentence end, moved past any quotation that opens before it and closes later. */
  private extendedEnd(c: number, end: number): number {
    let e = end;
    for (let k = c; k < e; k++) {
      const partner = this.doc.quotePartner.get(k);
      if ((this.words[k] as Word).quote === 'open' && partner !== undefined && partner >= e) {
        const s = (this.words[partner] as Word).sentence;
        e = this.doc.sentenceEnd[s] ?? e;
      }
    }
    return e;
  }

  // ---- cues -------------------------------------------------------------------------------

  /** Skip particles, time, channel and addressee phrases after a cue. */
  private skipAdjuncts(j: number, end: number, afterPerson = false): number {
    for (;;) {
      if (j >= end) return j;
      if (this.has(SKIP_AFTER_CUE, j)) {
        j++;
        continue;
      }
      const t = this.timeAt(j, end);
      if (t > 0) {
        j += t;
        continue;
      }
      const ch = this.channelAt(j, end);
      if (ch > 0) {
        j += ch;
        continue;
      }
      // «وأوضحت لـ«عكاظ» مصادر»: a «لـ» before a quoted outlet.
      const lw = this.words[j] as Word;
      const partner = this.doc.quotePartner.get(j + 1);
      if (isWord(lw) && (lw.norm === 'ل' || lw.norm === 'لـ') && this.words[j + 1]?.quote === 'open' && partner !== undefined && partner - j <= 5) {
        j = partner + 1;
        continue;
      }
      const r = this.recipientAt(j, end, afterPerson);
      if (r > 0) {
        j += r;
        continue;
      }
      return j;
    }
  }

  private sentenceRange(s: number): { first: number; end: number } {
    return { first: this.doc.sentenceFirst[s] as number, end: this.doc.sentenceEnd[s] as number };
  }

  /** First word of a sentence's content: after a dateline («بغداد -»). */
  private contentStart(first: number, end: number): number {
    for (let k = first; k < Math.min(end, first + 5); k++) {
      if (isPunct(this.words[k], DASHES)) return k + 1;
    }
    return first;
  }

  run(): FoundAttribution[] {
    const consumedPhrase = new Set<number>();
    for (let s = 0; s < this.doc.sentences.length; s++) {
      const { first, end } = this.sentenceRange(s);
      if (first < 0) continue;
      for (let i = first; i < end; i++) {
        if (consumedPhrase.has(i)) continue;
        if (this.phraseAt[i] || this.isAlaLisan(i)) {
          const f = this.phraseCue(i, first, end, s);
          if (f) {
            this.push(f);
            i = f.cue.last;
            continue;
          }
        }
        const v = this.verbAt[i];
        if (v) {
          const f = this.verbCue(i, v, first, end, s, consumedPhrase);
          if (f) {
            this.push(f);
            i = f.cue.last;
          }
        }
      }
    }
    return this.found;
  }

  private isAlaLisan(i: number): boolean {
    const w = this.words[i];
    const n = this.words[i + 1];
    return isWord(w) && isWord(n) && (w.bare === 'علي' || w.norm === 'علي') && n.norm === 'لسان';
  }

  private verbCue(i: number, v: VerbMatch, first: number, end: number, s: number, consumedPhrase: Set<number>): FoundAttribution | null {
    if (v.future) return null;
    const prev = i - 1 >= first ? this.words[i - 1] : undefined;
    if (prev && isWord(prev) && (NEGATIONS.has(prev.norm) || prev.norm === 'غير')) return null;
    // «7953 طالباً»: after a number the word is the counted noun, not a verb.
    if (prev && (prev.token.kind === 'number' || this.isNumberWord(i - 1))) return null;
    // «ما سيعلنه», «لما أعلنته»: a relative clause about what is said, not a statement.
    if (prev && isWord(prev) && (prev.norm === 'ما' || prev.norm === 'لما' || prev.norm === 'مما' || prev.norm === 'بما')) return null;
    // «التي أقرها الشرع», «ما أعلنته»: an object pronoun stands for what was said before; only
    // perception verbs («يعتبره X مقربا») and «أبلغه» (the addressee) take one, or a complementizer follows.
    if (v.object && !['اعتبر', 'رأى', 'أبلغ'].includes(v.verb.lemma) && this.findComplementizer(i + 1, end) < 0) return null;
    // «أن يكشف», «أن يقول»: a subjunctive after «أن» (something to be said), not a statement.
    if (prev && isWord(prev) && /^[وف]?ان$/u.test(prev.norm) && v.form === 'present') return null;
    // «ويعتبر X من أبرز …», «وتعتبر X …»: the present of اعتبر without «أن» reads «is considered».
    if (v.verb.lemma === 'اعتبر' && v.form === 'present' && v.conjoined && this.findComplementizer(i + 1, end) < 0) return null;
    // «العراق الذي تعتبره ساحة نفوذ»: a perception verb on the relative's antecedent, subject unsaid.
    if (prev && isWord(prev) && v.object && (prev.norm === 'الذي' || prev.norm === 'التي' || prev.norm === 'الذين')) return null;
    // Impersonal «يذكر أن» (the journalist's background), not a statement by someone.
    if ((this.words[i] as Word).bare === 'يذكر' && this.isComplementizer(i + 1)) return null;
    let cueLast = i;
    let j = i + 1;
    // The required preposition: right after the verb («أشار إلى»), or after its subject.
    let prepAt = -1;
    if (v.verb.prep) {
      for (let k = i + 1; k < Math.min(end, i + MAX_SPEAKER_WORDS); k++) {
        if (this.isPrep(k, v.verb.prep)) {
          prepAt = k;
          break;
        }
        if (this.isComplementizer(k) || isPunct(this.words[k], '.') || (this.words[k] as Word).quote === 'open') break;
      }
      if (prepAt < 0) return null;
      if (prepAt === i + 1) {
        cueLast = prepAt;
        j = prepAt + 1;
      }
    }
    // «وتابع قائلا», «وأضاف قائلة»: the participle of «قال» belongs to the cue.
    const qaelan = this.verbAt[cueLast + 1];
    if (qaelan && qaelan.form === 'participle' && qaelan.verb.lemma === 'قال') {
      cueLast += 1;
      j = cueLast + 1;
    }
    const participle = v.form === 'participle';
    const needsClause = participle || v.verb.cls === 'strict' || v.verb.cls === 'say';

    let speaker: FoundSpeaker | null = null;
    let c = -1; // where the content (or its complementizer) starts

    if (v.verb.speakerAfterPrep) {
      // Agency form: «نقل موقع X عن Y قوله إن»: the speaker is Y.
      const sp = this.speakerForward(prepAt + 1, end);
      if (!sp.range) return null;
      speaker = this.makeSpeaker(sp.range);
      c = sp.stop;
      while (c < end && (isPunct(this.words[c], COMMA) || QAWL.has((this.words[c] as Word).norm))) c++;
    } else {
      const after = this.skipAdjuncts(j, end);
      const wAfter = this.words[after];
      const noSubject =
        this.atClauseEnd(after, end) || this.isComplementizer(after) || (wAfter !== undefined && (wAfter.quote === 'open' || isPunct(wAfter, COLON))) ||
        (v.verb.prep !== undefined && this.isPrep(after, v.verb.prep)) || (prepAt >= 0 && prepAt === cueLast);
      const opensClause = v.conjoined || i === first || (this.isClauseBoundary(i - 1) && this.words[i - 1]?.quote !== 'close') || this.has(CLAUSE_OPENERS, i - 1) || this.has(RELATIVES, i - 1) || this.isComplementizer(i - 1);
      // SV: «وكان المسؤول … قد قال», «لكن واشنطن قالت إن», «إيران دعت الفصائل».
      let sv: WordRange | null = null;
      if (!participle && this.has(new Set(['قد']), i - 1)) {
        for (let k = i - 2; k >= first && i - k < MAX_SPEAKER_WORDS; k--) {
          const w = this.words[k] as Word;
          if (/^[وف]?كان(ت)?$/u.test(w.norm)) {
            if (k + 1 <= i - 2) sv = { first: k + 1, last: i - 2 };
            break;
          }
          if (this.isClauseBoundary(k)) break;
        }
      } else if (!participle && !opensClause) {
        const cand = this.subjectBefore(i - 1, first);
        // «زيارة طائب تشير إلى أن»: an event as the subject is evidence, not a source.
        if (cand && this.has(EVENT_NOUNS, cand.from) && !hasPrepClitic(this.words[cand.from] as Word)) return null;
        // With a subject after the verb too, SV needs the candidate to open its clause.
        // A weak guess (the clause's first words) never beats the previous speaker of «قال لي: …».
        if (cand && (noSubject || v.verb.cls !== 'say') && (noSubject || cand.clauseInitial) && !(cand.weak && noSubject)) sv = cand;
      }
      // «زيارة طائب تشير إلى أن»: an event as the subject is evidence, not a source.
      if (sv && this.has(EVENT_NOUNS, this.headIndex(sv))) return null;
      if (sv) {
        speaker = this.makeSpeaker(sv);
        c = after;
      } else if (participle || noSubject || v.plural) {
        // «فيما أعلنوا الحداد»: a plural verb before its noun phrase has a pronoun subject.
        speaker = this.implicitSpeaker(i, first, s, participle);
        c = after;
      } else {
        // Without a complementizer ahead, «أكد/شدد على», «حذر من», «كشف عن» open the content.
        const preps = CONTENT_PREPS[v.verb.lemma] ?? NO_PREPS;
        const objectScan = v.verb.cls === 'object' && !participle && (ALWAYS_PREP.has(v.verb.lemma) || this.findComplementizer(after, end) < 0);
        // «وأعلن سقوط X»: the object right after the verb, the subject is a pronoun.
        // «اعتبر اغتيال الباحث رسالة»: a perception verb before an event is the passive «was considered».
        if (v.verb.lemma === 'اعتبر' && this.has(EVENT_NOUNS, after)) return null;
        if (objectScan && this.has(EVENT_NOUNS, after) && !hasPrepClitic(this.words[after] as Word) && !(this.words[after] as Word).norm.startsWith('ال')) {
          speaker = this.implicitSpeaker(i, first, s, false);
          const { content, quote } = this.contentFrom(after, end);
          return content ? { sentence: s, cue: { first: i, last: cueLast }, verb: v.verb, speaker, content, quote } : null;
        }
        // «يعتبر على نطاق واسع X»: a preposition cannot open the subject; with a perception verb it
        // is the passive «is considered».
        if (this.has(PREP_WORDS, after) && !(v.verb.prep && this.isPrep(after, v.verb.prep))) {
          if (v.verb.lemma === 'اعتبر' || v.verb.lemma === 'رأى') return null;
        }
        const sp = this.speakerForward(after, end, v.verb.prep, objectScan || ALWAYS_PREP.has(v.verb.lemma) ? preps : undefined);
        if (!sp.range) return null;
        let range = sp.range;
        c = this.skipAfterSpeaker(sp.stop, end, range);
        // An attribution phrase between the speaker and the complementizer («وتابع الكاظمي وفق المصدر إن»).
        if (c < end && this.phraseAt[c]) {
          const ph = this.phraseCue(c, first, end, s, true);
          if (ph) {
            consumedPhrase.add(c);
            this.push(ph);
            const spEnd = ph.speaker && !ph.speaker.resolved ? ph.speaker.last + 1 : c + 1;
            c = this.skipAfterSpeaker(spEnd, end, range);
          }
        }
        // An apposition set off by commas («كاظم الفرطوسي، المتحدث باسم …، لوكالة …، إن»).
        if (!this.isComplementizer(c) && isPunct(this.words[sp.stop], COMMA)) {
          const comp = this.complementizerAfterComma(sp.stop, end);
          if (comp >= 0) c = comp;
        }
        // «في بيان زودت "الرياض" بنسخة منه بأنه …»: a channel with its relative clause, then «أن».
        if (!this.isComplementizer(c) && this.channelAt(sp.stop, end) > 0) {
          for (let k = c; k < Math.min(end, c + 10); k++) {
            if (this.isComplementizer(k)) {
              c = k;
              break;
            }
            if ((this.isCueWord(k) && !this.verbAt[k]?.object) || isPunct(this.words[k], `${COMMA}.؟?!`)) break;
          }
        }
        if (!needsClause && !this.isComplementizer(c) && this.words[c]?.quote !== 'open' && !(v.verb.prep && this.isPrep(c, v.verb.prep))) {
          // An object, no complementizer: if the phrase swallowed the clause, the speaker is a short phrase.
          const swallowed = sp.capped || this.atClauseEnd(c, end) || this.has(CLAUSE_BREAKS, c) || this.isCueWord(c) || (isPunct(this.words[c], COMMA) && (this.has(CLAUSE_BREAKS, c + 1) || this.isCueWord(c + 1)));
          if (swallowed) {
            const short = this.shortNP(after, end);
            if (!short) return null;
            range = short;
            c = this.skipAfterSpeaker(short.last + 1, end, range);
          }
        }
        speaker = this.makeSpeaker(range);
      }
    }

    // Content.
    if (c < 0) return null;
    if (v.verb.prep && this.isPrep(c, v.verb.prep)) c++;
    // «شدد على أن …», «أشار إلى أن …»: the preposition before the complementizer is the cue's.
    const pw = this.words[c];
    if (isWord(pw) && (pw.norm === 'علي' || pw.norm === 'الي') && this.isComplementizer(c + 1)) c++;
    if (this.isComplementizer(c)) c++;
    else if (this.words[c]?.quote === 'open') {
      // a quotation straight after the cue or speaker
    } else if (isPunct(this.words[c], COLON)) {
      c++;
      if (this.isComplementizer(c)) c++; // «وقال: إن …»
    } else if (needsClause) {
      // Such verbs need a complementizer or a quotation; allow a short gap («قال أيضا إن»), or an
      // adjunct before a quotation («وقال نصر الله في حفل لتكريم … "…"»).
      const comp = this.findComplementizer(c, Math.min(end, c + 3));
      if (comp >= 0) c = comp + 1;
      else {
        let q = -1;
        for (let k = c; k < Math.min(end, c + 15); k++) {
          const w = this.words[k] as Word;
          if (w.quote === 'open') {
            // A short quoted name inside the adjunct («صحيفة “إكسبريس” البريطانية») is not the quotation.
            const partner = this.doc.quotePartner.get(k);
            const shortName = partner !== undefined && partner - k <= 4 && !this.atClauseEnd(partner + 1, end);
            if (!shortName) {
              q = k;
              break;
            }
            k = partner as number;
            continue;
          }
          // «في تصريحات نقلتها صحيفة …»: a cue with an object pronoun is a relative clause, not a new statement.
          if ((this.isCueWord(k) && !this.verbAt[k]?.object) || this.isComplementizer(k) || isPunct(w, '.؟?!')) break;
        }
        if (q < 0) return null;
        c = q;
      }
    }
    if (this.atClauseEnd(c, end) && this.words[c]?.quote !== 'open') return null;
    const { content, quote } = this.contentFrom(c, end);
    if (!content) return null;
    return { sentence: s, cue: { first: i, last: cueLast }, verb: v.verb, speaker, content, quote };
  }

  private atClauseEnd(k: number, end: number): boolean {
    return k >= end || isPunct(this.words[k], '.؟?!؛');
  }

  /** After a speaker phrase: skip time, channel and addressee phrases and commas. */
  private skipAfterSpeaker(x: number, end: number, range: WordRange): number {
    let y = this.skipAdjuncts(x, end, this.entityAt[range.last]?.type === 'PER');
    while (y < end && isPunct(this.words[y], COMMA)) {
      const z = this.skipAdjuncts(y + 1, end);
      if (!this.isComplementizer(z) && z === y + 1) break;
      y = z;
    }
    return y;
  }

  /** «X، وهو …، إن»: the complementizer after one or two comma-delimited appositions. */
  private complementizerAfterComma(comma: number, end: number): number {
    for (let k = comma + 1; k < Math.min(end, comma + 28); k++) {
      const w = this.words[k] as Word;
      if (this.isComplementizer(k)) return isPunct(this.words[k - 1], COMMA) ? k : -1;
      if (isPunct(w, '.؟?!؛') || (this.isCueWord(k) && !this.phraseAt[k])) return -1;
      if (w.quote === 'open' && !(this.doc.quotePartner.get(k) !== undefined && (this.doc.quotePartner.get(k) as number) - k <= 6)) return -1;
    }
    return -1;
  }

  /** «وفق ما أكد»: the word before is the tail of an attribution phrase. */
  private isPhraseTail(i: number): boolean {
    const w = this.words[i];
    return isWord(w) && (w.norm === 'ما' && i > 0 && this.phraseAt[i - 1] != null);
  }

  private findComplementizer(c: number, end: number): number {
    for (let k = c; k < end; k++) {
      if (this.isComplementizer(k)) return k;
      const w = this.words[k] as Word;
      if (w.quote === 'open' || isPunct(w, '.؟?!؛') || (k > c && this.isCueWord(k))) return -1;
    }
    return -1;
  }

  private phraseCue(i: number, first: number, end: number, s: number, embedded = false): FoundAttribution | null {
    let cueLast = i;
    let j = i + 1;
    const head = this.phraseAt[i];
    if (this.isAlaLisan(i)) {
      cueLast = i + 1;
      j = i + 2;
    } else if (head === 'نقلا' || head === 'استنادا') {
      if (!(this.isPrep(j, 'عن') || this.isPrep(j, 'الي'))) return null;
      cueLast = j;
      j++;
    } else if (head === 'وفقا' || head === 'طبقا') {
      const n = this.words[j];
      if (n && (n.norm === 'ل' || n.norm === 'لـ')) j++;
    }
    // «وفق ما أكد», «حسبما قال», «بحسب ما أفاد»: the verb joins the cue.
    if (isWord(this.words[j]) && (this.words[j] as Word).norm === 'ما' && this.verbAt[j + 1]) {
      cueLast = j + 1;
      j += 2;
    } else if (head === 'حسبما' && this.verbAt[j]) {
      cueLast = j;
      j++;
    }
    // «بحسب تقدير X»: a noun of manner joins the cue.
    const n = this.words[j];
    if (isWord(n) && readings(n).some((r) => PHRASE_MANNER_NOUNS.has(r))) {
      cueLast = j;
      j++;
    }
    j = this.skipAdjuncts(j, end);
    const sp = this.speakerForward(j, end);
    if (!sp.range) return null;
    const firstSpeakerWord = this.words[sp.range.first] as Word;
    if (firstSpeakerWord.token.kind !== 'word' && firstSpeakerWord.token.kind !== 'latin' && firstSpeakerWord.token.kind !== 'number') return null;
    const speaker = this.makeSpeaker(sp.range);
    // A bare «بحسب X» is a source only when X is one («بحسب الأعمال» means «depending on»).
    if (cueLast === i && !this.isAlaLisan(i) && !this.looksLikeSource(sp.range)) return null;
    if (embedded) {
      // Content is the enclosing statement's: filled in after it is known.
      return { sentence: s, cue: { first: i, last: cueLast }, verb: null, speaker, content: null, quote: null, secondary: true };
    }
    const start = this.contentStart(first, end);
    // Is there content before the phrase (in this sentence)?
    let before = i - 1;
    while (before >= start && (isPunct(this.words[before], COMMA) || this.has(CLAUSE_OPENERS, before))) before--;
    if (before >= start && !this.onlyOpeners(start, i)) {
      const a = (this.words[start] as Word).token.start;
      const b = (this.words[before] as Word).token.end;
      let quoted = false;
      for (let k = start; k <= before; k++) if ((this.words[k] as Word).quote !== null) quoted = true;
      // A whole quotation alone before the phrase is direct.
      const w0 = this.words[start] as Word;
      if (w0.quote === 'open' && this.doc.quotePartner.get(start) === before) {
        return { sentence: s, cue: { first: i, last: cueLast }, verb: null, speaker, content: { start: w0.token.end, end: (this.words[before] as Word).token.start }, quote: 'direct', secondary: true };
      }
      return { sentence: s, cue: { first: i, last: cueLast }, verb: null, speaker, content: { start: a, end: b }, quote: quoted ? 'mixed' : 'indirect', secondary: true };
    }
    // Phrase first: «وبحسب X فإن "…"», «وفقا لمصادر، …».
    let c = sp.stop;
    while (c < end && isPunct(this.words[c], COMMA)) c++;
    if (this.isComplementizer(c)) c++;
    const { content, quote } = this.contentFrom(c, end);
    if (!content) return null;
    return { sentence: s, cue: { first: i, last: cueLast }, verb: null, speaker, content, quote };
  }

  private looksLikeSource(range: WordRange): boolean {
    for (let k = range.first; k <= Math.min(range.last, range.first + 2); k++) {
      const w = this.words[k] as Word;
      if (!isWord(w)) continue;
      const head = w.norm.startsWith('ال') ? w.norm.slice(2) : w.stem;
      if (this.entityAt[k] !== null || this.has(ANONYMOUS_HEADS, k) || CHANNEL_NOUNS.has(head) || MEDIA_NOUNS.has(head) || SOURCE_NOUNS.has(head) || SOURCE_NOUNS.has(w.norm)) return true;
      if (this.has(SOURCE_QUANTIFIERS, k) || this.isNumberWord(k)) continue;
      return false;
    }
    return false;
  }

  private onlyOpeners(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (!this.has(CLAUSE_OPENERS, k) && !isPunct(this.words[k], COMMA)) return false;
    return true;
  }

  // ---- speakers ---------------------------------------------------------------------------

  private makeSpeaker(range: WordRange): FoundSpeaker {
    let entity: EntityMention | null = null;
    let best = 0;
    let loc: EntityMention | null = null;
    const governed = new Set<EntityMention>();
    for (let k = range.first; k <= range.last; k++) {
      const m = this.entityAt[k];
      if (!m || governed.has(m)) continue;
      const startsHere = k === range.first || this.entityAt[k - 1] !== m;
      if (startsHere && k > range.first) {
        // A name governed by a preposition («للكاظمي», «لدى الأمم المتحدة») or a genitive
        // («زيارة طائب») belongs to the description, not to the one who speaks.
        if (hasPrepClitic(this.words[k] as Word) || this.has(PREP_WORDS, k - 1) || (m.type === 'PER' && !this.titleBefore(k - 1))) {
          governed.add(m);
          continue;
        }
      }
      if (m.type === 'PER' || m.type === 'ORG') {
        // Prefer the mention that covers the most words of the phrase; a person over an organisation.
        let count = 0;
        for (let q = range.first; q <= range.last; q++) if (this.entityAt[q] === m) count++;
        const score = count + (m.type === 'PER' ? 0.5 : 0);
        if (score > best) {
          best = score;
          entity = m;
        }
      } else if (m.type === 'LOC' && loc === null && k === range.first) loc = m;
    }
    // A place named alone as the actor («واشنطن قالت»).
    if (!entity && loc) {
      let all = true;
      for (let k = range.first; k <= range.last; k++) if (this.entityAt[k] !== loc) all = false;
      if (all) entity = loc;
    }
    // A description whose head is an anonymous source keeps its named organisation out of the link:
    // «ضابط في الجيش العراقي» is not the army.
    const head = this.headIndex(range);
    if (entity && entity.type !== 'PER' && this.has(ANONYMOUS_HEADS, head) && this.entityAt[head] !== entity) entity = null;
    return { ...range, resolved: false, antecedent: null, entity };
  }

  /**
   * Whether the word before a name introduces it as the speaker («الرئيس …», «قائد الشرطة …», a
   * title), rather than governing it as a genitive or object («على زيارة طائب»).
   */
  private titleBefore(k: number): boolean {
    const w = this.words[k];
    if (!isWord(w) || hasPrepClitic(w) || this.has(PREP_WORDS, k)) return false;
    return w.norm.startsWith('ال') || this.entityAt[k] !== null || this.has(ANONYMOUS_HEADS, k) || this.has(SOURCE_NOUNS, k) || /(ي|ية)$/u.test(w.norm);
  }

  /** The head word of a speaker phrase (after quantifiers: «ثلاثة مصادر», «كبار القادة», «أحد المصادر»). */
  headIndex(range: WordRange): number {
    let k = range.first;
    while (k < range.last && (this.has(SOURCE_QUANTIFIERS, k) || this.isNumberWord(k) || /^\d/u.test((this.words[k] as Word).norm) || (this.words[k] as Word).norm === 'من')) k++;
    return k;
  }

  /** The speaker of a participle or pro-drop cue. */
  private implicitSpeaker(i: number, first: number, s: number, participle: boolean): FoundSpeaker | null {
    // «وأضاف» (masculine) does not continue «وتقول واشنطن» (feminine).
    const gender = this.verbAt[i]?.gender ?? null;
    const agrees = (f: FoundAttribution): boolean => {
      const g = this.verbAt[f.cue.first]?.gender ?? null;
      // «ونقلت الوكالة عن القيادي»: the cue agrees with the outlet, not with the person quoted.
      return gender === null || g === null || f.verb === null || f.verb.speakerAfterPrep === true || g === gender;
    };
    // The same sentence's statement (not one nested in another's content).
    for (let k = this.found.length - 1; k >= 0; k--) {
      const f = this.found[k] as FoundAttribution;
      if (f.sentence !== s) break;
      if (f.secondary || !f.speaker || f.cue.first >= i || !agrees(f)) continue;
      // Same level only: a statement nested in another's content is continued by cues nested there too.
      if (this.hostOf(f.cue.first, f) === this.hostOf(i, null)) return this.resolvedCopy(f.speaker);
    }
    // A participle continues its sentence's subject («ورحبت تلك الفصائل …، معلنة أن»).
    if (participle) {
      const subject = this.sentenceSubject(first, i);
      if (subject) return this.makeSpeaker(subject);
    }
    // «وأضاف أن …»: the last speaker of the previous sentences (not one quoted inside a quotation).
    for (let k = this.found.length - 1; k >= 0; k--) {
      const f = this.found[k] as FoundAttribution;
      if (f.sentence === s || f.secondary || !agrees(f)) continue;
      const cueStart = (this.words[f.cue.first] as Word).token.start;
      if (this.found.some((g) => g !== f && g.content !== null && g.content.start <= cueStart && cueStart < g.content.end)) continue;
      if (f.speaker && s - f.sentence <= 4 && f.sentence === this.lastSentenceWithWords(s - 1)) return this.resolvedCopy(f.speaker);
      if (f.speaker && s - f.sentence <= 4 && !this.hasSubjectSentence(f.sentence + 1, s)) return this.resolvedCopy(f.speaker);
      break;
    }
    // No statement just before: the subject of the previous sentence («وندد اوباما … . وتابع قائلا»).
    const p = this.lastSentenceWithWords(s - 1);
    if (p >= 0) {
      const { first: pf, end: pe } = this.sentenceRange(p);
      const subject = this.sentenceSubject(pf, pe);
      if (subject && this.entityOrHeadIn(subject)) return { ...this.makeSpeaker(subject), resolved: true };
    }
    return null;
  }

  private lastSentenceWithWords(s: number): number {
    for (let q = s; q >= 0; q--) if ((this.doc.sentenceFirst[q] ?? -1) >= 0) return q;
    return -1;
  }

  /** Whether a sentence in [from, to) opens with a verb and a named subject (a change of topic). */
  private hasSubjectSentence(from: number, to: number): boolean {
    for (let q = from; q < to; q++) {
      const { first, end } = this.sentenceRange(q);
      if (first < 0) continue;
      // Sentences with statements are weighed by the statement loop (gender, nesting), not here.
      if (this.found.some((f) => f.sentence === q)) continue;
      const subject = this.sentenceSubject(first, end);
      if (subject && this.entityOrHeadIn(subject)) return true;
    }
    return false;
  }

  private entityOrHeadIn(range: WordRange): boolean {
    for (let k = range.first; k <= range.last; k++) if (this.entityAt[k] !== null || this.has(ANONYMOUS_HEADS, k) || this.has(SOURCE_NOUNS, k)) return true;
    return false;
  }

  /** The statement whose content holds word `i` (innermost), or null. */
  private hostOf(i: number, self: FoundAttribution | null): FoundAttribution | null {
    const at = (this.words[i] as Word).token.start;
    let host: FoundAttribution | null = null;
    for (const g of this.found) {
      if (g === self || g.content === null || at < g.content.start || at >= g.content.end) continue;
      if (!host || (host.content && g.content.end - g.content.start < host.content.end - host.content.start)) host = g;
    }
    return host;
  }

  private resolvedCopy(sp: FoundSpeaker): FoundSpeaker {
    // Point at the first full mention: «وأضاف» after «وأوضح المصدر» resolves to «مصدر أمني …».
    const root: FoundSpeaker = sp.antecedent ?? sp;
    const { antecedent: _ignored, ...plain } = root;
    return { ...plain, resolved: true, antecedent: { ...plain, antecedent: null } };
  }


  /** The subject of the sentence before word `i`: after a clause-opening verb («ورحبت تلك الفصائل …»). */
  private sentenceSubject(first: number, i: number): WordRange | null {
    let clauseStart = first;
    for (let k = first; k < i; k++) {
      if (k > first && !isPunct(this.words[k - 1], COMMA) && k !== first) continue;
      clauseStart = k;
      const w = this.words[k] as Word;
      if (!isWord(w)) continue;
      // News clauses open with a verb (VSO): «وشكك», «ورحبت», «تبدي»; not «وفي», «والقوات», «وبعد».
      const notNoun = !/^[وف]?(ال|لل)/u.test(w.norm) && !hasPrepClitic(w) && !this.has(PREP_WORDS, k) && !this.has(CLAUSE_OPENERS, k) && this.entityAt[k] === null;
      const verbLike = notNoun && ((/^[وف]/u.test(w.norm) && w.norm.length >= 4) || /^[يت].{3,}$/u.test(w.norm) || (k === first && w.norm.length >= 3));
      if (!verbLike) continue;
      const np = this.shortNP(k + 1, i);
      if (np && !hasPrepClitic(this.words[np.first] as Word) && !this.isComplementizer(np.first) && !this.isCueWord(np.first)) {
        // Extend a quantifier head («عدد من تلك الميليشيات …») to the comma.
        if (this.has(SOURCE_QUANTIFIERS, np.first)) {
          const sp = this.speakerForward(np.first, i);
          if (sp.range) return sp.range;
        }
        return np;
      }
    }
    void clauseStart;
    return null;
  }

  /** Record a statement, resolving «وأوضح المصدر», «وقال المسؤول الكبير» to the last speaker with that head. */
  private push(f: FoundAttribution): void {
    const sp = f.speaker;
    if (sp && !sp.resolved && !sp.entity) {
      const headW = this.words[this.headIndex(sp)] as Word;
      if (headW.norm.startsWith('ال') && headW.norm.length > 3) {
        const head = headW.norm.slice(2);
        for (let y = this.found.length - 1; y >= 0; y--) {
          const other = (this.found[y] as FoundAttribution).speaker;
          if (!other || other.resolved) continue;
          const oh = this.words[this.headIndex(other)] as Word;
          const ohead = oh.norm.startsWith('ال') ? oh.norm.slice(2) : oh.norm;
          if (other.first === sp.first) continue;
          if (ohead === head || (ohead.length > 2 && head.startsWith(ohead)) || (head.length > 2 && ohead.startsWith(head))) {
            sp.antecedent = other.antecedent ?? { ...other };
            sp.entity = other.entity;
            break;
          }
        }
      }
    }
    // «معاليه», «سماحته», «فخامته»: an honorific with a pronoun refers to the previous speaker.
    if (sp && !sp.resolved && !sp.antecedent && sp.first === sp.last && HONORIFIC.test((this.words[sp.first] as Word).norm)) {
      for (let y = this.found.length - 1; y >= 0; y--) {
        const other = (this.found[y] as FoundAttribution).speaker;
        if (!other || other.first === sp.first) continue;
        sp.antecedent = other.antecedent ?? { ...other, antecedent: null };
        sp.entity ??= other.entity;
        break;
      }
    }
    // «كرافت», «نصر الله», «المفتي»: a short mention whose words all occur in an earlier speaker.
    if (sp && !sp.resolved && !sp.antecedent && sp.last - sp.first < 3) {
      const mine = this.speakerWords(sp);
      for (let y = this.found.length - 1; y >= 0 && mine.length > 0; y--) {
        const other = (this.found[y] as FoundAttribution).speaker;
        if (!other || other.resolved || other.last - other.first < sp.last - sp.first) continue;
        const theirsList = this.speakerWords(other);
        const theirs = new Set(theirsList);
        // Equal length: only the very same words (a repeated full mention points at the first one).
        if (other.last - other.first === sp.last - sp.first && theirsList.join(' ') !== mine.join(' ')) continue;
        if (mine.every((x) => theirs.has(x))) {
          sp.antecedent = other.antecedent ?? { ...other };
          sp.entity ??= other.entity;
          break;
        }
      }
    }
    this.found.push(f);
  }

  private speakerWords(range: WordRange): string[] {
    const out: string[] = [];
    for (let k = range.first; k <= range.last; k++) {
      const w = this.words[k] as Word;
      if (isWord(w)) out.push(w.norm.startsWith('ال') && w.norm.length > 4 ? w.norm.slice(2) : w.norm);
    }
    return out;
  }
}

export function findAttributions(doc: Doc, entityAt: Array<EntityMention | null>, dateAt: Uint8Array): FoundAttribution[] {
  const ex = new Extractor(doc, entityAt, dateAt);
  const found = ex.run();
  // Embedded phrases («وتابع الكاظمي وفق المصدر إن "…"») take the content of their statement.
  for (const f of found) {
    if (f.content !== null) continue;
    const host = found.find((g) => g !== f && g.sentence === f.sentence && g.content !== null && g.cue.first < f.cue.first);
    if (host) {
      f.content = host.content;
      f.quote = host.quote;
    }
  }
  return found.filter((f) => f.content !== null).sort((a, b) => a.cue.first - b.cue.first);
}

export function headWordIndex(doc: Doc, range: WordRange): number {
  let k = range.first;
  while (k < range.last) {
    const w = doc.words[k] as Word;
    if (!(SOURCE_QUANTIFIERS.has(w.norm) || w.norm === 'من' || /^\d/u.test(w.norm) || /^(ثلاث|اربع|خمس|ست|سبع|ثمان|تسع|عشر|اثن)/u.test(w.norm))) break;
    k++;
  }
  return k;
}
