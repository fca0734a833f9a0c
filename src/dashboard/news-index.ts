import { normalise, searchKey } from '../nlp/text/normalise.js';
import type { RecordSummary } from './output-reader.js';
import type { EntityIndexRow, EntityView } from './pages/entity.js';
import type { SearchResults } from './pages/search.js';

/** Words of a text as search keys: diacritics, alef/hamza/ta-marbuta variants folded, Latin lower-cased. */
export function searchKeys(text: string): string[] {
  return text
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => searchKey(normalise(word)))
    .filter((key) => key.length > 0);
}

/** Each query key must occur in the text's keys (as a prefix of a word, so «الكاظ» finds «الكاظمي»; clitic «و» aside). */
function matches(queryKeys: readonly string[], textKeys: readonly string[]): boolean {
  return queryKeys.every((query) => textKeys.some((key) => key.startsWith(query) || key.startsWith(`و${query}`) || key.startsWith(`ال${query}`)));
}

/** Search over the titles and the entities of the given records (newest first). */
export function searchRecords(records: readonly RecordSummary[], query: string, limit = 100): SearchResults {
  const queryKeys = searchKeys(query);
  if (queryKeys.length === 0) return { query, records: [], entities: [] };
  const entityHits = new Map<string, SearchResults['entities'][number]>();
  const recordHits: RecordSummary[] = [];
  for (const record of records) {
    let hit = matches(queryKeys, searchKeys(record.title ?? ''));
    for (const entity of record.entities) {
      if (!matches(queryKeys, searchKeys(`${entity.canonical} ${entity.texts.join(' ')}`))) continue;
      hit = true;
      const known = entityHits.get(entity.entityId);
      if (known) known.articles += 1;
      else entityHits.set(entity.entityId, { entityId: entity.entityId, canonical: entity.canonical, type: entity.type, articles: 1 });
    }
    if (hit && recordHits.length < limit) recordHits.push(record);
  }
  return { query, records: recordHits, entities: [...entityHits.values()].sort((a, b) => b.articles - a.articles) };
}

/** Every record (of those given) that mentions the entity; null when none does. */
export function entityFromRecords(records: readonly RecordSummary[], entityId: string, basis: string): EntityView | null {
  const articles = records.filter((record) => record.entities.some((entity) => entity.entityId === entityId));
  const mentions = articles.flatMap((record) => record.entities.filter((entity) => entity.entityId === entityId));
  const first = mentions[0];
  if (!first) return null;
  return {
    entityId,
    canonical: first.canonical,
    type: first.type,
    variants: [...new Set(mentions.flatMap((mention) => mention.texts))],
    articles,
    basis,
  };
}

/** The entities of the given records, most articles first: the entities index without a registry. */
export function entitiesFromRecords(records: readonly RecordSummary[], type: string | null, limit: number): EntityIndexRow[] {
  const rows = new Map<string, EntityIndexRow>();
  for (const record of records) {
    for (const entity of record.entities) {
      if (type !== null && entity.type !== type) continue;
      const row = rows.get(entity.entityId) ?? { entityId: entity.entityId, type: entity.type, canonical: entity.canonical, variants: [], articles: 0, mentions: null };
      row.articles += 1;
      for (const text of entity.texts) if (!row.variants.includes(text)) row.variants.push(text);
      rows.set(entity.entityId, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.articles - a.articles || a.canonical.localeCompare(b.canonical)).slice(0, limit);
}
