// Tokens with [start, end) offsets into the original text, found in one left-to-right pass over
// code units with a class table (no regex per character). Whitespace and stray invisible marks are
// the only characters that end up in no token.
import {
  ARABIC_LETTER,
  ARABIC_MARK,
  DIGIT,
  FORMAT,
  HIGH_SURROGATE,
  LATIN_LETTER,
  LETTER,
  LOW_SURROGATE,
  MARK,
  SPACE,
  SYMBOL,
  charClass,
  isEmojiCodePoint,
  isEmojiJoiner,
} from './chars.js';
import type { TokenKind } from '../../schema/text.js';

export interface RawToken {
  kind: TokenKind;
  start: number;
  end: number;
  /** An Arabic word with a Latin letter inside («ويrول»). */
  mixedScript: boolean;
  /** For a number with attached proclitics («بـ14», «الـ7»): where the digits begin; else -1. */
  digitsStart: number;
}

/** Proclitic strings (normalised, tatweel dropped) that may be glued to a number: «بـ14», «الـ7». */
const NUMBER_PREFIXES = new Set([
  'و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ولل', 'فلل', 'وب', 'ول', 'فب', 'فل', 'وك', 'وبال',
]);

/** Punctuation that ends a sentence; a run of them («...», «!؟») is one token. */
export function isEndMark(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x061f || code === 0x2026 || code === 0x06d4;
}

function isWordClass(k: number): boolean {
  return k === ARABIC_LETTER || k === ARABIC_MARK || k === LATIN_LETTER || k === LETTER || k === MARK;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function startsWithIgnoreCase(text: string, i: number, prefix: string): boolean {
  if (i + prefix.length > text.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    let c = text.charCodeAt(i + k);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if (c !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

/** Characters that end a URL (besides whitespace): quotes and brackets around it. */
function endsUrl(c: number): boolean {
  return (
    c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0xab || c === 0xbb || c === 0x201c ||
    c === 0x201d || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x060c
  );
}

/** Trailing characters a URL or email does not keep (sentence punctuation after it). */
function isTrailingPunct(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x061b;
}

function scanUrl(text: string, i: number): number {
  if (!(startsWithIgnoreCase(text, i, 'http://') || startsWithIgnoreCase(text, i, 'https://') || startsWithIgnoreCase(text, i, 'www.'))) return -1;
  let j = i;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    const k = charClass(c);
    if (k === SPACE || endsUrl(c)) break;
    j++;
  }
  while (j > i && isTrailingPunct(text.charCodeAt(j - 1))) j--;
  return j - i > 4 ? j : -1;
}

function scanEmail(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isAsciiAlnum(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d) j++;
    else break;
  }
  if (j === i || j >= n || text.charCodeAt(j) !== 0x40) return -1;
  let k = j + 1;
  let dots = 0;
  let lastDot = -1;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (isAsciiAlnum(c) || c === 0x2d) k++;
    else if (c === 0x2e && k + 1 < n && isAsciiAlnum(text.charCodeAt(k + 1))) {
      dots++;
      lastDot = k;
      k++;
    } else break;
  }
  if (dots === 0 || k - lastDot < 3) return -1;
  return k;
}

function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) as number;
}

function scanEmoji(text: string, i: number): number {
  const n = text.length;
  let j = i;
  let cp = codePointAt(text, j);
  if (!isEmojiCodePoint(cp)) return -1;
  j += cp > 0xffff ? 2 : 1;
  while (j < n) {
    cp = codePointAt(text, j);
    if (isEmojiJoiner(cp)) {
      j += cp > 0xffff ? 2 : 1;
      if (cp === 0x200d && j < n) {
        const next = codePointAt(text, j);
        if (isEmojiCodePoint(next)) j += next > 0xffff ? 2 : 1;
      }
    } else if (cp >= 0x1f1e6 && cp <= 0x1f1ff) {
      j += 2; // the second regional indicator of a flag
    } else break;
  }
  return j;
}

/** Digits with internal separators: 2.5, 3,500, ١٢٫٥, 23:41 (a colon only before two digits). */
function scanNumber(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n) {
    while (j < n && charClass(text.charCodeAt(j)) === DIGIT) j++;
    if (j + 1 < n) {
      const sep = text.charCodeAt(j);
      const next = text.charCodeAt(j + 1);
      if ((sep === 0x2e || sep === 0x2c || sep === 0x066b || sep === 0x066c) && charClass(next) === DIGIT) {
        j++;
        continue;
      }
      if (sep === 0x3a && j + 2 < n && charClass(next) === DIGIT && charClass(text.charCodeAt(j + 2)) === DIGIT &&
        (j + 3 >= n || charClass(text.charCodeAt(j + 3)) !== DIGIT)) {
        j++;
        continue;
      }
    }
    break;
  }
  return j;
}

