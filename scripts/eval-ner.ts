// Evaluates the NER stage on a CoNLL file the way users meet it: each sentence is joined into raw
// text, run through analyse() (the whole in-process chain), and the record's entity spans are
// mapped back onto the file's tokens by character offsets; conlleval semantics (exact span and type).
//   npm run eval:ner                       the dev split (every 10th sentence of ../shared/data/anercorp/train.txt)
//   npm run eval:ner -- --split last-tenth the final 10% instead (train with the same --split)
//   npm run eval:ner -- <conll file>       a whole file
//   npm run eval:ner -- --direct           text layer + tagger only (analyseText + tagMentions): faster
//   npm run eval:ner -- --weights <file>   another weights file (implies --direct)
//   npm run eval:ner -- --gold-convention heads   gold converted to our head-noun spans (conventions.ts)
import './closed-pipe.js';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { projectPath } from '../src/paths.js';
import { parseConll, sentenceText, splitTrainDev, type DevSplitRule } from '../src/nlp/ner/conll.js';
import { nameHeads, normaliseHeadNouns, parseHeadGroups } from '../src/nlp/ner/conventions.js';
import { conllEval } from '../src/nlp/ner/conlleval.js';
import { spansToGoldTags } from '../src/nlp/ner/alignment.js';
import { tagMentions } from '../src/nlp/ner/index.js';
import { analyseText } from '../src/nlp/text/index.js';
import { loadNerModel } from '../src/models/ner.js';
import { analyse } from '../src/analyse.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    weights: { type: 'string' },
    direct: { type: 'boolean', default: false },
    errors: { type: 'string' },
    split: { type: 'string', default: 'every-10th' },
    'gold-convention': { type: 'string', default: 'anercorp' },
  },
});

const devFile = projectPath('..', 'shared', 'data', 'anercorp', 'train.txt');
const file = positionals[0] ?? devFile;
const all = parseConll(readFileSync(file, 'utf8'));
// --gold-convention heads: score against the gold converted to our head-noun span convention
// (src/nlp/ner/conventions.ts), the convention the committed weights are trained to; the default
// scores against ANERcorp's own annotation.
const goldConvention = values['gold-convention'];
const heads = nameHeads(parseHeadGroups(goldConvention));
const sentences = (positionals[0] ? all : splitTrainDev(all, parseSplit(values.split)).dev).map((s) => normaliseHeadNouns(s, heads));
const direct = values.direct || values.weights !== undefined;
const model = direct ? loadNerModel(values.weights) : null;

const gold: string[][] = [];
const predicted: string[][] = [];
let tokens = 0;
const started = performance.now();
for (const sentence of sentences) {
  const { text, spans } = sentenceText(sentence);
  // analyse(): the whole in-process chain, as users run it (its ner stage loads the committed
  // weights). --direct (or --weights): the text layer and the tagger alone, the ner stage's own path.
  const mentions = direct ? tagMentions(analyseText(text), text, model!) : ((await analyse(text)).entities ?? []);
  gold.push(sentence.tags);
  predicted.push(spansToGoldTags(spans, mentions));
  tokens += sentence.tokens.length;
}
const seconds = (performance.now() - started) / 1000;
const scores = conllEval(gold, predicted);
console.log(`${positionals[0] ?? `dev split (${values.split} of anercorp/train.txt)`}, gold convention ${goldConvention}: ${sentences.length} sentences, ${tokens} tokens, ${(tokens / seconds).toFixed(0)} tokens/s (${direct ? 'text layer + NER' : 'analyse(): whole chain'})`);
console.log('type      precision  recall     F1     gold  predicted');
for (const [type, s] of Object.entries(scores)) {
  console.log(
    `${type.padEnd(9)} ${s.precision.toFixed(2).padStart(8)} ${s.recall.toFixed(2).padStart(8)} ${s.f1.toFixed(2).padStart(8)} ${String(s.gold).padStart(7)} ${String(s.predicted).padStart(9)}`,
  );
}
if (values.errors) {
  // Debug aid: list the sentences with a mismatch (limit given by --errors N).
  let shown = 0;
  sentences.forEach((sentence, s) => {
    if (shown >= Number(values.errors) || gold[s]!.join() === predicted[s]!.join()) return;
    shown++;
    console.log(sentence.tokens.map((t, i) => (gold[s]![i] === predicted[s]![i] ? (gold[s]![i] === 'O' ? t : `[${t}/${gold[s]![i]}]`) : `{${t} g=${gold[s]![i]} p=${predicted[s]![i]}}`)).join(' '));
  });
}

function parseSplit(rule: string | undefined): DevSplitRule {
  if (rule === 'every-10th' || rule === 'last-tenth') return rule;
  if (rule && /^fold-\d$/.test(rule)) return rule as DevSplitRule;
  throw new Error(`--split must be every-10th, last-tenth or fold-0 … fold-9, not ${rule}`);
}

