// Speakers found outside the cue's own words: the implicit subject of «وأضاف», «مؤكدا» taken from an
// earlier statement or the sentence's subject, and a short or generic speaker («المصدر», «معاليه»)
// linked to the earlier full mention it refers to.
import { SOURCE_NOUNS, ANONYMOUS_HEADS, CLAUSE_OPENERS, SOURCE_QUANTIFIERS } from '../lexicon/words.js';
import { COMMA, hasPrepClitic, isPunct, isWord, type Word } from '../words.js';
import type { WordRange, FoundSpeaker, FoundAttribution } from './types.js';
import { HONORIFIC, PREP_WORDS } from './constants.js';
import type { AttributionContext } from './context.js';
import type { Speakers } from './speaker.js';
import { nounAgreement, speakerAgreement, verbNeeds } from './agreement.js';

export class Antecedents {
  constructor(
    readonly cx: AttributionContext,
    readonly speakers: Speakers,
  ) {}

  /** The speaker of a participle or pro-drop cue. */
  implicitSpeaker(i: number, first: number, s: number, participle: boolean): FoundSpeaker | null {
    // «وأضاف» (masculine) does not continue «وتقول واشنطن» (feminine), «وأضافت» not «الوزير»,
    // «وأضافوا» not a single person.
    const need = verbNeeds(this.cx.verbAt[i], this.cx.words[i]);
    const agrees = (f: FoundAttribution): boolean => {
      const allowed = speakerAgreement(this.cx, f);
      return need === null || allowed === null || allowed.has(need);
    };
    const agreesRange = (r: WordRange): boolean => {
      const allowed = nounAgreement(this.cx, r);
      return need === null || allowed === null || allowed.has(need);
    };
    // The same sentence's statement (not one nested in another's content).
    for (let k = this.cx.found.length - 1; k >= 0; k--) {
      const f = this.cx.found[k] as FoundAttribution;
      if (f.sentence !== s) break;
      if (f.secondary || !f.speaker || f.cue.first >= i || !agrees(f)) continue;
      // Same level only: a statement nested in another's content is continued by cues nested there too.
      if (this.hostOf(f.cue.first, f) === this.hostOf(i, null)) return this.resolvedCopy(f.speaker);
    }
    // A participle continues its sentence's subject («ورحبت تلك الفصائل …، معلنة أن»).
    if (participle) {
      const subject = this.sentenceSubject(first, i);
      if (subject && agreesRange(subject)) {
        const sp = this.speakers.makeSpeaker(subject);
        return { ...sp, resolved: true, antecedent: { ...sp } };
      }
    }
    // «وأضاف أن …»: the last speaker of the previous sentences (not one quoted inside a quotation).
    for (let k = this.cx.found.length - 1; k >= 0; k--) {
      const f = this.cx.found[k] as FoundAttribution;
      if (f.sentence === s || f.secondary || !agrees(f)) continue;
      const cueStart = (this.cx.words[f.cue.first] as Word).token.start;
      if (this.cx.found.some((g) => g !== f && g.content !== null && g.content.start <= cueStart && cueStart < g.content.end)) continue;
      if (f.speaker && s - f.sentence <= 4 && f.sentence === this.lastSentenceWithWords(s - 1)) return this.resolvedCopy(f.speaker);
      // Nearer sentences that name someone else who fits (a change of topic, or a new paragraph
      // about another actor) stop the search: only when nothing else is named does it go back.
      if (f.speaker && s - f.sentence <= 4 && !this.hasSubjectSentence(f.sentence + 1, s, agreesRange)) return this.resolvedCopy(f.speaker);
      break;
    }
    // No statement just before: the subject of the previous sentence («وندد اوباما … . وتابع قائلا»).
    const p = this.lastSentenceWithWords(s - 1);
    if (p >= 0) {
      const { first: pf, end: pe } = this.cx.sentenceRange(p);
      const subject = this.sentenceSubject(pf, pe);
      if (subject && this.entityOrHeadIn(subject) && agreesRange(subject)) {
        const sp = this.speakers.makeSpeaker(subject);
        return { ...sp, resolved: true, antecedent: { ...sp } };
      }
    }
    return null;
  }

  private lastSentenceWithWords(s: number): number {
    for (let q = s; q >= 0; q--) if ((this.cx.doc.sentenceFirst[q] ?? -1) >= 0) return q;
    return -1;
  }

