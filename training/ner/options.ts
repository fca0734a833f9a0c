// The command-line options that choose a training recipe, shared by `train:ner` and `eval:ner` (which
// trains one model per fold), parsed with zod so that a bad value is a clear error, never a NaN.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { projectPath } from '../../src/paths.js';
import { parseConll, type ConllSentence, type DevSplitRule } from './conll.js';
import { DEFAULT_TRAINING_OPTIONS, type NerTrainingOptions } from './trainer.js';

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
});

export interface TrainingRecipe {
  options: NerTrainingOptions;
  /** Sentences added after ANERcorp's training part (the supplement, `repeat` times). */
  extra: ConllSentence[];
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
    ...overrides,
  };
  // `--supplement none` leaves it out, `default` reads ours, anything else is a CoNLL file to read.
  const supplement = v.supplement === 'none' ? [] : readConll(v.supplement === 'default' ? projectPath(SUPPLEMENT_FILE) : v.supplement);
  const extra = Array.from({ length: v['supplement-repeat'] }, () => supplement).flat();
  const describe =
    `bag ${options.bag} × ${options.epochs} epochs, seed ${options.seed}, convention ${options.convention}` +
    (extra.length > 0 ? `, + ${supplement.length} supplement sentences × ${v['supplement-repeat']}` : ', no supplement');
  return { options, extra, describe };
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
