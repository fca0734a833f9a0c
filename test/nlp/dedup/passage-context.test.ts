import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';

/**
 * Story round 10 (steps/passage-context.ts): a paragraph two outlets carry past both leads, with
 * nothing else alike, is context; a reprint under the same news still joins (seeds 000 and 003:
 * seeds-index.test.ts).
 */
const context =
  'ويعتمد اقتصادا البلدين الجارين اعتمادا شبه كلي على صادرات النفط والغاز، وتسعى الشركتان الوطنيتان فيهما إلى تعويض تراجع إنتاج الحقول القديمة بتكثيف أعمال الاستكشاف في الأحواض الجنوبية البعيدة عن الساحل خلال السنوات المقبلة.';

const oil =
  'أعلنت المؤسسة الوطنية للنفط صباح الخميس تحقيق اكتشاف نفطي جديد في حوض مرزق جنوب غربي البلاد، وقالت إن البئر الاستكشافية أنتجت 2900 برميل يوميا خلال الاختبار. ' +
  'وأوضحت المؤسسة أن الاكتشاف تحقق بجهود فرق الحفر المحلية وأن أعمال التقييم ستبدأ الشهر المقبل.';
const gas =
  'كشفت شركة سوناطراك الجزائرية عن حقل جديد للغاز الطبيعي والمكثفات في منطقة إليزي بالصحراء الشرقية، مؤكدة أن تدفقه بلغ 420 ألف متر مكعب في اليوم. ' +
  'وذكر بيان الشركة أن الحقل هو الخامس الذي تعلنه منذ يناير، وأن إنتاجه سيوجه إلى خطوط التصدير نحو أوروبا.';
const oilAgain =
  'قالت المؤسسة الوطنية للنفط إن بئرها الاستكشافية الجديدة في حوض مرزق أنتجت 2900 برميل يوميا في الاختبار، في أول اكتشاف نفطي تعلنه المؤسسة هذا العام. ' +
  'وأضافت أن فرق التقييم ستحدد حجم الاحتياطي في الحوض خلال أسابيع.';

function article(id: string, text: string, title: string, sourceName: string, publishedAt: string) {
  const layer = analyseText(text);
  return { id, text, tokens: layer.tokens, sentences: layer.sentences, titleTokens: analyseText(title).tokens, publishedAt, sourceName };
}

async function twoReports(second: { text: string; title: string }, options: { passageContextThreshold?: number } = {}) {
  const index = inMemoryDedupIndex(options);
  const first = await index.process(article('c000000000000001', `${oil}\n\n${context}`, 'المؤسسة الوطنية للنفط تعلن اكتشافا نفطيا في حوض مرزق', 'بوابة الواحة', '2027-03-18T10:00:00.000Z'));
  const result = await index.process(article('c000000000000002', `${second.text}\n\n${context}`, second.title, 'جريدة الصحراء', '2027-03-18T12:00:00.000Z'));
  return { first, result };
}

describe('a shared paragraph past both leads (story round 10)', () => {
  it('keeps apart two discoveries whose reports share only a closing paragraph on the region', async () => {
    const { first, result } = await twoReports({ text: gas, title: 'سوناطراك تكشف عن حقل غاز في إليزي' });
    // The paragraph is found and recorded as reused either way.
    expect(result.layer.reusedPassages.map((p) => p.otherId)).toEqual(['c000000000000001']);
    expect(result.story.storyId).not.toBe(first.story.storyId);
  });

  it('joins them when the test is off: the shared paragraph alone made one story before', async () => {
    const { first, result } = await twoReports({ text: gas, title: 'سوناطراك تكشف عن حقل غاز في إليزي' }, { passageContextThreshold: 0 });
    expect(result.story.storyId).toBe(first.story.storyId);
  });

  it('joins another outlet\'s own report of the same discovery that carries the same paragraph', async () => {
    const { first, result } = await twoReports({ text: oilAgain, title: 'بئر مرزق الجديدة تنتج 2900 برميل يوميا' });
    expect(result.story.storyId).toBe(first.story.storyId);
  });
});
