import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { datelineParts } from '../../../src/nlp/dedup/dateline.js';
import { actorKey, datelineKey, decodeEventSketch, encodeEventSketch, eventSimilarity } from '../../../src/nlp/dedup/event.js';
import { datelinesAllowOneEvent } from '../../../src/nlp/dedup/event-match.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { reportMaker } from '../../helpers/story-reports.js';

// Every text below was written for these tests (real-style reports of invented events).

/** Reports dated from 2026-11-03 05:00 UTC (a Tuesday). */
const report = reportMaker('e9300000000000', new Date(Date.UTC(2026, 10, 3, 5)));

describe('one agency\'s reports filed from two towns are two incidents (dateline.ts, event-match.ts)', () => {
  it('reads the place and the credit of a wire dateline, and none of a bare one', () => {
    expect(datelineParts(analyseText('ربك (الرافد) - قتل 11 مدنيا في قصف على السوق.').tokens)).toEqual({ place: 'ربك', credit: 'الرافد' });
    expect(datelineParts(analyseText('بيروت - (أ ف ب) - أعلنت الحكومة.').tokens)).toEqual({ place: 'بيروت', credit: 'ا ف ب' });
    expect(datelineParts(analyseText('بغداد - أعلنت الوزارة نتائج الامتحانات.').tokens)).toBeNull();
  });

  it('keeps the dateline beside the actor in the slot; slots without it read as before', () => {
    const features = new Map(Array.from({ length: 16 }, (_, i) => [(i + 1) * 32, 15 - (i % 10)] as const));
    const both = decodeEventSketch(encodeEventSketch({ features, days: [20_000], actor: actorKey('SD'), dateline: datelineKey('الرافد', 'ربك') }));
    expect(both.actor).toBe(actorKey('SD'));
    expect(both.dateline).toBe(datelineKey('الرافد', 'ربك'));
    expect(both.features.size).toBe(14);
    expect(eventSimilarity(both, both)).toBe(1);
    const plain = decodeEventSketch(encodeEventSketch({ features, days: [20_000] }));
    expect(plain.dateline).toBeUndefined();
    expect(plain.actor).toBeUndefined();
  });

  it('tells one agency\'s two towns from two agencies\' bureaus', () => {
    const sketch = (dateline: number) => ({ features: new Map<number, number>(), dateline });
    expect(datelinesAllowOneEvent(sketch(datelineKey('الرافد', 'كوستي')), sketch(datelineKey('الرافد', 'ربك')))).toBe(false);
    expect(datelinesAllowOneEvent(sketch(datelineKey('الرافد', 'ربك')), sketch(datelineKey('الرافد', 'ربك')))).toBe(true);
    expect(datelinesAllowOneEvent(sketch(datelineKey('الرافد', 'ربك')), sketch(datelineKey('قمم', 'بورتسودان')))).toBe(true);
    expect(datelinesAllowOneEvent(sketch(datelineKey('الرافد', 'ربك')), { features: new Map() })).toBe(true);
  });

  // Two drone strikes in White Nile state a day apart, on a power station in Kosti and on Rabak's
  // market, each filed by the same agency from its own town: the same words of the war and of a
  // drone strike, the same state in both titles.
  const kosti = report(
    'مقتل ثلاثة عمال في هجوم بمسيرات على محطة كهرباء بالنيل الأبيض',
    'كوستي (الرافد) - قتل ثلاثة عمال وأصيب سبعة آخرون فجر اليوم الثلاثاء في هجوم بطائرات مسيرة استهدف محطة التحويل الرئيسية للكهرباء في ولاية النيل الأبيض بوسط السودان، بحسب مسؤول محلي. وقال المسؤول إن الهجوم أدى إلى انقطاع التيار الكهربائي عن المدينة ومستشفاها.\n\nوتتعرض منشآت الكهرباء في ولايات عدة لهجمات متكررة بالطائرات المسيرة منذ أشهر.',
    0,
    'وكالة الرافد للأنباء',
  );
  const rabak = report(
    '11 قتيلا في هجوم بمسيرة على سوق في النيل الأبيض',
    'ربك (الرافد) - قتل 11 مدنيا على الأقل وأصيب أكثر من ثلاثين آخرين ظهر اليوم الأربعاء في هجوم بطائرة مسيرة استهدف السوق المركزي في ولاية النيل الأبيض بوسط السودان، بحسب مسؤول محلي. وقال المسؤول إن الهجوم أدى إلى حالة من الهلع في المدينة ومستشفاها.\n\nوتتعرض المدن في ولايات عدة لهجمات متكررة بالطائرات المسيرة منذ أشهر.',
    31,
    'وكالة الرافد للأنباء',
  );

  it('keeps the two strikes apart', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(kosti);
    const b = await index.process(rabak);
    expect(b.story.storyId).not.toBe(a.story.storyId);
  });
});
