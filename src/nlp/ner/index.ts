import type { TextLayer } from '../../schema/text.js';
import { applyDocumentConsistency, type KnownForm } from './consistency.js';
import { mentionsFromSentences, type TaggedMention } from './mentions.js';
import { tagSentence, type NerModel } from './tagger.js';
import { groupBySentence, toNerToken } from './tokens.js';

export type { NerModel } from './tagger.js';
export type { TaggedMention } from './mentions.js';

/** Is `key` a known single-word name form (corpus table or gazetteer)? */
export function knownFormsOf(model: NerModel): KnownForm {
  return (key) => model.nameForms.has(key) || model.gazetteer.phrases.has(key);
}

/**
 * Tags one document: the model per sentence, then document consistency, then spans with clitics
 * outside. Pure and synchronous.
 */
export function tagMentions(layer: Pick<TextLayer, 'tokens' | 'sentences'>, text: string, model: NerModel): TaggedMention[] {
  const groups = groupBySentence(layer.tokens.map(toNerToken));
  const tagged = groups.map((tokens) => tagSentence(tokens, model));
  const known = knownFormsOf(model);
  const consistent = applyDocumentConsistency(tagged, model.gazetteer, known);
  return mentionsFromSentences(consistent, text, known);
}
