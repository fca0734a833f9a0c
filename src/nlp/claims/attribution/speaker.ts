// Speaker noun phrases in the sentence of the cue: after the cue (VS), before it (SV), after an
// attribution phrase, and the speaker record made from a word range (entity, head, title).
import type { EntityMention } from '../../../schema/entities.js';
import { REPORT_NOUNS } from '../lexicon/cues.js';
import { EVENT_NOUNS, SOURCE_NOUNS, ANONYMOUS_HEADS, CHANNEL_NOUNS, CLAUSE_OPENERS, DEMONSTRATIVES, MEDIA_NOUNS, RELATIVES, SKIP_AFTER_CUE, SOURCE_QUANTIFIERS } from '../lexicon/words.js';
import { COMMA, hasPrepClitic, isPunct, isWord, readings, type Word } from '../words.js';
import type { WordRange, FoundSpeaker } from './types.js';
import { MAX_SPEAKER_WORDS, QUOTE_CHARS, PREP_WORDS, QAWL, COLON, DASHES, PERSON_TITLES } from './constants.js';
import type { AttributionContext } from './context.js';
import type { Clauses } from './clause.js';

export class Speakers {
  constructor(
    readonly cx: AttributionContext,
    readonly clauses: Clauses,
  ) {}

  /**
   * The speaker noun phrase starting at `j` (VS order or after an attribution phrase): up to the
   * complementizer, a quotation, punctuation, a time/channel/addressee phrase, another cue.
   * Returns the range and where it stopped.
   */
  speakerForward(j: number, end: number, prep?: 'الي' | 'عن', contentPreps?: ReadonlySet<string>): { range: WordRange | null; stop: number; capped: boolean } {
    let k = j;
    let lastPerson = false;
    while (k < end && k - j < MAX_SPEAKER_WORDS) {
      const w = this.cx.words[k] as Word;
      if (this.cx.isComplementizer(k)) break;
      // «نورهان الدسوقي لـ"سكاي نيوز عربية"»: a lone «لـ» before a quoted outlet is the addressee.
      if (k > j && isWord(w) && (w.norm === 'ل' || w.norm === 'لـ') && this.cx.words[k + 1]?.quote === 'open') break;
      if (w.quote === 'open') {
        // A short quoted name inside the phrase («مصدر في ما يسمى 'تنسيقية المقاومة'»).
        const partner = this.cx.doc.quotePartner.get(k);
        if (k > j && partner !== undefined && partner - k <= 6 && partner < end && !this.cx.isComplementizer(k - 1)) {
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
        while (p < end && !isPunct(this.cx.words[p], ')') && p - k < 6) p++;
        if (p < end && isPunct(this.cx.words[p], ')')) {
          k = p + 1;
          continue;
        }
        break;
      }
      if (w.token.kind !== 'word' && w.token.kind !== 'latin' && w.token.kind !== 'number') break;
      if (prep && this.cx.isPrep(k, prep)) break;
      if (k > j && contentPreps && contentPreps.has(w.norm)) break;
      // «وشدد الأحمد على أن», «وأشار المصدر إلى أن»: the preposition belongs to the cue.
      // (A name that ends in «علي» goes on: «هدى علي إن».)
      const inName = this.cx.entityAt[k] !== null && this.cx.entityAt[k] === this.cx.entityAt[k - 1];
      if (k > j && !inName && (w.norm === 'علي' || w.norm === 'الي') && this.cx.isComplementizer(k + 1)) break;
      // «أكدت مصادر … مصرع ستة», «وأعلن الجيش استمرار»: an event noun opens the object.
      if (k > j && contentPreps !== undefined && this.cx.has(EVENT_NOUNS, k) && !hasPrepClitic(w) && !w.norm.startsWith('ال')) break;
      // «خلال الزيارة», «خلال مؤتمر»: an adjunct, not part of a source's description.
      if (k > j && w.norm === 'خلال') break;
      if (QAWL.has(w.norm)) break;
      if (k > j && (this.cx.isCueWord(k) || this.cx.has(SKIP_AFTER_CUE, k))) break;
      if (this.clauses.timeAt(k, end) > 0 && k > j) break;
      if (this.clauses.channelAt(k, end) > 0) break;
      if (k > j && this.clauses.settingAt(k, end) > 0) break;
      if (k > j && this.clauses.recipientAt(k, end, lastPerson) > 0) break;
      // «في أحدث هجوم»: a «في» that does not open a place/institution ends the phrase.
      if (k > j && (w.norm === 'في' || w.norm === 'خلال') && !this.prepObjectFits(k + 1)) break;
      // «اتهم النائب مرزوق الحبيني الحكومة بـ…»: after a name, a definite noun that is no title opens
      // the object of a verb that takes one.
      if (lastPerson && contentPreps !== undefined && w.norm.startsWith('ال') && this.cx.entityAt[k] === null && !PERSON_TITLES.has(w.norm.slice(2))) break;
      lastPerson = this.cx.entityAt[k]?.type === 'PER' && (this.cx.entityAt[k + 1] ?? null) !== this.cx.entityAt[k];
      k++;
    }
    return { range: k > j ? { first: j, last: k - 1 } : null, stop: k, capped: k - j >= MAX_SPEAKER_WORDS };
  }

  /** After «في» inside a speaker phrase: a definite noun, a name, or «ما يسمى». */
  private prepObjectFits(i: number): boolean {
    const w = this.cx.words[i];
    if (!isWord(w)) return false;
    if (w.norm.startsWith('ال') || this.cx.entityAt[i] !== null || w.norm === 'ما') return true;
    // The last word before «إن»/a comma closes the description («… في واشنطن فإن»).
    if (this.cx.isComplementizer(i + 1) || isPunct(this.cx.words[i + 1], COMMA)) return true;
    // A construct «شرطة البصرة», «مكتب الرئيس»: an indefinite noun before a definite one.
    const n = this.cx.words[i + 1];
    return isWord(n) && (n.norm.startsWith('ال') || this.cx.entityAt[i + 1] !== null) && !hasPrepClitic(w);
  }

  /** A short noun phrase: a name, or a head with its adjectives («واشنطن», «مطلعون»). */
  shortNP(j: number, end: number): WordRange | null {
    const w = this.cx.words[j];
    if (!isWord(w)) return null;
    const m = this.cx.entityAt[j];
    let k = j;
    if (m) {
      while (k + 1 < end && this.cx.entityAt[k + 1] === m) k++;
    } else if (this.cx.has(DEMONSTRATIVES, j) && isWord(this.cx.words[j + 1])) k = j + 1;
    else {
      // A construct: an indefinite head and its definite genitives («وزارة الدفاع», «مكتب رئيس الوزراء»).
      while (k + 1 < end && k - j < 3 && !(this.cx.words[k] as Word).norm.startsWith('ال') && (k > j || SOURCE_NOUNS.has((this.cx.words[j] as Word).norm))) {
        const g = this.cx.words[k + 1] as Word;
        if (!isWord(g) || hasPrepClitic(g) || this.cx.isCueWord(k + 1) || this.cx.isComplementizer(k + 1)) break;
        const gm = this.cx.entityAt[k + 1];
        if (gm && gm.type !== 'ORG' && gm.type !== 'LOC') break;
        k++;
        if (gm) {
          while (k + 1 < end && this.cx.entityAt[k + 1] === gm) k++;
          break;
        }
      }
    }
    // Trailing adjectives (definite after a definite head, indefinite after an indefinite one), and
    // the name a title introduces («الرئيس الأميركي باراك أوباما»).
    const definite = (this.cx.words[k] as Word).norm.startsWith('ال') || this.cx.entityAt[k] !== null;
    while (k + 1 < end) {
      const a = this.cx.words[k + 1] as Word;
      const next = this.cx.entityAt[k + 1];
      if (next && next.type === 'PER' && !m && isWord(a) && !hasPrepClitic(a)) {
        while (k + 1 < end && this.cx.entityAt[k + 1] === next) k++;
        break;
      }
      if (!isWord(a) || next !== null || this.cx.isCueWord(k + 1)) break;
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
  subjectBefore(p: number, sentenceFirst: number): (WordRange & { clauseInitial: boolean; weak: boolean; from: number }) | null {
    let b = p;
    while (b >= sentenceFirst && p - b < 16) {
      const w = this.cx.words[b] as Word;
      const boundary = (isPunct(w, `${COMMA}${COLON}.؛;!?؟${DASHES}`)) || this.cx.isComplementizer(b) || this.cx.has(CLAUSE_OPENERS, b) || this.cx.has(RELATIVES, b) || this.cx.isCueWord(b);
      if (boundary) break;
      b--;
    }
    if (p - b >= 16 && b >= sentenceFirst) return null;
    const from = b + 1;
    if (from > p) return null;
    let start = -1;
    let weak = false;
    for (let k = p; k >= from; k--) {
      const w = this.cx.words[k] as Word;
      if (!isWord(w)) continue;
      const m = this.cx.entityAt[k];
      const prepClitic = hasPrepClitic(w) && !(m && m.start === w.token.start) && !this.cx.has(ANONYMOUS_HEADS, k);
      if (prepClitic) continue;
      // A name inside a prepositional phrase («تحت 'تنسيقية المقاومة'», «من خامنئي») is not the subject.
      let q = k - 1;
      while (q >= from && isPunct(this.cx.words[q], QUOTE_CHARS)) q--;
      const inPP = q >= from && this.cx.has(PREP_WORDS, q);
      if (m && inPP) continue;
      if ((m && (k === from || this.cx.entityAt[k - 1] !== m)) || this.cx.has(ANONYMOUS_HEADS, k) || this.cx.has(DEMONSTRATIVES, k)) {
        start = k;
        break;
      }
    }
    if (start < 0) {
      // No name or known head: a single word right after the boundary («واشنطن قالت»), or the
      // first definite noun («الحكومة قالت»).
      const fw = this.cx.words[from] as Word;
      const afterComplementizer = from - 1 >= sentenceFirst && (this.cx.isComplementizer(from - 1) || this.cx.has(CLAUSE_OPENERS, from - 1));
      if (from === p && isWord(this.cx.words[p]) && !hasPrepClitic(this.cx.words[p] as Word)) start = p;
      else if ((afterComplementizer || from === sentenceFirst) && isWord(fw) && !hasPrepClitic(fw) && !this.cx.has(PREP_WORDS, from)) {
        start = from;
        // An indefinite first word may be a verb («منذ أن تولى الإشراف … قال لي»): a weak guess.
        weak = !fw.norm.startsWith('ال');
      }
      else {
        for (let k = from; k <= p; k++) {
          const w = this.cx.words[k] as Word;
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
      const w = this.cx.words[start - 1] as Word;
      if (this.cx.has(SOURCE_QUANTIFIERS, start - 1) || this.cx.has(ANONYMOUS_HEADS, start - 1) || this.cx.isNumberWord(start - 1) || /^\d/u.test(w.norm)) start--;
      else if (w.norm === 'من' && start - 2 >= from && (this.cx.has(SOURCE_QUANTIFIERS, start - 2) || this.cx.isNumberWord(start - 2))) start -= 2;
      else break;
    }
    return { first: start, last: p, clauseInitial: start === from, weak, from };
  }

  /**
   * «وكانت سارة محمود، مديرة المركز …، قالت إن»: a subject set off from its verb by a comma-set
   * apposition. The verb at `i` follows a comma (or «، قد»); the subject is the noun phrase before the
   * first comma, after «وكان/وكانت» or at the sentence start. The apposition is left out, as after a
   * verb («كاظم الفرطوسي، المتحدث …، إن»).
   */
  appositiveSubject(i: number, first: number): WordRange | null {
    let p = i - 1;
    if (p >= first && isWord(this.cx.words[p]) && (this.cx.words[p] as Word).norm === 'قد') p--;
    if (p < first || !isPunct(this.cx.words[p], COMMA)) return null;
    let firstComma = p;
    let k = p - 1;
    for (; k >= first && p - k < 30; k--) {
      const w = this.cx.words[k] as Word;
      if (isPunct(w, COMMA)) firstComma = k;
      else if (isPunct(w, `${COLON}.؛;!?؟${DASHES}`) || this.cx.isCueWord(k) || this.cx.isComplementizer(k) || /^[وف]?كان(ت)?$/u.test(w.norm)) break;
    }
    // An apposition between two commas is required («X، قالت» alone is a new clause after a comma).
    if (firstComma === p) return null;
    const opener = k >= first && /^[وف]?كان(ت)?$/u.test((this.cx.words[k] as Word).norm);
    const start = opener ? k + 1 : this.cx.contentStart(first, firstComma);
    if (!opener && k >= first && k >= start) return null;
    const last = firstComma - 1;
    if (last < start || last - start > 7) return null;
    const w0 = this.cx.words[start] as Word;
    if (!isWord(w0) || hasPrepClitic(w0) || this.cx.has(PREP_WORDS, start) || this.cx.has(CLAUSE_OPENERS, start) || this.clauses.timeAt(start, firstComma) > 0) return null;
    for (let q = start; q <= last; q++) {
      const x = this.cx.words[q] as Word;
      if (x.quote !== null || (x.token.kind !== 'word' && x.token.kind !== 'latin' && x.token.kind !== 'number')) return null;
    }
    // Without «كان» the phrase must look like a source: a name, a title, a definite noun.
    if (!opener && !(this.cx.entityAt[start] !== null || w0.norm.startsWith('ال') || this.cx.has(ANONYMOUS_HEADS, start) || this.cx.has(SOURCE_NOUNS, start))) return null;
    return { first: start, last };
  }

  /**
   * «أما الباحثة ليلى حسن فتقول إن»: the topic after «أما» is the subject of a verb that carries «ف».
   */
  ammaSubject(i: number, first: number): WordRange | null {
    const v = this.cx.words[i] as Word;
    if (!v.norm.startsWith('ف')) return null;
    let last = i - 1;
    if (last >= first && isPunct(this.cx.words[last], COMMA)) last--;
    for (let k = last; k >= first && i - k <= 10; k--) {
      const w = this.cx.words[k] as Word;
      if (isWord(w) && (w.norm === 'اما' || w.norm === 'واما')) return k < last ? { first: k + 1, last } : null;
      if (!isWord(w) || this.cx.isCueWord(k) || this.cx.isComplementizer(k)) return null;
    }
    return null;
  }

  /**
   * After an attribution head, a document and its author: «تقرير لـ رويترز», «تقرير لرويترز»,
   * «دراسة حديثة للبنك الدولي», «تقرير البنك الدولي», «تقرير صادر عن الأمم المتحدة». Returns the word
   * where the author starts, or -1.
   */
  reportAuthor(j: number, end: number): number {
    const n = this.cx.words[j];
    if (!isWord(n) || !readings(n).some((r) => REPORT_NOUNS.has(r))) return -1;
    let k = j + 1;
    // Indefinite adjectives of the document («حديث», «سنوي», «أممي»).
    while (k < end && k - j <= 2 && isWord(this.cx.words[k]) && !hasPrepClitic(this.cx.words[k] as Word) && this.cx.entityAt[k] === null && /(ي|ية|يا|ة|ا)$/u.test((this.cx.words[k] as Word).norm) && !(this.cx.words[k] as Word).norm.startsWith('ال')) k++;
    const a = this.cx.words[k];
    if (k >= end || !isWord(a)) return -1;
    if (a.norm === 'ل' || a.norm === 'لـ') return k;
    if (hasPrepClitic(a) && a.token.segments[0] === 'ل') return k;
    if ((a.norm === 'صادر' || a.norm === 'الصادر') && this.cx.isPrep(k + 1, 'عن')) return k + 2;
    // A genitive author right after the noun: a name or an institution («تقرير البنك الدولي»).
    if (k === j + 1 && (this.cx.entityAt[k] !== null || this.looksLikeSource({ first: k, last: k }))) return k;
    return -1;
  }

  /** After a speaker phrase: skip time, channel and addressee phrases and commas. */
  skipAfterSpeaker(x: number, end: number, range: WordRange): number {
    let y = this.clauses.skipAdjuncts(x, end, this.cx.entityAt[range.last]?.type === 'PER');
    while (y < end && isPunct(this.cx.words[y], COMMA)) {
      const z = this.clauses.skipAdjuncts(y + 1, end);
      if (!this.cx.isComplementizer(z) && z === y + 1) break;
      y = z;
    }
    return y;
  }

  looksLikeSource(range: WordRange): boolean {
    for (let k = range.first; k <= Math.min(range.last, range.first + 2); k++) {
      const w = this.cx.words[k] as Word;
      if (!isWord(w)) continue;
      const head = w.norm.startsWith('ال') ? w.norm.slice(2) : w.stem;
      if (this.cx.entityAt[k] !== null || this.cx.has(ANONYMOUS_HEADS, k) || CHANNEL_NOUNS.has(head) || MEDIA_NOUNS.has(head) || SOURCE_NOUNS.has(head) || SOURCE_NOUNS.has(w.norm)) return true;
      if (this.cx.has(SOURCE_QUANTIFIERS, k) || this.cx.isNumberWord(k)) continue;
      return false;
    }
    return false;
  }

  onlyOpeners(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (!this.cx.has(CLAUSE_OPENERS, k) && !isPunct(this.cx.words[k], COMMA)) return false;
    return true;
  }

  makeSpeaker(range: WordRange): FoundSpeaker {
    let entity: EntityMention | null = null;
    let best = 0;
    let loc: EntityMention | null = null;
    const governed = new Set<EntityMention>();
    for (let k = range.first; k <= range.last; k++) {
      const m = this.cx.entityAt[k];
      if (!m || governed.has(m)) continue;
      const startsHere = k === range.first || this.cx.entityAt[k - 1] !== m;
      if (startsHere && k > range.first) {
        // A name governed by a preposition («للكاظمي», «لدى الأمم المتحدة») or a genitive
        // («زيارة طائب») belongs to the description, not to the one who speaks.
        if (hasPrepClitic(this.cx.words[k] as Word) || this.cx.has(PREP_WORDS, k - 1) || (m.type === 'PER' && !this.titleBefore(k - 1))) {
          governed.add(m);
          continue;
        }
      }
      if (m.type === 'PER' || m.type === 'ORG') {
        // Prefer the mention that covers the most words of the phrase; a person over an organisation.
        let count = 0;
        for (let q = range.first; q <= range.last; q++) if (this.cx.entityAt[q] === m) count++;
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
      for (let k = range.first; k <= range.last; k++) if (this.cx.entityAt[k] !== loc) all = false;
      if (all) entity = loc;
    }
    // A description whose head is an anonymous source keeps its named organisation out of the link:
    // «ضابط في الجيش العراقي» is not the army.
    const head = this.cx.headIndex(range);
    if (entity && entity.type !== 'PER' && this.cx.has(ANONYMOUS_HEADS, head) && this.cx.entityAt[head] !== entity) entity = null;
    return { ...range, resolved: false, antecedent: null, entity };
  }

  /**
   * Whether the word before a name introduces it as the speaker («الرئيس …», «قائد الشرطة …», a
   * title), rather than governing it as a genitive or object («على زيارة طائب»).
   */
  private titleBefore(k: number): boolean {
    const w = this.cx.words[k];
    if (!isWord(w) || hasPrepClitic(w) || this.cx.has(PREP_WORDS, k)) return false;
    return w.norm.startsWith('ال') || this.cx.entityAt[k] !== null || this.cx.has(ANONYMOUS_HEADS, k) || this.cx.has(SOURCE_NOUNS, k) || /(ي|ية)$/u.test(w.norm);
  }
}
