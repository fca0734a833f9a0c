import { describe, expect, it } from 'vitest';
import { parseConll, type ConllSentence } from '../../../training/ner/conll.js';
import { articleStarts, documentFolds, duplicateSpans, isArticleStart } from '../../../training/ner/folds.js';
import { meanAndSpread } from '../../../training/ner/report.js';

// Three short articles in ANERcorp's format (token TAG per line), written for this test: an article
// opens with a dateline or a plain statement; its later sentences open with «و…», «كما» or share its
// names.
const ARTICLES = [
  [
    'بيروت B-LOC ( O ا O ف O ب O ) O أعلن O رئيس O الحكومة O فؤاد B-PERS السنيورة I-PERS أن O الوضع O صعب O',
    'وقال O السنيورة B-PERS في O مؤتمر O صحفي O إن O الحكومة O ستجتمع O غدا O',
    'كما O دعا O السنيورة B-PERS الأمم B-ORG المتحدة I-ORG إلى O التحرك O سريعا O',
    'السنيورة B-PERS يطالب O الأمم B-ORG المتحدة I-ORG بموقف O واضح O من O الأزمة O',
  ],
  [
    'قررت O الحكومة O المصرية O رفع O سعر O البنزين O اعتبارا O من O اليوم O الجمعة O',
    'وبررت O وكالة B-ORG أنباء I-ORG الشرق I-ORG الأوسط I-ORG القرار O بارتفاع O التكلفة O',
    'وأضافت O الوكالة O أن O سعر O البنزين O 80 O لن O يتغير O هذا O العام O',
  ],
  [
    'خرجت O السويسرية O مارتينا B-PERS هينغيس I-PERS من O الدور O الثاني O للبطولة O أمس O',
    'هينغيس B-PERS خسرت O أمام O الفرنسية O أميلي B-PERS موريسمو I-PERS في O ثلاث O مجموعات O',
    'وقالت O هينغيس B-PERS إنها O ستعود O إلى O الملاعب O في O الموسم O المقبل O',
  ],
];

/** Each line «token TAG token TAG …» as a CoNLL sentence block. */
function conll(lines: string[]): ConllSentence[] {
  const blocks = lines.map((line) => {
    const words = line.split(' ');
    return words.flatMap((word, i) => (i % 2 === 0 ? [`${word} ${words[i + 1]}`] : [])).join('\n');
  });
  return parseConll(`${blocks.join('\n\n')}\n`);
}

describe('document-level folds of a sentence stream', () => {
  const sentences = conll(ARTICLES.flat());

  it('finds the article starts: not a «و»/«كما» opening, nor a sentence sharing a name with the ones before', () => {
    expect(sentences).toHaveLength(10);
    expect(articleStarts(sentences)).toEqual([0, 4, 7]);
    // Sentence 3 opens with no conjunction, but names السنيورة of the article before it.
    expect(isArticleStart(sentences, 3)).toBe(false);
  });

  it('never cuts between an article and its repetition', () => {
    const repeated = [...sentences.slice(0, 7), ...sentences.slice(4, 7), ...sentences.slice(7)];
    expect(duplicateSpans(repeated)).toEqual([
      [4, 7],
      [5, 8],
      [6, 9],
    ]);
    expect(articleStarts(repeated)).toEqual([0, 4, 10]);
  });

  it('cuts k contiguous folds at article starts, covering every sentence once', () => {
    const folds = documentFolds(sentences, 3);
    expect(folds).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 7 },
      { start: 7, end: 10 },
    ]);
    expect(() => documentFolds(sentences, 1)).toThrow(/k ≥ 2/);
    expect(() => documentFolds(sentences.slice(0, 4), 2)).toThrow(/no article start/);
  });

  it('reports the mean and the sample standard deviation of fold scores', () => {
    expect(meanAndSpread([70, 74, 78])).toEqual({ mean: 74, sd: 4 });
    expect(meanAndSpread([75]).sd).toBe(0);
  });
});
