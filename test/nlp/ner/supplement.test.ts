import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConll } from '../../../training/ner/conll.js';
import { projectPath } from '../../../src/paths.js';
import { mentions, occursIn, seedNamesIn } from './annotated-sets.js';

// Our own annotated supplement to ANERcorp (src/nlp/ner/data/supplement.conll, README there):
// sentences we wrote in the style of recent Middle-East news. It must not teach the seed articles'
// names: the seeds are the acceptance check, and "we will also measure on news you do not have".
const sentences = parseConll(readFileSync(projectPath('src/nlp/ner/data/supplement.conll'), 'utf8'));

describe('the NER supplement (our own annotated sentences)', () => {
  it('is a CoNLL file of a few hundred well-formed IOB2 sentences', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(300);
    for (const { tokens, tags } of sentences) {
      expect(tokens.length).toBe(tags.length);
      tags.forEach((tag, i) => {
        if (tag.startsWith('I-')) expect(tags[i - 1]!.slice(2), tokens.join(' ')).toBe(tag.slice(2));
      });
    }
  });

  it('holds no seed name, missed or found, except the region\'s common places', () => {
    const found = seedNamesIn(sentences);
    expect(found).toEqual([]);
    // The check itself finds a name where it occurs (with a clitic, «لل» for «ال»).
    expect(occursIn(['وقال', 'قائد', 'لقاعدة', 'عين', 'الأسد'], 'قاعدة عين الأسد')).toBe(true);
    expect(occursIn(['بمدينة', 'الصدر'], 'مدينة الصدر')).toBe(true);
    expect(occursIn(['للحرس', 'الثوري'], 'الحرس الثوري')).toBe(true);
    expect(occursIn(['عين', 'العرب'], 'عين الأسد')).toBe(false);
  });

  it('covers the kinds of names ANERcorp lacks', () => {
    const all = sentences.flatMap(({ tokens, tags }) => mentions(tokens, tags));
    const count = (type: string, pattern: RegExp): number => all.filter(([t, text]) => t === type && pattern.test(text)).length;
    expect(count('LOC', /^(?:و|ب|ل)?(?:عين|تل|رأس|بئر|جسر|دير|كفر|خان) /)).toBeGreaterThanOrEqual(15);
    expect(count('LOC', /^(?:و|ب|ل)?(?:مدينة) /)).toBeGreaterThanOrEqual(10);
    expect(count('LOC', /^(?:و|ب|ل)?(?:قاعدة|مطار) /)).toBeGreaterThanOrEqual(15);
    expect(count('ORG', /^(?:و|ب|ل)*(?:ال)?(?:هيئة|لجنة|خلية|تنسيقية|صندوق|مفوضية|مفوضيه)/)).toBeGreaterThanOrEqual(25);
    expect(count('ORG', /(?:نيوز|برس)$/)).toBeGreaterThanOrEqual(4);
    expect(count('ORG', /^(?:و|ب|ل)*(?:سرايا|كتائب|لواء|ألوية|حركة|عصائب)/)).toBeGreaterThanOrEqual(15);
    expect(count('PER', /^(?:أبو ?\S)/)).toBeGreaterThanOrEqual(10);
    // Trigger words as ordinary nouns, outside any name, too («شكلت لجنة تحقيقية», «خلية إرهابية»).
    const plain = sentences.flatMap(({ tokens, tags }) => tokens.filter((t, i) => tags[i] === 'O' && /^(?:لجنة|خلية|صناديق|تنسيقية)$/.test(t)));
    expect(plain.length).toBeGreaterThanOrEqual(3);
  });
});
