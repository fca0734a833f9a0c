import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { LIFE_TERM, prisonTerm, termsAgree } from '../../../src/nlp/dedup/event-verdict.js';
import { decodeEventSketch, encodeEventSketch } from '../../../src/nlp/dedup/event.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { reportMaker } from '../../helpers/story-reports.js';

// Every text below was written for these tests (real-style reports of invented verdicts).

/** Reports dated from 2026-11-10 10:00 UTC. */
const report = reportMaker('e9500000000000', new Date(Date.UTC(2026, 10, 10, 10)));
const term = (text: string) => prisonTerm(analyseText(text).tokens);

describe('the heaviest sentence a verdict report leads with (event-verdict.ts)', () => {
  it('reads terms in figures and words, life and death, and no span of years', () => {
    expect(term('الجزائر (الجسر) - السجن 8 سنوات لمدير ميناء الجزائر السابق')).toBe(8);
    expect(term('ثماني سنوات سجنا نافذا للمدير العام السابق لمؤسسة الميناء')).toBe(8);
    expect(term('دفاع المدير السابق يستأنف حكم الثماني سنوات')).toBe(8);
    expect(term('أصدرت المحكمة أحكاما بالسجن تراوحت بين ثلاثة أعوام و12 عاما')).toBe(12);
    expect(term('فقضت بالأشغال الشاقة المؤبدة لمتهمين اثنين وبالأشغال عشرين عاما لأربعة آخرين')).toBe(LIFE_TERM);
    // Years without a sentencing word, or a span in the past, are no term.
    expect(term('افتتح المصنع بعد أشغال استمرت ثلاث سنوات')).toBe(0);
    expect(term('حكم على المتهم الموقوف منذ ثلاث سنوات')).toBe(0);
  });

  it('leaves room for one verdict unless both state a term and they differ', () => {
    expect(termsAgree(8, 6)).toBe(false);
    expect(termsAgree(8, 8)).toBe(true);
    expect(termsAgree(0, 6)).toBe(true);
  });

  it('keeps the term in the results entry of the slot, and reads it back', () => {
    const features = new Map(Array.from({ length: 16 }, (_, i) => [(i + 1) * 32, 15 - (i % 10)] as const));
    const stored = decodeEventSketch(encodeEventSketch({ features, days: [20_000], results: [33], term: 8 }));
    expect(stored).toMatchObject({ results: [33], term: 8 });
    expect(stored.features.size).toBe(15);
    expect(decodeEventSketch(encodeEventSketch({ features, days: [20_000], results: [33] })).term).toBeUndefined();
  });

  // Two verdicts of one Algiers court a day apart, neither defendant named: the court, the city,
  // the charge's words (فساد، تبديد، أموال عمومية) and the words of a trial report are common; the
  // sentences (8 years, 6 years) are not.
  const names = [{ name: 'محكمة سيدي أمحمد', type: 'ORG' }, { name: 'الجزائر', type: 'LOC' }] as const;
  const port = report(
    'السجن 8 سنوات لمدير سابق في قضية فساد أمام محكمة سيدي أمحمد',
    'قضت محكمة سيدي أمحمد بالجزائر العاصمة اليوم الثلاثاء بالسجن 8 سنوات نافذة لمدير سابق لمؤسسة عمومية، بعد إدانته بتبديد أموال عمومية ومنح امتيازات غير مبررة في صفقات عمومية. كما قضت المحكمة بغرامة مالية قدرها مليون دينار.\n\nوكانت النيابة قد التمست عشر سنوات سجنا في حق المتهم.',
    0,
    'أصداء الجزائر',
    names,
  );
  const cement = report(
    'السجن 6 سنوات لرجل أعمال في قضية فساد أمام محكمة سيدي أمحمد',
    'قضت محكمة سيدي أمحمد بالجزائر العاصمة اليوم الأربعاء بالسجن 6 سنوات نافذة لرجل أعمال، بعد إدانته بتبديد أموال عمومية وتهريب أموال في صفقات عمومية. كما قضت المحكمة بغرامة مالية قدرها مليوني دينار.\n\nوكانت النيابة قد التمست عشر سنوات سجنا في حق المتهم.',
    24,
    'أصداء الجزائر',
    names,
  );
  const portAgain = report(
    'ثماني سنوات سجنا نافذا لمدير سابق في قضية فساد بالجزائر',
    'أدانت محكمة سيدي أمحمد بالجزائر العاصمة الثلاثاء مديرا سابقا لمؤسسة عمومية بتبديد أموال عمومية في صفقات عمومية، وقضت بسجنه ثماني سنوات نافذة وتغريمه مليون دينار.',
    3,
    'وكالة الجسر للأنباء',
    names,
  );

  it('keeps the two verdicts apart, and joins a second report of the first', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(port);
    const b = await index.process(portAgain);
    const c = await index.process(cement);
    expect(b.story.storyId).toBe(a.story.storyId);
    expect(c.story.storyId).not.toBe(a.story.storyId);
  });
});
