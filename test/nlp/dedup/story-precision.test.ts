import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { prepareArticle } from '../../../src/nlp/dedup/prepare.js';
import { actorKey, decodeEventSketch, encodeEventSketch, eventSimilarity, shareHeadlineFeature } from '../../../src/nlp/dedup/event.js';
import { actorCountry } from '../../../src/nlp/dedup/event-actor.js';
import { sameEvent } from '../../../src/nlp/dedup/event-match.js';
import { datelineEnd } from '../../../src/nlp/dedup/dateline.js';
import { creditWords, isMediumMention } from '../../../src/nlp/dedup/media.js';
import { dedupOptions } from '../../../src/nlp/dedup/params.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { mentionsIn, reportMaker, type Mention } from '../../helpers/story-reports.js';

// Every text below was written for these tests (real-style reports of invented or generic events).

/** A dated report (2026-11-02 10:00 UTC, a Monday, plus `hoursAfter`) with a fresh id, as the dedup stage gives it. */
const report = reportMaker('e9000000000000', new Date(Date.UTC(2026, 10, 2, 10)));

describe('a shared passage between leads that name days two apart (passageDayTolerance)', () => {
  // Two market fires in one city two days apart (two markets: the kind of place, event-facility.ts,
  // cannot tell them apart); the second report reprints the first's paragraph on the
  // market's history word for word. The paragraph is held by these two alone, so it looks like a
  // reprint and joined them whatever else they say.
  const background =
    'ويعد السوق من أقدم أسواق الجملة في العاصمة، إذ يعود تأسيسه إلى أواخر القرن التاسع عشر، ويضم أكثر من ثلاثة آلاف محل ومخزن متلاصقة تتشابك فوقها أسلاك المولدات الأهلية، وشهد خلال السنوات العشر الماضية أكثر من عشرة حرائق كبيرة.';
  const first = report(
    'حريق كبير يلتهم عشرات المحال في سوق الشورجة',
    `اندلع حريق كبير فجر اليوم الأحد في سوق الشورجة وسط بغداد، والتهم عشرات المحال المتخصصة ببيع المواد المنزلية، بحسب مديرية الدفاع المدني.\n\n${background}`,
    -24,
    'outlet-a',
  );
  const second = report(
    'حريق في سوق جميلة للمواد الغذائية',
    `أخمدت فرق الإطفاء اليوم الثلاثاء حريقا اندلع في سوق جميلة لتجارة الطحين والسكر بالجملة شرقي بغداد، من دون خسائر بشرية.\n\n${background}`,
    24,
    'outlet-b',
  );

  it('keeps the two fires apart', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(first);
    const b = await index.process(second);
    expect(b.layer.reusedPassages.length).toBeGreaterThan(0);
    expect(b.story.storyId).not.toBe(a.story.storyId);
  });

  it('joined them at the similar-content tolerance of 2 days (the rule is what keeps them apart)', async () => {
    const index = inMemoryDedupIndex({ passageDayTolerance: 2 });
    const a = await index.process(first);
    const b = await index.process(second);
    expect(b.story.storyId).toBe(a.story.storyId);
  });
});

