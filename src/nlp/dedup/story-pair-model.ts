import modelData from './data/story-pair-model.json' with { type: 'json' };
import { ShippedPairModelSchema, type PairModel } from './event-pair-model.js';

/**
 * The learned similar-content rule's weights as shipped (event-pair-model.ts), made by
 * `npm run train:story-pairs -- --write` from the spent story golds (the file says which); parsed at
 * load, so a hand-edited file that weighs other features fails here, not in a decision.
 */
export const STORY_PAIR_MODEL: PairModel = ShippedPairModelSchema.parse(modelData);
