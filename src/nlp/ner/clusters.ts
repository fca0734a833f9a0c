import { fnv1a } from './hash.js';

// Word clusters as tagger features (issue 18 item 4): each frequent stem of the unlabelled text
// belongs to one cluster at each of a few granularities, nested like the prefixes of a Brown cluster
// path (a coarse cluster holds whole finer ones). A stem the labelled data saw rarely, or never,
// shares its cluster's weights with the stems that keep the same company («كوالالمبور» with the
// other capitals), which the word's own features cannot give it. Built at build time by
// `npm run build:clusters` (training/ner/build-clusters.ts); this module only parses and looks up.

/** Stem search key → its cluster ids, coarsest first (`clusterFeatureIds` hashes them per level). */
export interface WordClusters {
  readonly levels: number;
  readonly ids: ReadonlyMap<string, readonly number[]>;
}

/**
 * Parses the cluster file: `stem<TAB>id id id` per line (coarsest level first, every line the same
 * number of levels), a `#` line a comment. Throws on a malformed line: a half-read file would tag
 * differently from the one the weights were trained with.
 */
export function parseClusters(text: string): WordClusters {
  const ids = new Map<string, number[]>();
  let levels = 0;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [stem, path, extra] = line.split('\t');
    const parts = (path ?? '').split(' ').map(Number);
    if (!stem || extra !== undefined || parts.some((p) => !Number.isInteger(p) || p < 0)) throw new Error(`bad cluster line: ${line}`);
    if (levels === 0) levels = parts.length;
    if (parts.length !== levels) throw new Error(`cluster line with ${parts.length} levels, expected ${levels}: ${line}`);
    ids.set(stem, parts);
  }
  return { levels, ids };
}

/** The cluster file's text for `clusters` (sorted by stem), as `parseClusters` reads it. */
export function formatClusters(clusters: WordClusters): string {
  const stems = [...clusters.ids.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return stems.map((stem) => `${stem}\t${clusters.ids.get(stem)!.join(' ')}\n`).join('');
}

const featureCache = new WeakMap<WordClusters, Map<string, readonly number[]>>();
const NONE: readonly number[] = [];

/**
 * Hashed feature values of a stem's clusters, one per level (the level is part of the hash, so cluster
 * 7 of the coarse level and cluster 7 of the fine one are different features); empty for a stem the
 * clusters do not hold. Cached per clusters object.
 */
export function clusterFeatureIds(clusters: WordClusters, stem: string): readonly number[] {
  let cache = featureCache.get(clusters);
  if (!cache) featureCache.set(clusters, (cache = new Map()));
  const cached = cache.get(stem);
  if (cached) return cached;
  const path = clusters.ids.get(stem);
  const ids = path ? path.map((id, level) => fnv1a(`${level}:${id}`, 0x636c)) : NONE;
  if (cache.size > 200_000) cache.clear();
  cache.set(stem, ids);
  return ids;
}
