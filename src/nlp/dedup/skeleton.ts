/**
 * Consonant skeleton of a normalised word: the article «ال» and the long vowels / weak letters are
 * dropped, so spelling variants of one word meet: «أميركي» and «أمريكي» → «مرك», «هجوما» and «هجوم» → «هجم» (a final ه/ة goes too).
 * In a module of its own: claims.ts and the quantity lexicon both need it.
 */
export function skeleton(key: string): string {
  let word = key.replace(/^(وال|بال|فال|كال|لل|ال)(?=..)/u, '');
  word = word.replace(/[ةه]$/u, '');
  word = word.replace(/[اويىءئؤأإآ]/gu, '');
  return word;
}

/** Singular key of a counted noun (given without clitics): sound plural endings off, then the consonant skeleton («دولارات» = «دولار», «قتلى» = «قتيل»). */
export function nounKey(word: string): string {
  let bare = word.replace(/(هم|ها|هن)$/u, '');
  if (bare.length > 4) bare = bare.replace(/(ات|ين|ون|تين|تان)$/u, '');
  if (bare.length > 3) bare = bare.replace(/([^اوي])ا$/u, '$1');
  return skeleton(bare);
}
