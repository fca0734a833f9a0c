// Scoring a model on CoNLL sentences the way the ner stage meets raw text: each sentence joined into
// text, run through the text layer and the tagger (`tagMentions`, the ner stage's own path), and the
// mention spans mapped back onto the CoNLL tokens; conlleval semantics (exact span and type).
import type { ConllSentence } from './conll.js';
import { sentenceText } from './conll.js';
import { conllEval, type TypeScore } from './conlleval.js';
import { spansToGoldTags } from './alignment.js';
import { encodeModel } from '../../src/nlp/ner/codec.js';
import { tagMentions } from '../../src/nlp/ner/index.js';
import type { NerModel } from '../../src/nlp/ner/tagger.js';
import type { Gazetteer } from '../../src/nlp/ner/gazetteer.js';
import type { WordClusters } from '../../src/nlp/ner/clusters.js';
import { analyseText } from '../../src/nlp/text/index.js';
import { nerModelFromBytes } from '../../src/models/ner.js';
import type { TrainedNer } from './trainer.js';

/** Weights below this magnitude are dropped when the weights are written (as `train:ner` does). */
export const PRUNE_BELOW = 1e-3;

export type Scores = Record<string, TypeScore>;

/** A mention as scoring needs it: a span of the raw text and its type. */
type Mention = Parameters<typeof spansToGoldTags>[1][number];

/** The model a trained result gives once written and loaded: quantised and pruned as on disk. */
export function modelOf(trained: TrainedNer, origin: string, gazetteer?: Gazetteer, clusters?: WordClusters | null): NerModel {
  // Encoded with the clusters, as train:ner writes them, so the model carries them as a loaded file does.
  const model = nerModelFromBytes(encodeModel(trained.weights, trained.nameLexicon, PRUNE_BELOW, clusters ?? undefined), origin);
  return gazetteer ? { ...model, gazetteer } : model;
}

/**
 * Gold and predicted IOB2 tags of each sentence, given how to find the mentions of a raw text
 * (`tagMentions` by default; scripts/eval-ner.ts passes `analyse()` for the whole chain).
 */
export async function predictTags(
  sentences: readonly ConllSentence[],
  mentionsOf: (text: string) => readonly Mention[] | Promise<readonly Mention[]>,
): Promise<{ gold: string[][]; predicted: string[][] }> {
  const gold: string[][] = [];
  const predicted: string[][] = [];
  for (const sentence of sentences) {
    const { text, spans } = sentenceText(sentence);
    gold.push(sentence.tags);
    predicted.push(spansToGoldTags(spans, await mentionsOf(text)));
  }
  return { gold, predicted };
}

/** conlleval scores of `model` on `sentences` through the text layer and the tagger. */
export async function scoreModel(model: NerModel, sentences: readonly ConllSentence[]): Promise<Scores> {
  const { gold, predicted } = await predictTags(sentences, (text) => tagMentions(analyseText(text), text, model));
  return conllEval(gold, predicted);
}
