// Issue 25, third round on conflict pairs C, D and E (spent): what a sum of money or a rate counts,
// and counts that grow with the days. Our own sentences in the style of the cases seen; the two sides
// go through the real chain (`analyse()`: text layer, NER, claims) and dedup's claim step.
import { describe, expect, it } from 'vitest';
import { decideSides, factsOf } from '../../helpers/conflict-sides.js';

describe('money and rates: role words near a sum are its frame', () => {
  it('finds one fine stated as «غرامات مجموعها» and as «تغريم»', async () => {
    const { decision } = await decideSides(
      ['فرضت هيئة المنافسة غرامات مجموعها 40 مليون ريال على خمس شركات ألبان بعد ثبوت اتفاقها على الأسعار.', '40 مليون'],
      ['قررت هيئة المنافسة تغريم شركات الألبان المخالفة 25 مليون ريال بسبب الاتفاق على الأسعار.', '25 مليون'],
    );
    expect(decision.predicted).toBe('conflict');
  });

  it('does not read «إجمالية» before an expenditure as a total contested', () => {
    const read = factsOf('وتتضمن الميزانية الجديدة مصروفات إجمالية قدرها 12.6 مليار دينار للعام المقبل.', '12.6');
    expect(read.role).toBeNull();
  });

  it('keeps a share won apart from a turnout', () => {
    expect(factsOf('وحصلت القائمة على 24 في المئة من الأصوات في الدائرة.', '24').role).toBe('won');
  });

  it('does not take «قيمة» for a frame: a loan and a contract of one project are two sums', async () => {
    const { decision } = await decideSides(
      ['أعلن الصندوق الكويتي للتنمية توقيع اتفاقية قرض مع لبنان لتمويل إعادة بناء صوامع مرفأ بيروت. وتبلغ قيمة القرض 90 مليون دولار تسدد على 20 سنة.', '90 مليون'],
      ['يبدأ التحالف الفائز بعقد إعادة بناء صوامع القمح في مرفأ بيروت أعماله مطلع السنة المقبلة. وقالت الوزارة إن العقد البالغة قيمته 160 مليون دولار يشمل محطة لتفريغ السفن.', '160 مليون'],
    );
    expect(decision.predicted).toBe('no-conflict');
  });
});

describe('a count since a starting point grows with the days', () => {
  it('reads «منذ بداية تفشي المرض» as a cumulative count', () => {
    expect(factsOf('وسجلت مدينة الحديدة 420 حالة اشتباه بالكوليرا منذ بداية تفشي المرض.', '420').rising).toBe(true);
  });
});
