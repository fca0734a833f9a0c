// Speakers (issue 20, items 1–3): the examples 1–3 as whole statements, sources named by an
// attribution phrase, speaker spans that end at the speaker, and pronoun cues resolved to the
// earlier speaker that agrees with them. Sentences composed for these tests.
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/schema/claims.js';
import { attributed, mention } from './helpers.js';

/** The speaker's text, checked against the original text at its offsets. */
function speakerOf(text: string, c: Claim | undefined): string | undefined {
  const sp = c?.speaker;
  if (!sp) return undefined;
  expect(text.slice(sp.start, sp.end)).toBe(sp.text);
  return sp.text;
}

describe('issue 20, examples 1–3', () => {
  it('example 1: «وبحسب تقرير لـ رويترز، فإن …» names the agency, not the report', () => {
    const text = 'وبحسب تقرير لـ رويترز، فإن الشركة تعتزم خفض إنتاجها بنسبة كبيرة العام المقبل.';
    for (const entities of [[], [mention(text, 'رويترز', 'ORG', 'org:reuters')]]) {
      const [c] = attributed(text, { entities });
      expect(c?.cue?.text).toBe('وبحسب');
      expect(speakerOf(text, c)).toBe('رويترز');
      expect(c?.speaker?.start).toBe(text.indexOf('رويترز'));
      expect(c?.speaker?.resolvedFrom).toBe('explicit');
      expect(c?.content?.text).toBe('الشركة تعتزم خفض إنتاجها بنسبة كبيرة العام المقبل');
    }
    const [linked] = attributed(text, { entities: [mention(text, 'رويترز', 'ORG', 'org:reuters')] });
    expect(linked?.speaker?.entityId).toBe('org:reuters');
  });

  it('example 2: the named subject of «وكانت X، <apposition>، قالت …» is the speaker, not the setting', () => {
    const text = 'وكانت سارة محمود، مديرة المركز الوطني للبحوث، قالت في كلمتها أمام البرلمان يوم الأحد إن الميزانية المخصصة للبحث العلمي لا تكفي.';
    for (const entities of [[], [mention(text, 'سارة محمود', 'PER', 'per:sara')]]) {
      const [c] = attributed(text, { entities });
      expect(c?.cue?.text).toBe('قالت');
      expect(speakerOf(text, c)).toBe('سارة محمود');
      expect(c?.speaker?.start).toBe(text.indexOf('سارة'));
      expect(c?.content?.text).toBe('الميزانية المخصصة للبحث العلمي لا تكفي');
    }
  });

  it('example 3: the addressee «للصحفيين» is not part of the speaker; the title without a comma stays', () => {
    const text = 'وقال أحمد سالم وزير المالية للصحفيين: "لن نرفع الضرائب هذا العام".';
    for (const entities of [[], [mention(text, 'أحمد سالم', 'PER', 'per:ahmad')]]) {
      const [c] = attributed(text, { entities });
      expect(speakerOf(text, c)).toBe('أحمد سالم وزير المالية');
      expect(c?.speaker?.start).toBe(text.indexOf('أحمد'));
      expect(c?.content?.text).toBe('لن نرفع الضرائب هذا العام');
      expect(c?.quote).toBe('direct');
    }
  });
});

describe('sources of attribution', () => {
  it('takes the outlet, agency or institution after «ذكرت / وفقا لـ / نقلا عن / حسب»', () => {
    const cases: Array<[string, string]> = [
      ['وذكرت وكالة رويترز أن الشركة أغلقت مصنعها في المدينة.', 'وكالة رويترز'],
      ['وفقا لـ وزارة المالية، ارتفع العجز إلى مستوى قياسي.', 'وزارة المالية'],
      ['وفقاً لرويترز، فإن أسعار النفط ارتفعت.', 'رويترز'],
      ['ونقلا عن مصادر مطلعة، فإن المحادثات توقفت.', 'مصادر مطلعة'],
      ['حسب تقرير البنك الدولي، فإن النمو تباطأ في المنطقة.', 'البنك الدولي'],
      ['ارتفعت أسعار القمح بنسبة كبيرة، بحسب دراسة حديثة لجامعة القاهرة.', 'جامعة القاهرة'],
    ];
    for (const [text, speaker] of cases) {
      const [c] = attributed(text);
      expect(speakerOf(text, c), text).toBe(speaker);
    }
  });

  it('reads «ونقلت صحيفة "الغد" … عن X» past the quoted name of the outlet: X is the speaker', () => {
    const text = 'ونقلت صحيفة "الغد" الأردنية عن مصدر في الوزارة قوله إن التحالف سيحصل على امتياز التشغيل.';
    const [c] = attributed(text);
    expect(c?.cue?.text).toBe('ونقلت');
    expect(speakerOf(text, c)).toBe('مصدر في الوزارة');
    expect(c?.speaker?.anonymous).toBe(true);
    expect(c?.content?.text).toBe('التحالف سيحصل على امتياز التشغيل');
  });

  it('keeps figures whole: «بيانات الوزارة» is the source as the guidelines write it', () => {
    const text = 'وتراجعت الصادرات بنسبة عشرة في المئة، بحسب بيانات الوزارة.';
    expect(speakerOf(text, attributed(text)[0])).toBe('بيانات الوزارة');
  });
});

