import { extractClaims } from '../../nlp/claims/index.js';
import type { StageDefinition } from '../stage-definition.js';
import { requireLayer } from './require-layer.js';

/** claims: attributed statements, numeric claims, dates, the numbers that are not claims, and check-worthiness (pure, CPU-bound). */
export const claimsStage: StageDefinition = {
  name: 'claims',
  concurrency: 1,
  async init() {
    return async (record) => {
      const { claims, dates, nonClaimQuantities } = extractClaims({
        text: record.text,
        tokens: requireLayer(record, 'tokens', 'claims'),
        sentences: requireLayer(record, 'sentences', 'claims'),
        entities: record.entities ?? [],
        publishedAt: record.source.publishedAt ?? record.metadata?.published?.iso ?? null,
      });
      return { ...record, claims, dates, nonClaimQuantities };
    };
  },
};
