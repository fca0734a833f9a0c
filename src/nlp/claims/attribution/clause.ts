// Clause structure around a cue: time, channel and addressee phrases, where a clause and its content
// end, the complementizer that opens the content.
import { CHANNEL_NOUNS, CHANNEL_PREPS, CLAUSE_BREAKS, DEMONSTRATIVES, MEDIA_NOUNS, SETTING_NOUNS, SETTING_PREPS, SKIP_AFTER_CUE, TIME_NOUNS, TIME_QUALIFIERS, TIME_WORDS } from '../lexicon/words.js';
import { COMMA, hasPrepClitic, isPunct, isWord, type Word } from '../words.js';
import type { FoundAttribution } from './types.js';
import { COLON, DASHES } from './constants.js';
import type { AttributionContext } from './context.js';

export class Clauses {
  constructor(
    readonly cx: AttributionContext,
  ) {}

  /** A time expression starting at i: its length in words, or 0. */
  timeAt(i: number, end: number): number {
    if (i >= end) return 0;
    if (this.cx.dateAt[i]) {
      let k = i;
      while (k < end && this.cx.dateAt[k]) k++;
      return k - i;
    }
    if (this.cx.has(TIME_WORDS, i)) {
      let k = i + 1;
      if (k < end && this.cx.has(TIME_WORDS, k)) k++;
      if (k < end && this.cx.has(TIME_QUALIFIERS, k)) k++;
      return k - i;
    }
    if (this.cx.has(TIME_NOUNS, i) && i + 1 < end && this.cx.has(TIME_QUALIFIERS, i + 1)) return 2;
    if (this.cx.has(DEMONSTRATIVES, i) && i + 1 < end && (this.cx.has(TIME_NOUNS, i + 1) || this.cx.has(TIME_WORDS, i + 1))) return 2;
    // «في الـ7 من الشهر الجاري»: a preposition before a date.
    if (this.cx.has(CHANNEL_PREPS, i) && i + 1 < end && this.cx.dateAt[i + 1]) return 1 + this.timeAt(i + 1, end);
    return 0;
  }

  /** A channel phrase («في بيان», «في تصريحات سابقة», «في تصريح لروسيا اليوم»): its length, or 0. */
  channelAt(i: number, end: number): number {
    if (i >= end) return 0;
    let k: number;
    const w0 = this.cx.words[i] as Word;
    if (isWord(w0) && hasPrepClitic(w0) && w0.token.segments[0] === 'ب' && CHANNEL_NOUNS.has(w0.stem)) {
      // «بتصريح خاص لـ"اليوم"», «ببيان»: the channel written with «بـ».
      k = i + 1;
    } else {
      if (i + 1 >= end || !this.cx.has(CHANNEL_PREPS, i)) return 0;
      const n = this.cx.words[i + 1] as Word;
      // «في كلمتها», «في نشرته»: before a pronoun the «ة» of the noun is written «ت».
      const withTa = n !== undefined && n.token.segments.length > 1 && n.stem.endsWith('ت') ? `${n.stem.slice(0, -1)}ة` : '';
      if (!isWord(n) || !(CHANNEL_NOUNS.has(n.norm) || CHANNEL_NOUNS.has(n.stem) || CHANNEL_NOUNS.has(withTa))) return 0;
      k = i + 2;
    }
    // Adjectives («سابقة», «صحفي») and the outlet («لروسيا اليوم», «لوكالة رويترز»).
    // («على» ends like an adjective once normalised: it opens the platform below.)
    while (k < end && isWord(this.cx.words[k]) && /(ي|ية|ة)$/u.test((this.cx.words[k] as Word).norm) && (this.cx.words[k] as Word).norm !== 'علي' && !this.cx.isComplementizer(k) && !/^ل/u.test((this.cx.words[k] as Word).norm)) k++;
    // The addressee after the channel («في تصريح لروسيا اليوم», «لـ "اليوم"»): a «لـ» word and up to
    // two more, or a quoted outlet.
    const l = this.cx.words[k];
    if (k < end && isWord(l) && (l.norm === 'ل' || l.norm === 'لـ') && this.cx.words[k + 1]?.quote === 'open') {
      const partner = this.cx.doc.quotePartner.get(k + 1);
      if (partner !== undefined && partner - k <= 5) return partner + 1 - i;
    }
    if (k < end && isWord(l) && /^ل[^ل]/u.test(l.norm)) {
      k++;
      for (let q = 0; q < 2 && k < end && isWord(this.cx.words[k]) && !this.cx.isComplementizer(k) && !this.cx.isCueWord(k); q++) k++;
    }
    return k - i + this.platformAt(k, end);
  }

