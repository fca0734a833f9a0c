import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmix32, murmur32 } from '../../../src/nlp/dedup/murmur.js';
import { MinHasher, bandKeys } from '../../../src/nlp/dedup/minhash.js';
import { contentHash, contentTokens, jaccardSorted, shingleHashes, uniqueSorted } from '../../../src/nlp/dedup/shingles.js';
import { decodeSample, encodeSample, sampleByte, sampleJaccard, sampleShape, shingleSample } from '../../../src/nlp/dedup/sample.js';
import { winnow } from '../../../src/nlp/dedup/winnow.js';
import { whitespaceTokens } from './tokenise.js';
import { blobClaims, decodeArticleBlob, encodeArticleBlob, firstContentPositions, sentenceOfPosition } from '../../../src/nlp/dedup/article-blob.js';
import { sentenceIndexAt } from '../../../src/nlp/dedup/passages.js';
import { prepareArticle } from '../../../src/nlp/dedup/prepare.js';
import { dedupOptions } from '../../../src/nlp/dedup/params.js';
import { loadSeeds, seedInput } from './seeds.js';

const words = ['قال', 'مسؤول', 'كبير', 'في', 'المنطقة', 'إن', 'الهجمات', 'زادت', 'على', 'القوات', 'الأميركية', 'العراق', 'سوريا', 'شرق', 'بغداد', 'طهران'];
const wordList = (min: number, max: number) => fc.array(fc.constantFrom(...words), { minLength: min, maxLength: max });

describe('hashing', () => {
  it('gives every worker the same value (fixed reference values)', () => {
    // Computed once and pinned: a change here would split the index between old and new workers.
    expect(murmur32('')).toBe(0);
    expect(murmur32('العراق')).toBe(murmur32('العراق'));
    expect(murmur32('العراق')).not.toBe(murmur32('العراق', 1));
  });
});

describe('content hash', () => {
  it('ignores diacritics, punctuation and spacing but not words', () => {
    const plain = contentHash(contentTokens(whitespaceTokens('قال المسؤول إن الهجمات زادت')));
    const marked = contentHash(contentTokens(whitespaceTokens('قالَ المسؤولُ  إنّ الهجمات، زادت.')));
    const other = contentHash(contentTokens(whitespaceTokens('قال المسؤول إن الهجمات تراجعت')));
    expect(marked).toBe(plain);
    expect(other).not.toBe(plain);
  });

  it('skips tokens the text layer flagged as boilerplate', () => {
    const tokens = whitespaceTokens('مشاركة : قال المسؤول إن الهجمات زادت');
    const flagged = tokens.map((token, i) => (i < 2 ? { ...token, flags: ['boilerplate' as const] } : token));
    expect(contentHash(contentTokens(flagged))).toBe(contentHash(contentTokens(whitespaceTokens('قال المسؤول إن الهجمات زادت'))));
  });
});

describe('MinHash and LSH', () => {
  it('estimates Jaccard within the expected error (256 permutations: sd ≤ 0.032)', () => {
    const hasher = new MinHasher(256, 3);
    fc.assert(
      fc.property(wordList(30, 80), wordList(0, 30), (base, edit) => {
        const a = uniqueSorted(shingleHashes(contentTokens(whitespaceTokens(base.join(' '))), 2));
        const b = uniqueSorted(shingleHashes(contentTokens(whitespaceTokens([...base.slice(edit.length), ...edit].join(' '))), 2));
        const sa = hasher.signature(a);
        const sb = hasher.signature(b);
        let agree = 0;
        for (let i = 0; i < 256; i++) if (sa[i] === sb[i]) agree++;
        expect(Math.abs(agree / 256 - jaccardSorted(a, b))).toBeLessThan(0.16); // 5 sd
      }),
      { numRuns: 40 },
    );
  });

  it('puts identical sets in every common band and is deterministic', () => {
    const set = uniqueSorted(shingleHashes(contentTokens(whitespaceTokens(words.join(' '))), 5));
    const one = bandKeys(new MinHasher(36, 1).signature(set), 12, 3, 1);
    const two = bandKeys(new MinHasher(36, 1).signature(set), 12, 3, 1);
    expect(one).toEqual(two);
    expect(new Set(one.map(([h, l]) => `${h}:${l}`)).size).toBe(12);
  });
});

