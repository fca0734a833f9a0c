import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { indicatorsAgree, leadIndicator } from '../../../src/nlp/dedup/event-indicator.js';
import { decodeEventSketch, encodeEventSketch } from '../../../src/nlp/dedup/event.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { reportMaker } from '../../helpers/story-reports.js';

// Every text below was written for these tests (real-style reports of invented figures).

/** Reports dated from 2026-09-01 08:00 UTC. */
const report = reportMaker('e9600000000000', new Date(Date.UTC(2026, 8, 1, 8)));
const indicator = (text: string) => leadIndicator(analyseText(text).tokens);

describe('the indicator a statistics report leads with (event-indicator.ts)', () => {
  it('reads the first indicator named, exports and imports as one', () => {
    const inflation = indicator('التضخم يرتفع إلى 1.9% في آب');
    const unemployment = indicator('الإحصاءات: البطالة 21.1% في الربع الثاني رغم تراجع التضخم');
    expect(inflation).toBeGreaterThan(0);
    expect(unemployment).toBeGreaterThan(0);
    expect(unemployment).not.toBe(inflation);
    expect(indicator('بطالة الشباب في الأردن فوق 45%')).toBe(unemployment);
    expect(indicator('الواردات تتراجع والعجز التجاري يضيق')).toBe(indicator('صادرات الحديد ترتفع 6% في ثمانية أشهر'));
    expect(indicator('افتتاح متحف للخط العربي في لوسيل')).toBe(0);
  });

  it('leaves room for one release unless both name an indicator and they differ', () => {
    expect(indicatorsAgree(1, 2)).toBe(false);
    expect(indicatorsAgree(2, 2)).toBe(true);
    expect(indicatorsAgree(0, 2)).toBe(true);
  });

  it('keeps the indicator beside the results and the term in one entry', () => {
    const features = new Map(Array.from({ length: 16 }, (_, i) => [(i + 1) * 32, 15 - (i % 10)] as const));
    const stored = decodeEventSketch(encodeEventSketch({ features, days: [20_000], indicator: 2 }));
    expect(stored).toMatchObject({ indicator: 2 });
    expect(stored.results).toBeUndefined();
    expect(stored.term).toBeUndefined();
  });

  // One statistics office's two releases two days apart: the office, the country, the quarter and
  // month words and the words of a figures report are common; the indicators are not.
  const names = [{ name: 'دائرة الإحصاءات العامة', type: 'ORG' }, { name: 'الأردن', type: 'LOC' }] as const;
  const unemployment = report(
    'دائرة الإحصاءات العامة: البطالة في الأردن 21.1% في الربع الثاني',
    'أعلنت دائرة الإحصاءات العامة اليوم الاثنين أن معدل البطالة في الأردن بلغ 21.1 بالمئة خلال الربع الثاني من العام الحالي، بانخفاض 0.3 نقطة مئوية عن الربع الأول. وأظهرت بيانات الدائرة أن المعدل بين الذكور بلغ 18.5 بالمئة مقابل 30 بالمئة بين الإناث.\n\nوتصدر الدائرة تقاريرها الإحصائية بصورة دورية.',
    0,
    'جريدة الديار الأردنية',
    names,
  );
  const inflation = report(
    'دائرة الإحصاءات العامة: التضخم في الأردن 1.9% في آب',
    'أعلنت دائرة الإحصاءات العامة اليوم الأربعاء أن معدل التضخم في الأردن بلغ 1.9 بالمئة خلال شهر آب مقارنة بالشهر نفسه من العام الماضي. وأظهرت بيانات الدائرة أن الإيجارات والمواد الغذائية كانت أبرز المجموعات المرتفعة.\n\nوتصدر الدائرة تقاريرها الإحصائية بصورة دورية.',
    48,
    'جريدة الديار الأردنية',
    names,
  );
  const inflationAgain = report(
    'التضخم في الأردن يتسارع إلى 1.9 بالمئة في آب',
    'قالت دائرة الإحصاءات العامة الأربعاء إن التضخم في الأردن تسارع إلى 1.9 بالمئة في آب على أساس سنوي، بقيادة الإيجارات والمواد الغذائية.',
    50,
    'وكالة الصباح للأنباء',
    names,
  );

  it('keeps the two releases apart, and joins a second report of the second', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(unemployment);
    const b = await index.process(inflation);
    const c = await index.process(inflationAgain);
    expect(b.story.storyId).not.toBe(a.story.storyId);
    expect(c.story.storyId).toBe(b.story.storyId);
  });
});
