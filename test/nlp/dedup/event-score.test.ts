import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { matchResults, resultsAgree } from '../../../src/nlp/dedup/event-score.js';
import { decodeEventSketch, encodeEventSketch, eventSimilarity } from '../../../src/nlp/dedup/event.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { reportMaker } from '../../helpers/story-reports.js';

// Every text below was written for these tests (real-style reports of invented matches).

/** Reports dated from 2026-11-13 18:00 UTC (a Friday). */
const report = reportMaker('e9400000000000', new Date(Date.UTC(2026, 10, 13, 18)));

/** The results `text` states, as «a-b» with the larger count first. */
const results = (text: string) => matchResults(analyseText(text).tokens).map((key) => `${key >> 4}-${key & 15}`);

describe('the result a match report leads with (event-score.ts)', () => {
  it('reads results in figures and in words, unordered, and no share or range', () => {
    expect(results('الزوراء يهزم الشرطة 2-1 في ديربي العاصمة')).toEqual(['2-1']);
    expect(results('خسر الوحدة أمام ضيفه النصر 1-2 مساء الخميس')).toEqual(['2-1']);
    expect(results('تعادل منتخب الأردن مع ضيفه العراقي بهدف لكل منهما')).toEqual(['1-1']);
    expect(results('حقق بيراميدز فوزا ثمينا على مضيفه الزمالك بهدفين مقابل هدف')).toEqual(['2-1']);
    expect(results('فاز المنتخب على نظيره العماني بهدفين دون رد')).toEqual(['2-0']);
    expect(results('تأهل الزوراء بعد فوزه على أربيل بركلات الترجيح 4-3، إثر تعادلهما سلبيا')).toEqual(['4-3', '0-0']);
    expect(results('رفعت اللجنة الأسعار بنسب تتراوح بين 10-13 في المئة')).toEqual([]);
    expect(results('ارتفع المؤشر 2-3% خلال الأسبوع')).toEqual([]);
  });

  it('leaves room for one match unless both state results and none in common', () => {
    expect(resultsAgree([33], [32])).toBe(false);
    expect(resultsAgree([67, 17], [67])).toBe(true);
    expect(resultsAgree([], [33])).toBe(true);
  });

  it('keeps the results in the slot beside the features, and reads slots without them as before', () => {
    const features = new Map(Array.from({ length: 16 }, (_, i) => [(i + 1) * 32, 15 - (i % 10)] as const));
    const stored = decodeEventSketch(encodeEventSketch({ features, days: [20_000], results: [67, 0] }));
    expect(stored.results).toEqual([67, 0]);
    expect(stored.features.size).toBe(15);
    expect(eventSimilarity(stored, stored)).toBe(1);
    expect(decodeEventSketch(encodeEventSketch({ features, days: [20_000] })).results).toBeUndefined();
  });

  // Jordan's two friendlies in Amman three days apart, against Oman (2-0) and against Iraq (1-1):
  // the same team, coach, scorer and stadium, the same words of a friendly in both titles; the scorer
  // named in both leads lifts the day rule (a person's storyline carries over days).
  const names = [{ name: 'أنس الحوراني', type: 'PER' }, { name: 'ستاد عمان الدولي', type: 'LOC' }] as const;
  const oman = report(
    'النشامى يتغلبون على عمان وديا في ستاد عمان الدولي',
    'تغلب منتخب الأردن لكرة القدم على نظيره العماني بهدفين دون رد، في المباراة الودية التي أقيمت مساء اليوم الثلاثاء على ستاد عمان الدولي. وسجل أنس الحوراني الهدف الأول في الدقيقة 18 قبل أن يضيف سيف العبادي الثاني.\n\nوقال مدرب النشامى إن المباراة كانت فرصة لتجربة عناصر جديدة قبل التصفيات.',
    -72,
    'جريدة الرابية',
    names,
  );
  const iraq = report(
    'النشامى يكتفون بالتعادل أمام العراق وديا في ستاد عمان الدولي',
    'اكتفى منتخب الأردن لكرة القدم بالتعادل مع نظيره العراقي بهدف لكل منهما، في المباراة الودية التي أقيمت مساء اليوم الجمعة على ستاد عمان الدولي. وسجل أنس الحوراني هدف النشامى في الدقيقة 41 قبل أن يدرك العراق التعادل.\n\nوقال مدرب النشامى إن المباراة كانت فرصة لتجربة عناصر جديدة قبل التصفيات.',
    0,
    'جريدة الرابية',
    names,
  );
  const iraqAgain = report(
    'الأردن والعراق يتعادلان 1-1 وديا في عمان',
    'تعادل منتخب الأردن مع ضيفه العراقي 1-1 مساء الجمعة على ستاد عمان الدولي في مباراة ودية، سجل فيها أنس الحوراني هدف الأردن في الدقيقة 41.\n\nوحضر المباراة أكثر من 15 ألف متفرج.',
    2,
    'وكالة المرفأ للأنباء',
    names,
  );

  it('keeps the two friendlies apart, and joins a second report of the draw', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(oman);
    const b = await index.process(iraq);
    const c = await index.process(iraqAgain);
    expect(b.story.storyId).not.toBe(a.story.storyId);
    expect(c.story.storyId).toBe(b.story.storyId);
  });
});
