import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { prepareArticle } from '../../../src/nlp/dedup/prepare.js';
import { decodeEventSketch, shareHeadlineFeature } from '../../../src/nlp/dedup/event.js';
import { referenceSpans } from '../../../src/nlp/dedup/event-reference.js';
import { dedupOptions } from '../../../src/nlp/dedup/params.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { reportMaker } from '../../helpers/story-reports.js';
import type { DedupInput } from '../../../src/nlp/dedup/index-contract.js';

// Every text below was written for these tests (real-style reports of invented or generic events).

/** A dated report (2026-11-05 07:00 UTC, a Thursday, plus `hoursAfter`) with a fresh id, as the dedup stage gives it. */
const report = reportMaker('e9100000000000', new Date(Date.UTC(2026, 10, 5, 7)));

/** The words of `text` that `referenceSpans` reads as naming an earlier event. */
function referred(text: string): string[] {
  const tokens = analyseText(text).tokens;
  const spans = referenceSpans(tokens);
  return spans.map(([start, end]) => text.slice(start, end));
}

describe('the clause naming an earlier event the report came after (event-reference.ts)', () => {
  it('reads «بعد يومين من …», «بعد ثلاثة أيام من …» up to the clause end, and nothing else', () => {
    expect(referred('قتل الجيش أربعة مهربين فجر اليوم، وذلك بعد يومين فقط من زيارة الصفدي إلى دمشق، بحسب بيان.')).toEqual([
      'بعد يومين فقط من زيارة الصفدي إلى دمشق',
    ]);
    expect(referred('قتل أربعة أشخاص بعد ثلاثة أيام من هجوم لحركة الشباب على فندق قرب الشاطئ أودى بحياة 15 شخصا.')).toEqual([
      'بعد ثلاثة أيام من هجوم لحركة الشباب على فندق قرب',
    ]);
    expect(referred('وانهارت منازل في تريم بعد يوم من كارثة السيول في المكلا.')).toEqual(['بعد يوم من كارثة السيول في المكلا']);
    // «بعد» that counts no time from another event: a report's own sequence, not a reference.
    expect(referred('وصل الوزير بعد الظهر إلى دمشق، وبعد أن التقى نظيره غادر.')).toEqual([]);
    expect(referred('تعود الكهرباء بعد يومين إلى الأحياء الشرقية.')).toEqual([]);
    // «غداة» is left alone: it introduces the same event's follow-up far more often.
    expect(referred('طالبت النقابة بتشديد الرقابة، غداة الحكم في قضية الأدوية.')).toEqual([]);
  });

  it('reads a pluperfect recap sentence «وكان(ت) … قد …» and a «بعد» clause that dates what it names (story round 11)', () => {
    const text =
      'ضربت هزة أرضية بقوة 4.2 درجة مضيق هرمز فجر الثلاثاء. وكانت هزة أخف قد وقعت قبالة صور السبت. وهذا ثاني حادث خلال أيام بعد غرق قارب قبالة صفاقس الجمعة، بحسب الحرس.';
    expect(referred(text)).toEqual(['وكانت هزة أخف قد وقعت قبالة صور السبت.', 'بعد غرق قارب قبالة صفاقس الجمعة']);
    // The recap must open its sentence, and «قد» follow «كان» closely.
    expect(referred('قال الوزير إن الاتفاق كان قد وقع الأحد في الرباط.')).toEqual([]);
    expect(referred('وكان الاجتماع الذي عقد في القاهرة ناجحا بحسب الوفود.')).toEqual([]);
    // «بعد أن …», «بعدما …» open a verb's clause: this report's own news, even with a day in it.
    expect(referred('ارتفع عدد القتلى إلى ثلاثة بعد أن انتشلت فرق الإنقاذ صباح الخميس جثة سيدة.')).toEqual([]);
    // A «بعد» clause with no day within its words is left to the duration rule above.
    expect(referred('وأغلقت الطرق بعد انهيار مبنى قديم في حي كرموز.')).toEqual([]);
  });

  it('no longer dates a second tremor by the first one its lead recalls', () => {
    const first = prepareArticle(report('هزة أرضية قبالة صور', 'ضربت هزة أرضية بقوة 3.9 درجة بحر عمان قبالة ولاية صور صباح الخميس، دون أضرار.', 0, 'جريدة الساحل'), dedupOptions({}));
    const second = prepareArticle(
      report('هزة في مضيق هرمز', 'ضربت هزة أرضية بقوة 4.2 درجة مضيق هرمز قرب محافظة مسندم فجر السبت، دون أنباء عن أضرار. وكانت هزة أخف قد وقعت قبالة صور الخميس.', 48, 'وكالة المرسى'),
      dedupOptions({}),
    );
    const [thursday] = decodeEventSketch(first.eventSketch).days ?? [];
    const days = decodeEventSketch(second.eventSketch).days ?? [];
    expect(thursday).toBeDefined();
    expect(days).toEqual([thursday! + 2]);
  });

  // A minister's visit to Damascus on Thursday, and the army killing smugglers at the border on
  // Saturday: the second report's title and lead say it came «بعد يومين من زيارة الصفدي لدمشق», so
  // both name the minister and Damascus up front; as headline features (a person carries a storyline
  // over days) they joined two events.
  const visit = report(
    'الصفدي يصل دمشق في زيارة تتناول المعابر والمياه',
    'وصل وزير الخارجية أيمن الصفدي، صباح اليوم الخميس، إلى دمشق في زيارة رسمية يجري خلالها محادثات حول المعابر والمياه والطاقة. وقال الصفدي إن الزيارة تفتح صفحة جديدة في التعاون بين البلدين.\n\nوتتناول المحادثات تشغيل معبر جابر وتقاسم مياه اليرموك.',
    0,
    'جريدة السلط',
    [{ name: 'أيمن الصفدي', type: 'PER' }, { name: 'الصفدي', type: 'PER' }, { name: 'دمشق', type: 'LOC' }],
  );
  const smugglers = report(
    'الجيش يقتل أربعة مهربين على الحدود بعد يومين من زيارة الصفدي لدمشق',
    'قال الجيش إنه قتل أربعة مهربين فجر اليوم السبت أثناء محاولتهم التسلل عبر الحدود الشمالية محملين بكميات كبيرة من المخدرات، وذلك بعد يومين فقط من زيارة الصفدي إلى دمشق. وأضاف أن قوات حرس الحدود ضبطت مليون حبة مخدرة.\n\nوتشهد الحدود الشمالية محاولات تهريب متكررة.',
    48,
    'وكالة الرافد للأنباء',
    [{ name: 'الصفدي', type: 'PER' }, { name: 'دمشق', type: 'LOC' }],
  );
  const sketchOf = (input: DedupInput) => decodeEventSketch(prepareArticle(input, dedupOptions()).eventSketch);

  it('weighs the referred event\'s words as body words: the two share no headline feature', () => {
    expect(shareHeadlineFeature(sketchOf(visit), sketchOf(smugglers))).toBe(false);
  });

  it('keeps the visit and the border clash in two stories', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(visit);
    const b = await index.process(smugglers);
    expect(b.story.storyId).not.toBe(a.story.storyId);
  });

  // A follow-up of one event names it outside the clause too, and still joins.
  it('still joins a follow-up that counts the days since its own event', async () => {
    const strike = report(
      'هجوم بمسيرات على محطة كهرباء كوستي',
      'قتل ثلاثة عمال فجر اليوم الخميس في هجوم بطائرات مسيرة استهدف محطة التحويل الرئيسية للكهرباء في مدينة كوستي، ما أدى إلى انقطاع التيار عن المدينة ومستشفاها.\n\nوقال مهندس في المحطة إن الأضرار كبيرة.',
      0,
      'نشرة الخرطوم',
      [{ name: 'كوستي', type: 'LOC' }],
    );
    const power = report(
      'عودة جزئية للتيار الكهربائي إلى كوستي بعد يوم من الهجوم على محطتها',
      'عاد التيار الكهربائي جزئيا مساء الجمعة إلى أحياء في مدينة كوستي وإلى مستشفاها، بعد يوم من الهجوم بالمسيرات على محطة التحويل الرئيسية للكهرباء. وقال مهندس في محطة الكهرباء إن الإصلاح الكامل يحتاج أسابيع.\n\nوكان الهجوم بالمسيرات قد قتل ثلاثة عمال في كوستي.',
      34,
      'صحيفة الأصيل',
      [{ name: 'كوستي', type: 'LOC' }],
    );
    const index = inMemoryDedupIndex();
    const a = await index.process(strike);
    const b = await index.process(power);
    expect(b.story.storyId).toBe(a.story.storyId);
  });
});
