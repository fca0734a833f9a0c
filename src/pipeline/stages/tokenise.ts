import { analyseText, segmentWord } from '../../nlp/text/index.js';
import type { StageDefinition } from '../stage-definition.js';

/** tokenise: metadata, boilerplate, sentences and tokens of the original text (pure, CPU-bound). */
export const tokeniseStage: StageDefinition = {
  name: 'tokenise',
  concurrency: 1,
  async init() {
    segmentWord('وقال'); // loads the lexicon now rather than in the first job
    return async (record) => ({ ...record, ...analyseText(record.text) });
  },
};
