// The two kinds of cue: a speech verb («قال», «أكد», «نفى» …) with its speaker and content, and an
// attribution phrase («بحسب», «وفق», «على لسان») with its source.
import { PHRASE_MANNER_NOUNS } from '../lexicon/cues.js';
import { EVENT_NOUNS, CLAUSE_BREAKS, CLAUSE_OPENERS, NEGATIONS, RELATIVES } from '../lexicon/words.js';
import type { VerbMatch } from '../match-cue.js';
import { COMMA, hasPrepClitic, isPunct, isWord, readings, sentenceWordRanges, type Word } from '../words.js';
import type { WordRange, FoundSpeaker, FoundAttribution } from './types.js';
import { MAX_SPEAKER_WORDS, CONTENT_PREPS, NO_PREPS, ALWAYS_PREP, PREP_WORDS, QAWL, COLON } from './constants.js';
import type { AttributionContext } from './context.js';
import type { Clauses } from './clause.js';
import type { Speakers } from './speaker.js';
import type { Antecedents } from './antecedent.js';

/** A verb cue where it stands: its sentence, its extent and where its subject may start. */
interface VerbSite {
  i: number;
  v: VerbMatch;
  first: number;
  end: number;
  s: number;
  cueLast: number;
  j: number;
  prepAt: number;
  participle: boolean;
}

/** A speaker (or none, for an unresolved implicit subject) and where the content search starts. */
interface SpeakerAndStart {
  speaker: FoundSpeaker | null;
  c: number;
}

export class Cues {
  constructor(
    readonly cx: AttributionContext,
    readonly clauses: Clauses,
    readonly speakers: Speakers,
    readonly antecedents: Antecedents,
  ) {}

  run(): FoundAttribution[] {
    const consumedPhrase = new Set<number>();
    for (const { s, first, end } of sentenceWordRanges(this.cx.doc)) {
      for (let i = first; i < end; i++) {
        if (consumedPhrase.has(i)) continue;
        if (this.cx.phraseAt[i] || this.cx.isAlaLisan(i)) {
          const f = this.phraseCue(i, first, end, s);
          if (f) {
            this.antecedents.push(f);
            i = f.cue.last;
            continue;
          }
        }
        const v = this.cx.verbAt[i];
        if (v) {
          const f = this.verbCue(i, v, first, end, s, consumedPhrase);
          if (f) {
            this.antecedents.push(f);
            i = f.cue.last;
          }
        }
      }
    }
    return this.cx.found;
  }

  /** A speech verb at `i` with its speaker and content, or null when it is no statement here. */
  private verbCue(i: number, v: VerbMatch, first: number, end: number, s: number, consumedPhrase: Set<number>): FoundAttribution | null {
    if (this.notAStatement(i, v, first, end)) return null;
    const extent = this.cueExtent(i, v, end);
    if (!extent) return null;
    const site: VerbSite = { i, v, first, end, s, ...extent, participle: v.form === 'participle' };
    const found = v.verb.speakerAfterPrep ? this.agencySpeaker(site) : this.clauseSpeaker(site, consumedPhrase);
    if (!found) return null;
    if ('cue' in found) return found;
    // «متهما الحكومة بـ"…"», «مهددا الفصائل»: an accusing participle takes its object as content.
    const needsClause = (site.participle && v.verb.accusation !== true) || v.verb.cls === 'strict' || v.verb.cls === 'say';
    const c = this.contentStartAfter(found.c, v, end, needsClause);
    if (c < 0) return null;
    if (this.cx.atClauseEnd(c, end) && this.cx.words[c]?.quote !== 'open') return null;
    const { content, quote } = this.clauses.contentFrom(c, end);
    if (!content) return null;
    return { sentence: s, cue: { first: i, last: extent.cueLast }, verb: v.verb, speaker: found.speaker, content, quote };
  }

