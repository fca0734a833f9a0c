// Word clusters from unlabelled text (issue 18 item 4), pure and deterministic: distributional
// spherical k-means, nested like the prefixes of a Brown cluster path. Each stem of at least
// `minCount` occurrences is a sparse vector of PPMI weights over the words two to the left and two to
// the right of it (the `contextWords` most frequent forms, each position its own dimensions); the
// stems are clustered into the finest level, and the fine clusters' centroids into each coarser one,
// so that a coarse cluster holds whole fine ones. Brown clustering itself (the exchange of merges
// over a class bigram model) is O(V·C²) and would take hours in TypeScript for C = 1,000 on two cores;
// k-means over context vectors takes a minute and gives the same kind of classes (places with
// places, given names with given names, nisbas with nisbas). Used by training/ner/build-clusters.ts.
import { seededRandom } from '../../src/nlp/ner/hash.js';

/** A token of the unlabelled text: its context form, and its stem key when it is a word (clustered). */
export interface ClusterToken {
  context: string;
  stem: string | null;
}

export interface ClusterOptions {
  /** Stems seen fewer times get no cluster. */
  minCount: number;
  /** How many of the most frequent context forms are dimensions (per window position). */
  contextWords: number;
  /** Cluster counts per level, coarsest first, each a divisor-free refinement of the one before. */
  levels: readonly number[];
  iterations: number;
  seed: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { minCount: 3, contextWords: 600, levels: [64, 256, 1024], iterations: 12, seed: 1 };

const WINDOW = [-2, -1, 1, 2] as const;
const BOUNDARY = '<s>';

/** A stem's context vector: dimension indices (ascending) and unit-length values. */
interface SparseVector {
  index: Uint32Array;
  value: Float32Array;
}

/** Stem → cluster ids, coarsest level first. Deterministic for the same sentences and options. */
export function buildWordClusters(sentences: ReadonlyArray<readonly ClusterToken[]>, options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): Map<string, number[]> {
  const { stems, vectors, dims } = contextVectors(sentences, options);
  const finest = options.levels[options.levels.length - 1]!;
  const random = seededRandom(options.seed);
  const fine = sphericalKMeans(vectors, dims, Math.min(finest, stems.length), options.iterations, random);
  // Coarser levels: the fine centroids clustered again (weighted by their sizes), level by level.
  const paths: number[][] = stems.map((_, w) => [fine.assignment[w]!]);
  let centroids = fine.centroids;
  let weights = fine.sizes;
  let upward = Array.from({ length: centroids.length }, (_, c) => c); // fine cluster → current-level cluster
  for (let level = options.levels.length - 2; level >= 0; level--) {
    const k = Math.min(options.levels[level]!, centroids.length);
    const dense = centroids.map(denseToSparse);
    const coarse = sphericalKMeans(dense, dims, k, options.iterations, random, weights);
    upward = upward.map((c) => coarse.assignment[c]!);
    for (let w = 0; w < stems.length; w++) paths[w]!.unshift(upward[fine.assignment[w]!]!);
    centroids = coarse.centroids;
    weights = coarse.sizes;
  }
  return new Map(stems.map((stem, w) => [stem, paths[w]!]));
}

/** The stems to cluster (most frequent first, ties by key) and their PPMI context vectors. */
function contextVectors(sentences: ReadonlyArray<readonly ClusterToken[]>, options: ClusterOptions): { stems: string[]; vectors: SparseVector[]; dims: number } {
  const stemCounts = new Map<string, number>();
  const contextCounts = new Map<string, number>();
  for (const sentence of sentences) {
    for (const token of sentence) {
      contextCounts.set(token.context, (contextCounts.get(token.context) ?? 0) + 1);
      if (token.stem) stemCounts.set(token.stem, (stemCounts.get(token.stem) ?? 0) + 1);
    }
  }
  const byCount = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const stems = [...stemCounts].filter(([, n]) => n >= options.minCount).sort(byCount).map(([stem]) => stem);
  const contexts = [BOUNDARY, ...[...contextCounts].sort(byCount).slice(0, options.contextWords).map(([form]) => form)];
  const contextIndex = new Map(contexts.map((form, i) => [form, i]));
  const stemIndex = new Map(stems.map((stem, i) => [stem, i]));
  const dims = contexts.length * WINDOW.length;
  const rows = stems.map(() => new Map<number, number>());
  for (const sentence of sentences) {
    sentence.forEach((token, i) => {
      const w = token.stem === null ? undefined : stemIndex.get(token.stem);
      if (w === undefined) return;
      WINDOW.forEach((offset, slot) => {
        const j = i + offset;
        const form = j < 0 || j >= sentence.length ? BOUNDARY : sentence[j]!.context;
        const c = contextIndex.get(form);
        if (c === undefined) return;
        const dim = slot * contexts.length + c;
        rows[w]!.set(dim, (rows[w]!.get(dim) ?? 0) + 1);
      });
    });
  }
  // PPMI with the context distribution smoothed (counts ** 0.75, Levy et al. 2015): rare contexts
  // otherwise get the largest weights.
  const columnMass = new Float64Array(dims);
  const rowMass = rows.map((row) => {
    let sum = 0;
    for (const [dim, n] of row) {
      columnMass[dim]! += n;
      sum += n;
    }
    return sum;
  });
  let smoothedTotal = 0;
  for (let d = 0; d < dims; d++) smoothedTotal += (columnMass[d] = columnMass[d]! ** 0.75);
  const total = rowMass.reduce((a, b) => a + b, 0);
  const vectors = rows.map((row, w) => {
    const entries = [...row].sort((a, b) => a[0] - b[0]);
    const index: number[] = [];
    const value: number[] = [];
    for (const [dim, n] of entries) {
      const pmi = Math.log((n / total) / ((rowMass[w]! / total) * (columnMass[dim]! / smoothedTotal)));
      if (pmi > 0) {
        index.push(dim);
        value.push(pmi);
      }
    }
    return normalised({ index: Uint32Array.from(index), value: Float32Array.from(value) });
  });
  return { stems, vectors, dims };
}

function normalised(v: SparseVector): SparseVector {
  let norm = 0;
  for (const x of v.value) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.value.length; i++) v.value[i] = v.value[i]! / norm;
  return v;
}

