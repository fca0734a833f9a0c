// Sentence boundaries, decided over tokens (so a number such as 2.5, a URL or an email, which are
// single tokens, can never be cut). A sentence ends:
//   - at a line break (every line break: news text puts one between paragraphs, and a headline or
//     a subtitle is a line of its own; paragraph = how many line-break gaps come before it);
//   - after an end mark (. ! ? ؟ … and runs of them) plus the closing quotes/brackets that follow it,
//     unless the mark is inside a quotation (the quote's end mark does not end the sentence outside
//     it) or ends an abbreviation (a single letter: «د.», «أ.ف.ب», «U.S.», or a listed Latin one).
// Coverage: sentences are in order, never overlap, start at a token's start and end at a token's
// end; every token lies in exactly one sentence, so what lies between sentences is whitespace.
import type { Sentence } from '../../schema/text.js';
import { isEndMark, type RawToken } from './tokenise.js';

const LATIN_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'vs', 'etc', 'inc', 'ltd', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'co', 'corp', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec']);

/** Quotes a sentence may be inside: +1 opens, -1 closes, 0 toggles (the ASCII double quote). */
function quoteEffect(code: number): number | null {
  switch (code) {
    case 0xab: // «
    case 0x201c: // “
    case 0x201e: // „
      return 1;
    case 0xbb: // »
    case 0x201d: // ”
      return -1;
    case 0x22: // "
      return 0;
    default:
      return null;
  }
}

function isCloser(code: number): boolean {
  return code === 0xbb || code === 0x201d || code === 0x22 || code === 0x29 || code === 0x5d || code === 0x27 || code === 0x2019;
}

/** A quotation left open this many tokens is taken to be a stray quote mark, not a quotation. */
const MAX_QUOTE_TOKENS = 120;

export interface SentenceSplit {
  sentences: Sentence[];
  /** For each token, the index of its sentence. */
  tokenSentence: Int32Array;
}

function gapHasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85) return true;
  }
  return false;
}

function isAbbreviation(text: string, tokens: RawToken[], dot: number): boolean {
  const t = tokens[dot] as RawToken;
  if (t.end - t.start !== 1 || text.charCodeAt(t.start) !== 0x2e) return false;
  const prev = tokens[dot - 1];
  if (!prev || prev.end !== t.start || (prev.kind !== 'word' && prev.kind !== 'latin')) return false;
  const len = prev.end - prev.start;
  if (len === 1) return true;
  // A single Arabic letter with a diacritic still counts («دَ.»); a Latin abbreviation from the list.
  if (prev.kind === 'latin' && len <= 5) return LATIN_ABBREVIATIONS.has(text.slice(prev.start, prev.end).toLowerCase());
  return false;
}

/**
 * Split into sentences; `tokens` are `tokenise(text)`. `breaks` (sorted offsets) are places where
 * a sentence must end even with no mark there, such as the end of a title run into the body.
 */
export function splitSentences(text: string, tokens: RawToken[], breaks: readonly number[] = []): SentenceSplit {
  const sentences: Sentence[] = [];
  const tokenSentence = new Int32Array(tokens.length);
  let first = 0; // first token of the open sentence
  let paragraph = 0;
  let depth = 0;
  let quoteOpenedAt = -1;
  let nextBreak = 0;

  const close = (last: number): void => {
    if (last < first) return;
    const idx = sentences.length;
    for (let k = first; k <= last; k++) tokenSentence[k] = idx;
    sentences.push({ start: (tokens[first] as RawToken).start, end: (tokens[last] as RawToken).end, paragraph });
    first = last + 1;
  };

  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t] as RawToken;
    while (nextBreak < breaks.length && (breaks[nextBreak] as number) <= tok.start) {
      if ((breaks[nextBreak] as number) >= (tokens[t - 1]?.end ?? 0)) close(t - 1);
      nextBreak++;
    }
    if (t > 0 && gapHasNewline(text, (tokens[t - 1] as RawToken).end, tok.start)) {
      close(t - 1);
      paragraph++;
      depth = 0;
      quoteOpenedAt = -1;
    }
    if (tok.kind !== 'punct') continue;
    const c = text.charCodeAt(tok.start);
    const q = quoteEffect(c);
    if (q !== null) {
      const opening = q === 1 || (q === 0 && depth === 0);
      if (opening) {
        if (depth === 0) quoteOpenedAt = t;
        depth++;
      } else if (depth > 0) {
        depth--;
        // A quotation that is the whole sentence and ends with its own end mark ends the sentence.
        if (depth === 0 && quoteOpenedAt === first && t > 0 && isEndMark(text.charCodeAt((tokens[t - 1] as RawToken).start))) {
          close(t);
        }
      }
      continue;
    }
    if (depth > 0 && t - quoteOpenedAt > MAX_QUOTE_TOKENS) {
      depth = 0; // a stray quote mark: stop treating the rest of the paragraph as quoted
      quoteOpenedAt = -1;
    }
    if (!isEndMark(c) || depth > 0) continue;
    if (isAbbreviation(text, tokens, t)) continue;
    // A lone "." glued between two letters or digits is inside something (a name, «أ.ف.ب»).
    const next = tokens[t + 1];
    if (next && next.start === tok.end && tok.end - tok.start === 1 && c === 0x2e && next.kind !== 'punct') continue;
    // Take the closing quotes and brackets that follow the end mark into this sentence.
    let last = t;
    while (last + 1 < tokens.length) {
      const after = tokens[last + 1] as RawToken;
      if (after.kind !== 'punct' || gapHasNewline(text, (tokens[last] as RawToken).end, after.start)) break;
      const ac = text.charCodeAt(after.start);
      if (!isCloser(ac) && !isEndMark(ac)) break;
      const aq = quoteEffect(ac);
      // An ASCII quote after the mark closes a quotation only when one is open.
      if (aq === 0 && depth === 0 && after.start !== (tokens[last] as RawToken).end) break;
      if (aq !== null && depth > 0) depth--;
      last++;
    }
    close(last);
    t = last;
  }
  close(tokens.length - 1);
  return { sentences, tokenSentence };
}
