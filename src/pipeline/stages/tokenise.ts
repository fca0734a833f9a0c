import { analyseText, segmentWord } from '../../nlp/text/index.js';
import { ArticleLimitError, type StageDefinition } from '../stage-definition.js';

/** tokenise: metadata, boilerplate, sentences and tokens of the original text (pure, CPU-bound). */
export const tokeniseStage: StageDefinition = {
  name: 'tokenise',
  concurrency: 1,
  async init({ maxTokens }) {
    segmentWord('وقال'); // loads the lexicon now rather than in the first job
    return async (record) => {
      const layer = analyseText(record.text);
      // Every later stage's cost grows with the tokens: an article beyond the limit stops here.
      if (maxTokens !== undefined && layer.tokens.length > maxTokens) {
        throw new ArticleLimitError(`the article has ${layer.tokens.length} tokens, over the limit of ${maxTokens} (KHABAR_MAX_ARTICLE_TOKENS)`);
      }
      return { ...record, ...layer };
    };
  },
};
