import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { daysAgree, eventDays } from '../../../src/nlp/dedup/event-day.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import type { DedupInput } from '../../../src/nlp/dedup/index-contract.js';

const DAY = 86_400;
/** Days since 1970 of a UTC calendar date. */
const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 1000 / DAY);
const secondsOf = (iso: string) => Date.parse(iso) / 1000;
const daysIn = (lead: string, publishedAt: string) => eventDays(analyseText(lead).tokens, secondsOf(publishedAt));

describe('the days a lead names (event-day.ts)', () => {
  // 2026-11-05 is a Thursday.
  const thursdayNoon = '2026-11-05T12:00:00Z';

  it('resolves weekdays, «أمس» and «اليوم» against the publication date', () => {
    expect(daysIn('قتل ثلاثة أشخاص في غارة استهدفت مبنى اليوم الخميس', thursdayNoon)).toEqual([day('2026-11-05')]);
    expect(daysIn('أعلنت الوزارة مساء الاثنين وفاة شخصين', thursdayNoon)).toEqual([day('2026-11-02')]);
    expect(daysIn('وقع الانفجار أمس في السوق', thursdayNoon)).toEqual([day('2026-11-04')]);
    expect(daysIn('وقع الانفجار أول أمس في السوق', thursdayNoon)).toEqual([day('2026-11-03')]);
    expect(daysIn('قالت الشرطة اليوم إن التحقيق مستمر', thursdayNoon)).toEqual([day('2026-11-05')]);
    // The event's day and the report's: both are kept, earliest first.
    expect(daysIn('ارتفعت اليوم الخميس حصيلة الزلزال الذي ضرب المنطقة ليل الثلاثاء', thursdayNoon)).toEqual([day('2026-11-03'), day('2026-11-05')]);
  });

  it('names no day for a plan, for «أحد» (one) or when the date is unknown', () => {
    expect(daysIn('تعقد المحكمة جلستها الخميس المقبل', thursdayNoon)).toEqual([]);
    expect(daysIn('قال أحد المسؤولين إن الاثنين سيعودان', thursdayNoon).length).toBeLessThanOrEqual(1);
    expect(daysIn('قال أحد المسؤولين إن الطريق مغلق', thursdayNoon)).toEqual([]);
    // «الأحد عشر» is eleven: a release's months, not a Sunday.
    expect(daysIn('ارتفعت الأسعار بنسبة 2 في المئة خلال الأشهر الأحد عشر الأولى من العام', thursdayNoon)).toEqual([]);
    expect(daysIn('فاز الفريق بعد أن لعب بالأحد عشر لاعبا حتى النهاية الأحد', thursdayNoon)).toEqual([day('2026-11-01')]);
    expect(eventDays(analyseText('وقع الانفجار أمس').tokens, null)).toEqual([]);
  });

  it('reads the day of the newsroom, not of UTC: 22:30 UTC on Wednesday is Thursday in Baghdad', () => {
    expect(daysIn('اندلع الحريق فجر اليوم الخميس', '2026-11-04T22:30:00Z')).toEqual([day('2026-11-05')]);
  });

  it('lets two leads be one event within the tolerance, or when either names no day', () => {
    expect(daysAgree([day('2026-11-02')], [day('2026-11-05')], 2)).toBe(false);
    expect(daysAgree([day('2026-11-03')], [day('2026-11-05')], 2)).toBe(true);
    expect(daysAgree([day('2026-11-02'), day('2026-11-05')], [day('2026-11-02')], 2)).toBe(true);
    expect(daysAgree([], [day('2026-11-05')], 0)).toBe(true);
  });
});

