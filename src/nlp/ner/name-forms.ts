// The name forms of a model's name lexicon (the runtime half of the lexicon; training/ner/corpus.ts builds it).

const CLITIC_LETTERS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/**
 * Keys of the lexicon that are names in their own right: a key that is only a clitic letter (or
 * two) glued to another key goes («وبريطانيا»), «بغداد» and «وليد» stay.
 */
export function nameFormsOf(lexicon: ReadonlyMap<string, string>): Set<string> {
  const forms = new Set<string>();
  for (const form of lexicon.keys()) {
    let glued = false;
    for (let k = 1; k <= 2 && k < form.length - 2; k++) {
      if (!CLITIC_LETTERS.has(form[k - 1]!)) break;
      if (lexicon.has(form.slice(k))) glued = true;
      // «للولايات» is ل + «الولايات» with the article's alef dropped.
      if (form[k - 1] === 'ل' && form[k] === 'ل' && lexicon.has(`ا${form.slice(k)}`)) glued = true;
    }
    if (!glued) forms.add(form);
  }
  return forms;
}