  /**
   * After a channel, the platform it was on: «(في تغريدة) على منصة إكس», «(عبر حسابه) على تويتر».
   * Only when the complementizer, a comma or a quotation follows (so «على أن …» stays content).
   */
  private platformAt(k: number, end: number): number {
    const on = this.cx.words[k];
    if (k >= end || !isWord(on) || (on.norm !== 'علي' && on.norm !== 'عبر')) return 0;
    let q = k + 1;
    while (q < end && q - k <= 3 && isWord(this.cx.words[q]) && !this.cx.isComplementizer(q) && !this.cx.isCueWord(q)) q++;
    const next = this.cx.words[q];
    const closes = q >= end || this.cx.isComplementizer(q) || isPunct(next, `${COMMA}${COLON}`) || next?.quote === 'open';
    return q > k + 1 && closes ? q - k : 0;
  }

  /**
   * A setting «أمام الكونغرس», «عقب مراسم التوقيع», «على هامش القمة», «في حفل التوقيع»: its length,
   * or 0. It says where the statement was made; the speaker phrase ends before it.
   */
  settingAt(i: number, end: number): number {
    const w = this.cx.words[i];
    if (i + 1 >= end || !isWord(w)) return 0;
    let k: number;
    if (this.cx.has(SETTING_PREPS, i)) k = i + 1;
    else if (this.cx.has(CHANNEL_PREPS, i) && this.cx.has(SETTING_NOUNS, i + 1)) k = i + 2;
    // «على هامش القمة» (and not «على زيارة طائب», a description's object).
    else if (w.norm === 'علي' && isWord(this.cx.words[i + 1]) && (this.cx.words[i + 1] as Word).norm === 'هامش') k = i + 2;
    else return 0;
    const head = this.cx.words[k];
    if (k === i + 1) {
      // The preposition's object: one word («أمام البرلمان», «عقب مراسم …», «أمام مجلس …»).
      if (k >= end || !isWord(head) || this.cx.isComplementizer(k) || this.cx.isCueWord(k)) return 0;
      k++;
    }
    // Its genitives and adjectives: definite words or a name («مجلس الأمن الدولي», «حفل التوقيع»).
    while (k < end && k - i < 7 && isWord(this.cx.words[k]) && !this.cx.isComplementizer(k) && !this.cx.isCueWord(k) && this.timeAt(k, end) === 0) {
      const x = this.cx.words[k] as Word;
      if (!(this.cx.entityAt[k] !== null || (x.norm.startsWith('ال') && !hasPrepClitic(x)))) break;
      k++;
    }
    return k - i;
  }

