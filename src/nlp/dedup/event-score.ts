import type { DedupToken } from './shingles.js';

/**
 * The result a match report leads with: «الزوراء يهزم الشرطة 2-1», «تعادلا بهدف لكل منهما», «فاز
 * بهدفين دون رد», «تعادل سلبي». A match is one event between two sides, and its reports, whatever
 * their angle (the scorer, the coach, the fans), state its result up front; the same club's next
 * match, days later, has another opponent and, most often, another result. Their reports share the
 * club, its coach, its players and every word of a match report, so as content they look alike
 * (two friendlies of Jordan, two league matches of Zamalek, a derby and a cup tie of Al-Zawraa on
 * the spent sets). Two reports whose leads state only different results report two matches
 * (event-match.ts). A result is kept unordered (2-1 and 1-2 are one), at most `MAX_RESULTS` (a cup
 * tie's 1-1 and its 4-3 on penalties). Pure: tokens in, results out.
 */

/** Results a lead may state: the match's, and its penalty shoot-out's. */
export const MAX_RESULTS = 2;
/** Goals beyond this are no football score («10-13 في المئة» is a range). */
const MAX_GOALS = 14;
const DASHES = new Set(['-', '–', '—']);

type ScoreToken = Pick<DedupToken, 'text' | 'kind' | 'key'>;

/** A token's key without a leading conjunction or «ب» («وبهدفين» → «هدفين»), ة written ه. */
const bare = (token: ScoreToken | undefined): string => (token ? token.key.replace(/ة/g, 'ه').replace(/^(?:و|ف)?ب?(?=هدف|تعادل|ال|سلب)/u, '') : '');

/** Results written in words, as the keys of their words: «بهدفين مقابل هدف» is 2-1. */
const WORD_RESULTS: ReadonlyArray<[readonly string[], number, number]> = [
  [['هدفين', 'مقابل', 'هدف'], 2, 1],
  [['هدفين', 'لهدف'], 2, 1],
  [['هدف', 'لكل', 'منهما'], 1, 1],
  [['هدف', 'لمثله'], 1, 1],
  [['هدفين', 'لكل', 'منهما'], 2, 2],
  [['هدفين', 'نظيفين'], 2, 0],
  [['هدفين', 'دون', 'رد'], 2, 0],
  [['هدف', 'نظيف'], 1, 0],
  [['هدف', 'دون', 'رد'], 1, 0],
  [['تعادل', 'سلبي'], 0, 0],
  [['التعادل', 'السلبي'], 0, 0],
  [['تعادلا', 'سلبيا'], 0, 0],
  [['تعادلهما', 'سلبيا'], 0, 0],
];

/** Words after a number pair that make it a share or a range, not a score: «10-13 في المئة», «2-3%». */
const NOT_SCORE_AFTER = new Set(['%', 'بالمءه', 'بالمائه', 'درجه', 'درجات']);

/** A result as one number: the larger count times 16 plus the smaller (2-1 and 1-2 alike). */
const resultKey = (a: number, b: number): number => Math.max(a, b) * 16 + Math.min(a, b);

/** The results `tokens` state (a title's, a lead's first sentence), at most `MAX_RESULTS`, in order. */
export function matchResults(tokens: readonly ScoreToken[]): number[] {
  const found: number[] = [];
  const add = (key: number) => {
    if (!found.includes(key) && found.length < MAX_RESULTS) found.push(key);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'number' && DASHES.has(tokens[i + 1]?.text ?? '') && tokens[i + 2]?.kind === 'number') {
      const a = Number(t.text);
      const b = Number(tokens[i + 2]!.text);
      const next = tokens[i + 3];
      const share = next !== undefined && (NOT_SCORE_AFTER.has(next.key.replace(/ة/g, 'ه')) || (next.key === 'في' && /^الم[اء]?[ئء]?ه$/u.test(bare(tokens[i + 4]))));
      if (Number.isInteger(a) && Number.isInteger(b) && a <= MAX_GOALS && b <= MAX_GOALS && !share) add(resultKey(a, b));
      i += 2;
      continue;
    }
    for (const [words, a, b] of WORD_RESULTS) {
      if (words.every((word, j) => bare(tokens[i + j]) === word || tokens[i + j]?.key.replace(/ة/g, 'ه') === word)) {
        add(resultKey(a, b));
        break;
      }
    }
  }
  return found;
}

/** Whether two leads' results leave room for one match: unknown on either side, or one result in common. */
export function resultsAgree(a: readonly number[], b: readonly number[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((result) => b.includes(result));
}
