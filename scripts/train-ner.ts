// Trains the NER tagger on ANERcorp (read in place from ../shared/data; never copied into the project)
// and writes the committed weights and name-form table beside the code that reads them.
//   npm run train:ner                       trains on 90%: every 10th sentence is held out as dev
//   npm run train:ner -- --split last-tenth  hold out the final 10% of sentences instead
//   npm run train:ner -- --convention anercorp (ANERcorp's own head-noun spans instead of ours; or all, or a group list)
//   npm run train:ner -- --augment 0.3 --augment-rate 0.5 (mention replacement from the gazetteers; 0 = off)
//   npm run train:ner -- --epochs 10 --seed 1 --bits 20 --bag 5 --feature-dropout 0.1 --jackknife runs:30 --all --data <conll> --out <file>
//   npm run train:ner -- --supplement none   (without our annotated supplement; or --supplement <conll file>)
//   npm run train:ner -- --refresh-countries (regenerates data/countries.json from Intl.DisplayNames)
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { projectPath } from '../src/paths.js';
import { parseConll, splitTrainDev, type ConllSentence, type DevSplitRule } from '../src/nlp/ner/conll.js';
import { alignConllSentence, nameLexiconFromCorpus } from '../src/nlp/ner/corpus.js';
import { extractFeatures, FEATURE_VERSION, gazetteerMarks } from '../src/nlp/ner/features.js';
import { seededRandom } from '../src/nlp/ner/hash.js';
import { defaultGazetteer, defaultGazetteerLists } from '../src/nlp/ner/gazetteer.js';
import { replaceMentions, type ReplacementNames } from '../src/nlp/ner/augment.js';
import { encodeModel } from '../src/nlp/ner/codec.js';
import { nameHeads, normaliseHeadNouns, parseHeadGroups } from '../src/nlp/ner/conventions.js';
import { trainPerceptron, type TrainingExample } from '../src/nlp/ner/train.js';
import { DEFAULT_WEIGHTS_FILE } from '../src/models/ner.js';

/** Our own annotated supplement (src/nlp/ner/data/README.md): `--supplement default` reads it. */
const SUPPLEMENT_FILE = 'src/nlp/ner/data/supplement.conll';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: projectPath('..', 'shared', 'data', 'anercorp', 'train.txt') },
    out: { type: 'string', default: projectPath(DEFAULT_WEIGHTS_FILE) },
    epochs: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    bits: { type: 'string', default: '20' },
    all: { type: 'boolean', default: false },
    split: { type: 'string', default: 'every-10th' },
    'refresh-countries': { type: 'boolean', default: false },
    dropout: { type: 'string', default: '0.3' },
    'gazetteer-dropout': { type: 'string', default: '0.6' },
    'feature-dropout': { type: 'string', default: '0.1' },
    bag: { type: 'string', default: '5' },
    jackknife: { type: 'string', default: 'runs:30' },
    convention: { type: 'string', default: 'heads' },
    augment: { type: 'string', default: '0.3' },
    'augment-rate': { type: 'string', default: '0.5' },
    supplement: { type: 'string', default: 'default' },
    'supplement-repeat': { type: 'string', default: '1' },
  },
});

if (values['refresh-countries']) {
  refreshCountries();
  process.exit(0);
}

const started = Date.now();
const sentences = parseConll(readFileSync(values.data, 'utf8'));
const { train, dev } = splitTrainDev(sentences, parseSplit(values.split));
// --convention heads (default): the training data in our span convention for head nouns («مطار
// بغداد», «كتائب حزب الله», «وزارة الخارجية الأميركية» are one name; src/nlp/ner/conventions.ts,
// DEFAULT_HEAD_GROUPS); --convention anercorp: ANERcorp's own annotation (head nouns outside,
// ministries untagged); --convention all, or a list such as organisation,settlement: those groups.
const heads = nameHeads(parseHeadGroups(values.convention));
// The supplement (default: src/nlp/ner/data/supplement.conll, our own annotated sentences of recent
// Middle-East news, see data/README.md; `--supplement none` leaves it out, `--supplement <file>`
// reads another) is added to the training part only, never to a held-out split, so the ANERcorp
// dev figures stay ANERcorp's. --supplement-repeat N adds it N times (measured, not the default).
const supplement = values.supplement === 'none' ? [] : parseConll(readFileSync(supplementPath(values.supplement), 'utf8'));
const supplementRepeat = Number(values['supplement-repeat']);
const trainingSentences = [
  ...(values.all ? sentences : train),
  ...Array.from({ length: supplementRepeat }, () => supplement).flat(),
].map((s) => normaliseHeadNouns(s, heads));
console.log(
  `${sentences.length} sentences; training on ${trainingSentences.length}${values.all ? ' (all)' : `, dev ${dev.length} held out`}` +
    (supplement.length > 0 ? ` (with ${supplement.length} supplement sentences × ${supplementRepeat})` : ''),
);

