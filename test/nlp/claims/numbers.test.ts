// Numeric claims and dates on composed sentences (not from the seeds).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributed, claimsOf, numeric } from './helpers.js';

const quantities = (text: string) => numeric(text).map((c) => c.quantities[0]);

describe('numbers in digits and words', () => {
  it('reads digits with an attached preposition or conjunction, and Arabic-Indic digits', () => {
    const [a, b, c] = quantities('أطلقت الفصائل بـ12 صاروخا و50 قذيفة على ١٥٠ منزلا.');
    expect([a?.value, a?.unit, a?.text]).toEqual([12, 'صاروخ', '12 صاروخا']);
    expect([b?.value, b?.text]).toEqual([50, '50 قذيفة']);
    expect([c?.value, c?.text]).toEqual([150, '١٥٠ منزلا']);
  });

  it('reads number words, compounds and scales', () => {
    expect(quantities('وصل خمسة وعشرون جنديا إلى القاعدة.')[0]?.value).toBe(25);
    expect(quantities('نزح ثلاثة آلاف شخص من القرية.')[0]?.value).toBe(3000);
    expect(quantities('وينتشر 5 آلاف جندي في البلاد.')[0]?.value).toBe(5000);
    expect(quantities('بلغت الخسائر 2.5 مليون دولار.')[0]?.value).toBe(2_500_000);
    expect(quantities('اعتقلت الشرطة أحد عشر مشتبها.')[0]?.value).toBe(11);
    expect(quantities('وصلت مئتا شاحنة محملة بالمساعدات.')[0]?.value).toBe(200);
  });

  it('reads a fraction of a scale word as an amount, and a figure completed after «و»', () => {
    expect(quantities('رصدت الحكومة نصف مليار دولار للإعمار.')[0]?.value).toBe(500_000_000);
    expect(quantities('يحتاج ربع مليون شخص إلى الغذاء.')[0]?.value).toBe(250_000);
    const [a] = quantities('ارتفعت الحصيلة إلى ٤٢ ألفا و١٥٠ قتيلا.');
    expect([a?.value, a?.text]).toEqual([42_150, '٤٢ ألفا و١٥٠ قتيلا']);
    // Two figures, each with its scale: not one number.
    expect(quantities('قدرت الجهات 60 ألفا و70 ألف نازح.').map((q) => q?.value)).toEqual([60_000, 70_000]);
  });

  it('reads a compound amount as one number: «16 مليارا و600 مليون», «ثلاثة ملايين و200 ألف», «مليونين و500 ألف»', () => {
    expect(quantities('وقعت الشركة صفقة بقيمة 16 مليارا و600 مليون دولار.').map((q) => [q?.text, q?.value])).toEqual([['16 مليارا و600 مليون دولار', 16_600_000_000]]);
    expect(quantities('بلغت الخسائر ثلاثة ملايين و200 ألف دولار.').map((q) => q?.value)).toEqual([3_200_000]);
    expect(quantities('بلغ عدد السكان مليونين و500 ألف نسمة.').map((q) => q?.value)).toEqual([2_500_000]);
    // Two figures of the same scale stay two.
    expect(quantities('نزح 40 ألفا و50 ألفا آخرون.').map((q) => q?.value)).toEqual([40_000, 50_000]);
  });

  it('reads «مليار ونصف المليار», «مليون وربع», «3 ملايين ونصف» as one amount', () => {
    expect(quantities('ووقعت الوزارة اتفاقيات تمويل بقيمة مليار ونصف المليار دولار للمشروع.').map((q) => [q?.text, q?.value])).toEqual([['مليار ونصف المليار دولار', 1_500_000_000]]);
    expect(quantities('وغرمت المحكمة الشركة مبلغ مليون ونصف المليون دينار.').map((q) => q?.value)).toEqual([1_500_000]);
    expect(quantities('وبلغت كلفة الترميم مليون وربع دولار.').map((q) => q?.value)).toEqual([1_250_000]);
    expect(quantities('وبلغت الخسائر 3 ملايين ونصف دولار.').map((q) => q?.value)).toEqual([3_500_000]);
  });

  it('reads teens in every case, «عشر» after a definite noun, and «واحدا» after its noun', () => {
    // A prison term is a verdict's figure (issue 25): read as 10, a numeric claim of kind 'term'.
    const term = claimsOf('قضت المحكمة بالسجن عشر سنوات على المتهم.');
    expect(term.nonClaimQuantities).toEqual([]);
    expect(quantities('قضت المحكمة بالسجن عشر سنوات على المتهم.').map((q) => [q?.kind, q?.value])).toEqual([['term', 10]]);
    expect(quantities('وزعت الجمعية عشر سلال على الأسر.')[0]?.value).toBe(10);
    expect(quantities('أصيب اثني عشر عاملا في الحريق.')[0]?.value).toBe(12);
    expect(quantities('سجلت الوزارة إصابة واحدة ومريضا واحدا.').map((q) => q?.value)).toEqual([1, 1]);
    expect(quantities('بلغ عدد اللاجئين سبعة عشر ألفا.')[0]?.value).toBe(17_000);
  });

  it('keeps both ends of a range', () => {
    const [a] = quantities('شارك بين 20 و30 مقاتلا في الهجوم.');
    expect([a?.value, a?.valueMax]).toEqual([20, 30]);
    const [b] = quantities('قتل 20-30 مسلحا في الاشتباكات.');
    expect([b?.value, b?.valueMax]).toEqual([20, 30]);
    // A scale word written once, after the second number, belongs to both.
    const [c] = quantities('نزح بين 15 و20 ألف شخص من المدينة.');
    expect([c?.value, c?.valueMax]).toEqual([15_000, 20_000]);
    const [d] = quantities('تحتاج الخطة من 3 إلى 4 مليارات دولار.');
    expect([d?.value, d?.valueMax]).toEqual([3e9, 4e9]);
  });

  it('reads vague plurals and fractions as ranges or shares', () => {
    // A vague plural with no scale word is not a numeric claim (issue 20); it is kept as 'vague'.
    const crowd = claimsOf('خرج مئات المتظاهرين إلى الشوارع.');
    expect(crowd.claims).toHaveLength(0);
    expect(crowd.nonClaimQuantities.map((q) => [q.kind, q.value, q.valueMax])).toEqual([['vague', 100, 999]]);
    const [b] = quantities('فر عشرات الآلاف من النازحين.');
    expect([b?.value, b?.valueMax]).toEqual([10_000, 99_999]);
    const [c] = quantities('يعيش نصف السكان تحت خط الفقر.');
    expect(c?.value).toBe(0.5);
  });

  it('marks approximations before and after the number', () => {
    expect(quantities('أصيب نحو 40 شخصا.')[0]?.approx).toBe(true);
    expect(quantities('قتل أكثر من 100 مدني.')[0]?.text).toBe('أكثر من 100 مدني');
    expect(quantities('قتل 12 شخصا على الأقل.')[0]?.approx).toBe(true);
    expect(quantities('قتل 12 شخصا.')[0]?.approx).toBe(false);
  });

  it('takes the counted noun with its adjectives, or a partitive «من»', () => {
    const [a] = quantities('وصل 300 جندي بريطاني إلى المطار.');
    expect(a?.counted).toBe('جندي بريطاني');
    const [b] = quantities('أفرج عن 7 من المعتقلين.');
    expect([b?.value, b?.text]).toEqual([7, '7 من المعتقلين']);
  });

  it('reads «وفيات» as one counted noun, not و + «فيات»', () => {
    const [q] = quantities('قال والي تمنراست إن الفيضانات خلفت 9 وفيات ومفقودا واحدا.');
    expect([q?.value, q?.counted]).toEqual([9, 'وفيات']);
  });

  it('reads the dual of a people noun as 2, from the stem, and leaves a sound plural alone', () => {
    const text = 'وأفادت وزارة الصحة بأن الغارة أسفرت عن قتيلين وجريحين.';
    const qs = quantities(text);
    expect(qs.map((q) => [q?.value, q?.text, q && text.slice(q.start, q.end)])).toEqual([
      [2, 'قتيلين', 'قتيلين'],
      [2, 'جريحين', 'جريحين'],
    ]);
    expect(quantities('وقالت الشرطة إن شخصين قتلا في الهجوم.').map((q) => q?.value)).toEqual([2]);
    // «مصابين», «مدنيين» are plurals; a definite dual refers back.
    expect(quantities('ونقل المصابين إلى المستشفى، وبينهم مدنيين.')).toHaveLength(0);
    expect(quantities('وشيع القتيلين مساء اليوم.')).toHaveLength(0);
  });

  it('reads a bare figure after «عددهم» or «لا يتجاوز» as a count', () => {
    expect(quantities('وقال إن الموقوفين لا يتجاوز عددهم ستة، أطلق سراح أربعة منهم.').map((q) => q?.value)).toEqual([6, 4]);
    expect(quantities('وقال المصدر إن عدد النزلاء الفارين لا يتجاوز خمسة.').map((q) => q?.value)).toEqual([5]);
    expect(quantities('وصل أفراد طاقم السفينة، وعددهم 25، إلى مسقط.').map((q) => q?.value)).toEqual([25]);
  });

  it('does not count years, dates, ordinals, or definite numerals that refer back', () => {
    expect(quantities('وقع الاتفاق في عام 2019 في العاصمة.')).toHaveLength(0);
    expect(quantities('عقد الاجتماع في الـ15 من الشهر الماضي.')).toHaveLength(0);
    expect(quantities('وهو الهجوم الرابع عشر هذا العام.')).toHaveLength(0);
    expect(quantities('وقال الشهود الثلاثة إن الطائرة سقطت.')).toHaveLength(0);
    expect(quantities('زار الوفد المدينة في 5 مارس.')).toHaveLength(0);
  });

  it('links a number inside a statement to that statement', () => {
    const { claims } = claimsOf('وقال الدفاع المدني إن 14 شخصا قتلوا في الحريق.');
    const n = claims.find((c) => c.kind === 'numeric');
    expect(n?.attributedTo).not.toBeNull();
    expect(claims[n?.attributedTo as number]?.cue?.text).toBe('وقال');
    expect(claims[n?.attributedTo as number]?.quantities[0]?.value).toBe(14);
  });
});