  /** Verb forms that do not report a statement: negated, future, after a number, relative, subjunctive. */
  private notAStatement(i: number, v: VerbMatch, first: number, end: number): boolean {
    if (v.future) return true;
    const prev = i - 1 >= first ? this.cx.words[i - 1] : undefined;
    if (prev && isWord(prev) && (NEGATIONS.has(prev.norm) || prev.norm === 'غير')) return true;
    // «7953 طالباً»: after a number the word is the counted noun, not a verb.
    if (prev && (prev.token.kind === 'number' || this.cx.isNumberWord(i - 1))) return true;
    // «ما سيعلنه», «لما أعلنته»: a relative clause about what is said, not a statement.
    if (prev && isWord(prev) && (prev.norm === 'ما' || prev.norm === 'لما' || prev.norm === 'مما' || prev.norm === 'بما')) return true;
    // «التي أقرها الشرع», «ما أعلنته»: an object pronoun stands for what was said before; only
    // perception verbs («يعتبره X مقربا») and «أبلغه» (the addressee) take one, or a complementizer follows.
    if (v.object && !['اعتبر', 'رأى', 'أبلغ'].includes(v.verb.lemma) && this.clauses.findComplementizer(i + 1, end) < 0) return true;
    // «أن يكشف», «أن يقول»: a subjunctive after «أن» (something to be said), not a statement.
    if (prev && isWord(prev) && /^[وف]?ان$/u.test(prev.norm) && v.form === 'present') return true;
    // «ويعتبر X من أبرز …», «وتعتبر X …»: the present of اعتبر without «أن» reads «is considered».
    if (v.verb.lemma === 'اعتبر' && v.form === 'present' && v.conjoined && this.clauses.findComplementizer(i + 1, end) < 0) return true;
    // «العراق الذي تعتبره ساحة نفوذ»: a perception verb on the relative's antecedent, subject unsaid.
    if (prev && isWord(prev) && v.object && (prev.norm === 'الذي' || prev.norm === 'التي' || prev.norm === 'الذين')) return true;
    // Impersonal «يذكر أن» (the journalist's background), not a statement by someone.
    if ((this.cx.words[i] as Word).bare === 'يذكر' && this.cx.isComplementizer(i + 1)) return true;
    return false;
  }

  /** The cue's last word (its preposition, «قائلا») and where its subject may start; null without its required preposition. */
  private cueExtent(i: number, v: VerbMatch, end: number): { cueLast: number; j: number; prepAt: number } | null {
    let cueLast = i;
    let j = i + 1;
    // The required preposition: right after the verb («أشار إلى»), or after its subject.
    let prepAt = -1;
    if (v.verb.prep) {
      for (let k = i + 1; k < Math.min(end, i + MAX_SPEAKER_WORDS); k++) {
        if (this.cx.isPrep(k, v.verb.prep)) {
          prepAt = k;
          break;
        }
        if (this.cx.isComplementizer(k) || isPunct(this.cx.words[k], '.')) break;
        if ((this.cx.words[k] as Word).quote === 'open') {
          // «ونقلت صحيفة "الغد" الأردنية عن …»: a short quoted name of the outlet, not a quotation.
          const partner = this.cx.doc.quotePartner.get(k);
          if (k === i + 1 || partner === undefined || partner - k > 5) break;
          k = partner;
        }
      }
      if (prepAt < 0) return null;
      if (prepAt === i + 1) {
        cueLast = prepAt;
        j = prepAt + 1;
      }
    }
    // «وتابع قائلا», «وأضاف قائلة»: the participle of «قال» belongs to the cue.
    const qaelan = this.cx.verbAt[cueLast + 1];
    if (qaelan && qaelan.form === 'participle' && qaelan.verb.lemma === 'قال') {
      cueLast += 1;
      j = cueLast + 1;
    }
    return { cueLast, j, prepAt };
  }

  /** Agency form «نقل موقع X عن Y قوله إن»: the speaker is Y. */
  private agencySpeaker({ prepAt, end }: VerbSite): SpeakerAndStart | null {
    // Agency form: «نقل موقع X عن Y قوله إن»: the speaker is Y.
    const sp = this.speakers.speakerForward(prepAt + 1, end);
    if (!sp.range) return null;
    const speaker = this.speakers.makeSpeaker(sp.range);
    let c = sp.stop;
    while (c < end && (isPunct(this.cx.words[c], COMMA) || QAWL.has((this.cx.words[c] as Word).norm))) c++;
    return { speaker, c };
  }