/** Letters, marks and joiners of a word (any script); digits too after a Latin start («F16», «G7»). */
function scanWord(text: string, i: number): { end: number; arabic: boolean; latin: boolean } {
  const n = text.length;
  let j = i;
  let arabic = false;
  let latin = false;
  while (j < n) {
    const c = text.charCodeAt(j);
    const k = charClass(c);
    if (k === ARABIC_LETTER) arabic = true;
    else if (k === LATIN_LETTER) latin = true;
    else if (k === FORMAT) {
      // A joiner only belongs to the word when the word goes on after it.
      if (j + 1 < n && isWordClass(charClass(text.charCodeAt(j + 1))) && j > i) {
        j++;
        continue;
      }
      break;
    } else if (k === DIGIT) {
      if (!(latin && !arabic)) break;
    } else if (!isWordClass(k)) break;
    j++;
  }
  return { end: j, arabic, latin };
}

function isNumberPrefix(text: string, start: number, end: number): boolean {
  if (end - start > 6) return false;
  let letters = '';
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0640) continue; // tatweel: «بـ14»
    const k2 = charClass(c);
    if (k2 === ARABIC_MARK) continue;
    if (k2 !== ARABIC_LETTER) return false;
    letters += text[k];
  }
  return NUMBER_PREFIXES.has(letters);
}

/** Split a text into raw tokens (kinds and offsets only). */
export function tokenise(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  const n = text.length;
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, mixedScript = false, digitsStart = -1): void => {
    tokens.push({ kind, start, end, mixedScript, digitsStart });
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = charClass(c);
    if (k === SPACE || k === FORMAT) {
      i++;
      continue;
    }
    if (k === LATIN_LETTER || k === DIGIT) {
      const url = k === LATIN_LETTER ? scanUrl(text, i) : -1;
      if (url > 0) {
        push('url', i, url);
        i = url;
        continue;
      }
      const email = c < 0x80 ? scanEmail(text, i) : -1;
      if (email > 0) {
        push('email', i, email);
        i = email;
        continue;
      }
    }
    if (k === DIGIT) {
      const end = scanNumber(text, i);
      push('number', i, end);
      i = end;
      continue;
    }
    if (isWordClass(k)) {
      const { end, arabic, latin } = scanWord(text, i);
      // A proclitic glued to digits («بـ14», «الـ7») makes one number token.
      if (arabic && !latin && end < n && charClass(text.charCodeAt(end)) === DIGIT && isNumberPrefix(text, i, end)) {
        const numEnd = scanNumber(text, end);
        push('number', i, numEnd, false, end);
        i = numEnd;
        continue;
      }
      let kind: TokenKind = 'word';
      if (!arabic && latin) kind = 'latin';
      else if (!arabic && !latin) {
        // Marks with no letter (a stray harakah) or letters of another script.
        let hasLetter = false;
        for (let q = i; q < end && !hasLetter; q++) hasLetter = charClass(text.charCodeAt(q)) === LETTER;
        kind = hasLetter ? 'word' : 'symbol';
      }
      push(kind, i, end, arabic && latin);
      i = end;
      continue;
    }
    if (k === HIGH_SURROGATE || k === LOW_SURROGATE) {
      const emojiEnd = k === HIGH_SURROGATE ? scanEmoji(text, i) : -1;
      if (emojiEnd > 0) {
        push('emoji', i, emojiEnd);
        i = emojiEnd;
        continue;
      }
      const pair = k === HIGH_SURROGATE && i + 1 < n && charClass(text.charCodeAt(i + 1)) === LOW_SURROGATE;
      const cp = pair ? codePointAt(text, i) : 0;
      // Astral letters (maths alphanumerics, historic scripts) and everything else: a symbol.
      push(pair && /\p{L}/u.test(String.fromCodePoint(cp)) ? 'word' : 'symbol', i, i + (pair ? 2 : 1));
      i += pair ? 2 : 1;
      continue;
    }
    if (c === 0x23 || c === 0x40) {
      // #hashtag (any script) and @mention (Latin handle).
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      const nk = charClass(next);
      if (c === 0x23 && (isWordClass(nk) || nk === DIGIT || next === 0x5f)) {
        let j = i + 1;
        while (j < n) {
          const q = text.charCodeAt(j);
          const qk = charClass(q);
          if (isWordClass(qk) || qk === DIGIT || q === 0x5f || (qk === FORMAT && j + 1 < n && isWordClass(charClass(text.charCodeAt(j + 1))))) j++;
          else break;
        }
        push('hashtag', i, j);
        i = j;
        continue;
      }
      if (c === 0x40 && (isAsciiAlnum(next) || next === 0x5f)) {
        let j = i + 1;
        while (j < n && (isAsciiAlnum(text.charCodeAt(j)) || text.charCodeAt(j) === 0x5f || text.charCodeAt(j) === 0x2e)) j++;
        while (j > i + 1 && text.charCodeAt(j - 1) === 0x2e) j--;
        push('mention', i, j);
        i = j;
        continue;
      }
    }
    if (k === SYMBOL) {
      const emojiEnd = scanEmoji(text, i);
      if (emojiEnd > 0) {
        push('emoji', i, emojiEnd);
        i = emojiEnd;
        continue;
      }
      push('symbol', i, i + 1);
      i++;
      continue;
    }
    // Punctuation: a run of end marks («...», «؟!») or of one repeated character («--») is one token.
    let j = i + 1;
    if (isEndMark(c)) while (j < n && isEndMark(text.charCodeAt(j))) j++;
    else while (j < n && text.charCodeAt(j) === c) j++;
    push('punct', i, j);
    i = j;
  }
  return tokens;
}