describe('shingle samples', () => {
  it('give the exact Jaccard up to 16-bit chance collisions', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 50, maxLength: 600 }), fc.double({ min: 0, max: 1, noNaN: true }), (seeds, keep) => {
        // Shingle values are hashes: spread the generated integers the same way.
        const values = [...new Set(seeds.map((seed) => fmix32(seed)))];
        const a = Uint32Array.from(values).sort();
        const b = Uint32Array.from(values.filter((_, i) => i < values.length * keep || i % 3 === 0)).sort();
        const exact = jaccardSorted(a, b);
        const estimate = sampleJaccard(shingleSample(a, 1024), shingleSample(b, 1024));
        expect(Math.abs(estimate - exact)).toBeLessThan(0.02);
      }),
      { numRuns: 60 },
    );
  });

  it('keep the cap smallest values of a long article and compare two over the values both cover, also with a sample of the earlier (level) form', () => {
    // Two long articles (900 and 700 shingles, 600 shared): true Jaccard 600 / 1000 = 0.6.
    const values = [...new Set(Array.from({ length: 1200 }, (_, i) => fmix32(i + 1)))];
    const a = Uint32Array.from(values.slice(0, 900)).sort();
    const b = Uint32Array.from([...values.slice(300, 900), ...values.slice(900, 1000)]).sort();
    const exact = jaccardSorted(a, b);
    const sa = shingleSample(a, 256);
    const sb = shingleSample(b, 256);
    expect(sa.values.length).toBe(256);
    expect(sa.bounded).toBe(true);
    expect(sa.values[255]).toBe([...new Set(Array.from(a, (h) => h >>> 16))].sort((x, y) => x - y)[255]);
    expect(Math.abs(sampleJaccard(sa, sb) - exact)).toBeLessThan(0.1);
    // An index written before keeps level samples (values with low bits zero): still comparable.
    const levelSample = (set: Uint32Array, level: number) => ({ level, bounded: false, values: Uint16Array.from([...new Set(Array.from(set, (h) => h >>> 16))].filter((v) => (v & ((1 << level) - 1)) === 0).sort((x, y) => x - y)) });
    expect(Math.abs(sampleJaccard(levelSample(a, 2), sb) - exact)).toBeLessThan(0.1);
    expect(sampleShape(sampleByte(sa))).toEqual({ level: 0, bounded: true });
    expect(sampleShape(sampleByte({ level: 2, bounded: false }))).toEqual({ level: 2, bounded: false });
  });

  it('are stored losslessly, in well under 2 bytes a value', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 0, maxLength: 3000 }), fc.integer({ min: 16, max: 512 }), (seeds, cap) => {
        const shingles = Uint32Array.from(seeds.map((seed) => fmix32(seed)));
        const sample = shingleSample(shingles, cap);
        const stored = encodeSample(sample);
        expect(decodeSample(stored, sampleByte(sample))).toEqual(sample);
        if (sample.values.length >= 64) expect(stored.length).toBeLessThan(1.5 * sample.values.length);
      }),
      { numRuns: 200 },
    );
    expect(decodeSample(encodeSample({ level: 0, bounded: false, values: Uint16Array.from([0, 1, 2, 0xffff]) }), 0).values).toEqual(Uint16Array.from([0, 1, 2, 0xffff]));
  });
});

describe('winnowing', () => {
  it('keeps a common fingerprint for any shared run of window + k − 1 tokens, in both texts', () => {
    const k = 3;
    const w = 12;
    fc.assert(
      fc.property(wordList(0, 40), wordList(w + k - 1, 40), wordList(0, 40), wordList(0, 40), (before, shared, afterA, otherBefore) => {
        const a = contentTokens(whitespaceTokens([...before, 'ألف', ...shared, 'باء', ...afterA].join(' ')));
        const b = contentTokens(whitespaceTokens([...otherBefore, 'جيم', ...shared, 'دال'].join(' ')));
        const inA = new Set(winnow(a, k, w).map((f) => f.hash));
        const common = winnow(b, k, w).filter((f) => inA.has(f.hash));
        expect(common.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it('maps every fingerprint to the original text of its shingle', () => {
    const text = 'وقال مسؤولٌ كبير في المنطقة، إن الهجمات زادت على القوات الأميركية في العراق وسوريا.';
    const content = contentTokens(whitespaceTokens(text));
    for (const fingerprint of winnow(content, 3, 4)) {
      expect(text.slice(fingerprint.start, fingerprint.end)).toBe(text.slice(content[fingerprint.position]!.start, content[fingerprint.position + 2]!.end));
    }
  });
});

describe('article blobs', () => {
  it('round-trip, and find from a posting\'s position the sentence the fingerprint was taken from', () => {
    const options = dedupOptions();
    for (const seed of loadSeeds()) {
      const prepared = prepareArticle(seedInput(seed), options);
      const firstPositions = firstContentPositions(prepared.sentences, prepared.content);
      const claims = Buffer.from([1, 2, 3, 250]);
      const blob = { contentLength: prepared.content.length, sentences: prepared.sentences, firstPositions, sample: prepared.sample, claims };
      const raw = encodeArticleBlob(blob);
      const decoded = decodeArticleBlob(raw, sampleByte(prepared.sample));
      expect(decoded).toEqual(blob);
      expect(blobClaims(raw)).toEqual(claims);
      // Varints: well under the 6 bytes a sentence of fixed u16 fields.
      expect(raw.length - 2 - claims.length - encodeSample(prepared.sample).length).toBeLessThan(5 * prepared.sentences.length);
      expect(prepared.fingerprints.length).toBeGreaterThan(20);
      for (const fingerprint of prepared.fingerprints) expect(sentenceOfPosition(decoded.firstPositions, fingerprint.position)).toBe(fingerprint.sentence);
      // And for every content token, not just the winnowed ones.
      prepared.content.forEach((token, position) => expect(sentenceOfPosition(firstPositions, position)).toBe(sentenceIndexAt(prepared.sentences, token.start)));
    }
  });
});

