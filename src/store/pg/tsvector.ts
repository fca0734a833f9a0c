import type { SearchTerm } from '../../nlp/text/search-terms.js';

/**
 * tsvector and tsquery literals built from our own terms, cast with `::tsvector` / `::tsquery`: no
 * PostgreSQL parser or dictionary touches them, so the server's locale or text search configuration
 * cannot split or stem an Arabic word differently from src/nlp/text.
 */

/** PostgreSQL keeps at most 256 positions a lexeme, each at most 16383. */
const MAX_POSITIONS = 256;
const MAX_POSITION = 16_383;
/** A lexeme is at most 2 KB; a longer "word" (a URL-like run) is not worth indexing. */
const MAX_TERM_LENGTH = 200;

function quote(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** `'term':1A,7 'other':2`: title words weigh A, the rest D (the default). */
export function tsvectorLiteral(terms: readonly SearchTerm[]): string {
  const positions = new Map<string, string[]>();
  for (const { term, position, inTitle } of terms) {
    if (term.length > MAX_TERM_LENGTH) continue;
    const list = positions.get(term) ?? [];
    if (list.length >= MAX_POSITIONS) continue;
    list.push(`${Math.min(position, MAX_POSITION)}${inTitle ? 'A' : ''}`);
    positions.set(term, list);
  }
  return [...positions].map(([term, list]) => `${quote(term)}:${list.join(',')}`).join(' ');
}

/** Every group must match, any alternative of a group: `('a' | 'b') & 'c'`. */
export function tsqueryLiteral(groups: readonly (readonly string[])[]): string {
  return groups.map((group) => `(${group.map(quote).join(' | ')})`).join(' & ');
}