function denseToSparse(dense: Float32Array): SparseVector {
  const index: number[] = [];
  const value: number[] = [];
  dense.forEach((x, i) => {
    if (x !== 0) {
      index.push(i);
      value.push(x);
    }
  });
  return { index: Uint32Array.from(index), value: Float32Array.from(value) };
}

function dot(v: SparseVector, centroid: Float32Array): number {
  let s = 0;
  for (let j = 0; j < v.index.length; j++) s += v.value[j]! * centroid[v.index[j]!]!;
  return s;
}

/**
 * Spherical k-means (cosine similarity, unit centroids) with k-means++ seeding, `iterations`
 * rounds; `weights` count a point several times (a fine cluster's size). An empty cluster keeps its
 * centroid.
 */
function sphericalKMeans(
  points: readonly SparseVector[],
  dims: number,
  k: number,
  iterations: number,
  random: () => number,
  weights?: ArrayLike<number>,
): { assignment: Int32Array; centroids: Float32Array[]; sizes: Float64Array } {
  const n = points.length;
  const weight = (p: number): number => weights?.[p] ?? 1;
  const centroids: Float32Array[] = [];
  const toDense = (v: SparseVector): Float32Array => {
    const c = new Float32Array(dims);
    v.index.forEach((d, j) => (c[d] = v.value[j]!));
    return c;
  };
  // k-means++: the next seed drawn with probability ∝ weight × (1 − best similarity so far).
  const distance = new Float64Array(n).fill(1);
  centroids.push(toDense(points[Math.floor(random() * n)]!));
  while (centroids.length < k) {
    const last = centroids[centroids.length - 1]!;
    let sum = 0;
    for (let p = 0; p < n; p++) {
      distance[p] = Math.min(distance[p]!, Math.max(0, 1 - dot(points[p]!, last)));
      sum += distance[p]! * weight(p);
    }
    let target = random() * sum;
    let chosen = n - 1;
    for (let p = 0; p < n; p++) {
      target -= distance[p]! * weight(p);
      if (target <= 0) {
        chosen = p;
        break;
      }
    }
    centroids.push(toDense(points[chosen]!));
  }
  const assignment = new Int32Array(n);
  const sizes = new Float64Array(k);
  for (let round = 0; round < iterations; round++) {
    for (let p = 0; p < n; p++) {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        const score = dot(points[p]!, centroids[c]!);
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      assignment[p] = best;
    }
    sizes.fill(0);
    const sums = Array.from({ length: k }, () => new Float32Array(dims));
    for (let p = 0; p < n; p++) {
      const c = assignment[p]!;
      const v = points[p]!;
      const w = weight(p);
      sizes[c]! += w;
      for (let j = 0; j < v.index.length; j++) sums[c]![v.index[j]!]! += w * v.value[j]!;
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) continue;
      let norm = 0;
      for (const x of sums[c]!) norm += x * x;
      norm = Math.sqrt(norm);
      if (norm > 0) for (let d = 0; d < dims; d++) sums[c]![d] = sums[c]![d]! / norm;
      centroids[c] = sums[c]!;
    }
  }
  return { assignment, centroids, sizes };
}
