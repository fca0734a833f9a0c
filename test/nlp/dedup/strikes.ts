import { analyseText } from '../../../src/nlp/text/index.js';
import type { DedupInput } from '../../../src/nlp/dedup/index-contract.js';

// Reports written for the event tests (event-time and event-toll tests, the Redis twin's test): two strikes in one city (teachers, then bus drivers), as two
// outlets cover them, and a follow-up of the first. The city, union and ministry are invented.
export const TEACHERS = {
  title: 'إضراب المعلمين يشل مدارس الزهراء',
  text: 'أغلقت مدارس مدينة الزهراء أبوابها صباح الأحد مع بدء إضراب المعلمين الذي دعت إليه نقابة التعليم احتجاجا على تأخر صرف الرواتب منذ ثلاثة أشهر. وقالت النقابة إن نسبة المشاركة في الإضراب تجاوزت تسعين في المئة في المدارس الحكومية.\n\nوقال رئيس النقابة في مؤتمر صحفي إن الإضراب مفتوح حتى تصرف الحكومة المستحقات المتأخرة، فيما دعت وزارة التربية المعلمين إلى العودة إلى الفصول وقالت إن الرواتب ستصرف خلال أيام.',
};
export const TEACHERS_FOLLOW_UP = {
  title: 'إضراب معلمي الزهراء يدخل يومه الثالث',
  text: 'دخل إضراب المعلمين في مدينة الزهراء يومه الثالث الثلاثاء، وبقيت المدارس الحكومية مغلقة بعد فشل اجتماع بين نقابة التعليم ووزارة التربية في الاتفاق على موعد لصرف الرواتب المتأخرة.\n\nوقال رئيس النقابة إن المعلمين لن يعودوا إلى الفصول قبل صرف مستحقات ثلاثة أشهر كاملة.',
};
export const DRIVERS = {
  title: 'إضراب سائقي الحافلات في الزهراء',
  text: 'توقفت حافلات النقل العام في مدينة الزهراء صباح اليوم مع بدء إضراب السائقين الذي دعت إليه نقابة النقل احتجاجا على رفع أسعار الوقود. وقالت النقابة إن المشاركة في الإضراب شملت كل خطوط المدينة.\n\nوقال رئيس نقابة النقل إن الإضراب سيستمر حتى تتراجع الحكومة عن الزيادة، فيما قالت وزارة النقل إنها مستعدة للحوار مع السائقين.',
};

let next = 0;
/** A dated report, `hoursAfter` 2026-11-01 08:00 UTC, with a fresh id. */
export function report(article: { title: string; text: string }, hoursAfter: number, source: string): DedupInput {
  const layer = analyseText(article.text);
  next += 1;
  return {
    id: `e7000000000000${String(next).padStart(2, '0')}`,
    text: article.text,
    tokens: layer.tokens,
    sentences: layer.sentences,
    title: article.title,
    titleTokens: analyseText(article.title).tokens,
    publishedAt: new Date(Date.UTC(2026, 10, 1, 8) + hoursAfter * 3_600_000).toISOString(),
    sourceName: source,
  };
}

