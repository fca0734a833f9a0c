// Issue 25, fourth round on conflict pairs C–F (spent): one counted thing worded two ways by two
// outlets. Our own sentences in the style of the cases seen; the two sides go through the real
// chain (`analyse()`: text layer, NER, claims) and dedup's claim step.
import { describe, expect, it } from 'vitest';
import { decideSides, factsOf } from '../../helpers/conflict-sides.js';

describe('one counted thing under two written names', () => {
  it('counts «أسرة» and «عائلة» as one family', async () => {
    const { decision } = await decideSides(
      ['أجلت فرق الدفاع المدني 90 أسرة من حي الشهداء في مدينة الكوت بعد أن غمرت السيول الشوارع ليلا.', '90'],
      ['قالت مديرية الدفاع المدني في واسط إن 60 عائلة أخليت من منازلها في حي الشهداء بالكوت بسبب السيول.', '60'],
    );
    expect(decision.predicted).toBe('conflict');
  });

  it('keeps «أسير» apart from «أسرة» though their skeletons meet', () => {
    expect(factsOf('وعادت 120 أسرة إلى قراها في ريف المدينة.', '120').noun).not.toBe(factsOf('وضمت قائمة التبادل 120 أسيرا من الطرفين.', '120').noun);
  });
});

describe('a crowd counted as protesters, participants or people who took part', () => {
  it('finds one protest counted as «متظاهر» by one outlet and «محتج» by the other', async () => {
    const { decision } = await decideSides(
      ['خرج 2000 متظاهر مساء اليوم في وسط مدينة مصراتة احتجاجا على غلاء الأسعار وانقطاع الوقود.', '2000'],
      ['قدرت مديرية أمن مصراتة عدد المشاركين في احتجاج الوقود بنحو 700 محتج تجمعوا وسط المدينة.', '700'],
    );
    expect(decision.predicted).toBe('conflict');
  });

  it('reads «شخص شاركوا» as the crowd, and protesters arrested as the arrested', () => {
    expect(factsOf('وقال المنظمون إن نحو أربعة آلاف شخص شاركوا في المسيرة.', 'أربعة آلاف').role).toBe('participated');
    expect(factsOf('واعتقلت الشرطة 30 محتجا خلال التظاهرة في وسط المدينة.', '30').role).toBe('arrested');
    expect(factsOf('وشهدت العاصمة 12 تظاهرة خلال الأسبوع.', '12').role).toBeNull();
  });
});

describe('cases of an illness are the people it struck', () => {
  it('finds one poisoning counted as «حالة تسمم» and as people «أصيبوا»', async () => {
    const { decision } = await decideSides(
      ['أصيب أكثر من 70 شخصا بتسمم غذائي خلال حفل زفاف في مدينة النعمة، وفق مصادر طبية.', '70'],
      ['سجل المستشفى الجهوي في النعمة 45 حالة تسمم غذائي بعد حفل زفاف أقيم مساء أمس في المدينة.', '45'],
    );
    expect(decision.predicted).toBe('conflict');
  });

  it('leaves «حالة» with no illness named as it was', () => {
    expect(factsOf('وسجلت المحكمة 45 حالة طلاق خلال الشهر الماضي.', '45').role).not.toBe('wounded');
  });

  it('reads «منذ بداية نوفمبر» and «منذ مطلع الشهر» as one period start', () => {
    const a = factsOf('وسجلت الفرق الصحية 212 إصابة بالكوليرا في المخيمات منذ مطلع الشهر.', '212');
    const b = factsOf('وأفادت المنظمة بتسجيل 150 حالة كوليرا في المخيمات منذ بداية نوفمبر.', '150');
    expect(a.period.some((w) => b.period.includes(w))).toBe(true);
  });
});

describe('readings that split one counted thing', () => {
  it('reads bodies recovered («انتشلت جثتي طفلين») as the killed, not the rescued', () => {
    expect(factsOf('وانتشلت فرق الإنقاذ جثتي طفلين غرقا في ترعة بالقرية عصر اليوم.', 'طفلين').role).toBe('killed');
  });

  it('never reads a length after «الأشغال العمومية» as a prison term', () => {
    expect(factsOf('افتتح وزير الأشغال العمومية اليوم جسرا بطول 1.6 كيلومتر فوق الوادي.', '1.6').role).toBeNull();
  });

  it('reads «دنانير» as «دينار»', () => {
    expect(factsOf('ورفعت الحكومة الحد الأدنى للأجور إلى 320 دنانير شهريا.', '320').noun).toBe(factsOf('وحددت الحكومة الحد الأدنى للأجور بـ 300 دينار.', '300').noun);
  });
});

describe('consistent values', () => {
  it('reads «لا تقل قيمته عن» as a lower bound', () => {
    expect(factsOf('ووافق الصندوق على قرض لا تقل قيمته عن 45 مليون دولار لتوسعة الميناء.', '45 مليون').bound).toBe('lower');
  });

  it('reads a dual before «وثلاثة قتلى» as one part of a breakdown', () => {
    expect(factsOf('وأسفر القصف عن قتيلين في مدينة سراقب وثلاثة قتلى في قرية مجاورة مساء أمس.', 'قتيلين').subgroup).toBe(true);
    expect(factsOf('وتسببت العاصفة في انهيار 60 مسكنا بشكل كلي وتضرر مئات المساكن الأخرى.', '60').subgroup).toBe(false);
  });
});

describe('«قضوا» after the counted phrase', () => {
  it('reads «خمسة من أبناء البلدة قضوا في الانفجار» as the killed', () => {
    expect(factsOf('ونعت البلدية خمسة من أبناء البلدة قضوا في انفجار المستودع مساء أمس.', 'خمسة').role).toBe('killed');
  });
});

describe('what befell the counted, read right after it', () => {
  it('reads «180 خيمة متضررة» as tents damaged', () => {
    expect(factsOf('وأحصت البلدية 180 خيمة متضررة جراء الثلوج والرياح في المخيمات.', '180').role).toBe('damaged');
  });

  it('reads people «للاختناق» as the wounded, not children vaccinated «ضد الحصبة»', async () => {
    expect(factsOf('وتعرض ستة أشخاص للاختناق جراء حريق اندلع في فندق بالمدينة.', 'ستة').role).toBe('wounded');
    expect(factsOf('وتستهدف الحملة تطعيم 30 ألف طفل ضد الحصبة في المخيمات.', '30 ألف').role).not.toBe('wounded');
    const { decision } = await decideSides(
      ['تعرض ستة أشخاص للاختناق جراء حريق اندلع في فندق بمدينة سطيف، وفق مصدر بالحماية المدنية.', 'ستة'],
      ['أصيب 11 نزيلا بحالات اختناق إثر حريق شب في مطبخ فندق وسط مدينة سطيف ليلة أمس.', '11'],
    );
    expect(decision.predicted).toBe('conflict');
  });
});