describe('the medium is no event evidence (media.ts)', () => {
  it('tells the carrying medium from the actors of the news', () => {
    const credit = (text: string) => {
      const tokens = analyseText(text).tokens;
      return creditWords(tokens, datelineEnd(tokens));
    };
    expect(credit('ربك (الرافد) - قتل 11 شخصا')).toEqual(['الرافد']);
    expect(credit('بغداد - أعلنت الوزارة')).toEqual([]);
    expect(isMediumMention('وكالة الرافد', [], null)).toBe(true);
    expect(isMediumMention('لقناة الأمواج', [], null)).toBe(true);
    expect(isMediumMention('الرافد', ['الرافد'], null)).toBe(true);
    expect(isMediumMention('الديار الأردنية', [], 'جريدة الديار الأردنية')).toBe(true);
    expect(isMediumMention('الوكالة الدولية للطاقة الذرية', [], null)).toBe(false);
    expect(isMediumMention('وزارة الصحة', ['الرافد'], 'وكالة الرافد للأنباء')).toBe(false);
  });

  // One agency's reports of two drone strikes in one state on consecutive days: its lead quotes
  // officials «لوكالة الرافد», an organisation at headline weight in both.
  const rabak = {
    title: 'قتلى في قصف على سوق ربك',
    text: 'ربك (الرافد) - قال مسؤول محلي لوكالة الرافد إن أحد عشر شخصا قتلوا ظهر اليوم في قصف استهدف السوق الكبير في مدينة ربك.\n\nوأغلقت المحال أبوابها بعد الهجوم.',
  };
  const kosti = {
    title: 'هجوم على محطة كهرباء كوستي',
    text: 'كوستي (الرافد) - قال مهندس في المحطة لوكالة الرافد إن ثلاثة عمال قتلوا فجر اليوم في هجوم على محطة الكهرباء الرئيسية في كوستي.\n\nوانقطع التيار عن المدينة لساعات.',
  };
  const sketchOf = (article: { title: string; text: string }) => {
    const input = report(article.title, article.text, 0, 'وكالة الرافد للأنباء', [{ name: 'وكالة الرافد', type: 'ORG' }]);
    return decodeEventSketch(prepareArticle(input, dedupOptions()).eventSketch);
  };

  it('shares no headline feature between the agency\'s two unrelated reports', () => {
    expect(shareHeadlineFeature(sketchOf(rabak), sketchOf(kosti))).toBe(false);
  });
});