  /** The subject of a verb cue: before it (SV), implicit (pro-drop, participle), or after it (VS). */
  private clauseSpeaker(site: VerbSite, consumedPhrase: Set<number>): SpeakerAndStart | FoundAttribution | null {
    const { i, v, first, end, s, j, cueLast, prepAt, participle } = site;
    const after = this.clauses.skipAdjuncts(j, end);
    const wAfter = this.cx.words[after];
    const noSubject =
      this.cx.atClauseEnd(after, end) || this.cx.isComplementizer(after) || (wAfter !== undefined && (wAfter.quote === 'open' || isPunct(wAfter, COLON))) ||
      (v.verb.prep !== undefined && this.cx.isPrep(after, v.verb.prep)) || (prepAt >= 0 && prepAt === cueLast) ||
      // «وأكدت على أهمية …», «وحذر من …»: the content preposition right after the verb, a pronoun subject.
      (isWord(wAfter) && (CONTENT_PREPS[v.verb.lemma]?.has(wAfter.norm) ?? false));
    const opensClause = v.conjoined || i === first || (this.cx.isClauseBoundary(i - 1) && this.cx.words[i - 1]?.quote !== 'close') || this.cx.has(CLAUSE_OPENERS, i - 1) || this.cx.has(RELATIVES, i - 1) || this.cx.isComplementizer(i - 1);
    // SV: «وكان المسؤول … قد قال», «لكن واشنطن قالت إن», «إيران دعت الفصائل».
    // «وكانت X، …، قالت إن»: only when nothing after the verb could be its subject.
    let sv: WordRange | null = participle || !noSubject ? null : (this.speakers.ammaSubject(i, first) ?? this.speakers.appositiveSubject(i, first));
    if (sv) {
      // found: «وكانت X، …، قالت»
    } else if (!participle && this.cx.has(new Set(['قد']), i - 1)) {
      for (let k = i - 2; k >= first && i - k < MAX_SPEAKER_WORDS; k--) {
        const w = this.cx.words[k] as Word;
        if (/^[وف]?كان(ت)?$/u.test(w.norm)) {
          if (k + 1 <= i - 2) sv = { first: k + 1, last: i - 2 };
          break;
        }
        if (this.cx.isClauseBoundary(k)) break;
      }
    } else if (!participle && !opensClause) {
      const cand = this.speakers.subjectBefore(i - 1, first);
      // «زيارة طائب تشير إلى أن»: an event as the subject is evidence, not a source.
      if (cand && this.cx.has(EVENT_NOUNS, cand.from) && !hasPrepClitic(this.cx.words[cand.from] as Word)) return null;
      // With a subject after the verb too, SV needs the candidate to open its clause.
      // A weak guess (the clause's first words) never beats the previous speaker of «قال لي: …».
      if (cand && (noSubject || v.verb.cls !== 'say') && (noSubject || cand.clauseInitial) && !(cand.weak && noSubject)) sv = cand;
    }
    // «زيارة طائب تشير إلى أن»: an event as the subject is evidence, not a source.
    if (sv && this.cx.has(EVENT_NOUNS, this.cx.headIndex(sv))) return null;
    if (sv) return { speaker: this.speakers.makeSpeaker(sv), c: after };
    // «فيما أعلنوا الحداد»: a plural verb before its noun phrase has a pronoun subject.
    if (participle || noSubject || v.plural) return { speaker: this.antecedents.implicitSpeaker(i, first, s, participle), c: after };
    return this.vsSpeaker(site, after, consumedPhrase);
  }

