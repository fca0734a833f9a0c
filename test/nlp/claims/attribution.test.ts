// Attributed statements on sentences composed for these tests (not taken from the seeds): one
// test per pattern of issue 5.
import { describe, expect, it } from 'vitest';
import { attributed, mention } from './helpers.js';

describe('verb–subject order', () => {
  it('takes the noun phrase between the cue and «إن» as the speaker, a quotation as direct content', () => {
    const text = 'وقال وزير الصحة اللبناني فراس الأبيض إن "المستشفيات تعمل بكامل طاقتها".';
    const [c] = attributed(text);
    expect(c?.cue?.text).toBe('وقال');
    expect(c?.speaker?.text).toBe('وزير الصحة اللبناني فراس الأبيض');
    expect(c?.content?.text).toBe('المستشفيات تعمل بكامل طاقتها');
    expect(c?.quote).toBe('direct');
  });

  it('reads an indirect clause after «أن» to the end of the sentence', () => {
    const [c] = attributed('وأكدت وزارة الداخلية أن الطرق الرئيسية أعيد فتحها صباح اليوم.');
    expect(c?.speaker?.text).toBe('وزارة الداخلية');
    expect(c?.content?.text).toBe('الطرق الرئيسية أعيد فتحها صباح اليوم');
    expect(c?.quote).toBe('indirect');
  });

  it('leaves a time expression, the addressee and the channel out of the speaker', () => {
    expect(attributed('وقال الجيش الأربعاء إن الوضع تحت السيطرة.')[0]?.speaker?.text).toBe('الجيش');
    expect(attributed('وقال المتحدث لوكالة الأنباء الفرنسية إن المفاوضات مستمرة.')[0]?.speaker?.text).toBe('المتحدث');
    expect(attributed('وأكد الوزير في بيان أن الميزانية أقرت.')[0]?.speaker?.text).toBe('الوزير');
  });

  it('ends the speaker at an addressee right before «إن», keeps a place that closes the description', () => {
    expect(attributed('وقال الوزير لنظيره إن الاتفاق قريب.')[0]?.speaker?.text).toBe('الوزير');
    expect(attributed('وقال مدير المركز في طرابلس إن الوضع هادئ.')[0]?.speaker?.text).toBe('مدير المركز في طرابلس');
  });

  it('keeps an apposition without a comma, skips one set off by commas', () => {
    expect(attributed('وأفاد مصدر طبي وهو طبيب في مستشفى المدينة بأن الحصيلة ارتفعت.')[0]?.speaker?.text).toBe('مصدر طبي وهو طبيب في مستشفى المدينة');
    const [c] = attributed('وقال خالد العمري، المتحدث باسم الدفاع المدني، إن فرق الإنقاذ انتشلت الجثث.');
    expect(c?.speaker?.text).toBe('خالد العمري');
    expect(c?.content?.text).toBe('فرق الإنقاذ انتشلت الجثث');
  });

  it('recognises cues in every person and gender, with clitics', () => {
    const text = 'وقالت الناطقة إن الموعد تأجل. ويقولون إن القرار نهائي. وأشارت اللجنة إلى أن التقرير جاهز. وأوضحوا أن العمل مستمر.';
    const cues = attributed(text).map((c) => c.cue?.text);
    expect(cues).toEqual(['وقالت', 'ويقولون', 'وأشارت', 'وأوضحوا']);
    const more = attributed('وشدد الوزير على أن الحوار ضروري، مبينا أن الوفد سيصل غدا.');
    expect(more.map((c) => c.cue?.text)).toEqual(['وشدد', 'مبينا']);
    expect(more[0]?.content?.text).toBe('الحوار ضروري');
    expect(more[1]?.speaker?.text).toBe('الوزير');
  });

  it('takes a direct object as content for cues that take one (أعلن، اتهم، دعا، نفى)', () => {
    const [a] = attributed('وتتهم المعارضة الحكومة بتزوير نتائج الانتخابات.');
    expect(a?.speaker?.text).toBe('المعارضة');
    expect(a?.content?.text).toBe('الحكومة بتزوير نتائج الانتخابات');
    const [b] = attributed('ونفى المتحدث باسم الجيش هذا الأسبوع التقارير عن انسحاب القوات.');
    expect(b?.speaker?.text).toBe('المتحدث باسم الجيش');
    expect(b?.content?.text).toBe('التقارير عن انسحاب القوات');
  });
});

