import { describe, expect, it } from 'vitest';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { reportMaker } from '../../helpers/story-reports.js';

// Every text below was written for these tests (real-style reports of invented events).

/** Reports dated from 2026-10-04 06:00 UTC (a Sunday). */
const report = reportMaker('e9300000000000', new Date(Date.UTC(2026, 9, 4, 6)));

// A topic day: two ministries announce their mid-year school holidays the same morning. Kuwait's
// report opens with the country; a newspaper's report names no country up front; Iraq's opens with
// Iraq. The pair rules let the newspaper's report join Kuwait's and Iraq's join the newspaper's.
const kuwait = report(
  'الكويت تحدد موعد عطلة منتصف العام الدراسي للمدارس',
  'الكويت تحدد عطلة منتصف العام الدراسي للمدارس الحكومية والخاصة من 25 يناير إلى 5 فبراير، على أن يعود الطلبة والمعلمون إلى الدوام الرسمي يوم الأحد التالي.\n\nوقالت وزارة التربية إن جدول الاختبارات النهائية للفصل الأول يبقى دون تغيير.',
  0,
  'جريدة الجهراء',
);
const noActor = report(
  'عطلة منتصف العام الدراسي تبدأ 25 يناير للمدارس',
  '«التربية» تعلن أن عطلة منتصف العام الدراسي للمدارس تبدأ في 25 يناير وتستمر حتى 5 فبراير، ويعود الطلبة والمعلمون إلى الدوام الرسمي بعدها.\n\nوأشارت إلى أن جدول الاختبارات النهائية للفصل الأول لم يتغير.',
  1,
  'صحيفة الساحل',
);
const iraq = report(
  'العراق يحدد موعد عطلة منتصف العام الدراسي للمدارس',
  'العراق يحدد عطلة منتصف العام الدراسي للمدارس الحكومية والأهلية من 18 يناير إلى 1 فبراير، على أن يعود الطلبة والمعلمون إلى الدوام الرسمي بعدها.\n\nوقالت وزارة التربية العراقية إن جدول الاختبارات النهائية للفصل الأول يبقى دون تغيير.',
  2,
  'صحيفة دجلة',
);

describe("a story's marks (story-marks.ts) end to end", () => {
  it("keeps Iraq's holiday out of Kuwait's story when their reports meet only through one that names no country", async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(kuwait);
    const b = await index.process(noActor);
    const c = await index.process(iraq);
    expect(b.story.storyId).toBe(a.story.storyId);
    expect(c.story.storyId).not.toBe(a.story.storyId);
    // The link to the report with no actor is still recorded, only the union is refused.
    expect(c.layer.storyReason).not.toBe('new');
  });
});