const bucketBits = Number(values.bits);
const gazetteer = defaultGazetteer();
// The name-lexicon feature by jackknife: a sentence's features see the lexicon of the OTHER nine
// tenths only, so the model learns how far to trust it on names it has not met (as at inference).
// The tenths are dealt out in runs of 30 consecutive sentences (--jackknife runs:30; `interleaved`
// is runs:1, `blocks` ten contiguous tenths): with every 10th sentence as its own fold, a name was
// nearly always in the lexicon through the neighbouring sentences of its own article, which no
// unseen article offers, and the model learned to trust the lexicon too much.
const FOLDS = 10;
const jackknife = values.jackknife ?? '';
const runMatch = /^runs:(\d+)$/.exec(jackknife);
if (jackknife !== 'blocks' && jackknife !== 'interleaved' && !runMatch) throw new Error('--jackknife must be blocks, runs:N or interleaved');
const runLength = runMatch ? Number(runMatch[1]) : 1;
const foldOf = (index: number): number =>
  jackknife === 'blocks' ? Math.floor((index * FOLDS) / trainingSentences.length) : Math.floor(index / runLength) % FOLDS;
const foldLexicons = Array.from({ length: FOLDS }, (_, fold) =>
  nameLexiconFromCorpus(trainingSentences.filter((_, index) => foldOf(index) !== fold)),
);
// Word dropout (seeded): words inside a name that the gazetteers know (and, with --dropout, any
// word) are often seen without their identity, so that the model learns to trust the gazetteer
// and context cues that carry names it has never seen (ANERcorp is from the 2000s; the news is not).
const dropout = Number(values.dropout);
const gazetteerDropout = Number(values['gazetteer-dropout']);
const epochs = Number(values.epochs);
const bag = Number(values.bag);

// Mention replacement (--augment P: a copy of that share of the sentences that hold a name, each
// PER/ORG/LOC name swapped with probability --augment-rate for a gazetteer name of its type; see
// src/nlp/ner/augment.ts). The swapped-in words are always hidden (word dropout), so the copies teach
// the gazetteer features and the context, not the gazetteers' words.
const augment = Number(values.augment);
const augmentRate = Number(values['augment-rate']);
const gazetteerLists = defaultGazetteerLists();
const replacementNames: ReplacementNames = {
  PER: gazetteerLists.people,
  ORG: gazetteerLists.organisations,
  LOC: [...gazetteerLists.countries, ...gazetteerLists.cities, ...gazetteerLists.regions],
};

/** The training examples with the word dropout (and the mention replacement) drawn from `seed`. */
function buildExamples(seed: number): TrainingExample[] {
  const random = seededRandom(seed + 7);
  const examples: TrainingExample[] = [];
  const addSentence = (sentence: ConllSentence, lexicon: ReadonlyMap<string, string>, replaced?: readonly boolean[]): void => {
    const aligned = alignConllSentence(sentence);
    aligned.groups.forEach((tokens, g) => {
      const marks = gazetteerMarks(tokens, gazetteer);
      const masked = tokens.map((token, i) => {
        if (token.kind !== 'word') return false;
        if (replaced && isReplaced(aligned.goldSpans, replaced, token)) return true;
        const inGazetteerName = marks[i]!.some((m) => /:(country|city|region|organisation|person|givenName)$/.test(m));
        return random() < (inGazetteerName ? gazetteerDropout : dropout);
      });
      examples.push({ features: extractFeatures(tokens, gazetteer, bucketBits, lexicon, masked), gold: aligned.goldGroups[g]! });
    });
  };
  trainingSentences.forEach((sentence, index) => {
    const lexicon = foldLexicons[foldOf(index)]!;
    addSentence(sentence, lexicon);
    if (augment > 0 && random() < augment) {
      const copy = replaceMentions(sentence, replacementNames, augmentRate, random);
      if (copy) addSentence(copy, lexicon, copy.replaced);
    }
  });
  return examples;
}

