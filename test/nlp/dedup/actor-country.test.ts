import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { actorCountry } from '../../../src/nlp/dedup/event-actor.js';
import { datelineEnd } from '../../../src/nlp/dedup/dateline.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { mentionsIn, reportMaker, type Mention } from '../../helpers/story-reports.js';

// Every text below was written for these tests (real-style reports of invented events).

/** Reports dated from 2026-10-01 06:00 UTC (a Thursday). */
const report = reportMaker('e9200000000000', new Date(Date.UTC(2026, 9, 1, 6)));

const countryIn = (text: string, names: readonly Mention[] = []) => {
  const layer = analyseText(text);
  return actorCountry(layer.tokens, mentionsIn(text, names), datelineEnd(layer.tokens), () => false);
};

describe('a country that is itself the opening actor (event-actor.ts)', () => {
  it('reads the country as the subject before or after the verb, or where the opening subject acts', () => {
    expect(countryIn('خفض الأردن الخميس أسعار البنزين بنوعيه لشهر أكتوبر، وأبقى على سعر الديزل.')).toBe('JO');
    expect(countryIn('الإمارات تخفض أسعار البنزين للشهر الثاني على التوالي.')).toBe('AE');
    expect(countryIn('دبي (الينابيع) - أعلنت لجنة متابعة أسعار الوقود في دولة الإمارات الخميس خفض أسعار البنزين.')).toBe('AE');
    expect(countryIn('مسقط (الينابيع) - أعلنت وزارة الطاقة والمعادن في سلطنة عمان، الخميس، أسعار الوقود لشهر أكتوبر.', [{ name: 'وزارة الطاقة والمعادن', type: 'ORG' }])).toBe('OM');
  });

  it('names none for two countries acting together, or an opening with no country', () => {
    expect(countryIn('اتفق الأردن وسوريا، الخميس، على تشكيل لجنة فنية مشتركة لإدارة مياه اليرموك.')).toBeNull();
    expect(countryIn('قتل ثلاثة عمال فجر اليوم في هجوم بطائرات مسيرة على محطة الكهرباء في مدينة كوستي.')).toBeNull();
    expect(countryIn('قررت لجنة تسعير المشتقات النفطية الخميس تخفيض سعر البنزين.')).toBeNull();
  });

  // A topic day: Jordan and the UAE cut their fuel prices the same morning. The two reports open with
  // the two countries and carry the same paragraph on the oil market word for word (held by the two
  // alone, it reads as a reprint): two decisions, two stories; a second report of Jordan's joins.
  const market = 'وتراجعت أسعار خام برنت خلال سبتمبر إلى ما دون 70 دولارا للبرميل للمرة الأولى منذ أشهر، مع تباطؤ الطلب في الصين وزيادة الإنتاج من خارج تحالف أوبك بلس، ما انعكس على أسعار المشتقات النفطية في أسواق المنطقة خلال الشهر.';
  const jordan = report(
    'الأردن يخفض أسعار البنزين ويثبت الديزل لشهر أكتوبر',
    `خفض الأردن الخميس أسعار البنزين بنوعيه لشهر أكتوبر، وأبقى على سعري الديزل والكاز دون تغيير. وقالت لجنة التسعير إن سعر البنزين أوكتان 90 أصبح 910 فلسات للتر.\n\n${market}`,
    0,
    'وكالة الينابيع للأنباء',
  );
  const emirates = report(
    'الإمارات تخفض أسعار البنزين لشهر أكتوبر',
    `الإمارات تخفض أسعار البنزين لشهر أكتوبر، ليصبح سعر لتر سوبر 98 بسعر 2.61 درهم مقابل 2.70 درهم في سبتمبر. وقالت لجنة متابعة أسعار الوقود إن الأسعار الجديدة تسري من اليوم.\n\n${market}`,
    1,
    'نشرة الطاقة والأسواق',
  );
  const jordanAgain = report(
    'تخفيض أسعار البنزين في الأردن لشهر تشرين الأول',
    'قرر الأردن الخميس تخفيض سعر البنزين أوكتان 90 بمقدار 15 فلسا للتر ليصبح 910 فلسات، والبنزين أوكتان 95 بمقدار 20 فلسا، مع تثبيت سعر الديزل والكاز لشهر تشرين الأول.\n\nوتراجعت أسعار النفط عالميا خلال الشهر الماضي.',
    2,
    'جريدة الرابية',
  );

  it('keeps the two countries\' decisions apart though their reports share a paragraph, and joins Jordan\'s second report', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(jordan);
    const b = await index.process(emirates);
    const c = await index.process(jordanAgain);
    expect(b.story.storyId).not.toBe(a.story.storyId);
    expect(c.story.storyId).toBe(a.story.storyId);
  });
});

