import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeModel, encodeModel } from '../../../src/nlp/ner/codec.js';
import { emptyModel } from '../../../src/nlp/ner/model.js';

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
          for (let k = 0; k < model.weights.length; k++) worst = Math.max(worst, Math.abs(weights.weights[k]! - model.weights[k]!));
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

  it('refuses a file that is not ours', () => {
    expect(() => decodeModel(new Uint8Array(64))).toThrow(/not a khabar NER weights file/);
  });
});
