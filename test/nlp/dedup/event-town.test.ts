import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { leadTown } from '../../../src/nlp/dedup/event-town.js';
import { datelineKey, decodeEventSketch, encodeEventSketch, townKey } from '../../../src/nlp/dedup/event.js';
import { townsAllowOneEvent } from '../../../src/nlp/dedup/event-match.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { reportMaker } from '../../helpers/story-reports.js';

// Every text below was written for these tests (real-style reports of invented incidents).

/** Reports dated from 2026-10-05 06:00 UTC. */
const report = reportMaker('e7a00000000000', new Date(Date.UTC(2026, 9, 5, 6)));
const town = (text: string) => leadTown(analyseText(text).tokens);

describe('the town an incident\'s lead says it happened in (event-town.ts)', () => {
  it('reads the town after «مدينة», «بلدة», «قضاء» in construct, spellings folded', () => {
    expect(town('قتل خمسة أشخاص صباح الأحد في قصف بطائرة مسيرة استهدف سوقا شعبية في مدينة الدويم بولاية النيل الأبيض')).toEqual(town('استهدفت مسيرة سوق الدويم بمدينة الدويم'));
    expect(town('اجتاحت سيول مفاجئة أحياء في قضاء زاخو')).toEqual(town('جرفت السيول سيارات في مدينة زاخو الحدودية'));
    expect(town('قتل تسعة في قصف على موقف للحافلات في مدينة سنجة')).toEqual(town('استهدفت مسيرة موقف الحافلات في مدينة سنجه'));
    expect(town('غرق قارب في بلدة جازان الساحلية')).toEqual(town('سيول في مدينة جيزان'));
    expect(town('قتل أربعة في قصف على محطة مياه في مدينة سنار')).not.toEqual(town('قتل تسعة في قصف على موقف للحافلات في مدينة سنجة'));
  });

  it('reads no town where the people went or came from, a road between two, or an area off a coast', () => {
    expect(town('نقل الجرحى إلى مدينة الدمازين')).toBeNull();
    expect(town('قتل شخصان في غارة على سيارة على الطريق بين مدينة النبطية وبلدة كفررمان')).toBeNull();
    expect(town('انتشال 21 جثة من القارب الذي غرق قبالة منطقة البردي')).toBeNull();
    // An area's name when the sentence names no town: «في منطقة العمادية».
    expect(town('أجليت عائلات من قرى في منطقة العمادية')).toEqual(town('غمرت السيول منازل في قضاء العمادية'));
    expect(town('أعلن المحافظ مقتل شخصين في السيول')).toBeNull();
    // A town described, not named: a wire's «في مدينة عراقية شمالية» is no town, and leaves room for the reports naming it.
    expect(town('قتل شخصان جراء انهيار منزل قديم في مدينة عراقية شمالية، وفق الدفاع المدني')).toBeNull();
    expect(town('احتج سكان في بلدة حدودية على انقطاع المياه منذ أسبوع')).toBeNull();
    expect(town('خرج المئات في مدينة مغربية ساحلية ثم في مدينة الصويرة')).toEqual(town('احتجاجات في مدينة الصويرة'));
  });

  it('reads «لمدينة», the first of «مدينتي», and a province when no town is named, by its word', () => {
    expect(town('سقط مقذوف على محطة للوقود في الحي الشرقي لمدينة الأبيض')).toEqual(town('قصفت مسيرة في مدينة الأبيض'));
    expect(town('قتل ثلاثة في فيضانات ضربت مدينتي سيئون وتريم')).toEqual(town('انهارت منازل في مدينة سيئون'));
    const kassala = town('قالت وزارة الصحة إن 43 إصابة بالكوليرا سجلت في ولاية كسلا بشرق البلاد');
    const gedaref = town('سجلت ولاية القضارف في شرق السودان 18 إصابة بالكوليرا');
    expect(kassala).toMatchObject({ level: 1 });
    expect(gedaref).toMatchObject({ level: 1 });
    expect(kassala).not.toEqual(gedaref);
    // A town named anywhere in the sentence is read before a province.
    expect(town('أجلت فرق الدفاع المدني في محافظة دهوك عائلات من قرى في قضاء العمادية')).toEqual(town('غمرت السيول منازل في قضاء العمادية'));
    // Sudan's «ولاية» is a state, Oman's a district of a «محافظة»: only the same word's are compared.
    expect(town('ضرب الإعصار محافظة ظفار')).toMatchObject({ level: 2 });
    expect(town('غمرت الأمطار ولاية رخيوت')).toMatchObject({ level: 1 });
  });

  it('is stored beside a wire dateline, and two towns leave no room for one event', () => {
    const features = new Map(Array.from({ length: 16 }, (_, i) => [(i + 1) * 32, 15 - (i % 10)] as const));
    const sennar = townKey('سنر');
    const stored = decodeEventSketch(encodeEventSketch({ features, days: [20_000], dateline: datelineKey('المجرة', 'سنار'), town: sennar }));
    expect(stored.town).toBe(sennar);
    expect(stored.dateline).toBe(datelineKey('المجرة', 'سنار'));
    expect(stored.features.size).toBe(14);
    expect(townsAllowOneEvent({ features, town: sennar }, { features, town: townKey('سنج') })).toBe(false);
    expect(townsAllowOneEvent({ features, town: sennar }, { features, town: sennar })).toBe(true);
    expect(townsAllowOneEvent({ features, town: sennar }, { features })).toBe(true);
    // A town and a province: the town may be in it.
    expect(townsAllowOneEvent({ features, town: townKey('سنج') }, { features, town: townKey('سنر', 1) })).toBe(true);
    expect(townsAllowOneEvent({ features, town: townKey('كسل', 1) }, { features, town: townKey('قضرف', 1) })).toBe(false);
    expect(townsAllowOneEvent({ features, town: townKey('ظفر', 2) }, { features, town: townKey('رخت', 1) })).toBe(true);
  });

  // Two drone strikes in one state two days apart, reported by two agencies and the state's
  // spokesman: the state, the spokesman and every word of a strike report are common; the towns are not.
  const names = [{ name: 'ولاية سنار', type: 'LOC' }, { name: 'الطاهر بابكر', type: 'PER' }, { name: 'السودان', type: 'LOC' }] as const;
  const waterStation = report(
    'حكومة ولاية سنار: مسيرة دمرت محطة المياه وقتلت أربعة',
    'أعلنت حكومة ولاية سنار أن طائرة مسيرة قصفت فجر اليوم الاثنين محطة المياه الرئيسية في مدينة سنار، ما أسفر عن مقتل أربعة أشخاص وإصابة ستة آخرين. وقال الناطق باسم حكومة ولاية سنار الطاهر بابكر إن المسيرة أطلقت قذيفتين على غرفة المولدات.\n\nوتتعرض مدن ولاية سنار لهجمات بالمسيرات منذ أشهر في إطار الحرب في السودان.',
    0,
    'صحيفة النيلين',
    names,
  );
  const busStation = report(
    'الطاهر بابكر: مسيرة ثانية خلال يومين تضرب ولاية سنار',
    'قال الناطق باسم حكومة ولاية سنار الطاهر بابكر إن طائرة مسيرة استهدفت صباح اليوم الأربعاء الموقف الرئيسي للحافلات في مدينة سنجة، ما أسفر عن مقتل تسعة مواطنين وإصابة عشرين. وأضاف أن المسيرة أطلقت قذيفتين على الموقف.\n\nوتتعرض مدن ولاية سنار لهجمات بالمسيرات منذ أشهر في إطار الحرب في السودان.',
    48,
    'صحيفة النيلين',
    names,
  );
  const busStationAgain = report(
    'مسيرة تقصف موقف الحافلات في سنجة وتقتل تسعة',
    'قتل تسعة أشخاص وأصيب عشرون آخرون صباح الأربعاء عندما قصفت طائرة مسيرة الموقف الرئيسي للحافلات في مدينة سنجه، بحسب الناطق باسم حكومة ولاية سنار الطاهر بابكر. وقال شهود إن المسيرة أصابت حافلة كانت تستعد للانطلاق.',
    50,
    'وكالة الساقية للأنباء',
    names,
  );

  it('keeps the two strikes apart, and joins a second report of the second', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(waterStation);
    const b = await index.process(busStation);
    const c = await index.process(busStationAgain);
    expect(b.story.storyId).not.toBe(a.story.storyId);
    expect(c.story.storyId).toBe(b.story.storyId);
  });

  // Cholera in two neighbouring states a day apart: the ministry, the disease and every word of
  // an outbreak report are common, and no town is named up front; the states are not.
  const health = [{ name: 'وزارة الصحة', type: 'ORG' }, { name: 'السودان', type: 'LOC' }] as const;
  const firstState = report(
    'الكوليرا تعود إلى شرق السودان: 43 إصابة وثلاث وفيات',
    'قالت وزارة الصحة اليوم الاثنين إن 43 حالة إصابة بالكوليرا سجلت في ولاية كسلا بشرق السودان، بينها ثلاث وفيات. وأضافت وزارة الصحة أن فرقها بدأت حملة لتعقيم مصادر المياه وتوزيع أقراص الكلور على الأحياء المتضررة.\n\nويعاني شرق السودان من تردي خدمات المياه والصرف الصحي منذ اندلاع الحرب.',
    0,
    'صحيفة الشرق',
    health,
  );
  const secondState = report(
    'الكوليرا في شرق السودان: 18 إصابة جديدة',
    'قالت وزارة الصحة اليوم الثلاثاء إن 18 حالة إصابة بالكوليرا سجلت في ولاية القضارف بشرق السودان، من دون وفيات. وأضافت وزارة الصحة أن فرقها بدأت حملة لتعقيم مصادر المياه وتوزيع أقراص الكلور على الأحياء المتضررة.\n\nويعاني شرق السودان من تردي خدمات المياه والصرف الصحي منذ اندلاع الحرب.',
    24,
    'وكالة الساقية للأنباء',
    health,
  );

  it('keeps two outbreaks in two states apart', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(firstState);
    const b = await index.process(secondState);
    expect(b.story.storyId).not.toBe(a.story.storyId);
  });
});