// Written for this test: two drone strikes on one invented town three days apart, as two outlets
// report them with the same actors and words, and a court case followed from its hearing to its verdict.
const STRIKE_MONDAY = {
  title: 'قتيلان في غارة بمسيرة على بلدة الوادي الأخضر',
  text: 'قتل شخصان اليوم الاثنين في غارة نفذتها طائرة مسيرة على سيارة عند مدخل بلدة الوادي الأخضر، بحسب ما أعلنت وزارة الصحة. وقال الجيش إنه استهدف قياديا في جماعة الرايات.\n\nوهرعت سيارات الإسعاف إلى المكان ونقلت جثتي الضحيتين إلى المستشفى الحكومي.',
};
const STRIKE_THURSDAY = {
  title: 'ثلاثة قتلى في غارة بمسيرة على بلدة الوادي الأخضر',
  text: 'أعلنت وزارة الصحة مساء الخميس مقتل ثلاثة أشخاص وإصابة خمسة آخرين بجروح في غارة بطائرة مسيرة دمرت منزلا من طابقين وسط بلدة الوادي الأخضر. وقال الجيش إن الغارة أصابت مخزن أسلحة تابعا لجماعة الرايات.\n\nوعملت فرق الدفاع المدني حتى ساعة متأخرة على رفع الأنقاض بحثا عن مفقودين.',
};
const HEARING = {
  title: 'تأجيل محاكمة رجل الأعمال سليم الناصري إلى الأربعاء المقبل',
  text: 'قررت محكمة الجنايات اليوم الخميس تأجيل محاكمة رجل الأعمال سليم الناصري المتهم بالاستيلاء على أموال المودعين إلى جلسة الأربعاء المقبل للنطق بالحكم.\n\nواستمعت المحكمة إلى مرافعة الدفاع الذي طالب ببراءة موكله.',
};
const VERDICT = {
  title: 'السجن سبع سنوات لرجل الأعمال سليم الناصري',
  text: 'قضت محكمة الجنايات اليوم الأربعاء بسجن رجل الأعمال سليم الناصري سبع سنوات بعد إدانته بالاستيلاء على أموال المودعين، وألزمته برد المبالغ.\n\nوقال محامي الناصري إنه سيطعن في الحكم.',
};

let next = 0;
/** A dated report on 2026-11-02 (a Monday) plus `daysAfter`, with a fresh id; `persons` are NER mentions of the named person. */
function report(article: { title: string; text: string }, daysAfter: number, source: string, persons: string[] = []): DedupInput {
  const layer = analyseText(article.text);
  next += 1;
  const entities = persons.flatMap((name) =>
    [...article.text.matchAll(new RegExp(name, 'g'))].map((m) => ({ entityId: `per:${name}`, canonical: name, type: 'PER' as const, start: m.index, end: m.index + name.length })),
  );
  return {
    id: `e8000000000000${String(next).padStart(2, '0')}`,
    text: article.text,
    tokens: layer.tokens,
    sentences: layer.sentences,
    entities,
    title: article.title,
    titleTokens: analyseText(article.title).tokens,
    publishedAt: new Date(Date.UTC(2026, 10, 2, 10) + daysAfter * DAY * 1000).toISOString(),
    sourceName: source,
  };
}

describe('days in event stories', () => {
  it('keeps apart two strikes on one town whose leads name days three days apart, whatever words they share', async () => {
    const index = inMemoryDedupIndex();
    const monday = await index.process(report(STRIKE_MONDAY, 0, 'outlet-a'));
    const thursday = await index.process(report(STRIKE_THURSDAY, 3, 'outlet-b'));
    expect(thursday.story.storyId).not.toBe(monday.story.storyId);

    // The same two reports with the day check off: their words alone make them one story.
    const blind = inMemoryDedupIndex({ eventDayTolerance: 99 });
    const first = await blind.process(report(STRIKE_MONDAY, 0, 'outlet-a'));
    const second = await blind.process(report(STRIKE_THURSDAY, 3, 'outlet-b'));
    expect(second.story.storyId).toBe(first.story.storyId);
  });

  it('follows a named defendant from the hearing to the verdict six days later', async () => {
    const index = inMemoryDedupIndex();
    const hearing = await index.process(report(HEARING, 3, 'outlet-a', ['سليم الناصري']));
    const verdict = await index.process(report(VERDICT, 9, 'outlet-b', ['سليم الناصري']));
    expect(verdict.story.storyId).toBe(hearing.story.storyId);
  });
});
