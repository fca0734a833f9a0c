// Issue 25, fifth round on conflict pairs C–G (spent): headline rates among many, partial names,
// a category that is the whole toll, periods that are none. Our own sentences in the style of the
// cases seen; the two sides go through the real chain (`analyse()`: text layer, NER, claims) and
// dedup's claim step.
import { describe, expect, it } from 'vitest';
import { decideSides, factsOf } from '../../helpers/conflict-sides.js';

describe('the rate a report leads with, among its other rates', () => {
  const first = 'أعلن المعهد الوطني للإحصاء أن معدل التضخم في الأردن بلغ 4.2 في المئة خلال شهر أكتوبر. وارتفعت أسعار المواد الغذائية بنسبة 6.5 في المئة، فيما زادت أسعار النقل 2.9 في المئة.';
  const second = 'سجل التضخم في الأردن 3.6 في المئة في أكتوبر بحسب بيانات رسمية نشرت اليوم. وبلغ تضخم الإيجارات 5.1 في المئة، وأسعار الملابس 1.8 في المئة.';

  it('compares the two leading rates of one release', async () => {
    const { decision, a, b } = await decideSides([first, '4.2'], [second, '3.6']);
    expect(a.digest?.quantities[0]?.crowded).toBe(true);
    expect(b.digest?.quantities[0]?.headline).toBe(true);
    expect(decision.predicted).toBe('conflict');
  });

  it('still keeps a rate further down apart from the other report’s lead', async () => {
    const { decision } = await decideSides([first, '6.5'], [second, '3.6']);
    expect(decision.predicted).toBe('no-conflict');
  });
});

describe('the headline mark in the stored digest', () => {
  it('reads back a headline mark and a sole mark from their one bit', async () => {
    const { encodeClaimDigests, decodeClaimDigests } = await import('../../../src/nlp/dedup/claims.js');
    const { a } = await decideSides(
      ['أعلن المعهد الوطني للإحصاء أن معدل التضخم في الأردن بلغ 4.2 في المئة خلال شهر أكتوبر. وارتفعت أسعار المواد الغذائية بنسبة 6.5 في المئة، فيما زادت أسعار النقل 2.9 في المئة.', '4.2'],
      ['قتل 7 أشخاص في انهيار مبنى سكني في حي النزهة بعمان فجر اليوم.', '7'],
    );
    const stored = decodeClaimDigests(encodeClaimDigests(a.prepared.claims)).flatMap((d) => d.quantities);
    expect(stored.filter((q) => q.headline).length).toBe(1);
    expect(stored.some((q) => q.sole)).toBe(false);
  });
});

describe('a toll an outlet says has risen, the same day', () => {
  it('compares the article’s one figure «ارتفعت الحصيلة إلى» with the other outlet’s toll', async () => {
    const { decision, a } = await decideSides(
      ['ارتفعت حصيلة حريق المصنع إلى 7 قتلى، بحسب ما أفاد مصدر في الدفاع المدني. ولا تزال فرق الإطفاء تعمل على تبريد الموقع.', '7'],
      ['لقي 4 عمال حتفهم ظهر اليوم عندما اشتعلت النيران في مستودع للمواد الكيميائية بالمنطقة الصناعية جنوب مدينة الزرقاء.', '4'],
    );
    expect(a.digest?.quantities[0]?.update).toBe(true);
    expect(a.digest?.quantities[0]?.sole).toBe(true);
    expect(decision.predicted).toBe('conflict');
  });
});

describe('civilians or fighters as the article’s one toll', () => {
  const whole = 'قالت غرفة الطوارئ في كادقلي إن حصيلة الهجوم على سوق الماشية بلغت 23 قتيلا، ونقل الجرحى إلى المستشفى العسكري.';

  it('compares «مقتل 15 مدنيا», the article’s only figure of the killed, with the other outlet’s toll', async () => {
    const { decision } = await decideSides(['أفادت مصادر محلية بمقتل 15 مدنيا في قصف بطائرة مسيرة استهدف سوق الماشية في مدينة كادقلي صباح اليوم.', '15'], [whole, '23']);
    expect(decision.predicted).toBe('conflict');
  });

  it('keeps a category deep in a report a category (a roundup, not the event’s toll)', async () => {
    const roundup = 'استعادت القوات الحكومية السيطرة على قاعدة جوية في جنوب البلاد. وقال قائد ميداني إن العملية استمرت ثلاثة أيام. وأضاف أن القوات تقدمت نحو المدينة المجاورة. وتحدث سكان عن نزوح عائلات كثيرة. إلى ذلك، قتل 13 مسلحا في مواجهات غربي محافظة مأرب.';
    const { a } = await decideSides([roundup, '13'], [whole, '23']);
    expect(a.digest?.quantities[0]?.countedKey).not.toBe('killed');
  });

  it('keeps children among the victims a part of the toll', async () => {
    const { decision } = await decideSides(['قالت منظمة اليونيسف إن سبعة أطفال كانوا بين ضحايا القصف على سوق الماشية في كادقلي.', 'سبعة'], [whole, '23']);
    expect(decision.predicted).toBe('no-conflict');
  });
});

describe('«بين» names a period only before a time word', () => {
  it('reads no period in «بين شاحنة وحافلة» nor «بين حمص ودمشق»', () => {
    expect(factsOf('قتل 6 أشخاص في تصادم بين شاحنة وحافلة على الطريق بين حمص ودمشق فجر اليوم.', '6').period).toEqual([]);
  });

  it('still reads «بين أكتوبر ويوليو» and «بين عامي 2019 و2023» as periods', () => {
    expect(factsOf('وصدرت البلاد 40 ألف طن من التمور بين أكتوبر ويوليو.', '40 ألف').period.length).toBeGreaterThan(0);
    expect(factsOf('وسجلت الوزارة 300 حالة بين عامي 2019 و2023.', '300').period.length).toBeGreaterThan(0);
  });
});

describe('a person named in full on one side and by surname on the other', () => {
  const full = ['قضت محكمة الجنايات في عمان بسجن الناشط خالد المومني ست سنوات، بعد إدانته بنشر أخبار كاذبة على مواقع التواصل.', 'ست'] as [string, string];
  const surname = ['طالبت نقابة المحامين بالإفراج عن المومني، الذي صدر بحقه أمس حكم بالسجن 4 سنوات بسبب منشورات انتقد فيها الحكومة.', '4'] as [string, string];

  it('compares the two prison terms of one convict', async () => {
    const { decision, a } = await decideSides(full, surname);
    expect(a.digest?.quantities[0]?.names).toContain(factsOf(surname[0], '4').context.find((w) => a.digest?.quantities[0]?.names?.includes(w)));
    expect(decision.predicted).toBe('conflict');
  });

  it('keeps the names through the stored digest', async () => {
    const { encodeClaimDigests, decodeClaimDigests, toStoredDigest } = await import('../../../src/nlp/dedup/claims.js');
    const { a } = await decideSides(full, surname);
    const stored = decodeClaimDigests(encodeClaimDigests(a.prepared.claims)).flatMap((d) => d.quantities);
    const direct = a.prepared.claims.map(toStoredDigest).flatMap((d) => d.quantities);
    expect(stored.map((q) => q.names)).toEqual(direct.map((q) => q.names));
    expect(stored.some((q) => q.names.length > 0)).toBe(true);
  });
});
