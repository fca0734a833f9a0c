import { normalise } from '../text/normalise.js';
import type { NerToken } from './tokens.js';

/** Clitic letter sequences that may precede a name (outermost first). */
const CLITIC_PREFIXES = ['وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ل', 'ك'];

/** Index in `word` after its first `normalisedLength` normalised letters (and any marks on them). */
export function originalOffset(word: string, normalisedLength: number): number {
  if (normalisedLength <= 0) return 0;
  let j = 0;
  while (j < word.length && normalise(word.slice(0, j)).length < normalisedLength) j++;
  // Diacritics written on the clitic letter belong to the clitic.
  while (j < word.length && normalise(word.slice(0, j + 1)).length === normalisedLength) j++;
  return j;
}

/**
 * Where a name begins inside its first token. ANERcorp-style tokens carry clitics («وبغداد»), and
 * a name may itself begin with a clitic letter («بغداد», «وليد», «لبنان»), so the segmenter alone
 * cannot decide. Known name forms (corpus, gazetteer, this document) decide first; otherwise the
 * article is kept with the name («بالعراق» → «العراق») and a leading و is dropped.
 * Returns the offset inside `token.text`.
 */
export function nameStartInToken(token: NerToken, isKnownForm: (key: string) => boolean): number {
  const key = token.key;
  if (token.kind !== 'word' || isKnownForm(key)) return 0;
  for (const prefix of CLITIC_PREFIXES) {
    if (!key.startsWith(prefix) || key.length - prefix.length < 2) continue;
    const rest = key.slice(prefix.length);
    // «للكاظمي» is ل + الكاظمي with the article's alef dropped: the name starts at «كاظمي».
    if (prefix.endsWith('ل') && rest.startsWith('ل') && isKnownForm(`ا${rest}`)) {
      return originalOffset(token.text, prefix.length + 1);
    }
    if (isKnownForm(rest)) return originalOffset(token.text, prefix.length);
    if (rest.startsWith('ال') && isKnownForm(rest.slice(2))) return originalOffset(token.text, prefix.length);
  }
  if (token.proclitics.includes('ال')) {
    // Keep the article: the name starts two letters before the stem (or right at it after «لل»).
    const beforeStem = token.stemStart - token.start;
    return beforeStem >= 2 && normalise(token.text.slice(beforeStem - 2, beforeStem)) === 'ال' ? beforeStem - 2 : beforeStem;
  }
  if (token.proclitics[0] === 'و' && key.startsWith('و')) return originalOffset(token.text, 1);
  return 0;
}

/** Where a name ends inside its last token: before an enclitic pronoun unless the whole word is a known name. */
export function nameEndInToken(token: NerToken, isKnownForm: (key: string) => boolean): number {
  if (token.enclitics.length === 0 || isKnownForm(token.key)) return token.text.length;
  return Math.max(1, token.stemEnd - token.start);
}
