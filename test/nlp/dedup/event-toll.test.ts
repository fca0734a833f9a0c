import { describe, expect, it } from 'vitest';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { report } from './strikes.js';

// Reports written for this test: two disasters on one day in two invented places, each with its
// toll that «rises»; and the first one's next report. The titles share nothing but the toll's words.
const QUAKE = {
  title: 'زلزال بقوة 6 درجات يضرب ولاية الريحان',
  text: 'ضرب زلزال بقوة 6 درجات ولاية الريحان الجبلية فجر الخميس، وقالت إدارة الطوارئ إن مباني عدة انهارت في بلدة السنديان القريبة من مركز الزلزال. وأضافت أن فرق الإنقاذ تبحث عن عالقين تحت الأنقاض.',
};
const QUAKE_TOLL = {
  title: 'حصيلة زلزال الريحان ترتفع إلى 17 قتيلا',
  text: 'ارتفعت حصيلة الزلزال الذي ضرب ولاية الريحان إلى 17 قتيلا و80 جريحا، بحسب إدارة الطوارئ التي قالت إن فرق الإنقاذ انتشلت ناجين من تحت أنقاض مبنى في بلدة السنديان.',
};
const BOAT_TOLL = {
  title: 'حصيلة غرق قارب الصيد ترتفع إلى 12 قتيلا',
  text: 'ارتفعت حصيلة غرق قارب صيد قبالة ميناء المرجان إلى 12 قتيلا، وقال خفر السواحل إن البحث متواصل عن ثلاثة بحارة مفقودين بعد أن انقلب القارب في عاصفة ليلية.',
};

describe('the words of a casualty count in event stories', () => {
  it('do not join two disasters whose titles share only their toll rising; the first disaster\'s toll joins its own story', async () => {
    const index = inMemoryDedupIndex();
    const quake = await index.process(report(QUAKE, 0, 'outlet-a'));
    const toll = await index.process(report(QUAKE_TOLL, 6, 'outlet-b'));
    const boat = await index.process(report(BOAT_TOLL, 7, 'outlet-c'));
    expect(toll.story.storyId).toBe(quake.story.storyId);
    expect(boat.story.storyId).not.toBe(quake.story.storyId);
    expect(boat.story.articles).toHaveLength(1);
  });
});
