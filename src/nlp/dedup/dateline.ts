import type { DedupToken } from './shingles.js';

/**
 * Where a wire dateline at the start of a text or title ends: «القاهرة (قمم) -», «بيروت - (أ ف ب) -»,
 * «الرياض، (واس) -», «(رويترز) -». Every report a wire agency sends opens with one, so its
 * words (the agency, the desk's city) are the same across the agency's reports of unrelated events:
 * as event evidence (event.ts) they would put the wire's reports of a storm in Alexandria and of an
 * airport in Mosul in one story, since the agency is an organisation named in both leads. Only a
 * parenthesised credit makes a dateline here: a bare «بغداد -» names the place of the news more
 * often than a desk, and stays evidence.
 */

/** Words before the credit: a city, a city and a country, «القدس المحتلة». */
const MAX_PLACE_WORDS = 3;
/** Words inside the parentheses: «أ ف ب», «وكالة قمم للأنباء». */
const MAX_CREDIT_WORDS = 4;
const DASHES = new Set(['-', '–', '—', ':', '،', ',']);

/** The offset where the leading dateline ends (after its closing dash or parenthesis), or 0 when there is none. */
export function datelineEnd(tokens: ReadonlyArray<Pick<DedupToken, 'text' | 'kind' | 'end'>>): number {
  let at = 0;
  let places = 0;
  while (at < tokens.length && (tokens[at]!.kind === 'word' || tokens[at]!.kind === 'latin') && places < MAX_PLACE_WORDS) {
    at++;
    places++;
  }
  // «بيروت - (أ ف ب)», «الرياض، (واس)»: a dash or comma between the city and the credit.
  if (places > 0 && at < tokens.length && DASHES.has(tokens[at]!.text) && tokens[at + 1]?.text === '(') at++;
  if (tokens[at]?.text !== '(') return 0;
  let close = at + 1;
  while (close < tokens.length && tokens[close]!.text !== ')' && close - at <= MAX_CREDIT_WORDS + 2) {
    const kind = tokens[close]!.kind;
    if (kind !== 'word' && kind !== 'latin' && tokens[close]!.text !== '.') return 0;
    close++;
  }
  if (tokens[close]?.text !== ')' || close === at + 1) return 0;
  // The dash after the credit belongs to the dateline; the credit alone ends it otherwise.
  const after = tokens[close + 1];
  return after && DASHES.has(after.text) ? after.end : tokens[close]!.end;
}

/**
 * The words of a leading wire dateline, as search keys: the place it was filed from and the
 * agency's credit («ربك (الرافد) -» → place «ربك», credit «الرافد»), or null without one. An agency
 * files an incident from the town it happened in: two reports of one agency filed from two towns
 * are two incidents (event-match.ts), however alike their words.
 */
export function datelineParts(tokens: ReadonlyArray<Pick<DedupToken, 'text' | 'kind' | 'key' | 'end'>>): { place: string; credit: string } | null {
  const end = datelineEnd(tokens);
  if (end === 0) return null;
  const open = tokens.findIndex((token) => token.text === '(');
  const words = (from: number, to: number) =>
    tokens
      .slice(from, to)
      .filter((token) => token.kind === 'word' || token.kind === 'latin')
      .map((token) => token.key.replace(/ة/g, 'ه'))
      .join(' ');
  const close = tokens.findIndex((token, i) => i > open && token.text === ')');
  const place = words(0, open);
  const credit = words(open + 1, close);
  return place && credit ? { place, credit } : null;
}
