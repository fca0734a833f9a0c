// Per-token normal forms, built from one code-unit table so that normalising a word is a loop of
// array lookups (no regex, no per-character allocation). Two levels:
//   light   diacritics, tatweel and invisible marks dropped, presentation forms folded (NFKC),
//           Arabic-Indic/Persian digits → ASCII, Latin lower-cased; hamza alefs and ى are KEPT
//           (the segmenter needs them: «إلغاء» is not ال + «غاء»).
//   norm    light + alef variants (أ إ آ ٱ) → ا and ى → ي. Always the same length as light
//           (both folds are one letter for one letter), so offsets computed on one hold for the other.
//   key     norm + ة → ه and hamza seats ؤ ئ → ء (so «مسئول» and «مسؤول» share a key).

/** What a code unit turns into: KEEP it, DROP it, or a replacement string. */
const KEEP = 0;
const DROP = 1;
const REPLACE = 2;

const action = new Uint8Array(0x10000);
const replacement: string[] = [];

function setDrop(from: number, to = from): void {
  for (let c = from; c <= to; c++) action[c] = DROP;
}
function setReplace(code: number, value: string): void {
  action[code] = value.length === 0 ? DROP : REPLACE;
  replacement[code] = value;
}

// Arabic diacritics (harakat, tanwin, shadda, sukun), dagger alef, hamza/madda marks, Quranic marks.
setDrop(0x064b, 0x065f);
setDrop(0x0670);
setDrop(0x0610, 0x061a);
setDrop(0x06d6, 0x06dc);
setDrop(0x06df, 0x06e8);
setDrop(0x06ea, 0x06ed);
setDrop(0x08d3, 0x08ff);
// Tatweel and invisible format characters that sit inside words (ZWNJ, ZWJ, LRM, RLM, ALM, BOM, soft hyphen).
setDrop(0x0640);
setDrop(0x200b, 0x200f);
setDrop(0x061c);
setDrop(0xfeff);
setDrop(0x00ad);
// Digits in Arabic-Indic and Persian (Extended Arabic-Indic) forms.
for (let d = 0; d < 10; d++) {
  setReplace(0x0660 + d, String(d));
  setReplace(0x06f0 + d, String(d));
}
// Arabic decimal and thousands separators and percent sign, so that a number's norm parses.
setReplace(0x066b, '.');
setReplace(0x066c, ',');
setReplace(0x066a, '%');
// Latin upper case (ASCII and Latin-1); other scripts' case is folded through toLowerCase below.
for (let c = 0x41; c <= 0x5a; c++) setReplace(c, String.fromCharCode(c + 32));
// Persian/Urdu letter variants that Arabic news text uses interchangeably.
setReplace(0x06a9, 'ك'); // keheh
setReplace(0x06cc, 'ي'); // Farsi yeh
setReplace(0x06c1, 'ه'); // heh goal
setReplace(0x06d5, 'ه'); // ae

/** Normalise a replacement produced by NFKC through the table itself (a ligature may carry harakat). */
function foldThroughTable(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const a = action[c];
    if (a === DROP) continue;
    out += a === REPLACE ? (replacement[c] as string) : s[i];
  }
  return out;
}

// NFKC for every BMP code point whose compatibility decomposition differs (presentation forms,
// ligatures such as ﻻ, fullwidth Latin, Arabic ligature ﷲ …), computed once at load.
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: astral characters pass through
  if (action[c] !== KEEP) continue;
  const ch = String.fromCharCode(c);
  let folded = ch.normalize('NFKC');
  if (folded === ch) {
    const lower = ch.toLowerCase();
    if (lower !== ch && lower.length === 1) setReplace(c, lower);
    continue;
  }
  folded = foldThroughTable(folded.toLowerCase());
  // A lone space from NFKC (e.g. of an isolated harakah form U+FE70) carries no letter: drop it.
  if (folded.trim() === '') setReplace(c, '');
  else setReplace(c, folded);
}

/** Second level: alef variants → ا, ى → ي (one-for-one, applied after the light table). */
const ALEF_FOLD = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) ALEF_FOLD[c] = c;
ALEF_FOLD[0x0623] = 0x0627; // أ
ALEF_FOLD[0x0625] = 0x0627; // إ
ALEF_FOLD[0x0622] = 0x0627; // آ
ALEF_FOLD[0x0671] = 0x0627; // ٱ
ALEF_FOLD[0x0672] = 0x0627; // ٲ
ALEF_FOLD[0x0673] = 0x0627; // ٳ
ALEF_FOLD[0x0649] = 0x064a; // ى → ي

/** Third level (search key): ة → ه, ؤ ئ → ء. */
const KEY_FOLD = new Uint16Array(ALEF_FOLD);
KEY_FOLD[0x0629] = 0x0647; // ة → ه
KEY_FOLD[0x0624] = 0x0621; // ؤ → ء
KEY_FOLD[0x0626] = 0x0621; // ئ → ء

/** True when the code unit is dropped by normalisation (a diacritic, tatweel, invisible mark). */
export function isDroppedMark(code: number): boolean {
  return action[code] === DROP;
}

/**
 * The light form of a word plus, for each of its code units, the index in `word` of the code unit
 * it came from (`origin[k]`); `origin` has one extra slot holding `word.length`.
 */
export interface LightForm {
  light: string;
  origin: number[];
}

/** Light normalisation with an origin map (used by the segmenter to map stems back to the original). */
export function lightWithOrigin(word: string): LightForm {
  let light = '';
  const origin: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const a = action[c];
    if (a === KEEP) {
      light += word[i];
      origin.push(i);
    } else if (a === REPLACE) {
      const r = replacement[c] as string;
      light += r;
      for (let k = 0; k < r.length; k++) origin.push(i);
    }
  }
  origin.push(word.length);
  return { light, origin };
}

/** Light normalisation: like `normalise` but alef variants and ى are kept. */
export function lightNormalise(word: string): string {
  let i = 0;
  const n = word.length;
  // Fast path: most words need no change at all, so return the same string without copying.
  while (i < n && action[word.charCodeAt(i)] === KEEP) i++;
  if (i === n) return word;
  let out = word.slice(0, i);
  for (; i < n; i++) {
    const c = word.charCodeAt(i);
    const a = action[c];
    if (a === KEEP) out += word[i];
    else if (a === REPLACE) out += replacement[c] as string;
  }
  return out;
}

function foldWith(table: Uint16Array, s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (table[c] !== c) break;
    i++;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) out += String.fromCharCode(table[s.charCodeAt(i)] as number);
  return out;
}

/** Alef/ya folding of an already light-normalised string (same length in, same length out). */
export function foldAlef(light: string): string {
  return foldWith(ALEF_FOLD, light);
}

/**
 * The `norm` field: diacritics and tatweel removed, alef variants (أ إ آ ٱ) → ا, ى → ي, NFKC
 * presentation forms folded, Arabic-Indic and Persian digits → ASCII, Latin lower-cased. ة is kept.
 */
export function normalise(word: string): string {
  return foldWith(ALEF_FOLD, lightNormalise(word));
}

/** The `key` field, from a `norm`: ة → ه and the hamza seats ؤ ئ → ء (spelling variants meet). */
export function searchKey(norm: string): string {
  return foldWith(KEY_FOLD, norm);
}
