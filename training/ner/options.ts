// The command-line options that choose a training recipe, shared by `train:ner` and `eval:ner` (which
// trains one model per fold), parsed with zod so that a bad value is a clear error, never a NaN.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { projectPath } from '../../src/paths.js';
import { parseConll, type ConllSentence, type DevSplitRule } from './conll.js';
import { DEFAULT_TRAINING_OPTIONS, type NerTrainingOptions } from './trainer.js';
import { readWikiFane } from './wikifane.js';
import { seededRandom } from '../../src/nlp/ner/hash.js';
import { parseClusters, type WordClusters } from '../../src/nlp/ner/clusters.js';

/** ANERcorp, read in place (never copied into the project). */
export const ANERCORP_FILE = projectPath('..', 'shared', 'data', 'anercorp', 'train.txt');
/** Our own annotated supplement (src/nlp/ner/data/README.md). */
export const SUPPLEMENT_FILE = 'src/nlp/ner/data/supplement.conll';

const d = DEFAULT_TRAINING_OPTIONS;

/** `parseArgs` option specs of the training recipe (defaults are the committed weights' recipe). */
export const TRAINING_ARGS = {
  epochs: { type: 'string', default: String(d.epochs) },
  seed: { type: 'string', default: String(d.seed) },
  bits: { type: 'string', default: String(d.bucketBits) },
  bag: { type: 'string', default: String(d.bag) },
  dropout: { type: 'string', default: String(d.dropout) },
  'gazetteer-dropout': { type: 'string', default: String(d.gazetteerDropout) },
  'feature-dropout': { type: 'string', default: String(d.featureDropout) },
  jackknife: { type: 'string', default: d.jackknife },
  convention: { type: 'string', default: d.convention },
  augment: { type: 'string', default: String(d.augment) },
  'augment-rate': { type: 'string', default: String(d.augmentRate) },
  supplement: { type: 'string', default: 'default' },
  'supplement-repeat': { type: 'string', default: '1' },
  wikifane: { type: 'string', default: 'all' },
  domain: { type: 'string', default: d.domain },
  'drop-conflicts': { type: 'string', default: String(d.dropConflicts) },
  gazetteers: { type: 'string', default: d.gazetteers },
  // `none` (the committed recipe) or a cluster file of `npm run build:clusters` (.gz or plain).
  clusters: { type: 'string', default: 'none' },
} as const;

const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const share = z.coerce.number().min(0).max(1);

const trainingArgsSchema = z.object({
  epochs: count(1, 100),
  seed: count(0, 1e9),
  bits: count(12, 24),
  bag: count(1, 20),
  dropout: share,
  'gazetteer-dropout': share,
  'feature-dropout': share,
  jackknife: z.string().regex(/^(blocks|interleaved|runs:\d+)$/, 'blocks, interleaved or runs:N'),
  convention: z.string().min(1),
  augment: share,
  'augment-rate': share,
  supplement: z.string().min(1),
  'supplement-repeat': count(0, 10),
  // `none`, `all`, or the share of WikiFANE's sentences to train on (a seeded sample).
  wikifane: z.union([z.enum(['none', 'all']), share]),
  domain: z.enum(['none', 'bias', 'copy']),
  'drop-conflicts': z.enum(['true', 'false']).transform((v) => v === 'true'),
  gazetteers: z.enum(['open', 'curated']),
  clusters: z.string().min(1),
});

export interface TrainingRecipe {
  options: NerTrainingOptions;
  /** Sentences added after ANERcorp's training part (the supplement, `repeat` times). */
  extra: ConllSentence[];
  /** Out-of-domain training sentences (converted WikiFANE Gold, training/ner/wikifane.ts). */
  outOfDomain: ConllSentence[];
  describe: string;
}

/** The recipe from parsed `TRAINING_ARGS` values, and the extra training sentences it names. */
export function trainingRecipe(values: Record<string, unknown>, overrides: Partial<NerTrainingOptions> = {}): TrainingRecipe {
  const parsed = trainingArgsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`bad training option: ${z.prettifyError(parsed.error)}`);
  const v = parsed.data;
  const options: NerTrainingOptions = {
    epochs: v.epochs,
    seed: v.seed,
    bucketBits: v.bits,
    bag: v.bag,
    dropout: v.dropout,
    gazetteerDropout: v['gazetteer-dropout'],
    featureDropout: v['feature-dropout'],
    jackknife: v.jackknife,
    convention: v.convention,
    augment: v.augment,
    augmentRate: v['augment-rate'],
    domain: v.domain,
    dropConflicts: v['drop-conflicts'],
    gazetteers: v.gazetteers,
    clusters: v.clusters === 'none' ? null : readClusters(v.clusters),
    ...overrides,
  };
  // `--supplement none` leaves it out, `default` reads ours, anything else is a CoNLL file to read.
  const supplement = v.supplement === 'none' ? [] : readConll(v.supplement === 'default' ? projectPath(SUPPLEMENT_FILE) : v.supplement);
  const extra = Array.from({ length: v['supplement-repeat'] }, () => supplement).flat();
  const outOfDomain = wikiFaneShare(v.wikifane);
  const describe =
    `bag ${options.bag} × ${options.epochs} epochs, seed ${options.seed}, convention ${options.convention}` +
    (extra.length > 0 ? `, + ${supplement.length} supplement sentences × ${v['supplement-repeat']}` : ', no supplement') +
    (outOfDomain.length > 0 ? `, + ${outOfDomain.length} WikiFANE sentences (domain ${options.domain}${options.dropConflicts ? ', conflicts left out' : ''})` : '') +
    (options.clusters ? `, word clusters ${v.clusters} (${options.clusters.ids.size} stems, ${options.clusters.levels} levels)` : '');
  return { options, extra, outOfDomain, describe };
}

/** WikiFANE's converted sentences: none, all, or a seeded sample of that share, in corpus order. */
function wikiFaneShare(rule: 'none' | 'all' | number): ConllSentence[] {
  if (rule === 'none' || rule === 0) return [];
  const all = readWikiFane();
  if (rule === 'all' || rule === 1) return all;
  const random = seededRandom(20261206);
  return all.filter(() => random() < rule);
}

/** A cluster file of `npm run build:clusters`, gzipped or not. */
export function readClusters(file: string): WordClusters {
  const bytes = readFileSync(file);
  return parseClusters((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
}

export function readConll(file: string): ConllSentence[] {
  return parseConll(readFileSync(file, 'utf8'));
}

/** `every-10th`, `last-tenth` or `fold-0` … `fold-9`: the sentence-level splits of ANERcorp (conll.ts). */
export function parseSplitRule(rule: string | undefined): DevSplitRule {
  if (rule === 'every-10th' || rule === 'last-tenth') return rule;
  if (rule && /^fold-\d$/.test(rule)) return rule as DevSplitRule;
  throw new Error(`--split must be every-10th, last-tenth or fold-0 … fold-9, not ${rule}`);
}