describe('speaker spans end at the speaker', () => {
  it('leaves out the setting and the channel: «في مؤتمر صحفي», «أمام الكونغرس», «عقب …», «على هامش …»', () => {
    const cases: Array<[string, string]> = [
      ['وقال وزير الخارجية في مؤتمر صحفي إن الاتفاق بات قريبا.', 'وزير الخارجية'],
      ['وقال السفير أمام الكونغرس إن العقوبات ستستمر.', 'السفير'],
      ['وقالت الوزيرة في كلمتها أمام البرلمان يوم الأحد إن الإصلاحات ستبدأ.', 'الوزيرة'],
      ['وصرح المدير العام للشركة للصحافيين عقب مراسم التوقيع بأن المشروع سيكتمل.', 'المدير العام للشركة'],
      ['وقال رئيس الوزراء على هامش القمة إن بلاده تدعم الحل السلمي.', 'رئيس الوزراء'],
      ['وقال وزير المياه في حفل التوقيع إن السد سيخدم مليون نسمة.', 'وزير المياه'],
      ['وقال اللاعب بعد المباراة: "قدمنا أداء كبيرا".', 'اللاعب'],
      ['وقالت المحكمة في حكمها إن المتهم مذنب.', 'المحكمة'],
      ['وقالت اللجنة العليا للانتخابات في قرارها إن النتائج نهائية.', 'اللجنة العليا للانتخابات'],
    ];
    for (const [text, speaker] of cases) {
      const [c] = attributed(text);
      expect(speakerOf(text, c), text).toBe(speaker);
    }
  });

  it('ends a named speaker of an accusing verb before its object; an accusing participle takes its object', () => {
    const text = 'اتهم النائب السابق مرزوق الحبيني الحكومة بـ"الهروب إلى الاقتراض".';
    const [c] = attributed(text, { entities: [mention(text, 'مرزوق الحبيني', 'PER', 'per:marzouq')] });
    expect(speakerOf(text, c)).toBe('النائب السابق مرزوق الحبيني');
    expect(c?.content?.text).toBe('الحكومة بـ"الهروب إلى الاقتراض"');
    const t2 = 'وقال المتحدث إن الرواتب تأخرت، متهما الحكومة الاتحادية بـ"خنق الإقليم ماليا".';
    const accusing = attributed(t2).find((x) => x.cue?.text === 'متهما');
    expect(speakerOf(t2, accusing)).toBe('المتحدث');
    expect(accusing?.content?.text).toBe('الحكومة الاتحادية بـ"خنق الإقليم ماليا"');
  });

  it('skips a comma-set apposition followed by an addressee or a setting before «إن»', () => {
    const text = 'وقال محامي الدفاع، المستشار خالد يوسف، للصحافيين عقب الجلسة إن موكله بريء.';
    const [c] = attributed(text);
    expect(speakerOf(text, c)).toBe('محامي الدفاع');
    expect(c?.content?.text).toBe('موكله بريء');
  });

  it('takes the topic of «أما X فتقول» as the speaker, and a later «وتضيف» continues her', () => {
    const text = 'ويقول الكاتب محمود سالم في مقاله إن الحكومة أخطأت. أما الباحثة ليلى حسن فتقول إن القرار صائب. وتضيف أن البدائل محدودة.';
    const claims = attributed(text);
    expect(speakerOf(text, claims.find((c) => c.cue?.text === 'فتقول'))).toBe('الباحثة ليلى حسن');
    const added = claims.find((c) => c.cue?.text === 'وتضيف');
    expect(speakerOf(text, added)).toBe('الباحثة ليلى حسن');
    expect(added?.speaker?.resolvedFrom).toBe('previous-sentence');
  });

  it('keeps a place that closes the description («مدير المركز في طرابلس»)', () => {
    const text = 'وقال مدير المركز في طرابلس إن الوضع هادئ.';
    expect(speakerOf(text, attributed(text)[0])).toBe('مدير المركز في طرابلس');
  });
});

