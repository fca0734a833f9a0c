import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { projectPath } from '../paths.js';
import { decodeModel } from '../nlp/ner/codec.js';
import { FEATURE_VERSION } from '../nlp/ner/features.js';
import { defaultGazetteer } from '../nlp/ner/gazetteer.js';
import { nameFormsOf } from '../nlp/ner/name-forms.js';
import type { NerModel } from '../nlp/ner/tagger.js';

/** The committed weights (made by `npm run train:ner`), relative to the package root. */
export const DEFAULT_WEIGHTS_FILE = 'src/nlp/ner/data/model.bin.gz';

const cache = new Map<string, NerModel>();

/**
 * Loads the NER model: weights and name-form table (one gzip file, see src/nlp/ner/codec.ts) and
 * our gazetteers. Cached per path, so every caller in a process shares one copy (~40 MB of weights).
 */
export function loadNerModel(path?: string): NerModel {
  const weightsPath = path ?? projectPath(DEFAULT_WEIGHTS_FILE);
  const cached = cache.get(weightsPath);
  if (cached) return cached;
  const model = nerModelFromBytes(gunzipSync(readFileSync(weightsPath)), weightsPath);
  cache.set(weightsPath, model);
  return model;
}

/**
 * The NER model from decoded weights bytes (`codec.ts`, not gzipped) and our gazetteers. The k-fold
 * evaluation (training/ner/) passes the bytes a fold's training encodes, so that it scores the
 * quantised weights exactly as a written file would give them.
 */
export function nerModelFromBytes(bytes: Uint8Array, origin: string): NerModel {
  const { weights, nameLexicon, clusters } = decodeModel(bytes);
  if (weights.featureVersion !== FEATURE_VERSION) {
    throw new Error(`NER weights ${origin} were trained with features v${weights.featureVersion}, code has v${FEATURE_VERSION}: run npm run train:ner`);
  }
  // Weights trained with word clusters carry them (codec format 2); the committed weights do not.
  return { weights, gazetteer: defaultGazetteer(), nameLexicon, nameForms: nameFormsOf(nameLexicon), ...(clusters ? { clusters } : {}) };
}