describe('the country of the opening actor (event-actor.ts)', () => {
  const countryIn = (text: string, names: readonly Mention[]) => {
    const layer = analyseText(text);
    const mentions = mentionsIn(text, names);
    return actorCountry(layer.tokens, mentions, datelineEnd(layer.tokens), () => false);
  };

  it('reads the country in or right after the opening organisation', () => {
    expect(countryIn('خفض البنك المركزي السعودي أسعار الفائدة ربع نقطة مئوية الأربعاء، مقتفيا أثر مجلس الاحتياطي الفيدرالي الأميركي.', [
      { name: 'البنك المركزي السعودي', type: 'ORG' },
      { name: 'مجلس الاحتياطي الفيدرالي الأميركي', type: 'ORG' },
    ])).toBe('SA');
    expect(countryIn('أعلن مصرف قطر المركزي خفض سعر فائدة الإيداع بمقدار 25 نقطة أساس.', [{ name: 'مصرف قطر المركزي', type: 'ORG' }])).toBe('QA');
    expect(countryIn('خفض المصرف المركزي في الإمارات سعر الفائدة الأساسي ربع نقطة مئوية مساء اليوم.', [{ name: 'المصرف المركزي', type: 'ORG' }])).toBe('AE');
    expect(countryIn('الدوحة (الصباح) - أعلنت وزارة التربية العراقية الثلاثاء نتائج الدور الثاني.', [{ name: 'وزارة التربية العراقية', type: 'ORG' }])).toBe('IQ');
  });

  it('names none when the opening clause names a second country, or the organisation comes late or has no country', () => {
    // A meeting: the Jordanian outlet opens with its own minister; no single actor.
    expect(countryIn('التقى وزير الخارجية السعودي نظيره الأردني في الرياض اليوم.', [{ name: 'وزير الخارجية السعودي', type: 'ORG' }])).toBeNull();
    expect(countryIn('أبقى بنك الكويت المركزي سعر الخصم عند 3.75 في المئة في وقت خفضت فيه السعودية والإمارات.', [{ name: 'بنك الكويت المركزي', type: 'ORG' }])).toBeNull();
    expect(countryIn('قتل ثلاثة أشخاص في قصف على السوق الشعبي في المدينة بحسب وزارة الصحة السودانية.', [{ name: 'وزارة الصحة السودانية', type: 'ORG' }])).toBeNull();
    expect(countryIn('أعلنت وزارة التربية نتائج امتحانات الدور الثاني.', [{ name: 'وزارة التربية', type: 'ORG' }])).toBeNull();
  });

  it('is stored in the slot without changing similarity, and slots without it read as before', () => {
    const features = new Map(Array.from({ length: 16 }, (_, i) => [(i + 1) * 32, 15 - (i % 10)] as const));
    const plain = decodeEventSketch(encodeEventSketch({ features, days: [20_000] }));
    const withActor = decodeEventSketch(encodeEventSketch({ features, days: [20_000], actor: actorKey('SA') }));
    expect(plain.actor).toBeUndefined();
    expect(plain.features.size).toBe(16);
    expect(withActor.actor).toBe(actorKey('SA'));
    expect(withActor.features.size).toBe(15);
    expect(withActor.days).toEqual([20_000]);
    expect(eventSimilarity(withActor, withActor)).toBe(1);
  });

  // A topic day: two Gulf central banks cut their rates the same evening after the Fed. Their reports
  // share every word of the decision and the Fed in the lead.
  const saudi = {
    title: 'البنك المركزي السعودي يخفض أسعار الفائدة بعد قرار الفيدرالي',
    text: 'خفض البنك المركزي السعودي أسعار الفائدة الرئيسية ربع نقطة مئوية مساء الأربعاء، مقتفيا أثر مجلس الاحتياطي الفيدرالي الأميركي، في ثالث خفض هذا العام. وأصبح سعر إعادة الشراء 4 في المئة.\n\nويرتبط الريال بالدولار منذ عقود، ما يجعل البنوك المركزية في الخليج تتبع قرارات الفيدرالي عادة.',
    names: [
      { name: 'البنك المركزي السعودي', type: 'ORG' },
      { name: 'مجلس الاحتياطي الفيدرالي الأميركي', type: 'ORG' },
    ] as Mention[],
  };
  const qatari = {
    title: 'مصرف قطر المركزي يخفض أسعار الفائدة بعد قرار الفيدرالي',
    text: 'خفض مصرف قطر المركزي أسعار الفائدة الرئيسية ربع نقطة مئوية مساء الأربعاء، مقتفيا أثر مجلس الاحتياطي الفيدرالي الأميركي، ليصبح سعر الإيداع 4.1 في المئة.\n\nويرتبط الريال بالدولار منذ عقود، ما يجعل البنوك المركزية في الخليج تتبع قرارات الفيدرالي عادة.',
    names: [
      { name: 'مصرف قطر المركزي', type: 'ORG' },
      { name: 'مجلس الاحتياطي الفيدرالي الأميركي', type: 'ORG' },
    ] as Mention[],
  };
  const saudiAgain = {
    title: 'المركزي السعودي يخفض الفائدة ربع نقطة',
    text: 'قرر البنك المركزي السعودي مساء الأربعاء خفض أسعار الفائدة الرئيسية ربع نقطة مئوية بعد قرار مجلس الاحتياطي الفيدرالي الأميركي، ليصبح سعر إعادة الشراء 4 في المئة.\n\nوقال البنك في بيان إن القرار يأتي في إطار الحفاظ على الاستقرار النقدي.',
    names: [
      { name: 'البنك المركزي السعودي', type: 'ORG' },
      { name: 'مجلس الاحتياطي الفيدرالي الأميركي', type: 'ORG' },
    ] as Mention[],
  };

  it('keeps apart two central banks deciding the same evening, and joins two reports of one', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(report(saudi.title, saudi.text, 0, 'outlet-a', saudi.names));
    const b = await index.process(report(qatari.title, qatari.text, 1, 'outlet-b', qatari.names));
    const c = await index.process(report(saudiAgain.title, saudiAgain.text, 2, 'outlet-c', saudiAgain.names));
    expect(b.story.storyId).not.toBe(a.story.storyId);
    expect(c.story.storyId).toBe(a.story.storyId);
  });

  it('would join the two banks on their words alone (the actor is what keeps them apart)', () => {
    const sketch = (article: typeof saudi) => decodeEventSketch(prepareArticle(report(article.title, article.text, 0, 'outlet', article.names), dedupOptions()).eventSketch);
    const [a, b] = [sketch(saudi), sketch(qatari)];
    const match = { threshold: 0.1, timeScaleHours: 96, dayTolerance: 2 };
    expect(sameEvent(a, b, 3600, match)).toBe(false);
    expect(sameEvent({ ...a, actor: undefined }, { ...b, actor: undefined }, 3600, match)).toBe(true);
  });
});

