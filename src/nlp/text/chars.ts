// One table of character classes for the BMP, built once, so that the tokeniser and the sentence
// splitter classify a code unit with one array read instead of a regex.

// Classes (plain numeric constants: cheap to compare, and safe under every TS transpiler).
export const OTHER = 0; // punctuation and anything unclassified: a token of its own
export const SPACE = 1; // whitespace (incl. NBSP, Unicode spaces, controls): separates tokens
export const FORMAT = 2; // invisible marks (ZWNJ, ZWJ, LRM, RLM, BOM, soft hyphen): inside a word, else skipped
export const ARABIC_LETTER = 3;
export const ARABIC_MARK = 4; // harakat, shadda, sukun, tatweel, Quranic marks: part of the word around them
export const LATIN_LETTER = 5;
export const DIGIT = 6; // ASCII, Arabic-Indic, Persian and fullwidth digits
export const SYMBOL = 7; // currency, maths, other symbols (\p{S})
export const HIGH_SURROGATE = 8;
export const LOW_SURROGATE = 9;
export const LETTER = 10; // letters of other scripts (Cyrillic, Greek, Hebrew, CJK …)
export const MARK = 11; // combining marks of other scripts

const table = new Uint8Array(0x10000);

(function build(): void {
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const symbol = /\p{S}/u;
  const space = /\s/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdbff) table[c] = HIGH_SURROGATE;
    else if (c >= 0xdc00 && c <= 0xdfff) table[c] = LOW_SURROGATE;
    else {
      const ch = String.fromCharCode(c);
      if (space.test(ch)) table[c] = SPACE;
      else if (letter.test(ch)) table[c] = LETTER;
      else if (mark.test(ch)) table[c] = MARK;
      else if (symbol.test(ch)) table[c] = SYMBOL;
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) table[c] = SPACE; // control characters
    }
  }
  for (let c = 0x41; c <= 0x5a; c++) table[c] = LATIN_LETTER;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = LATIN_LETTER;
  for (let c = 0xc0; c <= 0x24f; c++) if (table[c] === LETTER) table[c] = LATIN_LETTER;
  for (let c = 0x1e00; c <= 0x1eff; c++) if (table[c] === LETTER) table[c] = LATIN_LETTER;
  for (let c = 0xff21; c <= 0xff3a; c++) table[c] = LATIN_LETTER; // fullwidth A-Z
  for (let c = 0xff41; c <= 0xff5a; c++) table[c] = LATIN_LETTER; // fullwidth a-z
  for (let c = 0x30; c <= 0x39; c++) table[c] = DIGIT;
  for (let c = 0x0660; c <= 0x0669; c++) table[c] = DIGIT;
  for (let c = 0x06f0; c <= 0x06f9; c++) table[c] = DIGIT;
  for (let c = 0xff10; c <= 0xff19; c++) table[c] = DIGIT;
  // Arabic letters: the Arabic blocks and the presentation forms (classified as letters above).
  const arabicRanges: [number, number][] = [
    [0x0600, 0x06ff],
    [0x0750, 0x077f],
    [0x0870, 0x08ff],
    [0xfb50, 0xfdff],
    [0xfe70, 0xfeff],
  ];
  for (const [from, to] of arabicRanges) {
    for (let c = from; c <= to; c++) {
      if (table[c] === LETTER) table[c] = ARABIC_LETTER;
      else if (table[c] === MARK) table[c] = ARABIC_MARK;
    }
  }
  table[0x0640] = ARABIC_MARK; // tatweel (a letter modifier in Unicode) stretches a word
  for (const c of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0xfeff, 0x00ad, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e]) {
    table[c] = FORMAT;
  }
})();

/** The class of one UTF-16 code unit. */
export function charClass(code: number): number {
  return table[code] as number;
}

/** True for code units that sentences and tokens never need to cover (whitespace, invisible marks). */
export function isSkippable(code: number): boolean {
  const k = table[code];
  return k === SPACE || k === FORMAT;
}

/** Emoji code points (pictographs, dingbats, flags, keycaps' parts) that make an emoji token. */
export function isEmojiCodePoint(cp: number): boolean {
  return (
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x2600 && cp <= 0x27bf) ||
    (cp >= 0x1f1e6 && cp <= 0x1f1ff) ||
    (cp >= 0x2b00 && cp <= 0x2bff) ||
    cp === 0x2764
  );
}

/** Code points that continue an emoji sequence (ZWJ, variation selectors, skin tones, keycap, tags). */
export function isEmojiJoiner(cp: number): boolean {
  return (
    cp === 0x200d ||
    cp === 0xfe0f ||
    cp === 0xfe0e ||
    cp === 0x20e3 ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f)
  );
}
