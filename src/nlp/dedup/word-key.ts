import { normalise, searchKey } from '../text/normalise.js';

/**
 * A word as the lead's readings compare it (the medium, the town, the kind of place, the verdict, the
 * indicator): normalised, its search key, and ta marbuta folded into ha, since outlets write «مدينة»
 * and «مدينه» alike. The one definition the word lists of those readings are keyed by.
 */
export function wordKey(word: string): string {
  return searchKey(normalise(word)).replace(/ة/g, 'ه');
}
