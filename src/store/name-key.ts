import { normalise, searchKey } from '../nlp/text/index.js';

/** A name's search key for name search (pg_trgm on PostgreSQL): each word normalised and folded like a search term. */
export function nameKey(name: string): string {
  return name.split(/\s+/).filter(Boolean).map((word) => searchKey(normalise(word))).join(' ');
}