  /** VS order: the noun phrase after the verb, up to the complementizer, a quotation or an adjunct. */
  private vsSpeaker(site: VerbSite, after: number, consumedPhrase: Set<number>): SpeakerAndStart | FoundAttribution | null {
    const { i, v, first, end, s, cueLast, participle } = site;
    const needsClause = participle || v.verb.cls === 'strict' || v.verb.cls === 'say';
    // Without a complementizer ahead, «أكد/شدد على», «حذر من», «كشف عن» open the content.
    const preps = CONTENT_PREPS[v.verb.lemma] ?? NO_PREPS;
    const objectScan = v.verb.cls === 'object' && !participle && (ALWAYS_PREP.has(v.verb.lemma) || this.clauses.findComplementizer(after, end) < 0);
    // «وأعلن سقوط X»: the object right after the verb, the subject is a pronoun.
    // «اعتبر اغتيال الباحث رسالة»: a perception verb before an event is the passive «was considered».
    if (v.verb.lemma === 'اعتبر' && this.cx.has(EVENT_NOUNS, after)) return null;
    if (objectScan && this.cx.has(EVENT_NOUNS, after) && !hasPrepClitic(this.cx.words[after] as Word) && !(this.cx.words[after] as Word).norm.startsWith('ال')) {
      const speaker = this.antecedents.implicitSpeaker(i, first, s, false);
      const { content, quote } = this.clauses.contentFrom(after, end);
      return content ? { sentence: s, cue: { first: i, last: cueLast }, verb: v.verb, speaker, content, quote } : null;
    }
    // «يعتبر على نطاق واسع X»: a preposition cannot open the subject; with a perception verb it
    // is the passive «is considered».
    if (this.cx.has(PREP_WORDS, after) && !(v.verb.prep && this.cx.isPrep(after, v.verb.prep))) {
      if (v.verb.lemma === 'اعتبر' || v.verb.lemma === 'رأى') return null;
    }
    const sp = this.speakers.speakerForward(after, end, v.verb.prep, objectScan || ALWAYS_PREP.has(v.verb.lemma) ? preps : undefined);
    if (!sp.range) return null;
    let range = sp.range;
    let c = this.speakers.skipAfterSpeaker(sp.stop, end, range);
    // An attribution phrase between the speaker and the complementizer («وتابع الكاظمي وفق المصدر إن»).
    if (c < end && this.cx.phraseAt[c]) {
      const ph = this.phraseCue(c, first, end, s, true);
      if (ph) {
        consumedPhrase.add(c);
        this.antecedents.push(ph);
        const spEnd = ph.speaker && !ph.speaker.resolved ? ph.speaker.last + 1 : c + 1;
        c = this.speakers.skipAfterSpeaker(spEnd, end, range);
      }
    }
    // An apposition set off by commas («كاظم الفرطوسي، المتحدث باسم …، لوكالة …، إن»).
    if (!this.cx.isComplementizer(c) && isPunct(this.cx.words[sp.stop], COMMA)) {
      const comp = this.clauses.complementizerAfterComma(sp.stop, end);
      if (comp >= 0) c = comp;
    }
    // «في بيان زودت "الرياض" بنسخة منه بأنه …»: a channel with its relative clause, then «أن».
    if (!this.cx.isComplementizer(c) && this.channelBetween(sp.stop, c, end)) {
      for (let k = c; k < Math.min(end, c + 10); k++) {
        if (this.cx.isComplementizer(k)) {
          c = k;
          break;
        }
        if ((this.cx.isCueWord(k) && !this.cx.verbAt[k]?.object) || isPunct(this.cx.words[k], `${COMMA}.؟?!`)) break;
      }
    }
    if (!needsClause && !this.cx.isComplementizer(c) && this.cx.words[c]?.quote !== 'open' && !(v.verb.prep && this.cx.isPrep(c, v.verb.prep))) {
      // An object, no complementizer: if the phrase swallowed the clause, the speaker is a short phrase.
      const swallowed = sp.capped || this.cx.atClauseEnd(c, end) || this.cx.has(CLAUSE_BREAKS, c) || this.cx.isCueWord(c) || (isPunct(this.cx.words[c], COMMA) && (this.cx.has(CLAUSE_BREAKS, c + 1) || this.cx.isCueWord(c + 1)));
      if (swallowed) {
        const short = this.speakers.shortNP(after, end);
        if (!short) return null;
        range = short;
        c = this.speakers.skipAfterSpeaker(short.last + 1, end, range);
      }
    }
    return { speaker: this.speakers.makeSpeaker(range), c };
  }

