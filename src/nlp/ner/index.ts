import type { EntityMention } from '../../schema/entities.js';
import type { TextLayer } from '../../schema/text.js';
import { defaultLinkingLexicon, type LinkingLexicon } from './aliases.js';
import { applyDocumentConsistency, type KnownForm } from './consistency.js';
import { linkArticleMentions, type ArticleEntities } from './linking.js';
import { mentionsFromSentences, type TaggedMention } from './mentions.js';
import { endAtNameWords, joinAdjacentPersons, joinHyphenatedNames } from './span-repair.js';
import { placeFormsOf } from './places.js';
import { tagSentence, type NerModel } from './tagger.js';
import { groupBySentence, toNerToken } from './tokens.js';

export type { NerModel } from './tagger.js';
export type { TaggedMention } from './mentions.js';
export type { ArticleEntities, ArticleEntity, LinkedMention } from './linking.js';
export type { LinkingLexicon } from './aliases.js';
export { defaultLinkingLexicon } from './aliases.js';

/** The text layer's fields the NER stage reads. */
export type NerInput = Pick<TextLayer, 'tokens' | 'sentences'>;

const NAME_CLASSES = new Set(['country', 'city', 'region', 'givenName', 'organisation', 'person']);
const knownWordsCache = new WeakMap<NerModel, Set<string>>();

/** Is `key` a known single-word name form (corpus lexicon, or a word of a gazetteer name)? */
export function knownFormsOf(model: NerModel): KnownForm {
  let words = knownWordsCache.get(model);
  if (!words) {
    words = new Set(model.nameForms);
    for (const [phrase, classes] of model.gazetteer.phrases) {
      if (classes.some((c) => NAME_CLASSES.has(c))) for (const word of phrase.split(' ')) words.add(word);
    }
    knownWordsCache.set(model, words);
  }
  const known = words;
  return (key) => known.has(key);
}

/** Month and weekday names look like names to a model trained on translated news; they are not. */
function isNotName(mention: TaggedMention, model: NerModel): boolean {
  const classes = model.gazetteer.phrases.get(mention.words.join(' '));
  return !!classes && classes.includes('notName');
}

/**
 * Tags one document: the model per sentence, then document consistency (a name tagged once is
 * tagged wherever it recurs, clitics included), then spans with clitics outside.
 */
export function tagMentions(layer: NerInput, text: string, model: NerModel): TaggedMention[] {
  // Boilerplate (share buttons, «اقرأ المزيد» link lists, stray letters) stays in the text but is
  // not article prose: it is neither tagged nor counted as a mention of anything.
  const prose = layer.tokens.filter((token) => !token.flags?.includes('boilerplate'));
  const groups = groupBySentence(prose.map(toNerToken));
  // The model's spans, repaired where it splits a name at a hyphen or in two person chunks, or runs it into the next word.
  const tagged = groups.map((tokens) => endAtNameWords(joinAdjacentPersons(joinHyphenatedNames(tagSentence(tokens, model))), model.gazetteer, model.nameLexicon));
  const known = knownFormsOf(model);
  const consistent = applyDocumentConsistency(tagged, model.gazetteer, known);
  return mentionsFromSentences(consistent, text, known, placeFormsOf(model.gazetteer)).filter((m) => !isNotName(m, model));
}

/**
 * Step 1 of 2 (pure): tag, apply document consistency, group the mentions into the article's
 * entities with their canonical forms and registry keys. The ner worker then resolves ids through
 * the shared registry (`EntityRegistry.resolveArticle(articleId, prepared.entities)`).
 */
export function prepareMentions(
  layer: NerInput,
  text: string,
  model: NerModel,
  lexicon: LinkingLexicon = defaultLinkingLexicon(),
): ArticleEntities {
  return linkArticleMentions(tagMentions(layer, text, model), lexicon);
}

/**
 * Step 2 of 2 (pure): the record's `entities[]` from the prepared mentions and the ids the
 * registry gave each article entity (`entityIds[i]` for `prepared.entities[i]`). Without ids,
 * each entity keeps its proposed id (deterministic from its full form, the same in every article
 * for the same form, but not linked to partial forms seen elsewhere).
 */
export function resolveEntityIds(prepared: ArticleEntities, entityIds?: readonly string[]): EntityMention[] {
  return prepared.mentions.map((m) => {
    const entity = prepared.entities[m.entity]!;
    return {
      text: m.text,
      type: m.type,
      start: m.start,
      end: m.end,
      entityId: entityIds?.[m.entity] ?? entity.proposedId,
      canonical: entity.canonical,
      confidence: Math.round(m.confidence * 1000) / 1000,
    };
  });
}

/** A registry that can resolve synchronously (MemoryEntityRegistry), for in-process `analyse()`. */
export interface SyncEntityResolver {
  resolveArticleSync(articleId: string, entities: ArticleEntities['entities']): string[];
}

/**
 * The whole stage in one pure call: tag, link inside the article and, given a synchronous
 * registry and the article's id, across articles. This is the function to benchmark.
 */
export function tagEntities(
  layer: NerInput,
  text: string,
  model: NerModel,
  linker?: { registry: SyncEntityResolver; articleId: string },
): EntityMention[] {
  const prepared = prepareMentions(layer, text, model);
  const ids = linker ? linker.registry.resolveArticleSync(linker.articleId, prepared.entities) : undefined;
  return resolveEntityIds(prepared, ids);
}
