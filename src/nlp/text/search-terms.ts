import type { Token, TokenKind } from '../../schema/text.js';
import type { Span } from '../../schema/span.js';
import { searchKey } from './normalise.js';

/**
 * The search terms of a text: one per word, the stem's search key. The stem has its clitics split
 * off («وبالقاهرة» → «قاهرة»), and the key folds what Arabic spells more than one way: diacritics,
 * alef variants (أ إ آ → ا), ى → ي, ة → ه, the hamza seats ؤ ئ → ء. A query goes through the same
 * steps (`queryTerms` in query-terms.ts), so «مصطفى» finds «مصطفي» and «الاسكندرية» «الإسكندريه».
 */

const SEARCHED_KINDS: ReadonlySet<TokenKind> = new Set(['word', 'latin', 'number', 'hashtag']);

export interface SearchTerm {
  term: string;
  /** 1-based position of the word in the text (what phrase and cover-density ranking use). */
  position: number;
  /** The word is in the title: ranked above a match in the body. */
  inTitle: boolean;
}

export function tokenTerm(token: Pick<Token, 'kind' | 'stem'>): string | null {
  if (!SEARCHED_KINDS.has(token.kind)) return null;
  const term = searchKey(token.stem);
  return term.length > 0 ? term : null;
}

/** The terms of a record's tokens; `title` is the title's span in the text, when the text holds it. */
export function documentTerms(tokens: readonly Pick<Token, 'kind' | 'stem' | 'start'>[], title: Span | null): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let position = 0;
  for (const token of tokens) {
    const term = tokenTerm(token);
    if (term === null) continue;
    position++;
    terms.push({ term, position, inTitle: title !== null && token.start >= title.start && token.start < title.end });
  }
  return terms;
}