describe('pronoun cues take the earlier speaker that agrees', () => {
  const text = 'قالت وزيرة الصحة هدى علي إن اللقاح آمن. وقال مدير المستشفى خالد حسن إن الأسرة ممتلئة. وأضافت أن الحملة تبدأ غدا.';
  const entities = [mention(text, 'هدى علي', 'PER', 'per:huda'), mention(text, 'خالد حسن', 'PER', 'per:khaled')];

  it('«وأضافت» skips the nearer man and takes the woman, with her entity id', () => {
    const claims = attributed(text, { entities });
    const added = claims.find((c) => c.cue?.text === 'وأضافت');
    expect(speakerOf(text, added)).toBe('وزيرة الصحة هدى علي');
    expect(added?.speaker?.resolvedFrom).toBe('paragraph');
    expect(added?.speaker?.entityId).toBe('per:huda');
    expect(added?.speaker?.antecedent?.start).toBe(text.indexOf('وزيرة'));
  });

  it('«وأضاف» in the same place takes the man of the previous sentence', () => {
    const masculine = text.replace('وأضافت', 'وأضاف');
    const claims = attributed(masculine, { entities: [mention(masculine, 'هدى علي', 'PER', 'per:huda'), mention(masculine, 'خالد حسن', 'PER', 'per:khaled')] });
    const added = claims.find((c) => c.cue?.text === 'وأضاف');
    expect(speakerOf(masculine, added)).toBe('مدير المستشفى خالد حسن');
    expect(added?.speaker?.resolvedFrom).toBe('previous-sentence');
    expect(added?.speaker?.entityId).toBe('per:khaled');
  });

  it('tells a woman by her given name when no title shows it', () => {
    const t = 'وقالت سلمى يوسف إن الطلاب عادوا. وقال كريم ناصر إن المدارس جاهزة. وتابعت أن الامتحانات في موعدها.';
    const claims = attributed(t, { entities: [mention(t, 'سلمى يوسف', 'PER', 'per:salma'), mention(t, 'كريم ناصر', 'PER', 'per:karim')] });
    expect(speakerOf(t, claims.find((c) => c.cue?.text === 'وتابعت'))).toBe('سلمى يوسف');
  });

  it('a plural cue «وأضافوا» takes the plural source, not the woman in between', () => {
    const t = 'وقال مسؤولون في الوزارة إن الخطة جاهزة. وقالت المتحدثة باسم الحكومة إن التنفيذ يبدأ غدا. وأضافوا أن التمويل متوفر.';
    const added = attributed(t).find((c) => c.cue?.text === 'وأضافوا');
    expect(speakerOf(t, added)).toBe('مسؤولون في الوزارة');
    expect(added?.speaker?.resolvedFrom).toBe('paragraph');
  });

  it('a dual «وأضافا» takes two people joined by «و», not one institution with «و» in its name', () => {
    const t = 'وقال وزير الخارجية خالد حسن ونظيره الفرنسي جان مارك في مؤتمر صحفي مشترك إن البلدين متفقان. وأضافا أن التعاون سيتوسع.';
    expect(speakerOf(t, attributed(t).find((c) => c.cue?.text === 'وأضافا'))).toBe('وزير الخارجية خالد حسن ونظيره الفرنسي جان مارك');
    const u = 'وقالت وزارة التخطيط والتعاون الدولي إن الخطة جاهزة. وأضافت أن التمويل متوفر.';
    expect(speakerOf(u, attributed(u).find((c) => c.cue?.text === 'وأضافت'))).toBe('وزارة التخطيط والتعاون الدولي');
    // One woman with two titles, and a quoted addressee after her name.
    const v = 'وقالت المديرة التنفيذية والمؤسسة للجمعية ريم خليل لـ"الجزيرة نت" إن التبرعات تراجعت. وأضافت أن الطلب يتزايد.';
    const claimsV = attributed(v, { entities: [mention(v, 'ريم خليل', 'PER', 'per:reem')] });
    expect(speakerOf(v, claimsV[0])).toBe('المديرة التنفيذية والمؤسسة للجمعية ريم خليل');
    expect(speakerOf(v, claimsV.find((c) => c.cue?.text === 'وأضافت'))).toBe('المديرة التنفيذية والمؤسسة للجمعية ريم خليل');
    // «وسام» opens with the letter «و»: one man, and «مضيفا» is his.
    const w = 'وقال رئيس الجمعية وسام الأيوبي إن المودعين غاضبون، مضيفا أن المصارف تماطل.';
    const adding = attributed(w, { entities: [mention(w, 'وسام الأيوبي', 'PER', 'per:wisam')] }).find((c) => c.cue?.text === 'مضيفا');
    expect(speakerOf(w, adding)).toBe('رئيس الجمعية وسام الأيوبي');
  });

  it('goes back across a paragraph when the new paragraph names no one', () => {
    const t = 'قال وزير المالية أحمد سالم إن العجز تراجع.\nوأضاف أن الإيرادات ارتفعت.';
    const added = attributed(t, { entities: [mention(t, 'أحمد سالم', 'PER', 'per:ahmad')] }).find((c) => c.cue?.text === 'وأضاف');
    expect(speakerOf(t, added)).toBe('وزير المالية أحمد سالم');
    expect(added?.speaker?.resolvedFrom).toBe('earlier-paragraph');
    expect(added?.speaker?.entityId).toBe('per:ahmad');
  });

  it('stays in the paragraph when it names someone else who fits', () => {
    const t = 'قال وزير المالية أحمد سالم إن العجز تراجع.\nووصل المبعوث الأممي خالد حسن إلى بغداد أمس. وأضاف أن المحادثات مستمرة.';
    const entities = [mention(t, 'أحمد سالم', 'PER', 'per:ahmad'), mention(t, 'خالد حسن', 'PER', 'per:khaled')];
    const added = attributed(t, { entities }).find((c) => c.cue?.text === 'وأضاف');
    expect(speakerOf(t, added)).toBe('المبعوث الأممي خالد حسن');
    expect(added?.speaker?.resolvedFrom).toBe('previous-sentence');
    expect(added?.speaker?.entityId).toBe('per:khaled');
  });

  it('a missing subject is not read off the channel, the platform or a quoted addressee', () => {
    const first = 'قال المحلل منصور العبيدي إن الانتخابات مهددة. ';
    for (const second of ['وقال في تغريدة على منصة إكس إن التأجيل وارد.', 'وقال عبر حسابه على تويتر إن التأجيل وارد.', 'وقال لـ"الشرق الأوسط" إن التأجيل وارد.']) {
      const t = first + second;
      const c = attributed(t, { entities: [mention(t, 'منصور العبيدي', 'PER', 'per:mansour')] }).find((x) => x.cue?.text === 'وقال');
      expect(speakerOf(t, c), second).toBe('المحلل منصور العبيدي');
      expect(c?.speaker?.resolvedFrom).toBe('previous-sentence');
      expect(c?.content?.text).toBe('التأجيل وارد');
    }
  });

  it('«وأكدت على …» has a pronoun subject: the preposition opens the content, not the speaker', () => {
    const t = 'قالت وزيرة الخارجية سلمى يوسف إن المفاوضات مستمرة. وأكدت على أهمية الحوار.';
    const c = attributed(t).find((x) => x.cue?.text === 'وأكدت');
    expect(speakerOf(t, c)).toBe('وزيرة الخارجية سلمى يوسف');
    expect(c?.content?.text).toBe('على أهمية الحوار');
  });

  it('a participle in the sentence of its statement resolves there', () => {
    const t = 'وقالت الوزارة إن المخزون يكفي، مؤكدة أن الأسعار لن ترتفع.';
    const c = attributed(t).find((x) => x.cue?.text === 'مؤكدة');
    expect(speakerOf(t, c)).toBe('الوزارة');
    expect(c?.speaker?.resolvedFrom).toBe('same-sentence');
  });
});