describe('dates', () => {
  const published = '2021-07-13T23:41:00Z'; // a Tuesday
  const dates = (text: string) => claimsOf(text, { publishedAt: published }).dates;

  it('normalises day–month dates to ISO with the year of publication', () => {
    const [d] = dates('وقع الهجوم في 5 يوليو قرب الحدود.');
    expect([d?.kind, d?.iso]).toEqual(['date', '2021-07-05']);
    const [e] = dates('اجتمعوا في السابع من يوليو (تموز) في بغداد.');
    expect(e?.iso).toBe('2021-07-07');
    const [f] = dates('صدر القرار في 20 ديسمبر 2020.');
    expect(f?.iso).toBe('2020-12-20');
  });

  it('resolves weekdays and relative expressions against the publication date', () => {
    expect(dates('وقع الانفجار الأحد.')[0]?.iso).toBe('2021-07-11');
    expect(dates('التقى الوفد الخميس الماضي.')[0]?.iso).toBe('2021-07-08');
    expect(dates('وصل الوفد أمس.')[0]?.iso).toBe('2021-07-12');
    expect(dates('ارتفعت الأسعار الشهر الماضي.')[0]?.iso).toBe('2021-06');
    expect(dates('بدأت المحادثات في أبريل الماضي.')[0]?.iso).toBe('2021-04');
    expect(dates('في الـ7 من الشهر الجاري.')[0]?.iso).toBe('2021-07-07');
  });

  it('reads years and clock times', () => {
    const [y] = dates('انسحبت القوات عام 2011.');
    expect([y?.kind, y?.iso]).toEqual(['year', '2011']);
    const [t] = dates('رويترز الثلاثاء 13 يوليو 2021 23:41');
    expect(t?.kind).toBe('weekday');
    const dt = dates('رويترز الثلاثاء 13 يوليو 2021 23:41').find((d) => d.kind === 'datetime');
    expect(dt?.iso).toBe('2021-07-13T23:41');
  });

  it('keeps Hijri dates out of the counts', () => {
    const layer = claimsOf('يبدأ الفرز الثاني بعد تاريخ ٩ شوال.', { publishedAt: published });
    expect(layer.claims.filter((c) => c.kind === 'numeric')).toHaveLength(0);
    expect(layer.dates[0]?.text).toBe('٩ شوال');
  });

  it('leaves ISO empty when the article has no date', () => {
    const [d] = claimsOf('وقع الانفجار الأحد.').dates;
    expect(d?.iso).toBeNull();
  });
});