describe('subject–verb order', () => {
  it('takes the noun phrase before the cue', () => {
    const [c] = attributed('لكن الحكومة الأردنية قالت إنها لن تسمح بأي تجاوز على الحدود.');
    expect(c?.speaker?.text).toBe('الحكومة الأردنية');
    expect(c?.content?.text).toBe('لن تسمح بأي تجاوز على الحدود');
  });

  it('finds an anonymous source before its verb with its quantifier', () => {
    const [c] = attributed('وبات كثير من المراقبين يرون أن الهدنة لن تصمد.');
    expect(c?.speaker?.text).toContain('المراقبين');
    const [d] = attributed('وكان مسؤول رفيع في الوزارة قد قال الشهر الماضي إن الخطة جاهزة.');
    expect(d?.speaker?.text).toBe('مسؤول رفيع في الوزارة');
    expect(d?.content?.text).toBe('الخطة جاهزة');
  });
});

describe('attribution phrases', () => {
  it('takes the clause before «بحسب» as content and the phrase after it as speaker', () => {
    const [c] = attributed('ارتفعت أسعار القمح بنسبة كبيرة خلال الشهر الماضي، بحسب تقرير لوزارة الزراعة.');
    expect(c?.cue?.text).toBe('بحسب');
    // The report's author is the source (issue 20), not the word «تقرير».
    expect(c?.speaker?.text).toBe('وزارة الزراعة');
    expect(c?.content?.text).toBe('ارتفعت أسعار القمح بنسبة كبيرة خلال الشهر الماضي');
  });

  it('reads «وفق ما أكد X» as one cue with its speaker', () => {
    const [c] = attributed('انقطعت الكهرباء عن ثلاث محافظات، وفق ما أكد مسؤول في شركة الكهرباء.');
    expect(c?.cue?.text).toBe('وفق ما أكد');
    expect(c?.speaker?.text).toBe('مسؤول في شركة الكهرباء');
    expect(c?.speaker?.anonymous).toBe(true);
  });

  it('reads «بحسب X فإن "…"» with the content after the phrase', () => {
    const [c] = attributed('وبحسب الخبير الاقتصادي علي حسن فإن "التضخم سيتراجع قبل نهاية العام".');
    expect(c?.speaker?.text).toBe('الخبير الاقتصادي علي حسن');
    expect(c?.content?.text).toBe('التضخم سيتراجع قبل نهاية العام');
    expect(c?.quote).toBe('direct');
  });

  it('reads «وفقا لـ» and «نقلا عن»', () => {
    const [a] = attributed('تضررت مئات المنازل جراء الفيضانات، وفقا لمصادر محلية.');
    expect(a?.speaker?.text).toContain('مصادر محلية');
    const [b] = attributed('تأجلت الانتخابات البلدية، نقلا عن مصدر في اللجنة العليا.');
    expect(b?.cue?.text).toBe('نقلا عن');
    expect(b?.speaker?.text).toBe('مصدر في اللجنة العليا');
  });
});

describe('agency form', () => {
  it('names the person quoted after «عن», not the outlet', () => {
    const [c] = attributed('ونقلت وكالة الأنباء الرسمية عن الوزير خالد العمر قوله إن "الاتفاق سيوقع قريبا".');
    expect(c?.speaker?.text).toBe('الوزير خالد العمر');
    expect(c?.content?.text).toBe('الاتفاق سيوقع قريبا');
  });
});

describe('speakers referred to later', () => {
  it('resolves «وأضاف» to the previous speaker', () => {
    const cs = attributed('وقال المتحدث باسم الشرطة سامي الحربي إن التحقيق مستمر. وأضاف أن ثلاثة أشخاص اعتقلوا.');
    expect(cs).toHaveLength(2);
    expect(cs[1]?.speaker?.text).toBe('المتحدث باسم الشرطة سامي الحربي');
    expect(cs[1]?.speaker?.antecedent?.text).toBe('المتحدث باسم الشرطة سامي الحربي');
  });

  it('continues a speaker of the same gender («وأضاف» skips «وتقول واشنطن»)', () => {
    const cs = attributed('وقال الوزير سامي الحسن إن الخطة جاهزة. وتقول المعارضة إن الخطة فاشلة. وأضاف أن التنفيذ سيبدأ قريبا.');
    expect(cs[2]?.cue?.text).toBe('وأضاف');
    expect(cs[2]?.speaker?.text).toBe('الوزير سامي الحسن');
  });

  it('links a short name to the full mention before it', () => {
    const cs = attributed('وقال قائد الشرطة جون سميث إن التحقيق بدأ. وقال سميث إن المشتبه به فر.');
    expect(cs[1]?.speaker?.text).toBe('سميث');
    expect(cs[1]?.speaker?.antecedent?.text).toBe('قائد الشرطة جون سميث');
  });

  it('resolves an honorific with a pronoun («معاليه») to the speaker named before', () => {
    const cs = attributed('وأوضح وزير الطاقة خالد الفالح أن الإنتاج مستقر. وأكد معاليه أن الأسعار ستتحسن، مشيرا إلى أن الطلب يرتفع.');
    expect(cs[1]?.speaker?.antecedent?.text).toBe('وزير الطاقة خالد الفالح');
    expect(cs[2]?.speaker?.text).toBe('وزير الطاقة خالد الفالح');
  });

  it('gives a participle cue the speaker of its sentence', () => {
    const cs = attributed('وأكد وزير المالية أن الأسعار ستنخفض، مشيرا إلى أن الحكومة ستدعم المزارعين.');
    expect(cs.map((c) => c.cue?.text)).toEqual(['وأكد', 'مشيرا إلى']);
    expect(cs[1]?.speaker?.text).toBe('وزير المالية');
    expect(cs[1]?.content?.text).toBe('الحكومة ستدعم المزارعين');
  });

  it('links «وأوضح المصدر» to the source named before', () => {
    const cs = attributed('وأفاد مصدر طبي بأن الحصيلة ارتفعت. وأوضح المصدر أن بين القتلى أطفالا.');
    expect(cs[1]?.speaker?.text).toBe('المصدر');
    expect(cs[1]?.speaker?.antecedent?.text).toBe('مصدر طبي');
    expect(cs[1]?.speaker?.anonymous).toBe(true);
  });
});

