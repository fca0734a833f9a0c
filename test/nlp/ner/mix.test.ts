import { describe, expect, it } from 'vitest';
import type { ConllSentence } from '../../../training/ner/conll.js';
import { conventionalNames, withoutConflicts } from '../../../training/ner/mix.js';

const sentence = (pairs: string): ConllSentence => {
  const words = pairs.split(' ');
  return { tokens: words.filter((_, i) => i % 2 === 0), tags: words.filter((_, i) => i % 2 === 1) };
};

// News sentences in ANERcorp's convention: «دولار» is MISC every time, «الحكومة» never a name.
const news = [
  sentence('بلغت O الخسائر O 200 O مليون O دولار B-MISC'),
  sentence('ارتفع O سعر O النفط O إلى O 90 O دولار B-MISC للبرميل O'),
  sentence('خصصت O الحكومة O مليار O دولار B-MISC للإعمار O'),
  sentence('وقالت O الحكومة O إن O الوضع O مستقر O'),
];

describe('mixing WikiFANE into the news training data', () => {
  it('knows the words the news data nearly always tags, by their search key', () => {
    const names = conventionalNames(news);
    expect(names.has('دولار')).toBe(true);
    expect(names.has('الحكومة')).toBe(false);
  });

  it('leaves out an out-of-domain sentence that leaves such a word O, and keeps the others', () => {
    const wiki = [
      sentence('بلغت O قيمة O الصفقة O مليار O دولار O'),
      sentence('ولد O نجيب B-PER محفوظ I-PER في O القاهرة B-LOC'),
      sentence('صرف O الدولار B-MISC بعشرة O جنيهات O'),
    ];
    expect(withoutConflicts(wiki, news)).toEqual([wiki[1], wiki[2]]);
  });
});