  /** Whether a channel phrase starts in [from, to] («للصحفيين في مؤتمر صحفي عقد في الرباط»). */
  private channelBetween(from: number, to: number, end: number): boolean {
    for (let k = from; k <= to && k < end; k++) if (this.clauses.channelAt(k, end) > 0) return true;
    return false;
  }

  /** Where the content starts, past the cue's preposition, the complementizer, a colon; -1 when none fits. */
  private contentStartAfter(start: number, v: VerbMatch, end: number, needsClause: boolean): number {
    let c = start;
    if (c < 0) return -1;
    if (v.verb.prep && this.cx.isPrep(c, v.verb.prep)) c++;
    // «شدد على أن …», «أشار إلى أن …»: the preposition before the complementizer is the cue's.
    const pw = this.cx.words[c];
    if (isWord(pw) && (pw.norm === 'علي' || pw.norm === 'الي') && this.cx.isComplementizer(c + 1)) c++;
    if (this.cx.isComplementizer(c)) c++;
    else if (this.cx.words[c]?.quote === 'open') {
      // a quotation straight after the cue or speaker
    } else if (isPunct(this.cx.words[c], COLON)) {
      c++;
      if (this.cx.isComplementizer(c)) c++; // «وقال: إن …»
    } else if (needsClause) {
      // Such verbs need a complementizer or a quotation; allow a short gap («قال أيضا إن»), or an
      // adjunct before a quotation («وقال نصر الله في حفل لتكريم … "…"»).
      const comp = this.clauses.findComplementizer(c, Math.min(end, c + 3));
      if (comp >= 0) c = comp + 1;
      else {
        let q = -1;
        for (let k = c; k < Math.min(end, c + 15); k++) {
          const w = this.cx.words[k] as Word;
          if (w.quote === 'open') {
            // A short quoted name inside the adjunct («صحيفة “إكسبريس” البريطانية») is not the quotation.
            const partner = this.cx.doc.quotePartner.get(k);
            const shortName = partner !== undefined && partner - k <= 4 && !this.cx.atClauseEnd(partner + 1, end);
            if (!shortName) {
              q = k;
              break;
            }
            k = partner as number;
            continue;
          }
          // «في تصريحات نقلتها صحيفة …»: a cue with an object pronoun is a relative clause, not a new statement.
          if ((this.cx.isCueWord(k) && !this.cx.verbAt[k]?.object) || this.cx.isComplementizer(k) || isPunct(w, '.؟?!')) break;
        }
        if (q < 0) return -1;
        c = q;
      }
    }
    return c;
  }


