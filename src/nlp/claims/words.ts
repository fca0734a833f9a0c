// A light view of the text layer's tokens for the claim rules: the tokens of the article prose
// (boilerplate dropped), the forms of each token the lexicons are matched against, and quote marks.
import type { Sentence, Token } from '../../schema/text.js';

export interface Word {
  /** Index in `Doc.words`. */
  i: number;
  token: Token;
  /** The token's `norm`. */
  norm: string;
  /** `norm` without a leading conjunction و/ف (when the text layer split one off). */
  bare: string;
  /** Clitic-free stem from the text layer. */
  stem: string;
  sentence: number;
  /** Quote mark: 'open', 'close' or null (straight quotes are classified by their neighbours). */
  quote: 'open' | 'close' | null;
}

export interface Doc {
  text: string;
  words: Word[];
  sentences: Sentence[];
  /** Index in `words` of each sentence's first word, and one past its last (`[first, end)`). */
  sentenceFirst: number[];
  sentenceEnd: number[];
  /** For a word that opens a quotation, the index of the word that closes it (same for close → open). */
  quotePartner: Map<number, number>;
}

const OPENING = new Set(['«', '“', '„', '‹']);
const CLOSING = new Set(['»', '”', '›']);
const AMBIGUOUS = new Set(['"', "'", '‘', '’', '″']);

function isSpaceOrEdge(ch: string | undefined): boolean {
  return ch === undefined || /[\s([{«“:]/u.test(ch);
}

function classifyQuote(text: string, token: Token): 'open' | 'close' | null {
  const t = token.text;
  if (t.length !== 1) return null;
  if (t === '«' || t === '‹') return 'open';
  if (t === '»' || t === '›') return 'close';
  if (!AMBIGUOUS.has(t) && !OPENING.has(t) && !CLOSING.has(t)) return null;
  // Arabic text often writes ” for both marks (« :”لدي شعور …”»): judge by the neighbours first.
  const before = token.start > 0 ? text[token.start - 1] : undefined;
  const after = text[token.end];
  const spaceBefore = isSpaceOrEdge(before);
  const spaceAfter = after === undefined || /[\s.,،؛:;!?)\]»”]/u.test(after);
  if (spaceBefore && !spaceAfter) return 'open';
  // «لـ"الشرق الأوسط"», «ب"الخطة"»: a mark right after a proclitic written alone opens.
  const cliticBefore = before === 'ـ' || (before !== undefined && /[لبوفك]/u.test(before) && isSpaceOrEdge(token.start > 1 ? text[token.start - 2] : undefined));
  if (cliticBefore && !spaceAfter) return 'open';
  if (!spaceBefore && spaceAfter) return 'close';
  if (OPENING.has(t)) return 'open';
  if (CLOSING.has(t)) return 'close';
  return null;
}

const CONJ = /^[وف]/u;

export function buildDoc(text: string, tokens: Token[], sentences: Sentence[]): Doc {
  const words: Word[] = [];
  for (const token of tokens) {
    if (token.flags?.includes('boilerplate')) continue;
    const norm = token.norm;
    const conj = token.segments.length > 1 && (token.segments[0] === 'و' || token.segments[0] === 'ف');
    const bare = conj && CONJ.test(norm) ? norm.slice(1) : norm;
    words.push({ i: words.length, token, norm, bare, stem: token.stem, sentence: token.sentence, quote: null });
  }
  for (const w of words) if (w.token.kind === 'punct' || w.token.kind === 'symbol') w.quote = classifyQuote(text, w.token);

  // Pair quote marks: an opening mark with the next closing one (typographic or classified straight),
  // at most 3000 characters on (a quotation may run over sentences, not over a whole article).
  const quotePartner = new Map<number, number>();
  const stack: number[] = [];
  for (const w of words) {
    if (w.quote === 'open') stack.push(w.i);
    else if (w.quote === 'close') {
      while (stack.length > 0) {
        const open = stack.pop() as number;
        const o = words[open] as Word;
        if (w.token.start - o.token.end > 3000) continue;
        quotePartner.set(open, w.i);
        quotePartner.set(w.i, open);
        break;
      }
    }
  }

  const sentenceFirst: number[] = new Array<number>(sentences.length).fill(-1);
  const sentenceEnd: number[] = new Array<number>(sentences.length).fill(-1);
  for (const w of words) {
    if (sentenceFirst[w.sentence] === -1) sentenceFirst[w.sentence] = w.i;
    sentenceEnd[w.sentence] = w.i + 1;
  }
  return { text, words, sentences, sentenceFirst, sentenceEnd, quotePartner };
}

const PROCLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'س', 'وب', 'ول', 'وس', 'وك', 'فب', 'فل', 'فس'];
/** A verb takes only the conjunctions and the future «س» («وقال», «فسيعلن»), never ب/ل/ك. */
export const VERB_PROCLITICS = ['و', 'ف', 'س', 'وس', 'فس'];
const ENCLITICS = ['ه', 'ها', 'هم', 'هما', 'هن', 'نا', 'ني', 'كم'];

/**
 * Readings of a word for matching a closed lexicon: the form itself, the text layer's stem, and the
 * form with each possible proclitic and enclitic peeled off (the segmenter cannot know every verb
 * form; the lexicon decides which reading exists).
 */
export function readings(w: Word, proclitics: readonly string[] = PROCLITICS): string[] {
  const out = [w.norm];
  if (w.stem !== w.norm && proclitics === PROCLITICS) out.push(w.stem);
  const n = w.norm;
  for (const p of ['', ...proclitics]) {
    if (p && !n.startsWith(p)) continue;
    const rest = n.slice(p.length);
    if (rest.length < 2) continue;
    if (p) out.push(rest);
    for (const e of ENCLITICS) if (rest.endsWith(e) && rest.length - e.length >= 2) out.push(rest.slice(0, -e.length));
  }
  return out;
}

/** A Latin letter standing for an Arabic one («ويrول»): the Arabic letters around it, with a wildcard. */
export function mixedScriptPattern(w: Word): RegExp | null {
  if (!w.token.flags?.includes('mixed-script')) return null;
  const n = w.norm;
  if (!/[a-z]/u.test(n) || !/[\u0621-\u064a]/u.test(n)) return null;
  return new RegExp(`^${n.replace(/[a-z]/gu, '[\\u0621-\\u064a]')}$`, 'u');
}

export function isWord(w: Word | undefined): w is Word {
  return w !== undefined && (w.token.kind === 'word' || w.token.kind === 'latin');
}

export function isPunct(w: Word | undefined, chars?: string): boolean {
  if (w === undefined) return false;
  if (w.token.kind !== 'punct' && w.token.kind !== 'symbol') return false;
  return chars === undefined || chars.includes(w.token.text);
}

export const COMMA = ',،';

/** The token carries a preposition clitic by the text layer's segmentation («بالقرب», «لوزارة»; not «بريطاني», «كتائب»). */
export function hasPrepClitic(w: Word): boolean {
  const first = w.token.segments[0];
  return w.token.segments.length > 1 && (first === 'ب' || first === 'ل' || first === 'ك' || ((first === 'و' || first === 'ف') && /^[بلك]$/u.test(w.token.segments[1] ?? '')));
}

/** Each sentence that has words, with its first word and the word after its last: the one sentence
 * loop that attribution, dates and quantities share. */
export function* sentenceWordRanges(doc: Doc): Generator<{ s: number; first: number; end: number }> {
  for (let s = 0; s < doc.sentences.length; s++) {
    const first = doc.sentenceFirst[s] as number;
    if (first >= 0) yield { s, first, end: doc.sentenceEnd[s] as number };
  }
}