  /** An addressee «لوكالة الأناضول», «لـ"رويترز"», «لقاآني» (after a person): its length, or 0. */
  recipientAt(i: number, end: number, afterPerson: boolean): number {
    const w = this.cx.words[i];
    if (!isWord(w)) {
      // «لـ» written apart, then the outlet.
      return 0;
    }
    // «قال لي», «أكد لهم»: a pronoun addressee.
    if (/^ل(ي|ه|ها|هم|هما|نا|ك|كم)$/u.test(w.norm)) return 1;
    // «وقال الكاظمي لقاآني إن»: a «لـ» word right before the complementizer is the addressee.
    if (hasPrepClitic(w) && w.token.segments[0] === 'ل' && this.cx.isComplementizer(i + 1)) return 1;
    let k = i;
    // «لـX», and «للصحفيين» (ل + ال, the alef dropped in writing).
    const isL = /^ل/u.test(w.norm) && w.norm !== 'لل';
    if (!isL) return 0;
    const rest = w.norm === 'ل' ? '' : w.norm.startsWith('لل') ? `ال${w.norm.slice(2)}` : w.norm.slice(1);
    const media = MEDIA_NOUNS.has(rest) || MEDIA_NOUNS.has(w.stem);
    // After a person, «لـX» right before «إن» is the addressee even when X is not recognised as a name.
    const person = this.cx.entityAt[i]?.type === 'PER' || (rest.length > 0 && this.cx.isComplementizer(i + 1));
    if (!(media || (afterPerson && (person || rest.length === 0)))) return 0;
    k++;
    // The outlet's name, possibly in quotation marks: «لوكالة “رويترز”», «لروسيا اليوم».
    while (k < end) {
      const x = this.cx.words[k] as Word;
      if (x.quote !== null) {
        k++;
        continue;
      }
      if (isWord(x) && !this.cx.isComplementizer(k) && (this.cx.entityAt[k] !== null || MEDIA_NOUNS.has(x.norm) || x.norm === 'اليوم')) {
        if (this.cx.entityAt[k] === null && x.norm !== 'اليوم' && !MEDIA_NOUNS.has(x.norm)) break;
        k++;
        continue;
      }
      break;
    }
    return k - i;
  }

  /** Where an indirect clause that starts at `c` ends (exclusive word index). */
  private clauseEnd(c: number, end: number): number {
    let k = c;
    while (k < end) {
      const w = this.cx.words[k] as Word;
      if (w.quote === 'open') {
        const partner = this.cx.doc.quotePartner.get(k);
        if (partner !== undefined && partner >= k) {
          k = partner + 1;
          continue;
        }
      }
      if (isPunct(w, COMMA) && k + 1 < end) {
        const n = k + 1;
        const v = this.cx.verbAt[n];
        // «…، مؤكدا أن», «…، بحسب», «…، وأعلن …»: a new statement or the journalist's clause.
        if (this.cx.phraseAt[n] || (v && (v.form === 'participle' || v.conjoined)) || this.cx.has(CLAUSE_BREAKS, n)) break;
        if (isWord(this.cx.words[n]) && (this.cx.words[n] as Word).norm === 'في' && (this.cx.words[n + 1] as Word | undefined)?.norm === 'اشارة') break;
      }
      if (k > c && this.cx.phraseAt[k] && !isPunct(this.cx.words[k - 1], COMMA)) {
        // «وفق المصدر» in the middle of a clause ends it only when a speaker follows.
        break;
      }
      if (isPunct(w, '.؟?!')) break;
      if (k > c && this.cx.isJournalistAside(k)) break;
      // «… فيما أعلنوا», «… بينما …»: a new clause of the journalist's.
      if (k > c && isWord(w) && (w.norm === 'فيما' || w.norm === 'بينما')) break;
      k++;
    }
    // Quotes that run past the sentence end extend the clause.
    return k;
  }

