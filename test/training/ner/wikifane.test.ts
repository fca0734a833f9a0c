import { describe, expect, it } from 'vitest';
import { reattachClitics } from '../../../training/ner/clitics.js';
import { convertWikiFane, parseWikiFane } from '../../../training/ner/wikifane.js';
import { alignConllSentence } from '../../../training/ner/corpus.js';
import { TAGS } from '../../../src/nlp/ner/tags.js';

const LRM = '\u200E';

/** Rows in WikiFANE's layout (a mark before each token, tab, fine tag), written by us. */
function rows(...pairs: Array<[string, string]>): string {
  return pairs.map(([token, tag]) => `${LRM}${token}\t${tag}`).join('\n');
}

const join = (pairs: Array<[string, string]>): { tokens: string[]; tags: string[] } =>
  reattachClitics({ tokens: pairs.map((p) => p[0]), tags: pairs.map((p) => p[1]) });

describe('WikiFANE clitics re-attached', () => {
  it('joins a conjunction to the place after it, the tag following the place as ANERcorp tags «وبغداد»', () => {
    const out = join([['زار', 'O'], ['الوفد', 'O'], ['دمشق', 'B-Population-Center'], ['و', 'O'], ['بغداد', 'B-Population-Center']]);
    expect(out.tokens).toEqual(['زار', 'الوفد', 'دمشق', 'وبغداد']);
    expect(out.tags).toEqual(['O', 'O', 'B-Population-Center', 'B-Population-Center']);
  });

  it('joins suffixes to the word before, opening tā’ marbūṭa and alif maqṣūra', () => {
    expect(join([['مساحة', 'O'], ['ها', 'O'], ['كبيرة', 'O']]).tokens).toEqual(['مساحتها', 'كبيرة']);
    expect(join([['سلم', 'O'], ['على', 'O'], ['هم', 'O']]).tokens).toEqual(['سلم', 'عليهم']);
    expect(join([['كتاب', 'O'], ['ي', 'O']]).tokens).toEqual(['كتابي']);
  });

  it('leaves «هم» free after a definite noun, where it is the pronoun', () => {
    expect(join([['المزارعين', 'O'], ['هم', 'O'], ['اكثرية', 'O']]).tokens).toEqual(['المزارعين', 'هم', 'اكثرية']);
  });

  it('chains prefixes and drops the article’s alif after «ل»', () => {
    expect(join([['و', 'O'], ['ل', 'O'], ['ه', 'O'], ['بيت', 'O']]).tokens).toEqual(['وله', 'بيت']);
    expect(join([['ف', 'O'], ['ل', 'O'], ['الجامعة', 'B-Educational']]).tokens).toEqual(['فللجامعة']);
    expect(join([['و', 'O'], ['ب', 'O'], ['المدينة', 'O']]).tokens).toEqual(['وبالمدينة']);
  });

  it('keeps a letter before a number or a quote where it stood, and «ه» after a year (hijri)', () => {
    expect(join([['و', 'O'], ['1990', 'O']]).tokens).toEqual(['و', '1990']);
    expect(join([['سنة', 'O'], ['1300', 'O'], ['ه', 'O']]).tokens).toEqual(['سنة', '1300', 'ه']);
  });

  it('restores a name the tokeniser cut at a letter, opening where the letter opened it', () => {
    const inside = join([['المطرب', 'O'], ['محمد', 'B-Artist'], ['و', 'I-Artist'], ['ردي', 'I-Artist']]);
    expect(inside.tokens).toEqual(['المطرب', 'محمد', 'وردي']);
    expect(inside.tags).toEqual(['O', 'B-Artist', 'I-Artist']);
    const opening = join([['قال', 'O'], ['و', 'B-Scientist'], ['ليد', 'I-Scientist'], ['ان', 'O']]);
    expect(opening.tokens).toEqual(['قال', 'وليد', 'ان']);
    expect(opening.tags).toEqual(['O', 'B-Scientist', 'O']);
  });
});

describe('WikiFANE conversion', () => {
  it('strips the BOM and the marks and maps fine types onto PER/ORG/LOC/MISC or O', () => {
    const content = `\uFEFF${rows(
      ['التقى', 'O'],
      ['العرب', 'B-Group'],
      ['ب', 'O'],
      ['الرئيس', 'O'],
      ['سمير', 'B-Politician'],
      ['داود', 'I-Politician'],
      ['في', 'O'],
      ['مطار', 'B-Airport'],
      ['الرمال', 'I-Airport'],
      ['قرب', 'O'],
      ['الزهرة', 'B-Celestial'],
      ['و', 'O'],
      ['شركة', 'B-Commercial'],
      ['النور', 'I-Commercial'],
      ['.', 'O'],
    )}\n\n${rows(['قرأ', 'O'], ['كتاب', 'B-Book'], ['الرمل', 'I-Book'], ['.', 'O'])}\n`;
    const { sentences, dropped } = convertWikiFane(content);
    expect(dropped).toBe(0);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]!.tokens.join(' ')).toBe('التقى العرب بالرئيس سمير داود في مطار الرمال قرب الزهرة وشركة النور .');
    expect(sentences[0]!.tags).toEqual(['O', 'O', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'I-LOC', 'O', 'O', 'B-ORG', 'I-ORG', 'O']);
    expect(sentences[1]!.tags).toEqual(['O', 'B-MISC', 'I-MISC', 'O']);
    expect(sentences.flatMap((s) => s.tokens).some((t) => /[\u200E\uFEFF]/.test(t))).toBe(false);
  });

  it('leaves out a sentence that holds a type no class of ours fits', () => {
    const content = `${rows(['افتتح', 'O'], ['مصنع', 'B-Plant'], ['الامل', 'I-Plant'])}\n\n${rows(['سافر', 'O'], ['الى', 'O'], ['تونس', 'B-Nation'])}\n`;
    const { sentences, dropped } = convertWikiFane(content);
    expect(dropped).toBe(1);
    expect(sentences).toEqual([{ tokens: ['سافر', 'الى', 'تونس'], tags: ['O', 'O', 'B-LOC'] }]);
  });

  it('opens a name at the first word left when a mark-only token opened it', () => {
    const content = `${rows(['زار', 'O'])}\n${LRM}\tB-Nation\n${rows(['الاردن', 'I-Nation'])}\n`;
    expect(convertWikiFane(content).sentences[0]!.tags).toEqual(['O', 'B-LOC']);
  });

  it('names the line of a row it cannot read, and of an unknown type', () => {
    expect(() => parseWikiFane(`${rows(['زار', 'O'])}\nبيروت B-Nation\n`)).toThrow(/line 2/);
    expect(() => parseWikiFane(`${rows(['زار', 'O'], ['بيروت', 'B-City'])}\n`)).toThrow(/line 2.*WikiFANE types/);
  });

  it('gives tokens that our text layer reads like raw text: the clitic outside the place', () => {
    const [sentence] = convertWikiFane(`${rows(['سافر', 'O'], ['و', 'O'], ['ل', 'O'], ['بغداد', 'B-Population-Center'])}\n`).sentences;
    expect(sentence!.tokens).toEqual(['سافر', 'ولبغداد']);
    const aligned = alignConllSentence(sentence!);
    const tokens = aligned.groups.flat();
    const gold = aligned.goldGroups.flat().map((t) => TAGS[t]);
    expect(tokens.filter((_, i) => gold[i] === 'B-LOC').map((t) => t.stem)).toEqual(['بغداد']);
  });
});