/** Whether one of our tokens lies in a CoNLL token that mention replacement swapped in. */
function isReplaced(spans: ReadonlyArray<readonly [number, number]>, replaced: readonly boolean[], token: { start: number; end: number }): boolean {
  return spans.some(([start, end], k) => replaced[k] === true && start < token.end && end > token.start);
}

// Bagging (--bag K): K perceptrons, each with its own seed for the visiting order and the word
// dropout, averaged into one weight table. One perceptron's result swings by a point or more of F1
// on unseen articles with the seed; the average is steadier and better.
let weights: ReturnType<typeof trainPerceptron> | null = null;
for (let k = 0; k < bag; k++) {
  const seed = Number(values.seed) + 100 * k;
  const examples = buildExamples(seed);
  console.log(`model ${k + 1}/${bag}: features extracted in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const model = trainPerceptron(examples, {
    epochs,
    seed,
    bucketBits,
    featureVersion: FEATURE_VERSION,
    featureDropout: Number(values['feature-dropout']),
    onEpoch: (epoch, mistakes, tokens) =>
      console.log(`epoch ${epoch}: ${mistakes} token errors / ${tokens} (${((Date.now() - started) / 1000).toFixed(1)} s)`),
  });
  if (!weights) weights = model;
  else {
    for (let i = 0; i < model.weights.length; i++) weights.weights[i]! += model.weights[i]!;
    for (let i = 0; i < model.transitions.length; i++) weights.transitions[i]! += model.transitions[i]!;
  }
}
if (!weights) throw new Error('--bag must be at least 1');
for (let i = 0; i < weights.weights.length; i++) weights.weights[i]! /= bag;
for (let i = 0; i < weights.transitions.length; i++) weights.transitions[i]! /= bag;

const nameLexicon = nameLexiconFromCorpus(trainingSentences);
const bytes = gzipSync(encodeModel(weights, nameLexicon, 1e-3), { level: 9 });
writeFileSync(values.out, bytes);
console.log(`wrote ${values.out} (${(bytes.length / 1e6).toFixed(2)} MB) with ${nameLexicon.size} lexicon entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);

function refreshCountries(): void {
  // Codes that are not countries or territories a news text names as a place.
  const skip = new Set(['EU', 'EZ', 'UN', 'XA', 'XB', 'ZZ', 'QO', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA', 'AQ', 'BV', 'HM', 'UM', 'IO', 'TF', 'GS', 'CQ']);
  const names = new Intl.DisplayNames(['ar'], { type: 'region' });
  const countries: Array<{ code: string; name: string }> = [];
  const seen = new Set<string>();
  for (let a = 65; a < 91; a++) {
    for (let b = 65; b < 91; b++) {
      const code = String.fromCharCode(a, b);
      if (skip.has(code)) continue;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (!name || name === code) continue;
      name = name.replace(/\s*\(.*\)\s*/g, '').trim();
      if (seen.has(name)) continue;
      seen.add(name);
      countries.push({ code, name });
    }
  }
  const source = `Node ${process.version} Intl.DisplayNames("ar", {type: "region"}), ICU ${process.versions.icu}; generated by npm run train:ner -- --refresh-countries`;
  writeFileSync(projectPath('src/nlp/ner/data/countries.json'), `${JSON.stringify({ source, countries }, null, 1)}\n`);
  console.log(`wrote ${countries.length} countries`);
}

function supplementPath(value: string | undefined): string {
  return value === undefined || value === 'default' ? projectPath(SUPPLEMENT_FILE) : value;
}

function parseSplit(rule: string | undefined): DevSplitRule {
  if (rule === 'every-10th' || rule === 'last-tenth') return rule;
  if (rule && /^fold-\d$/.test(rule)) return rule as DevSplitRule;
  throw new Error(`--split must be every-10th, last-tenth or fold-0 … fold-9, not ${rule}`);
}

