import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { leadFacility } from '../../../src/nlp/dedup/event-facility.js';
import { datelineKey, decodeEventSketch, encodeEventSketch, townKey } from '../../../src/nlp/dedup/event.js';
import { facilitiesAllowOneEvent } from '../../../src/nlp/dedup/event-match.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { reportMaker } from '../../helpers/story-reports.js';

// Every text below was written for these tests (real-style reports of invented incidents).

/** Reports dated from 2026-10-10 06:00 UTC. */
const report = reportMaker('e7b00000000000', new Date(Date.UTC(2026, 9, 10, 6)));
const facility = (text: string) => leadFacility(analyseText(text).tokens);

describe('the kind of place an incident struck (event-facility.ts)', () => {
  it('reads the first place named after the incident\'s word, by kind', () => {
    const warehouse = facility('أتى حريق مهول صباح اليوم السبت على مستودع لتخزين الأثاث بالمنطقة الصناعية');
    const building = facility('لقيت امرأة وطفلها حتفهما فجر الاثنين في حريق شب في بناية قديمة من أربعة طوابق');
    expect(warehouse).toBeGreaterThan(0);
    expect(building).toBeGreaterThan(0);
    expect(warehouse).not.toBe(building);
    expect(facility('اندلع حريق كبير في مخزن للأثاث جنوب المدينة')).toBe(warehouse);
    expect(facility('توفي رجل متأثرا بإصابته في حريق العمارة القديمة')).toBe(building);
    // The hospital a source spoke from comes before the blast: the market is the incident's.
    expect(facility('قال مسؤول في مستشفى المدينة إن ثمانية قتلوا في انفجار سيارة مفخخة في سوق شعبي')).toBe(facility('انفجار سيارة مفخخة في سوق الخضار'));
    // Where the wounded were taken is not where it happened; no incident word, no place.
    expect(facility('قتل اثنان في انفجار ونقل الجرحى إلى المستشفى')).toBe(0);
    expect(facility('افتتح المحافظ مستشفى جديدا للأطفال')).toBe(0);
  });

  it('is stored with the lead\'s town in one entry, and two kinds leave no room for one event', () => {
    const features = new Map(Array.from({ length: 16 }, (_, i) => [(i + 1) * 32, 15 - (i % 10)] as const));
    const oran = townKey('هرن');
    const stored = decodeEventSketch(encodeEventSketch({ features, days: [20_000], dateline: datelineKey('الساقية', 'وهران'), town: oran, facility: 2 }));
    expect(stored).toMatchObject({ town: oran, facility: 2, dateline: datelineKey('الساقية', 'وهران') });
    expect(stored.features.size).toBe(14);
    expect(decodeEventSketch(encodeEventSketch({ features, facility: 3 }))).toMatchObject({ facility: 3 });
    expect(decodeEventSketch(encodeEventSketch({ features, facility: 3 })).town).toBeUndefined();
    expect(facilitiesAllowOneEvent({ features, facility: 1 }, { features, facility: 2 })).toBe(false);
    expect(facilitiesAllowOneEvent({ features, facility: 1 }, { features })).toBe(true);
  });

  // Two fires in one city a day apart, reported by two papers that both close with the same
  // paragraph: the city, the civil defence, that paragraph and every word of a fire report are
  // common; what burned is not.
  const names = [{ name: 'وهران', type: 'LOC' }, { name: 'الحماية المدنية', type: 'ORG' }] as const;
  const warehouse = report(
    'وهران: حريق ضخم في مستودع دون إصابات',
    'اندلع حريق كبير صباح اليوم السبت في مستودع للأثاث جنوب وهران، وتصاعدت منه سحب دخان أسود غطت أحياء المدينة. وقالت الحماية المدنية إن النيران أخمدت بعد نحو خمس ساعات وإن الحريق لم يسفر عن إصابات.\n\nوقال صاحب المستودع إن الخسائر تقدر بملايين الدنانير وإن البضائع كانت مؤمنة، فيما فتحت الشرطة تحقيقا لمعرفة أسباب الحريق الذي بدأ في قسم الأفرشة قبل أن يمتد إلى بقية المستودع ويأتي على الشاحنات المركونة في ساحته.\n\nوتشهد وهران حرائق متكررة في فصل الصيف بسبب ارتفاع درجات الحرارة، وكانت الحماية المدنية قد دعت أصحاب المستودعات والبنايات القديمة إلى تركيب أجهزة إنذار وإطفاء، وإلى مراجعة التوصيلات الكهربائية التي تسببت في أغلب الحرائق المسجلة منذ بداية العام في الولاية. وأحصت مصالح الحماية المدنية أكثر من مئة وعشرين حريقا في الأحياء القديمة والمناطق الصناعية منذ يناير، أغلبها بسبب الأعطال الكهربائية وتخزين المواد القابلة للاشتعال قرب مصادر الحرارة، مؤكدة أن فرقها تدخلت في كل مرة خلال دقائق من تلقي البلاغ.',
    0,
    'جريدة الباهية',
    names,
  );
  const building = report(
    'وهران: حريق ضخم في بناية يقتل اثنين',
    'لقيت امرأة وطفلها حتفهما صباح اليوم الأحد في حريق كبير شب في بناية قديمة جنوب وهران، وتصاعدت منه سحب دخان أسود غطت أحياء المدينة. وقالت الحماية المدنية إن النيران أخمدت بعد نحو ساعتين وإن ثلاثين ساكنا أجلوا.\n\nوقال جيران إن الدخان ملأ السلالم الضيقة للبناية في دقائق، وإن الضحيتين كانتا نائمتين في الطابق الثالث عندما بدأ الحريق، فيما نقل أربعة سكان إلى المستشفى الجامعي لإصابتهم باختناق وأغلقت الشرطة الشارع أمام حركة السير.\n\nوتشهد وهران حرائق متكررة في فصل الصيف بسبب ارتفاع درجات الحرارة، وكانت الحماية المدنية قد دعت أصحاب المستودعات والبنايات القديمة إلى تركيب أجهزة إنذار وإطفاء، وإلى مراجعة التوصيلات الكهربائية التي تسببت في أغلب الحرائق المسجلة منذ بداية العام في الولاية. وأحصت مصالح الحماية المدنية أكثر من مئة وعشرين حريقا في الأحياء القديمة والمناطق الصناعية منذ يناير، أغلبها بسبب الأعطال الكهربائية وتخزين المواد القابلة للاشتعال قرب مصادر الحرارة، مؤكدة أن فرقها تدخلت في كل مرة خلال دقائق من تلقي البلاغ.',
    24,
    'صحيفة الغرب الجزائري',
    names,
  );
  const buildingAgain = report(
    'أم وطفلها ضحيتا حريق عمارة في وهران',
    'توفيت امرأة وطفلها صباح الأحد في حريق اندلع في عمارة قديمة من أربعة طوابق جنوب وهران، بحسب الحماية المدنية التي قالت إنها أجلت ثلاثين ساكنا.',
    26,
    'وكالة الساقية للأنباء',
    names,
  );

  it('keeps the two fires apart, and joins a second report of the second', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(warehouse);
    const b = await index.process(building);
    const c = await index.process(buildingAgain);
    expect(b.story.storyId).not.toBe(a.story.storyId);
    expect(c.story.storyId).toBe(b.story.storyId);
  });
});
