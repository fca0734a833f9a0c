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
  const model = nerModelFromBytes(gunzipWhole(readFileSync(weightsPath)), weightsPath);
  cache.set(weightsPath, model);
  return model;
}

/**
 * Gunzips into one buffer of the size the gzip trailer gives (ISIZE, the size mod 2^32; a wrong
 * value only costs more chunks). gunzipSync's default 16 KB chunks for the 15 MB weights are
 * malloc'd from the process's main heap and, once freed, stay in it: the process kept 14.5 MB
 * more resident for good (`node --expose-gc`, /proc/self/smaps [heap]; issue 21).
 */
function gunzipWhole(gzipped: Buffer): Buffer {
  const size = gzipped.length >= 4 ? gzipped.readUInt32LE(gzipped.length - 4) : 0;
  return gunzipSync(gzipped, { chunkSize: Math.max(64 * 1024, size + 1) });
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
