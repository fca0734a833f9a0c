import { describe, expect, it } from 'vitest';
import { goldTagsForTokens, spansToGoldTags } from '../../../training/ner/alignment.js';
import { parseConll, sentenceText, splitTrainDev } from '../../../training/ner/conll.js';
import { conllEval } from '../../../training/ner/conlleval.js';
import { analyseText } from '../../../src/nlp/text/index.js';
import { toNerToken } from '../../../src/nlp/ner/tokens.js';
import { TAGS } from '../../../src/nlp/ner/tags.js';

const SAMPLE = ['وقال O', 'رئيس O', 'الاتحاد O', 'برند B-PERS', 'جوتشولك I-PERS', 'في O', 'وبغداد B-LOC', '. O', '', ' O', 'فرنسا B-LOC', ''].join('\n');

describe('CoNLL reading, alignment and scoring', () => {
  it('parses sentences, renames PERS to PER and skips empty tokens', () => {
    const sentences = parseConll(SAMPLE);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]!.tags).toEqual(['O', 'O', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O']);
    expect(sentences[1]!.tokens).toEqual(['فرنسا']);
  });

  it('splits every 10th sentence or the last tenth, never overlapping', () => {
    const sentences = Array.from({ length: 40 }, (_, i) => ({ tokens: [`w${i}`], tags: ['O'] }));
    const a = splitTrainDev(sentences, 'every-10th');
    expect(a.dev.map((s) => s.tokens[0])).toEqual(['w9', 'w19', 'w29', 'w39']);
    expect(a.train).toHaveLength(36);
    const b = splitTrainDev(sentences, 'last-tenth');
    expect(b.dev.map((s) => s.tokens[0])).toEqual(['w36', 'w37', 'w38', 'w39']);
  });

  it('maps gold tags onto text-layer tokens and a stem span back onto the whole gold token', () => {
    const sentence = parseConll(SAMPLE)[0]!;
    const { text, spans } = sentenceText(sentence);
    const tokens = analyseText(text).tokens.map(toNerToken);
    const gold = goldTagsForTokens(spans, sentence.tags, tokens).map((t) => TAGS[t]);
    expect(gold.filter((t) => t !== 'O')).toEqual(['B-PER', 'I-PER', 'B-LOC']);
    const baghdad = text.indexOf('بغداد');
    expect(spansToGoldTags(spans, [{ start: baghdad, end: baghdad + 5, type: 'LOC' }])[6]).toBe('B-LOC');
  });

  it('scores exact spans and types like conlleval', () => {
    const gold = [['B-PER', 'I-PER', 'O', 'B-LOC']];
    const scores = conllEval(gold, [['B-PER', 'O', 'O', 'B-LOC']]);
    expect(scores.overall!.correct).toBe(1);
    expect(scores.overall!.precision).toBeCloseTo(50);
    expect(scores.LOC!.f1).toBeCloseTo(100);
    expect(conllEval(gold, gold).overall!.f1).toBeCloseTo(100);
  });
});
