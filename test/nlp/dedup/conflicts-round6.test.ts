// Issue 25, sixth round on conflict pairs A–H (spent): false conflicts that recur across sets.
// Our own sentences in the style of the cases seen; the two sides go through the real chain
// (`analyse()`: text layer, NER, claims) and dedup's claim step.
import { describe, expect, it } from 'vitest';
import { decideSides, factsOf } from '../../helpers/conflict-sides.js';

describe('a total told whole by one outlet and in parts by the other', () => {
  it('reads a second tonnage of the same unit as parts («30 ألف طن من الذرة و15 ألف طن من السكر»)', () => {
    expect(factsOf('وصلت إلى ميناء الحديدة باخرة تحمل 30 ألف طن من الذرة و15 ألف طن من السكر.', '30 ألف').subgroup).toBe(true);
  });

  it('reads a further shipment later in the sentence as a part («فيما وصلت شحنة ثانية حجمها»)', () => {
    expect(factsOf('رست في ميناء صفاقس باخرة تحمل 20 ألف طن من الشعير، فيما وصلت شحنة ثانية حجمها 9 آلاف طن إلى ميناء قابس.', '20 ألف').subgroup).toBe(true);
    expect(factsOf('نقلت الباخرة الأولى 20 ألف طن من الشعير، والثانية 9 آلاف طن، وفق ديوان الحبوب.', '9 آلاف').subgroup).toBe(true);
  });

  it('reads «إضافة إلى N» as a further part of the people counted', () => {
    expect(factsOf('عاد 900 لاجئ من الأردن عبر معبر جابر خلال الشهر الماضي، إضافة إلى 400 عبر معبر نصيب.', '900').subgroup).toBe(true);
  });

  it('no longer pairs a shipment told whole with one of its parts', async () => {
    const { decision } = await decideSides(
      ['أعلنت وزارة التجارة وصول شحنة من القمح تزن 45 ألف طن إلى ميناء الحديدة ضمن مساعدات البرنامج.', '45 ألف'],
      ['قال برنامج الأغذية إن سفينة تحمل 30 ألف طن من القمح رست في ميناء الحديدة، فيما وصلت شحنة ثانية حجمها 15 ألف طن إلى الميناء نفسه.', '30 ألف'],
    );
    expect(decision.predicted).toBe('no-conflict');
  });

  it('keeps a lone count of the same unit whole', () => {
    expect(factsOf('رست في ميناء صفاقس باخرة تحمل 20 ألف طن من الشعير القادم من أوكرانيا.', '20 ألف').subgroup).toBe(false);
  });
});

describe('seats won by two lists in one council', () => {
  it('reads the list after «قائمة» or «لائحة» as whose seats, not the town', () => {
    const a = factsOf('فازت قائمة النهضة البلدية بـ7 مقاعد في المجلس البلدي لمدينة صور.', '7');
    const b = factsOf('حصلت لائحة صور الموحدة على 5 مقاعد في المجلس البلدي للمدينة.', '5');
    expect(a.subjects).toHaveLength(1);
    expect(b.subjects).toHaveLength(1);
    expect(a.subjects[0]).not.toBe(b.subjects[0]);
  });

  it('no longer pairs two lists\' seats in one council', async () => {
    const { decision } = await decideSides(
      ['فازت قائمة النهضة البلدية بـ7 مقاعد في المجلس البلدي لمدينة صور، بحسب النتائج الرسمية.', '7'],
      ['فازت قائمة الأمل الشعبي بـ5 مقاعد في المجلس البلدي لمدينة صور، بحسب النتائج الرسمية.', '5'],
    );
    expect(decision.predicted).toBe('no-conflict');
  });

  it('still pairs one list\'s seats told two ways', async () => {
    const { decision } = await decideSides(
      ['فازت قائمة النهضة البلدية بـ7 مقاعد في المجلس البلدي لمدينة صور، بحسب النتائج الرسمية.', '7'],
      ['حصدت قائمة النهضة 9 مقاعد في انتخابات المجلس البلدي في صور، وفق اللجنة المشرفة.', '9'],
    );
    expect(decision.predicted).toBe('conflict');
  });
});

describe('two donors\' pledges at one conference', () => {
  it('reads the giver before «تعهد», «تخصيص»… as whose sum, the speaker too', () => {
    const a = factsOf('تعهدت ألمانيا خلال مؤتمر المانحين في عمّان بتقديم 30 مليون يورو لدعم المدارس في اليمن.', '30 مليون');
    const b = factsOf('أعلنت فرنسا في المؤتمر نفسه تخصيص 20 مليون يورو لدعم المدارس في اليمن.', '20 مليون');
    expect(a.subjects.some((w) => b.subjects.includes(w))).toBe(false);
  });

  it('no longer pairs two donors\' pledges for one country', async () => {
    const { decision } = await decideSides(
      ['تعهدت ألمانيا خلال مؤتمر المانحين بتقديم 30 مليون يورو لدعم المدارس في اليمن.', '30 مليون'],
      ['أعلنت فرنسا في مؤتمر المانحين تخصيص 20 مليون يورو لدعم المدارس في اليمن.', '20 مليون'],
    );
    expect(decision.predicted).toBe('no-conflict');
  });
});
