// Evaluates NER on text the model never saw. The headline (no argument): k-fold cross-validation over
// contiguous blocks of whole ANERcorp articles (training/ner/folds.ts), one model trained per fold on
// the other folds plus the supplement with the committed recipe, then our held-out modern-news sets A
// and B with the committed weights. conlleval semantics (exact span and type) everywhere.
//   npm run eval:ner                         5 folds, full recipe (bag of 5 × 10 epochs), sets A and B
//   npm run eval:ner -- --quick              exploration: 3 folds, bag of 1 × 6 epochs (flags given win)
//   npm run eval:ner -- --folds 5 --bag 1 --supplement none …   any training option of train:ner
//   npm run eval:ner -- --kfold-only         the folds alone; --sets-only: sets A and B alone
//   npm run eval:ner -- <conll file>         a whole file with the committed weights, through analyse()
//   npm run eval:ner -- --split every-10th   the old sentence-level splits of ANERcorp (every-10th,
//                                            last-tenth, fold-N; train with the same --split first)
//   npm run eval:ner -- --direct             text layer + tagger only (analyseText + tagMentions): faster
//   npm run eval:ner -- --weights <file>     another weights file (implies --direct)
//   npm run eval:ner -- --gold-convention heads   gold converted to our head-noun spans (conventions.ts)
import './closed-pipe.js';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { projectPath } from '../src/paths.js';
import { splitTrainDev, type ConllSentence } from '../training/ner/conll.js';
import { nameHeads, normaliseHeadNouns, parseHeadGroups } from '../training/ner/conventions.js';
import { conllEval } from '../training/ner/conlleval.js';
import { modelOf, predictTags, scoreModel, type Scores } from '../training/ner/evaluate.js';
import { documentFolds } from '../training/ner/folds.js';
import { gazetteerFor, trainNer } from '../training/ner/trainer.js';
import { ANERCORP_FILE, parseSplitRule, readConll, TRAINING_ARGS, trainingRecipe } from '../training/ner/options.js';
import { formatScores, summariseFolds } from '../training/ner/report.js';
import { tagMentions } from '../src/nlp/ner/index.js';
import { analyseText } from '../src/nlp/text/index.js';
import { loadNerModel } from '../src/models/ner.js';
import { analyse } from '../src/analyse.js';

/** Our held-out modern-news sets scored beside the folds (set C is evaluated by naming its file). */
const HELD_OUT_SETS = [
  ['set A', 'test/fixtures/ner-heldout/news.conll'],
  ['set B', 'test/fixtures/ner-heldout-b/news.conll'],
] as const;

const { values, positionals, tokens } = parseArgs({
  allowPositionals: true,
  tokens: true,
  options: {
    ...TRAINING_ARGS,
    weights: { type: 'string' },
    direct: { type: 'boolean', default: false },
    errors: { type: 'string' },
    split: { type: 'string' },
    folds: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'kfold-only': { type: 'boolean', default: false },
    'sets-only': { type: 'boolean', default: false },
    'gold-convention': { type: 'string', default: 'anercorp' },
  },
});

// --gold-convention heads: score against the gold converted to our head-noun span convention
// (training/ner/conventions.ts), the convention the weights are trained to; the default scores
// against each file's own annotation.
const heads = nameHeads(parseHeadGroups(values['gold-convention']));
const toGoldConvention = (sentences: ConllSentence[]): ConllSentence[] => sentences.map((s) => normaliseHeadNouns(s, heads));
const direct = values.direct || values.weights !== undefined;
const given = new Set(tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : [])));

if (positionals[0] !== undefined) {
  await scoreFile(positionals[0], toGoldConvention(readConll(positionals[0])));
} else if (values.split !== undefined) {
  const dev = splitTrainDev(readConll(ANERCORP_FILE), parseSplitRule(values.split)).dev;
  await scoreFile(`dev split (${values.split} of anercorp/train.txt)`, toGoldConvention(dev));
} else {
  if (!values['sets-only']) await crossValidate();
  if (!values['kfold-only']) for (const [name, file] of HELD_OUT_SETS) await scoreFile(`${name} (${file})`, toGoldConvention(readConll(projectPath(file))));
}

/** The headline: k folds of whole articles, one model per fold trained on the rest (+ supplement). */
async function crossValidate(): Promise<void> {
  const quick = values.quick;
  const k = z.coerce.number().int().min(2).max(20).parse(values.folds ?? (quick ? 3 : 5));
  const overrides = quick ? { ...(given.has('bag') ? {} : { bag: 1 }), ...(given.has('epochs') ? {} : { epochs: 6 }) } : {};
  const recipe = trainingRecipe(values, overrides);
  const anercorp = readConll(ANERCORP_FILE);
  const folds = documentFolds(anercorp, k);
  const changed = [...given].some((name) => name in TRAINING_ARGS || name === 'folds');
  const mode = quick ? 'QUICK mode' : changed ? 'options given' : 'full mode';
  console.log(`ANERcorp ${k}-fold cross-validation over whole articles (${mode}): ${recipe.describe}`);
  const perFold: Scores[] = [];
  for (const [i, fold] of folds.entries()) {
    const started = performance.now();
    const training = [...anercorp.slice(0, fold.start), ...anercorp.slice(fold.end), ...recipe.extra];
    const model = modelOf(trainNer(training, recipe.options, undefined, recipe.outOfDomain), `fold ${i + 1}`, gazetteerFor(recipe.options), recipe.options.clusters);
    const scores = await scoreModel(model, toGoldConvention(anercorp.slice(fold.start, fold.end)));
    perFold.push(scores);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`fold ${i + 1}/${k}: sentences ${fold.start}–${fold.end - 1}, F1 ${scores.overall!.f1.toFixed(2)} (${seconds} s)`);
  }
  console.log(summariseFolds(perFold));
}

/** One set of sentences scored with the committed (or --weights) model. */
async function scoreFile(name: string, sentences: ConllSentence[]): Promise<void> {
  const started = performance.now();
  const model = direct ? loadNerModel(values.weights) : null;
  // analyse(): the whole in-process chain, as users run it (its ner stage loads the committed
  // weights). --direct (or --weights): the text layer and the tagger alone, the ner stage's own path.
  const { gold, predicted } = await predictTags(sentences, async (text) =>
    direct ? tagMentions(analyseText(text), text, model!) : ((await analyse(text)).entities ?? []),
  );
  const tokenCount = sentences.reduce((sum, s) => sum + s.tokens.length, 0);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${name}, gold convention ${values['gold-convention']}: ${sentences.length} sentences, ${tokenCount} tokens, ${(tokenCount / seconds).toFixed(0)} tokens/s (${direct ? 'text layer + NER' : 'analyse(): whole chain'})`);
  console.log(formatScores(conllEval(gold, predicted)));
  if (values.errors) printErrors(sentences, gold, predicted, z.coerce.number().int().min(1).parse(values.errors));
}

/** Debug aid: the sentences with a mismatch, gold and predicted tags marked (at most `limit`). */
function printErrors(sentences: ConllSentence[], gold: string[][], predicted: string[][], limit: number): void {
  let shown = 0;
  sentences.forEach((sentence, s) => {
    if (shown >= limit || gold[s]!.join() === predicted[s]!.join()) return;
    shown++;
    console.log(sentence.tokens.map((t, i) => (gold[s]![i] === predicted[s]![i] ? (gold[s]![i] === 'O' ? t : `[${t}/${gold[s]![i]}]`) : `{${t} g=${gold[s]![i]} p=${predicted[s]![i]}}`)).join(' '));
  });
}
