import { analyseText } from './index.js';
import { tokenTerm } from './search-terms.js';

/**
 * A search query's terms, made the way an article's are (search-terms.ts): the same tokeniser, clitic
 * segmenter and folding. Each query word gives a group of alternatives, any of which may match: a
 * word written with a final ه for ة («وزاره») is segmented as if it ended in ة too, since the
 * segmenter would otherwise read the ه as the pronoun clitic («وزار» + «ه») and miss «وزارة».
 * Groups come in the query's order, each distinct group once.
 */
export function queryTerms(query: string): string[][] {
  const groups = new Map<string, string[]>();
  for (const token of analyseText(query).tokens) {
    const term = tokenTerm(token);
    if (term === null) continue;
    const alternatives = new Set([term]);
    if (token.kind === 'word' && token.text.endsWith('ه')) {
      const asTaMarbuta = analyseText(`${token.text.slice(0, -1)}ة`).tokens[0];
      const other = asTaMarbuta ? tokenTerm(asTaMarbuta) : null;
      if (other !== null) alternatives.add(other);
    }
    const group = [...alternatives].sort();
    groups.set(group.join(' '), group);
  }
  return [...groups.values()];
}
