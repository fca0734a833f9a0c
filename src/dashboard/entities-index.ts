import { z } from 'zod';
import { entitiesFromRecords } from './news-index.js';
import type { OutputReader } from './output-reader.js';
import { ENTITY_TYPES, type EntityIndex } from './pages/entity.js';
import { withinTime } from './snapshot.js';

/** `/entities` query parameters; unknown ones are refused (a misspelt `tpye` should not silently list everything). */
export const EntitiesQuerySchema = z.strictObject({
  type: z.enum(ENTITY_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
});
export type EntitiesQuery = z.infer<typeof EntitiesQuerySchema>;

/** The registry's ranking, as the index needs it (`RedisEntityRegistry.listEntities` fits). */
export interface EntityRanking {
  listEntities(options: { limit?: number; type?: (typeof ENTITY_TYPES)[number] }): Promise<{ entityId: string; type: string; canonical: string; variants: string[]; mentionCount: number; articleCount: number }[]>;
}

/**
 * The most-mentioned entities: from the shared entity registry (every article the pipeline ever
 * linked), else, with no registry or an empty one, counted in the newest records of the output folder.
 */
export async function loadEntityIndex(ranking: EntityRanking, output: OutputReader, query: EntitiesQuery, scan: number): Promise<EntityIndex> {
  const type = query.type ?? null;
  const registered = await withinTime(ranking.listEntities({ limit: query.limit, ...(type ? { type } : {}) }), 5_000, 'entity registry');
  if (registered.length > 0) {
    return {
      type,
      basis: `From the entity registry, most mentioned first (${registered.length} shown).`,
      rows: registered.map((entity) => ({ entityId: entity.entityId, type: entity.type, canonical: entity.canonical, variants: entity.variants, mentions: entity.mentionCount, articles: entity.articleCount })),
    };
  }
  const rows = entitiesFromRecords(await output.latestRecords(scan), type, query.limit);
  return { type, rows, basis: `Counted in the newest ${scan} records of the output folder, most articles first (the entity registry lists none).` };
}
