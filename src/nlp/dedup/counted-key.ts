// The key of a counted thing or a speaker's words as the claims index spells it (claims.ts). Pure.
import { skeleton } from './skeleton.js';

/** Normalised key of a counted thing: skeletons of its first two words («جندي أميركي» → «جند مرك»). */
export function countedKey(counted: string): string {
  const words = counted
    .normalize('NFKC')
    .replace(/[\u064b-\u065f\u0670\u0640]/gu, '')
    .split(/\s+/u)
    .map((word) => skeleton(word))
    .filter((word) => word.length > 0);
  return words.slice(0, 2).join(' ');
}
