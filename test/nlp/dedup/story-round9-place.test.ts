import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { leadTown } from '../../../src/nlp/dedup/event-town.js';
import { townKey } from '../../../src/nlp/dedup/event.js';
import { sameLeadTown, townsAllowOneEvent } from '../../../src/nlp/dedup/event-match.js';

// Every sentence below was written for this test (real-style leads of invented news).

const town = (text: string) => leadTown(analyseText(text).tokens);
const features = new Map([[32, 15]]);
const sketch = (text: string) => {
  const place = town(text);
  return { features, ...(place ? { town: townKey(place.name, place.level) } : {}) };
};

describe('a Saudi «منطقة» is a province (story round 9)', () => {
  it('reads a Saudi region after «منطقة» as a province, wherever the phrase stands', () => {
    expect(town('استقبل أمير منطقة الرياض في قصر الحكم جموع المهنئين بعيد الفطر المبارك')).toMatchObject({ level: 1 });
    expect(town('أقامت أمانة منطقة القصيم حفل معايدة لمنسوبيها صباح اليوم')).toMatchObject({ level: 1 });
    expect(town('هطلت أمطار غزيرة على عدة محافظات بمنطقة مكة المكرمة مساء أمس')).toMatchObject({ level: 1 });
    expect(town('أعلنت صحة منطقة جازان تسجيل حالات')).toEqual(town('افتتح مستشفى جديد في منطقة جيزان'));
    expect(town('احتفل الأهالي بمنطقة عسير بالعيد')).not.toEqual(town('احتفل الأهالي بمنطقة تبوك بالعيد'));
  });

  it('still reads another «منطقة» as an area, and a town before a region', () => {
    expect(town('أجليت عائلات من قرى في منطقة العمادية')).toMatchObject({ level: 0 });
    expect(town('اندلع حريق في مستودع بمدينة الخرج جنوب منطقة الرياض')).toMatchObject({ level: 0 });
    // Where people came from or went is not where the news happened.
    expect(town('نقل المصابون من محافظة الخرج إلى منطقة الرياض')).toBeNull();
  });

  it('keeps two regions\' receptions apart, and lends a region no town\'s evidence', () => {
    const riyadh = sketch('استقبل أمير منطقة الرياض المهنئين بعيد الفطر المبارك في قصر الحكم');
    const qassim = sketch('استقبل أمير منطقة القصيم المهنئين بعيد الفطر المبارك في ديوان الإمارة');
    expect(townsAllowOneEvent(riyadh, qassim)).toBe(false);
    const riyadhAgain = sketch('هنأ أمير منطقة الرياض المواطنين بالعيد خلال استقباله المهنئين');
    expect(townsAllowOneEvent(riyadh, riyadhAgain)).toBe(true);
    // A province holds many towns and many kinds of news: the same region lowers no bar.
    expect(sameLeadTown(riyadh, riyadhAgain)).toBe(false);
    // A town and a region: the town may be in it.
    expect(townsAllowOneEvent(riyadh, sketch('أقيم حفل المعايدة في مدينة الخرج'))).toBe(true);
  });
});