describe('entities and anonymous sources', () => {
  it('links the speaker to an overlapping PER/ORG mention', () => {
    const text = 'وقال رئيس الوزراء نجيب ميقاتي إن الحكومة ستجتمع غدا.';
    const [c] = attributed(text, { entities: [mention(text, 'نجيب ميقاتي', 'PER', 'per:mikati')] });
    expect(c?.speaker?.entityId).toBe('per:mikati');
    expect(c?.speaker?.anonymous).toBe(false);
  });

  it('marks unnamed sources anonymous with their kind', () => {
    const a = attributed('وقال شهود عيان إن الانفجار هز المدينة.')[0];
    expect(a?.speaker?.anonymous).toBe(true);
    expect(a?.speaker?.kind).toBe('شهود عيان');
    const b = attributed('وقال مسؤول أمني إن المهاجمين فروا.')[0];
    expect(b?.speaker?.kind).toBe('مسؤول امني');
    const c = attributed('ويرى خبراء أن الأزمة ستطول.')[0];
    expect(c?.speaker?.kind).toBe('خبراء');
  });
});

describe('not statements', () => {
  it('skips negated, future and relative uses of a cue', () => {
    expect(attributed('ولم تعلن أي جهة مسؤوليتها عن الهجوم.')).toHaveLength(0);
    expect(attributed('وسيعلن الرئيس نتائج التحقيق الأسبوع المقبل.')).toHaveLength(0);
    expect(attributed('وينتظر الجميع ما سيعلنه الرئيس في خطابه.')).toHaveLength(0);
  });

  it('reads an event before a perception verb as passive, and an event subject as evidence', () => {
    expect(attributed('وفي العام الماضي، اعتبر اغتيال الصحفي رسالة إلى الحكومة.')).toHaveLength(0);
    expect(attributed('وقال محلل إن زيارة الوزير تشير إلى أن المفاوضات تقدمت.').map((c) => c.cue?.text)).toEqual(['وقال']);
  });

  it('needs content: a reporting verb with nothing reported is not a claim', () => {
    expect(attributed('وتحدث الوزير للصحفيين بعد الاجتماع.')).toHaveLength(0);
  });

  it('reads a word after a number as the counted noun, not a cue («7953 طالباً»)', () => {
    expect(attributed('وبلغ عدد المقبولين 7953 طالباً وطالبة هذا العام.')).toHaveLength(0);
  });

  it('finds a quotation after an adjunct that is not a channel', () => {
    const [c] = attributed('وقال الرئيس في حفل لتكريم الخريجين "المستقبل لكم".');
    expect(c?.speaker?.text).toBe('الرئيس');
    expect(c?.content?.text).toBe('المستقبل لكم');
  });

  it('does not read «بحث» as ب + «حث»', () => {
    expect(attributed('وبحث الرئيس مع وفد أميركي ملف الطاقة.')).toHaveLength(0);
  });
});

