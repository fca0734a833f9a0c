import { EntityTypeSchema } from '../schema/entities.js';
import { pipelineKeys } from '../store/redis-keys.js';
import { RedisEntityRegistry } from '../store/entity-registry.js';
import { commandContext, releaseRedis, parseOption } from './context.js';

export interface EntitiesOptions {
  type?: string;
  limit: number;
  json?: boolean;
}

/**
 * `khabar entities [entityId]`: the shared entity registry. Without an id, the most-mentioned
 * entities; with one, the entity (canonical form, variants) and every article that mentions it.
 */
export async function entitiesCommand(entityId: string | undefined, options: EntitiesOptions): Promise<void> {
  const type = options.type === undefined ? undefined : parseOption('--type', EntityTypeSchema, options.type.toUpperCase());
  const ctx = await commandContext({ mayStartRedis: 'from-data', name: 'entities' });
  const connection = ctx.connect();
  try {
    const registry = new RedisEntityRegistry(connection, pipelineKeys.entityRegistry(ctx.settings.prefix));
    if (entityId) {
      const entity = await registry.getEntity(entityId);
      if (!entity) throw new Error(`no entity "${entityId}" in the registry`);
      const articles = await registry.listArticles(entityId);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ ...entity, articles }, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${entity.entityId}  ${entity.type}  ${entity.canonical}\n`);
      process.stdout.write(`variants: ${entity.variants.join('، ')}\n`);
      process.stdout.write(`${entity.mentionCount} mention(s) in ${articles.length} article(s):\n`);
      for (const article of articles) process.stdout.write(`  ${article}\n`);
      return;
    }
    const entities = await registry.listEntities({ limit: options.limit, ...(type ? { type } : {}) });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(entities, null, 2)}\n`);
      return;
    }
    for (const entity of entities) {
      process.stdout.write(`${entity.entityId.padEnd(22)} ${entity.type.padEnd(4)} ${String(entity.articleCount).padStart(5)} art. ${String(entity.mentionCount).padStart(6)} ment.  ${entity.canonical}\n`);
    }
  } finally {
    connection.disconnect();
    await releaseRedis(ctx); // a Redis started from the last run's data is stopped again
  }
}