  contentFrom(c: number, end: number): { content: { start: number; end: number } | null; quote: FoundAttribution['quote'] } {
    while (c < end && isPunct(this.cx.words[c], `${COMMA}${COLON}${DASHES}`)) c++;
    const first = this.cx.words[c];
    if (!first || c >= end) return { content: null, quote: null };
    if (first.quote === 'open') {
      const partner = this.cx.doc.quotePartner.get(c);
      if (partner !== undefined && partner > c + 1) {
        const n = partner + 1;
        const nw = this.cx.words[n];
        const closes = n >= end || nw === undefined || nw.sentence !== first.sentence || isPunct(nw, `${COMMA}.؟?!؛:`) || this.cx.isCueWord(n) || this.cx.isJournalistAside(n);
        if (closes) {
          const a = first.token.end;
          const b = (this.cx.words[partner] as Word).token.start;
          return { content: { start: a, end: b }, quote: 'direct' };
        }
      }
    }
    // A quotation may end the sentence for the text layer yet run on: follow its partner.
    let stop = this.clauseEnd(c, this.extendedEnd(c, end));
    while (stop > c && isPunct(this.cx.words[stop - 1], `${COMMA}${COLON}.؛;${DASHES}`)) stop--;
    if (stop <= c) return { content: null, quote: null };
    let quoted = false;
    for (let k = c; k < stop; k++) if ((this.cx.words[k] as Word).quote !== null) quoted = true;
    const a = first.token.start;
    const b = (this.cx.words[stop - 1] as Word).token.end;
    return { content: { start: a, end: b }, quote: quoted ? 'mixed' : 'indirect' };
  }

  /** The sentence end, moved past any quotation that opens before it and closes later. */
  private extendedEnd(c: number, end: number): number {
    let e = end;
    for (let k = c; k < e; k++) {
      const partner = this.cx.doc.quotePartner.get(k);
      if ((this.cx.words[k] as Word).quote === 'open' && partner !== undefined && partner >= e) {
        const s = (this.cx.words[partner] as Word).sentence;
        e = this.cx.doc.sentenceEnd[s] ?? e;
      }
    }
    return e;
  }

  /** Skip particles, time, channel and addressee phrases after a cue. */
  skipAdjuncts(j: number, end: number, afterPerson = false): number {
    for (;;) {
      if (j >= end) return j;
      if (this.cx.has(SKIP_AFTER_CUE, j)) {
        j++;
        continue;
      }
      const t = this.timeAt(j, end);
      if (t > 0) {
        j += t;
        continue;
      }
      const ch = this.channelAt(j, end) || this.settingAt(j, end);
      if (ch > 0) {
        j += ch;
        continue;
      }
      // «وأوضحت لـ«عكاظ» مصادر»: a «لـ» before a quoted outlet.
      const lw = this.cx.words[j] as Word;
      const partner = this.cx.doc.quotePartner.get(j + 1);
      if (isWord(lw) && (lw.norm === 'ل' || lw.norm === 'لـ') && this.cx.words[j + 1]?.quote === 'open' && partner !== undefined && partner - j <= 5) {
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

  /** «X، وهو …، إن»: the complementizer after one or two comma-delimited appositions. */
  complementizerAfterComma(comma: number, end: number): number {
    for (let k = comma + 1; k < Math.min(end, comma + 28); k++) {
      const w = this.cx.words[k] as Word;
      if (this.cx.isComplementizer(k)) {
        if (isPunct(this.cx.words[k - 1], COMMA)) return k;
        // «…، المستشار خالد يوسف، للصحافيين عقب الجلسة إن»: an addressee, channel, setting or time
        // between the last comma and «إن».
        let p = k - 1;
        while (p > comma && !isPunct(this.cx.words[p], COMMA)) p--;
        return p > comma && this.skipAdjuncts(p + 1, end) === k ? k : -1;
      }
      if (isPunct(w, '.؟?!؛') || (this.cx.isCueWord(k) && !this.cx.phraseAt[k])) return -1;
      if (w.quote === 'open' && !(this.cx.doc.quotePartner.get(k) !== undefined && (this.cx.doc.quotePartner.get(k) as number) - k <= 6)) return -1;
    }
    return -1;
  }

  findComplementizer(c: number, end: number): number {
    for (let k = c; k < end; k++) {
      if (this.cx.isComplementizer(k)) return k;
      const w = this.cx.words[k] as Word;
      if (w.quote === 'open' || isPunct(w, '.؟?!؛') || (k > c && this.cx.isCueWord(k))) return -1;
    }
    return -1;
  }
}