describe('a country the opening subject names by grammar (event-actor.ts)', () => {
  it('reads a state\'s formal name, a subject\'s country adjective, a noun in construct with the country, an organisation\'s owner', () => {
    expect(countryIn('أعلنت المملكة العربية السعودية الاثنين ميزانية العام المقبل بعجز متوقع.')).toBe('SA');
    expect(countryIn('أقرت الحكومة السعودية الاثنين ميزانية العام المقبل بإنفاق أقل.')).toBe('SA');
    expect(countryIn('الحكومة القطرية تعلن موازنة العام المقبل بعجز محدود.')).toBe('QA');
    expect(countryIn('أعلن مصرف الإمارات العربية المتحدة المركزي خفض سعر الأساس ربع نقطة.')).toBe('AE');
    expect(
      countryIn('قررت لجنة السياسة النقدية للبنك المركزي المصري مساء الخميس خفض أسعار الفائدة.', [
        { name: 'لجنة السياسة النقدية', type: 'ORG' },
        { name: 'بنك المركزي المصري', type: 'ORG' },
      ]),
    ).toBe('EG');
  });

  it('reads no actor from a medium\'s adjective, or from a subject meeting another country', () => {
    expect(countryIn('ذكرت الصحيفة الأمريكية أن المفاوضات تعثرت مساء الأحد.')).toBeNull();
    expect(countryIn('التقى وزير الخارجية الأردني نظيره السعودي في عمان.')).toBeNull();
  });

  // A topic day: two Gulf budgets on one Monday, reported with the same words of a budget report.
  const saudi = report(
    'موازنة العام المقبل: عجز 80 مليار ريال',
    'أقرت الحكومة السعودية الاثنين الموازنة العامة للدولة للعام المقبل بنفقات تقدر بنحو 1.2 تريليون ريال وعجز متوقع قدره 80 مليار ريال.\n\nوتوقعت وزارة المالية في بيانها نمو الاقتصاد غير النفطي بنسبة 4 في المئة، مع استمرار الصرف على مشاريع الإسكان والنقل العام في الرياض وجدة والمنطقة الشرقية.\n\nوتأتي الموازنات الخليجية هذا العام في ظل تراجع أسعار النفط إلى ما دون 65 دولارا للبرميل، ما دفع حكومات المنطقة إلى اعتماد أسعار متحفظة للخام في تقديراتها، وتقليص الإنفاق الرأسمالي على المشاريع غير الجاهزة، والاعتماد على أسواق الدين المحلية والدولية لتمويل العجز المتوقع خلال العام المقبل.',
    0,
    'صحيفة الواحة',
  );
  const qatar = report(
    'موازنة العام المقبل: عجز 7 مليارات ريال',
    'أقرت الحكومة القطرية الاثنين الموازنة العامة للدولة للعام المقبل بنفقات تقدر بنحو 200 مليار ريال وعجز متوقع قدره 7 مليارات ريال.\n\nوخصصت الموازنة الحصة الأكبر من الإنفاق للتعليم والصحة، فيما يتراجع الإنفاق على البنية التحتية بعد اكتمال معظم مشاريع الطرق والملاعب في الدوحة.\n\nوتأتي الموازنات الخليجية هذا العام في ظل تراجع أسعار النفط إلى ما دون 65 دولارا للبرميل، ما دفع حكومات المنطقة إلى اعتماد أسعار متحفظة للخام في تقديراتها، وتقليص الإنفاق الرأسمالي على المشاريع غير الجاهزة، والاعتماد على أسواق الدين المحلية والدولية لتمويل العجز المتوقع خلال العام المقبل.',
    1,
    'جريدة اللؤلؤة',
  );

  it('keeps two governments\' budgets of one day apart', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(saudi);
    const b = await index.process(qatar);
    expect(b.story.storyId).not.toBe(a.story.storyId);
  });
});
