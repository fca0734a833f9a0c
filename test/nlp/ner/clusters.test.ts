import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConll } from '../../../training/ner/conll.js';
import { buildWordClusters, type ClusterToken } from '../../../training/ner/word-clusters.js';
import { clusterFeatureIds, parseClusters } from '../../../src/nlp/ner/clusters.js';
import { extractFeatures } from '../../../src/nlp/ner/features.js';
import { defaultGazetteer } from '../../../src/nlp/ner/gazetteer.js';
import { groupBySentence, toNerToken } from '../../../src/nlp/ner/tokens.js';
import { analyseText } from '../../../src/nlp/text/index.js';
import { searchKey } from '../../../src/nlp/text/normalise.js';
import { projectPath } from '../../../src/paths.js';

// Word clusters as features (issue 18 item 4): built from unlabelled text at build time, looked up
// by the tagger's features only when a model is given them.

const supplement = parseConll(readFileSync(projectPath('src/nlp/ner/data/supplement.conll'), 'utf8'));
const clusterTokens = (sentences: typeof supplement): ClusterToken[][] =>
  sentences.map((s) =>
    analyseText(s.tokens.join(' ')).tokens.map((layerToken) => {
      const t = toNerToken(layerToken);
      return t.kind === 'word' ? { context: t.key, stem: searchKey(t.stem) } : { context: t.key, stem: null };
    }),
  );
const options = { minCount: 3, contextWords: 300, levels: [8, 32, 128], iterations: 6, seed: 1 };

describe('word clusters from our supplement text', () => {
  const tokens = clusterTokens(supplement.slice(0, 400));
  const clusters = buildWordClusters(tokens, options);

  it('clusters every stem seen at least minCount times and no other', () => {
    const counts = new Map<string, number>();
    for (const t of tokens.flat()) if (t.stem) counts.set(t.stem, (counts.get(t.stem) ?? 0) + 1);
    const frequent = [...counts].filter(([, n]) => n >= 3).map(([stem]) => stem);
    expect(new Set(clusters.keys())).toEqual(new Set(frequent));
    expect(clusters.size).toBeGreaterThan(200);
  });

  it('nests the levels: stems of one fine cluster share its coarser clusters, ids within each level', () => {
    const parentOf = new Map<number, string>();
    for (const path of clusters.values()) {
      expect(path).toHaveLength(3);
      path.forEach((id, level) => expect(id).toBeLessThan(options.levels[level]!));
      const parent = `${path[0]} ${path[1]}`;
      expect(parentOf.get(path[2]!) ?? parent).toBe(parent);
      parentOf.set(path[2]!, parent);
    }
    expect(new Set([...clusters.values()].map((p) => p[2])).size).toBeGreaterThan(64);
  });

  it('is deterministic: the same text and options give the same clusters', () => {
    expect([...buildWordClusters(tokens, options)]).toEqual([...clusters]);
  });

  it('round-trips through the cluster file and refuses a malformed one', () => {
    const text = `# comment\n${[...clusters].map(([stem, path]) => `${stem}\t${path.join(' ')}`).join('\n')}\n`;
    const parsed = parseClusters(text);
    expect(parsed.levels).toBe(3);
    expect(new Map([...parsed.ids].map(([k, v]) => [k, [...v]]))).toEqual(clusters);
    expect(() => parseClusters('بغداد\t1 2\nدمشق\t1 2 3\n')).toThrow(/levels/);
    expect(() => parseClusters('بغداد\t1 x\n')).toThrow(/bad cluster line/);
  });
});

describe('cluster features in the tagger', () => {
  const clusters = parseClusters('بغداد\t1 5 9\nدمشق\t1 5 10\nوزير\t2 7 20\n');
  const text = 'وصل وزير الخارجية إلى بغداد قادما من دمشق .';
  const tokens = groupBySentence(analyseText(text).tokens.map(toNerToken))[0]!;
  const gazetteer = defaultGazetteer();
  const perToken = (f: ReturnType<typeof extractFeatures>): number[][] =>
    tokens.map((_, i) => [...f.buckets.slice(f.offsets[i], f.offsets[i + 1])]);

  it('gives one id per level, level-specific, shared by stems of one cluster at that level only', () => {
    const [b1, b5, b9] = clusterFeatureIds(clusters, 'بغداد');
    const [d1, d5, d10] = clusterFeatureIds(clusters, 'دمشق');
    expect([b1, b5]).toEqual([d1, d5]);
    expect(b9).not.toBe(d10);
    expect(new Set([b1, b5, b9]).size).toBe(3);
    expect(clusterFeatureIds(clusters, 'القاهرة')).toEqual([]);
  });

  it('adds features only when clusters are given: without them, the features the committed weights were trained on', () => {
    const without = perToken(extractFeatures(tokens, gazetteer, 20, new Map()));
    const withClusters = perToken(extractFeatures(tokens, gazetteer, 20, new Map(), undefined, clusters));
    // Every feature of the plain extractor is still there (as a multiset), plus the cluster ones.
    tokens.forEach((_, i) => {
      const rest = [...withClusters[i]!];
      for (const bucket of without[i]!) {
        const at = rest.indexOf(bucket);
        expect(at).toBeGreaterThanOrEqual(0);
        rest.splice(at, 1);
      }
      expect(rest.length).toBeGreaterThan(0);
    });
    // «بغداد»: its three levels and the pair of its coarse cluster with the previous word's (none).
    const baghdad = tokens.findIndex((t) => t.text === 'بغداد');
    expect(withClusters[baghdad]!.length - without[baghdad]!.length).toBe(3 + 1);
  });

  it('hides a dropped word\'s clusters with its identity', () => {
    const baghdad = tokens.findIndex((t) => t.text === 'بغداد');
    const masked = tokens.map((_, i) => i === baghdad);
    const shown = perToken(extractFeatures(tokens, gazetteer, 20, new Map(), undefined, clusters));
    const hidden = perToken(extractFeatures(tokens, gazetteer, 20, new Map(), masked, clusters));
    const withoutHidden = perToken(extractFeatures(tokens, gazetteer, 20, new Map(), masked));
    expect(hidden[baghdad]!.length - withoutHidden[baghdad]!.length).toBe(1);
    expect(hidden[baghdad]!.length).toBeLessThan(shown[baghdad]!.length);
  });
});