describe('check-worthiness', () => {
  it('ranks a casualty figure attributed to a source above a bland statement, and explains why', () => {
    const [strong] = attributed('وقال مسؤول في الصحة إن 35 شخصا قتلوا في القصف.');
    const [weak] = attributed('وقال المتحدث إن الاجتماع كان مفيدا.');
    expect(strong?.checkworthiness).toBeGreaterThan(weak?.checkworthiness as number);
    expect(strong?.checkworthinessFeatures).toHaveProperty('casualties');
    expect(strong?.checkworthinessFeatures).toHaveProperty('number');
  });

  it('stays in [0, 1] and puts the sum of features through the logistic', () => {
    for (const c of claimsOf('وتتهم الحكومة المعارضة بالوقوف وراء أكبر هجوم أدى إلى مقتل 40 شخصا.').claims) {
      expect(c.checkworthiness).toBeGreaterThanOrEqual(0);
      expect(c.checkworthiness).toBeLessThanOrEqual(1);
      const sum = Object.values(c.checkworthinessFeatures).reduce((a, b) => a + b, 0);
      expect(c.checkworthiness).toBeCloseTo(1 / (1 + Math.exp(-sum)), 2);
    }
  });
});

describe('properties', () => {
  const vocabulary = [
    'وقال', 'قالت', 'إن', 'أن', 'بأن', 'مصدر', 'أمني', 'الوزير', 'بحسب', 'وفق', 'ما', 'أكد', '"', '«', '»', '،', '.', 'نحو',
    '14', 'بـ3', 'ثلاثة', 'آلاف', 'جندي', 'عشرات', 'الهجمات', 'الأحد', 'عام', '2020', 'يوليو', 'وأضاف', 'مشيرا', 'إلى',
    'أيام', 'عاما', 'العمر', 'طراز', 'الملايين', 'دولار', 'مليار', '16.6', 'إف-16', 'الدقيقة', '3-1', 'الـ7', '07701234567',
    'لم', 'تعلن', 'عن', 'نقلت', 'قوله', 'الحكومة', 'في', 'بيان', 'ويrول', ':', '-', '(', ')', '١٢', 'نصف', 'واحد',
  ];
  const texts = fc.array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 60 }).map((ws) => ws.join(' '));

  it('never throws, every span slices the text, and the output is deterministic', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const a = claimsOf(text, { publishedAt: '2021-07-13T00:00:00Z' });
        const b = claimsOf(text, { publishedAt: '2021-07-13T00:00:00Z' });
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        for (const c of a.claims) {
          const spans = [c, c.cue, c.content, c.speaker, c.speaker?.antecedent, ...c.quantities];
          for (const s of spans) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(c.checkworthiness).toBeGreaterThanOrEqual(0);
          expect(c.checkworthiness).toBeLessThanOrEqual(1);
          if (c.attributedTo !== null) expect(a.claims[c.attributedTo]?.kind).toBe('attributed');
        }
        for (const d of a.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
        // A number that is not a claim slices the text too, and is never also a numeric claim.
        const counted = a.claims.flatMap((c) => (c.kind === 'numeric' ? c.quantities : []));
        for (const q of a.nonClaimQuantities) {
          expect(text.slice(q.start, q.end)).toBe(q.text);
          expect(counted.some((n) => n.start < q.end && q.start < n.end)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
