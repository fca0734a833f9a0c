import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeModel, encodeModel } from '../../../src/nlp/ner/codec.js';
import { emptyModel } from '../../../src/nlp/ner/model.js';
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
          for (let k = 0; k < model.weights.length; k++) worst = Math.max(worst, Math.abs(weights.weights[k]! * (weights.scale ?? 1) - model.weights[k]!));
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
    expect(decoded.weights.weights[42]! * decoded.weights.scale!).toBeCloseTo(1.5);
    // Kept as stored: 16-bit integers and their scale (half the memory of floats).
    expect(decoded.weights.weights).toBeInstanceOf(Int16Array);
  });

  it('refuses a file that is not ours', () => {
    expect(() => decodeModel(new Uint8Array(64))).toThrow(/not a khabar NER weights file/);
  });
});
