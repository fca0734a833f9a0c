import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { leadTown } from '../../../src/nlp/dedup/event-town.js';
import { decodeEventSketch, townKey } from '../../../src/nlp/dedup/event.js';
import { sameLeadTown, townsAllowOneEvent } from '../../../src/nlp/dedup/event-match.js';
import { VISIT_LEVEL, visitDestination, visitPlaceName } from '../../../src/nlp/dedup/event-visit.js';
import { prepareArticle } from '../../../src/nlp/dedup/prepare.js';
import { dedupOptions } from '../../../src/nlp/dedup/params.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { reportMaker } from '../../helpers/story-reports.js';

// Every sentence below was written for this test (real-style leads of invented news).

/** Reports dated from 2026-10-19 06:00 UTC. */
const report = reportMaker('e9900000000000', new Date(Date.UTC(2026, 9, 19, 6)));
const options = dedupOptions();
const sketchOf = (input: ReturnType<typeof report>) => decodeEventSketch(prepareArticle(input, options).eventSketch);
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

describe('a visit\'s destination (story round 9)', () => {
  const destination = (text: string) => visitDestination(analyseText(text).tokens);

  it('reads the country a visit\'s lead says the visitor went to', () => {
    // «عمّان» (Amman) is written as «عمان» (Oman): no country is read from it.
    expect(destination('وصل وزير الخارجية البحريني صباح اليوم الأحد إلى عمّان في زيارة رسمية تستمر يومين')).toBeNull();
    expect(destination('وصل وزير التجارة القطري صباح اليوم الأحد إلى بغداد في زيارة رسمية تستمر يومين')).toBe('IQ');
    expect(destination('حل رئيس الحكومة الليبية مساء الاثنين بالجزائر العاصمة في زيارة عمل')).toBe('DZ');
    expect(destination('اختتم رئيس البرلمان الموريتاني أمس زيارة رسمية إلى المملكة المغربية دامت ثلاثة أيام')).toBe('MA');
    expect(destination('وصل وزير الدفاع الكويتي صباح الثلاثاء إلى العاصمة التركية أنقرة')).toBe('TR');
    expect(destination('بحث البلدان تطوير التبادل التجاري خلال زيارة وزير الاقتصاد السوداني لدمشق')).toBe('SY');
    expect(destination('عاد وزير الصحة إلى بلاده بعد زيارة للجزائر استمرت يومين')).toBe('DZ');
  });

  it('reads nothing where no place follows the visit\'s word, nor a name the town table holds', () => {
    expect(destination('وصلت حصيلة الفيضانات في الإقليم إلى تسعة قتلى')).toBeNull();
    expect(destination('أعلنت الوزارة اليوم خطة جديدة لدعم المزارعين')).toBeNull();
    // «لوران» is a person, not «ل» before a French village's name.
    expect(destination('وصل الصحفي لوران مساء السبت إلى مطار عسكري قرب العاصمة')).toBeNull();
  });

  // One minister's visits to two capitals four days apart: his name, titles and every word of a
  // visit report are common; the destination is not.
  const first = report(
    'وزير التجارة القطري يصل بغداد في زيارة رسمية',
    'وصل وزير التجارة والصناعة القطري خالد بن سلمان صباح اليوم الاثنين إلى بغداد في زيارة رسمية يلتقي خلالها رئيس الوزراء ونظيره العراقي لبحث زيادة التبادل التجاري وفتح خطوط شحن جديدة بين البلدين.\n\nوقال بيان للوزارة إن الزيارة تتناول أيضا تسهيل دخول الشاحنات وإقامة معرض دائم للمنتجات القطرية.',
    0,
    'outlet-a',
  );
  const second = report(
    'وزير التجارة القطري يصل دمشق بعد جولة عربية',
    'وصل وزير التجارة والصناعة القطري خالد بن سلمان مساء الجمعة إلى دمشق قادما من عمّان، في زيارة رسمية تستغرق يومين يبحث خلالها مع رئيس الوزراء ونظيره السوري سبل زيادة التبادل التجاري وفتح خطوط شحن جديدة.\n\nويرافق الوزير وفد من رجال الأعمال، ومن المنتظر توقيع مذكرة تفاهم لإعادة تأهيل المعابر البرية وتسهيل دخول الشاحنات.',
    96,
    'outlet-c',
  );
  const secondAgain = report(
    'خالد بن سلمان في دمشق لبحث التبادل التجاري وخطوط الشحن',
    'حل وزير التجارة والصناعة القطري خالد بن سلمان مساء الجمعة بدمشق قادما من عمّان، في زيارة رسمية تستغرق يومين يبحث خلالها مع رئيس الوزراء ونظيره السوري زيادة التبادل التجاري وفتح خطوط شحن جديدة.\n\nويضم الوفد المرافق للوزير رجال أعمال، ويتوقع أن يوقع الجانبان مذكرة تفاهم لإعادة تأهيل المعابر البرية.',
    98,
    'outlet-b',
  );

  it('keeps the sketches\' destinations, a level of their own', () => {
    const a = sketchOf(first);
    const b = sketchOf(second);
    const c = sketchOf(secondAgain);
    expect(a.town).toBe(townKey(visitPlaceName('IQ'), VISIT_LEVEL));
    expect(b.town).toBe(townKey(visitPlaceName('SY'), VISIT_LEVEL));
    expect(townsAllowOneEvent(a, b)).toBe(false);
    expect(townsAllowOneEvent(b, c)).toBe(true);
    // A destination and a town are not compared: the visit may be in that town.
    expect(townsAllowOneEvent(b, { features, town: townKey('دمشق') })).toBe(true);
    expect(sameLeadTown(b, c)).toBe(false);
  });

  it('keeps the two visits apart, and joins a second report of the second', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(first);
    const b = await index.process(second);
    const c = await index.process(secondAgain);
    expect(b.story.storyId).not.toBe(a.story.storyId);
    expect(c.story.storyId).toBe(b.story.storyId);
  });
});