  /** Whether a sentence in [from, to) opens with a verb and a named subject (a change of topic). */
  private hasSubjectSentence(from: number, to: number, fits: (r: WordRange) => boolean): boolean {
    for (let q = from; q < to; q++) {
      const { first, end } = this.cx.sentenceRange(q);
      if (first < 0) continue;
      // Sentences with statements are weighed by the statement loop (gender, nesting), not here.
      if (this.cx.found.some((f) => f.sentence === q)) continue;
      const subject = this.sentenceSubject(first, end);
      if (subject && this.entityOrHeadIn(subject) && fits(subject)) return true;
    }
    return false;
  }

  private entityOrHeadIn(range: WordRange): boolean {
    for (let k = range.first; k <= range.last; k++) if (this.cx.entityAt[k] !== null || this.cx.has(ANONYMOUS_HEADS, k) || this.cx.has(SOURCE_NOUNS, k)) return true;
    return false;
  }

  /** The statement whose content holds word `i` (innermost), or null. */
  private hostOf(i: number, self: FoundAttribution | null): FoundAttribution | null {
    const at = (this.cx.words[i] as Word).token.start;
    let host: FoundAttribution | null = null;
    for (const g of this.cx.found) {
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
      if (k > first && !isPunct(this.cx.words[k - 1], COMMA) && k !== first) continue;
      clauseStart = k;
      const w = this.cx.words[k] as Word;
      if (!isWord(w)) continue;
      // News clauses open with a verb (VSO): «وشكك», «ورحبت», «تبدي»; not «وفي», «والقوات», «وبعد».
      const notNoun = !/^[وف]?(ال|لل)/u.test(w.norm) && !hasPrepClitic(w) && !this.cx.has(PREP_WORDS, k) && !this.cx.has(CLAUSE_OPENERS, k) && this.cx.entityAt[k] === null;
      const verbLike = notNoun && ((/^[وف]/u.test(w.norm) && w.norm.length >= 4) || /^[يت].{3,}$/u.test(w.norm) || (k === first && w.norm.length >= 3));
      if (!verbLike) continue;
      const np = this.speakers.shortNP(k + 1, i);
      if (np && !hasPrepClitic(this.cx.words[np.first] as Word) && !this.cx.isComplementizer(np.first) && !this.cx.isCueWord(np.first)) {
        // Extend a quantifier head («عدد من تلك الميليشيات …») to the comma.
        if (this.cx.has(SOURCE_QUANTIFIERS, np.first)) {
          const sp = this.speakers.speakerForward(np.first, i);
          if (sp.range) return sp.range;
        }
        return np;
      }
    }
    void clauseStart;
    return null;
  }

  /** Record a statement, resolving «وأوضح المصدر», «وقال المسؤول الكبير» to the last speaker with that head. */
  push(f: FoundAttribution): void {
    const sp = f.speaker;
    if (sp && !sp.resolved && !sp.entity) {
      const headW = this.cx.words[this.cx.headIndex(sp)] as Word;
      if (headW.norm.startsWith('ال') && headW.norm.length > 3) {
        const head = headW.norm.slice(2);
        for (let y = this.cx.found.length - 1; y >= 0; y--) {
          const other = (this.cx.found[y] as FoundAttribution).speaker;
          if (!other || other.resolved) continue;
          const oh = this.cx.words[this.cx.headIndex(other)] as Word;
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
    if (sp && !sp.resolved && !sp.antecedent && sp.first === sp.last && HONORIFIC.test((this.cx.words[sp.first] as Word).norm)) {
      for (let y = this.cx.found.length - 1; y >= 0; y--) {
        const other = (this.cx.found[y] as FoundAttribution).speaker;
        if (!other || other.first === sp.first) continue;
        sp.antecedent = other.antecedent ?? { ...other, antecedent: null };
        sp.entity ??= other.entity;
        break;
      }
    }
    // «كرافت», «نصر الله», «المفتي»: a short mention whose words all occur in an earlier speaker.
    if (sp && !sp.resolved && !sp.antecedent && sp.last - sp.first < 3) {
      const mine = this.speakerWords(sp);
      for (let y = this.cx.found.length - 1; y >= 0 && mine.length > 0; y--) {
        const other = (this.cx.found[y] as FoundAttribution).speaker;
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
    this.cx.found.push(f);
  }

  private speakerWords(range: WordRange): string[] {
    const out: string[] = [];
    for (let k = range.first; k <= range.last; k++) {
      const w = this.cx.words[k] as Word;
      if (isWord(w)) out.push(w.norm.startsWith('ال') && w.norm.length > 4 ? w.norm.slice(2) : w.norm);
    }
    return out;
  }
}
