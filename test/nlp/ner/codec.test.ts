import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeModel, encodeModel } from '../../../src/nlp/ner/codec.js';
import { emissionScores, emptyModel, weightAt } from '../../../src/nlp/ner/model.js';
import { parseClusters } from '../../../src/nlp/ner/clusters.js';

describe('weights file codec', () => {
  it('round-trips weights (16-bit quantised), transitions and the name lexicon', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1023), fc.nat(8), fc.float({ min: -50, max: 50, noNaN: true })), { maxLength: 200 }),
        (entries) => {
          const model = emptyModel(10, 3);
          for (const [bucket, tag, w] of entries) model.weights[bucket * 9 + tag] = w;
          model.transitions[5] = -2.5;
          const lexicon = new Map([['بغداد', 'B-LOC'], ['المتحده', 'I-LOC,I-ORG']]);
          const { weights, nameLexicon } = decodeModel(encodeModel(model, lexicon));
          let maxAbs = 0;
          for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
          let worst = 0;
          for (let k = 0; k < model.weights.length; k++) worst = Math.max(worst, Math.abs(weightAt(weights, Math.floor(k / 9), k % 9) - model.weights[k]!));
          expect(worst).toBeLessThanOrEqual(maxAbs / 32767 + 1e-6);
          expect(weights.transitions[5]).toBeCloseTo(-2.5);
          expect(weights.bucketBits).toBe(10);
          expect(weights.featureVersion).toBe(3);
          expect([...nameLexicon]).toEqual([...lexicon]);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('carries the word clusters of weights trained with them (format 2), and nothing more for the others (format 1)', () => {
    const model = emptyModel(10, 5);
    model.weights[42] = 1.5;
    const lexicon = new Map([['بغداد', 'B-LOC']]);
    const clusters = parseClusters('دمشق\t1 5 10\nبغداد\t1 5 9\n');
    const plain = encodeModel(model, lexicon);
    const withClusters = encodeModel(model, lexicon, 0, clusters);
    expect(new DataView(plain.buffer).getUint32(4, true)).toBe(1);
    expect(new DataView(withClusters.buffer).getUint32(4, true)).toBe(2);
    expect(withClusters.subarray(8, plain.length)).toEqual(plain.subarray(8));
    expect(decodeModel(plain).clusters).toBeUndefined();
    const decoded = decodeModel(withClusters);
    expect([...decoded.clusters!.ids]).toEqual([['بغداد', [1, 5, 9]], ['دمشق', [1, 5, 10]]]);
    expect([...decoded.nameLexicon]).toEqual([...lexicon]);
    expect(weightAt(decoded.weights, 4, 6)).toBeCloseTo(1.5);
    // Kept as stored: 16-bit integers and their scale (half the memory of floats), one row (bucket 4).
    expect(decoded.weights.weights).toBeInstanceOf(Int16Array);
    expect(decoded.weights.weights.length).toBe(9);
  });

  it('holds only the stored rows, and scores every token as the dense table of the same weights does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1023), fc.nat(8), fc.integer({ min: -40, max: 40 })), { maxLength: 300 }),
        fc.array(fc.array(fc.nat(1023), { maxLength: 40 }), { minLength: 1, maxLength: 12 }),
        (entries, tokens) => {
          const model = emptyModel(10, 3);
          for (const [bucket, tag, w] of entries) model.weights[bucket * 9 + tag] = w / 4;
          const { weights: packed } = decodeModel(encodeModel(model, new Map()));
          const stored = new Set(entries.filter(([, , w]) => w !== 0).map(([bucket]) => bucket));
          expect(packed.rows?.count).toBe(stored.size);
          expect(packed.weights.length).toBe(9 * stored.size);
          // The same quantised weights, one row a bucket (how they were held before).
          const dense = { ...packed, rows: undefined, weights: new Int16Array(1024 * 9) };
          for (let k = 0; k < dense.weights.length; k++) dense.weights[k] = Math.round(weightAt(packed, Math.floor(k / 9), k % 9) / (packed.scale ?? 1));
          const offsets = new Uint32Array(tokens.length + 1);
          tokens.forEach((features, i) => (offsets[i + 1] = offsets[i]! + features.length));
          const features = { buckets: Uint32Array.from(tokens.flat()), offsets };
          expect(emissionScores(packed, features, tokens.length)).toEqual(emissionScores(dense, features, tokens.length));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses a file that is not ours', () => {
    expect(() => decodeModel(new Uint8Array(64))).toThrow(/not a khabar NER weights file/);
  });
});
