/**
 * Clustering scores of predicted stories against true events (pure): pairwise precision / recall /
 * F1 over all unordered pairs of items, and B-cubed (Bagga and Baldwin 1998), the item itself
 * included, averaged over items. Both take one label per item: `predicted[i]` (the story) and
 * `truth[i]` (the event).
 */

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClusterScores {
  pairwise: PRF & { predictedPairs: number; truePairs: number; correctPairs: number };
  bcubed: PRF;
  clusters: number;
  singletons: number;
  largest: number;
}

const f1 = (precision: number, recall: number): number => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));

function sizes(labels: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return counts;
}

export function clusterScores(predicted: readonly string[], truth: readonly string[]): ClusterScores {
  if (predicted.length !== truth.length) throw new Error('clusterScores: one predicted and one true label per item');
  const n = predicted.length;
  const bySize = sizes(predicted);
  const trueSize = sizes(truth);
  const both = sizes(predicted.map((p, i) => `${p}\u0000${truth[i]}`));
  const pairs = (count: number) => (count * (count - 1)) / 2;
  const predictedPairs = [...bySize.values()].reduce((sum, c) => sum + pairs(c), 0);
  const truePairs = [...trueSize.values()].reduce((sum, c) => sum + pairs(c), 0);
  const correctPairs = [...both.values()].reduce((sum, c) => sum + pairs(c), 0);
  // No predicted pair: nothing wrongly joined (precision 1); no true pair: nothing to find (recall 1).
  const pp = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const pr = truePairs === 0 ? 1 : correctPairs / truePairs;
  let bp = 0;
  let br = 0;
  for (let i = 0; i < n; i++) {
    const common = both.get(`${predicted[i]}\u0000${truth[i]}`)!;
    bp += common / bySize.get(predicted[i]!)!;
    br += common / trueSize.get(truth[i]!)!;
  }
  bp = n === 0 ? 1 : bp / n;
  br = n === 0 ? 1 : br / n;
  return {
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr), predictedPairs, truePairs, correctPairs },
    bcubed: { precision: bp, recall: br, f1: f1(bp, br) },
    clusters: bySize.size,
    singletons: [...bySize.values()].filter((c) => c === 1).length,
    largest: Math.max(0, ...bySize.values()),
  };
}
