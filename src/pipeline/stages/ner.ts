import { prepareMentions, resolveEntityIds } from '../../nlp/ner/index.js';
import { loadNerModel } from '../../models/ner.js';
import { MemoryEntityRegistry, RedisEntityRegistry, type EntityRegistry } from '../../store/entity-registry.js';
import { pipelineKeys } from '../../store/redis-keys.js';
import type { StageDefinition } from '../stage-definition.js';
import { requireLayer } from './require-layer.js';

/**
 * ner: tag and link inside the article (pure), then resolve entity ids across articles through the
 * shared registry (Redis for workers, memory for in-process `analyse()`). CPU-bound: concurrency 1.
 */
export const nerStage: StageDefinition = {
  name: 'ner',
  concurrency: 1,
  async init({ redis, prefix }) {
    const model = loadNerModel();
    const registry: EntityRegistry = redis ? new RedisEntityRegistry(redis, pipelineKeys.entityRegistry(prefix)) : new MemoryEntityRegistry();
    return async (record) => {
      const tokens = requireLayer(record, 'tokens', 'ner');
      const sentences = requireLayer(record, 'sentences', 'ner');
      const prepared = prepareMentions({ tokens, sentences }, record.text, model);
      const ids = await registry.resolveArticle(record.id, prepared.entities);
      return { ...record, entities: resolveEntityIds(prepared, ids) };
    };
  },
};
