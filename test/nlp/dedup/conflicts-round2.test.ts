// Issue 25, second round on conflict pairs C, D and E (spent): a bound written before a number in
// words, the roles outlets word differently, and sentences that share the event's words without a
// common named subject. Our own sentences in the style of the cases seen; the two sides go through
// the real chain (`analyse()`: text layer, NER, claims) and dedup's claim step.
import { describe, expect, it } from 'vitest';
import { decideSides, factsOf } from '../../helpers/conflict-sides.js';




describe('a bound before a number written in words', () => {
  it('reads «أقل من عشر رحلات» as an upper bound, not about ten', () => {
    const read = factsOf('وقالت الإدارة العامة للطيران المدني إن أقل من عشر رحلات ألغيت بسبب الغبار.', 'أقل من عشر');
    expect(read.bound).toBe('upper');
    expect(read.approx).toBe(false);
  });

  it('reads «أكثر من خمسين» as a lower bound', () => {
    expect(factsOf('وأكد المسؤول أن أكثر من خمسين منزلا تضررت جراء السيول في القرية.', 'أكثر من خمسين').bound).toBe('lower');
  });
});

describe('roles and parts as outlets word them', () => {
  it('reads «توفوا» after the counted people as killed, not the wounded named next', () => {
    const read = factsOf('وقال الناطق باسم مديرية الأمن العام إن ثلاثة أشخاص توفوا وأصيب 11 آخرون في انفجار المطعم.', 'ثلاثة');
    expect(read.role).toBe('killed');
    expect(read.subgroup).toBe(false);
  });

  it('takes a toll followed by «بينهم طفلان» as the whole, not a part', () => {
    expect(factsOf('لقي خمسة أشخاص حتفهم بينهم طفلان بعدما جرفتهم السيول في الوادي.', 'خمسة').subgroup).toBe(false);
  });

  it('does not take «35 قتيلا و60 جريحا» for two parts of one count', () => {
    expect(factsOf('وبلغت حصيلة الهجوم على السوق 35 قتيلا و60 جريحا في المدينة.', '35').subgroup).toBe(false);
  });

  it('still reads «75 شاحنة عبر أدري و45 شاحنة» as parts of a breakdown', () => {
    expect(factsOf('وعبرت 75 شاحنة عبر معبر أدري و45 شاحنة عبر معبر الطينة خلال الأسبوع.', '75').subgroup).toBe(true);
  });
});

describe('one event\'s toll in two sentences that share its words, not their wording', () => {
  const fire: [string, string] = ['اندلع حريق كبير فجر الأحد في مستودع للأخشاب بالمنطقة الصناعية في مدينة طنطا. وأعلنت مديرية الصحة إصابة 18 شخصا بحروق واختناق.', '18'];
  const injured: [string, string] = ['وفق بيان للمحافظة، بلغ عدد الجرحى في حريق مستودع الأخشاب 27 جريحا، غادر أغلبهم بعد تلقي الإسعافات.', '27'];

  it('compares two counts of people injured when the sentences share three of the event\'s words near the number', async () => {
    const { decision } = await decideSides(fire, injured);
    expect(decision.predicted).toBe('conflict');
  });

});
