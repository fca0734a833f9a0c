import { describe, expect, it } from 'vitest';
import { joiningLinks, type JoinOptions } from '../../../src/nlp/dedup/steps/story-links.js';
import type { PairLink } from '../../../src/nlp/dedup/links.js';
import type { ArticleMeta } from '../../../src/nlp/dedup/index-store.js';
import { dedupOptions } from '../../../src/nlp/dedup/params.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { reportMaker } from '../../helpers/story-reports.js';

// Story round 8 (src/nlp/dedup/README.md).

const T0 = Date.UTC(2026, 9, 4, 6) / 1000;
const metaOf = (num: number, hours: number, source: string): ArticleMeta => ({
  num,
  id: `e9800000000000${String(num).padStart(2, '0')}`,
  publishedAt: T0 + hours * 3600,
  source,
  contentHash: '0'.repeat(16),
  sampleCount: 0,
  sampleLevel: 0,
  event: { features: new Map([[num, 6]]) },
});
const options: JoinOptions = dedupOptions();

describe('a shared passage that does not join leaves the content\'s evidence (story round 8)', () => {
  // Article 3 (a follow-up) shares a short quoted sentence with 1 (the first report) and is similar in
  // content to 1 (0.21) and to 2 (0.14, another outlet's report).
  const metas = new Map([metaOf(1, 0, 'a'), metaOf(2, 1, 'b'), metaOf(3, 20, 'c')].map((m) => [m.num, m]));
  const meta = (num: number) => metas.get(num)!;
  const passage: PairLink = { kind: 'reused-passage', a: 3, b: 1, similarity: 0, passages: [] };
  const similar: PairLink = { kind: 'similar-content', a: 3, b: 2, similarity: 0.14, passages: [] };

  it('judges the pair as similar content when the passage is too short to join', () => {
    // Before: the passage (not substantial) kept the pair from the similar-content step, so the
    // follow-up joined 2's story only.
    expect(joiningLinks(meta(3), [passage, similar], new Set(), new Set(), meta, options)).toEqual([false, true]);
    // Its content, 0.21, is the strongest similar-content evidence: that link joins, and only it.
    expect(joiningLinks(meta(3), [passage, similar], new Set(), new Set(), meta, options, new Map([[1, 0.21]]))).toEqual([true, false]);
    // Weaker than the other link: the strongest alone joins, as for any similar content.
    expect(joiningLinks(meta(3), [passage, similar], new Set(), new Set(), meta, options, new Map([[1, 0.12]]))).toEqual([false, true]);
  });

  it('leaves a substantial passage as it was: joining, or refused by a gate with no second chance', () => {
    expect(joiningLinks(meta(3), [passage, similar], new Set([1]), new Set(), meta, options, new Map([[1, 0.12]]))).toEqual([true, true]);
    // One outlet's two articles share its template paragraph: refused, and its words are in both sketches.
    const sameOutlet = (num: number) => (num === 1 ? { ...metas.get(1)!, source: 'c' } : metas.get(num)!);
    expect(joiningLinks(meta(3), [passage, similar], new Set([1]), new Set(), sameOutlet, options, new Map([[1, 0.21]]))).toEqual([false, true]);
  });

  it('keeps a background passage to its own bar', () => {
    // A background paragraph's words are in both sketches: the content step's bar is not enough for it.
    expect(joiningLinks(meta(3), [passage, similar], new Set(), new Set([1]), meta, options, new Map([[1, 0.21]]))).toEqual([false, true]);
  });
});

// Every text below was written for this test (real-style reports of an invented strike; the port,
// the union and the outlets are invented).
const report = reportMaker('e9820000000000', new Date(Date.UTC(2026, 9, 20, 6)));
const quote = 'وقال رئيس نقابة عمال الموانئ إن العمال لن يعودوا إلى الأرصفة ولن يفرغوا أي سفينة قبل صرف المستحقات المتأخرة كاملة وتثبيت العمال المؤقتين.';

describe('reports of one strike that quote one sentence (story round 8)', () => {
  const first = report(
    'إضراب عمال ميناء القرنفل يوقف تفريغ السفن',
    `بدأ عمال ميناء القرنفل صباح اليوم إضرابا مفتوحا عن العمل احتجاجا على تأخر صرف أجورهم منذ ثلاثة أشهر، ما أوقف تفريغ السفن الراسية. ${quote}\n\nوتنتظر في المرسى نحو عشرين سفينة محملة بالحبوب والحاويات.`,
    0,
    'outlet-a',
  );
  const second = report(
    'شلل في ميناء القرنفل مع استمرار إضراب العمال',
    `تواصل إضراب عمال ميناء القرنفل لليوم الثاني على التوالي، وتكدست السفن في المرسى بانتظار تفريغ حمولاتها من الحبوب والحاويات. ${quote}\n\nوقالت إدارة الميناء إنها تجري اتصالات مع وزارة المالية لتوفير الأجور المتأخرة.`,
    22,
    'outlet-b',
  );

  it('joins them: the quoted sentence is too short to join, and no reason to skip their content', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(first);
    const b = await index.process(second);
    expect(b.layer.reusedPassages.length).toBeGreaterThan(0);
    expect(b.story.storyId).toBe(a.story.storyId);
  });
});
