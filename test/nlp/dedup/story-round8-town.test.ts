import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../../src/nlp/dedup/prepare.js';
import { decodeEventSketch, eventSimilarity, townKey } from '../../../src/nlp/dedup/event.js';
import { SAME_TOWN_FACTOR, sameEvent, sameLeadTown, similarityNeeded } from '../../../src/nlp/dedup/event-match.js';
import { dedupOptions } from '../../../src/nlp/dedup/params.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { reportMaker } from '../../helpers/story-reports.js';

// Every text below was written for this test (real-style reports of an invented incident; the town
// and the outlets are invented).

/** Reports dated from 2026-10-12 06:00 UTC. */
const report = reportMaker('e9810000000000', new Date(Date.UTC(2026, 9, 12, 6)));
const options = dedupOptions();
const sketchOf = (input: ReturnType<typeof report>) => decodeEventSketch(prepareArticle(input, options).eventSketch);

// A gas blast in a bakery, and the next day's follow-up: the toll rises and the owner is held. The
// follow-up's lead is about the arrest; both first sentences say where («في مدينة الزيتونة»).
const first = report(
  'انفجار أسطوانة غاز في مخبز يقتل ثلاثة',
  'قتل ثلاثة أشخاص وأصيب سبعة صباح اليوم في انفجار أسطوانة غاز داخل مخبز شعبي في مدينة الزيتونة، وهرعت سيارات الإسعاف إلى المكان.\n\nوقال شهود إن الانفجار وقع أثناء ازدحام المخبز بالزبائن قبل الظهر، وإن النيران امتدت إلى محلين مجاورين.',
  0,
  'outlet-a',
);
const followUp = report(
  'توقيف صاحب مخبز بعد وفاة مصاب رابع',
  'أوقفت النيابة العامة صاحب مخبز في مدينة الزيتونة بعد وفاة مصاب رابع متأثرا بحروقه، وأمرت بإغلاقه وبتفتيش مخابز الحي كلها.\n\nوأفاد مصدر طبي بأن أربعة مصابين ما زالوا في المستشفى، وأن حالة أحدهم حرجة، فيما طالب سكان الحي بتعويض أصحاب المحلين المتضررين.',
  26,
  'outlet-b',
);

describe('the same town in both leads lowers the similarity needed (story round 8)', () => {
  it('reads one town in both leads, and a content likeness below the bar a day apart', () => {
    const a = sketchOf(first);
    const b = sketchOf(followUp);
    expect(sameLeadTown(a, b)).toBe(true);
    const gap = 26 * 3600;
    const needed = similarityNeeded(gap, { threshold: options.eventThreshold, timeScaleHours: options.eventTimeScaleHours });
    const similarity = eventSimilarity(a, b);
    expect(similarity).toBeLessThan(needed);
    expect(similarity).toBeGreaterThanOrEqual(needed * SAME_TOWN_FACTOR);
    expect(sameEvent(a, b, gap, { threshold: options.eventThreshold, timeScaleHours: options.eventTimeScaleHours, dayTolerance: options.eventDayTolerance })).toBe(true);
  });

  it('joins the follow-up to the incident\'s story', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(first);
    const b = await index.process(followUp);
    expect(b.story.storyId).toBe(a.story.storyId);
  });

  it('reads a province as no such evidence, nor two towns', () => {
    const features = new Map([[16, 6]]);
    expect(sameLeadTown({ features, town: townKey('الزيتونة', 2) }, { features, town: townKey('الزيتونة', 2) })).toBe(false);
    expect(sameLeadTown({ features, town: townKey('الزيتونة') }, { features, town: townKey('الرمان') })).toBe(false);
    expect(sameLeadTown({ features, town: townKey('الزيتونة') }, { features })).toBe(false);
  });
});