  private phraseCue(i: number, first: number, end: number, s: number, embedded = false): FoundAttribution | null {
    let cueLast = i;
    let j = i + 1;
    const head = this.cx.phraseAt[i];
    if (this.cx.isAlaLisan(i)) {
      cueLast = i + 1;
      j = i + 2;
    } else if (head === 'نقلا' || head === 'استنادا') {
      if (!(this.cx.isPrep(j, 'عن') || this.cx.isPrep(j, 'الي'))) return null;
      cueLast = j;
      j++;
    } else if (head === 'وفقا' || head === 'طبقا') {
      const n = this.cx.words[j];
      if (n && (n.norm === 'ل' || n.norm === 'لـ')) j++;
    }
    // «وفق ما أكد», «حسبما قال», «بحسب ما أفاد»: the verb joins the cue.
    if (isWord(this.cx.words[j]) && (this.cx.words[j] as Word).norm === 'ما' && this.cx.verbAt[j + 1]) {
      cueLast = j + 1;
      j += 2;
    } else if (head === 'حسبما' && this.cx.verbAt[j]) {
      cueLast = j;
      j++;
    }
    // «بحسب تقدير X»: a noun of manner joins the cue.
    const n = this.cx.words[j];
    if (isWord(n) && readings(n).some((r) => PHRASE_MANNER_NOUNS.has(r))) {
      cueLast = j;
      j++;
    }
    // «بحسب تقرير لـ رويترز», «حسب تقرير البنك الدولي»: the document's author is the source.
    const author = this.speakers.reportAuthor(j, end);
    if (author >= 0) j = author;
    // «وفقا لـ X», «وفقا لرويترز»: the «لـ» belongs to the phrase, not to the source.
    const lw = this.cx.words[j];
    const attachedL = author >= 0 || head === 'وفقا' || head === 'طبقا' || head === 'استنادا';
    if (attachedL && isWord(lw) && (lw.norm === 'ل' || lw.norm === 'لـ')) j++;
    else if (!(attachedL && isWord(lw) && hasPrepClitic(lw) && lw.token.segments[0] === 'ل')) j = this.clauses.skipAdjuncts(j, end);
    const sp = this.speakers.speakerForward(j, end);
    if (!sp.range) return null;
    const firstSpeakerWord = this.cx.words[sp.range.first] as Word;
    if (firstSpeakerWord.token.kind !== 'word' && firstSpeakerWord.token.kind !== 'latin' && firstSpeakerWord.token.kind !== 'number') return null;
    const speaker = this.speakers.makeSpeaker(sp.range);
    if (attachedL && sp.range.first === j) {
      // «لرويترز» → «رويترز»; «للبنك» keeps its letters (the article's alef is not written).
      const segs = firstSpeakerWord.token.segments;
      if (segs.length > 1 && segs[0] === 'ل' && segs[1] !== 'ال' && firstSpeakerWord.token.text.startsWith('ل')) speaker.start = firstSpeakerWord.token.start + 1;
    }
    // A bare «بحسب X» is a source only when X is one («بحسب الأعمال» means «depending on»).
    // A report's author is a source by construction («تقرير لمنصة "بذرة"»).
    if (cueLast === i && author < 0 && !this.cx.isAlaLisan(i) && !this.speakers.looksLikeSource(sp.range)) return null;
    if (embedded) {
      // Content is the enclosing statement's: filled in after it is known.
      return { sentence: s, cue: { first: i, last: cueLast }, verb: null, speaker, content: null, quote: null, secondary: true };
    }
    const start = this.cx.contentStart(first, end);
    // Is there content before the phrase (in this sentence)?
    let before = i - 1;
    while (before >= start && (isPunct(this.cx.words[before], COMMA) || this.cx.has(CLAUSE_OPENERS, before))) before--;
    if (before >= start && !this.speakers.onlyOpeners(start, i)) {
      const a = (this.cx.words[start] as Word).token.start;
      const b = (this.cx.words[before] as Word).token.end;
      let quoted = false;
      for (let k = start; k <= before; k++) if ((this.cx.words[k] as Word).quote !== null) quoted = true;
      // A whole quotation alone before the phrase is direct.
      const w0 = this.cx.words[start] as Word;
      if (w0.quote === 'open' && this.cx.doc.quotePartner.get(start) === before) {
        return { sentence: s, cue: { first: i, last: cueLast }, verb: null, speaker, content: { start: w0.token.end, end: (this.cx.words[before] as Word).token.start }, quote: 'direct', secondary: true };
      }
      return { sentence: s, cue: { first: i, last: cueLast }, verb: null, speaker, content: { start: a, end: b }, quote: quoted ? 'mixed' : 'indirect', secondary: true };
    }
    // Phrase first: «وبحسب X فإن "…"», «وفقا لمصادر، …».
    let c = sp.stop;
    while (c < end && isPunct(this.cx.words[c], COMMA)) c++;
    if (this.cx.isComplementizer(c)) c++;
    const { content, quote } = this.clauses.contentFrom(c, end);
    if (!content) return null;
    return { sentence: s, cue: { first: i, last: cueLast }, verb: null, speaker, content, quote };
  }
}