describe('quotations', () => {
  it('follows a quotation over several sentences', () => {
    const text = 'وقال القائد: "لن نتراجع. سنواصل القتال حتى النهاية". وانتهى المؤتمر.';
    const [c] = attributed(text);
    expect(c?.content?.text).toBe('لن نتراجع. سنواصل القتال حتى النهاية');
    expect(c?.quote).toBe('direct');
  });

  it('marks a clause that quotes only part of what was said as mixed', () => {
    const [c] = attributed('وقال الناطق إن الهجوم كان "عملا جبانا" لن يمر دون رد.');
    expect(c?.quote).toBe('mixed');
    expect(c?.content?.text).toBe('الهجوم كان "عملا جبانا" لن يمر دون رد');
  });

  it('reads «”» used as an opening mark after a colon, past a relative clause in the channel', () => {
    const [c] = attributed('وقال المدرب في تصريحات نقلتها صحيفة “الأيام” المحلية :”الفريق جاهز للموسم.”');
    expect(c?.speaker?.text).toBe('المدرب');
    expect(c?.content?.text).toBe('الفريق جاهز للموسم.');
    expect(c?.quote).toBe('direct');
  });

  it('reads a cue with a Latin typo («ويrول»)', () => {
    const [c] = attributed('ويrول محللون إن الأزمة ستطول.');
    expect(c?.speaker?.text).toBe('محللون');
  });
});

describe('offsets', () => {
  it('every span slices the original text', () => {
    const text = 'وقالت مصادر أمنية لـ"الشرق" إن ثلاثة صواريخ سقطت، مؤكدة أن "لا إصابات".';
    for (const c of attributed(text)) {
      for (const s of [c, c.cue, c.speaker, c.content]) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });
});

describe('with entity mentions', () => {
  it('stops a speaker at a name that starts the object («وتتهم واشنطن كتائب …»)', () => {
    const text = 'وتطالب لندن الحكومة الإيرانية بالإفراج عن المعتقلين.';
    const entities = [mention(text, 'لندن', 'LOC', 'loc:london'), mention(text, 'الحكومة الإيرانية', 'ORG', 'org:iran-gov')];
    const [c] = attributed(text, { entities });
    expect(c?.speaker?.text).toBe('لندن');
    expect(c?.speaker?.entityId).toBe('loc:london');
    expect(c?.content?.text).toBe('الحكومة الإيرانية بالإفراج عن المعتقلين');
  });

  it('reads «لـX» after a person as the addressee', () => {
    const text = 'وقال السيسي لماكرون إن "مصر تدعم الحل السياسي".';
    const entities = [mention(text, 'السيسي', 'PER', 'per:sisi')];
    const [c] = attributed(text, { entities });
    expect(c?.speaker?.text).toBe('السيسي');
    expect(c?.speaker?.entityId).toBe('per:sisi');
  });

  it('keeps a place named inside the description («… في واشنطن»)', () => {
    const text = 'وبحسب تقدير سامر خليل الباحث في مركز الدراسات في بيروت فإن "الأزمة طويلة".';
    const entities = [mention(text, 'سامر خليل', 'PER', 'per:samer'), mention(text, 'بيروت', 'LOC', 'loc:beirut')];
    const [c] = attributed(text, { entities });
    expect(c?.cue?.text).toBe('وبحسب تقدير');
    expect(c?.speaker?.text).toBe('سامر خليل الباحث في مركز الدراسات في بيروت');
    expect(c?.speaker?.entityId).toBe('per:samer');
  });

  it('does not take a name inside a prepositional phrase as the SV subject', () => {
    const text = 'وأفادت الصحيفة أن قادة الجماعة الموالية لـ"حزب العمال" أكدوا رفض الهدنة.';
    const entities = [mention(text, 'حزب العمال', 'ORG', 'org:pkk')];
    const cs = attributed(text, { entities });
    const nested = cs.find((c) => c.cue?.text === 'أكدوا');
    expect(nested?.speaker?.text).toBe('قادة الجماعة الموالية لـ"حزب العمال"');
  });

  it('does not link a name governed by a preposition or a genitive', () => {
    const a = 'ونفى المندوب السوري لدى الأمم المتحدة الاتهامات.';
    expect(attributed(a, { entities: [mention(a, 'الأمم المتحدة', 'ORG', 'org:un')] })[0]?.speaker?.entityId).toBeNull();
    const b = 'وقال المكتب الإعلامي للرئيس عون إن الزيارة تأجلت.';
    expect(attributed(b, { entities: [mention(b, 'عون', 'PER', 'per:aoun')] })[0]?.speaker?.entityId).toBeNull();
    const c = 'وقال مسؤول اطلع على زيارة سليماني إن اللقاء كان سريا.';
    expect(attributed(c, { entities: [mention(c, 'سليماني', 'PER', 'per:soleimani')] })[0]?.speaker?.entityId).toBeNull();
  });

  it('does not link an anonymous description to the organisation it names', () => {
    const text = 'وقال ضابط في الشرطة الاتحادية إن الطريق أغلق.';
    const [c] = attributed(text, { entities: [mention(text, 'الشرطة الاتحادية', 'ORG', 'org:police')] });
    expect(c?.speaker?.entityId).toBeNull();
    expect(c?.speaker?.anonymous).toBe(true);
  });
});
