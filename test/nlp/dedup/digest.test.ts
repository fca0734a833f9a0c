import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { prepareArticle } from '../../../src/nlp/dedup/prepare.js';
import { decodeEventSketch, shareHeadlineFeature } from '../../../src/nlp/dedup/event.js';
import { digestLeadSentence, digestTitle } from '../../../src/nlp/dedup/digest.js';
import { dedupOptions } from '../../../src/nlp/dedup/params.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { reportMaker } from '../../helpers/story-reports.js';
import type { DedupInput } from '../../../src/nlp/dedup/index-contract.js';

// Every text below was written for these tests (real-style reports of invented events).

/** Reports dated from 2026-10-05 07:00 UTC (a Monday). */
const report = reportMaker('d1900000000000', new Date(Date.UTC(2026, 9, 5, 7)));
const sketchOf = (input: DedupInput) => decodeEventSketch(prepareArticle(input, dedupOptions()).eventSketch);

/** The title's first item as `digestTitle` reads it, or null. */
function firstItem(title: string): string | null {
  const found = digestTitle(analyseText(title).tokens);
  return found ? title.slice(found.start, found.end).trim() : null;
}

describe('a digest is about the item its title leads with (digest.ts)', () => {
  it('reads a round-up label or three items as a digest, and a headline\'s one pause not', () => {
    expect(firstItem('موجز المساء: حريق مصنع صفاقس.. الكوليرا في كسلا.. وأنبوب الرميلة')).toBe('حريق مصنع صفاقس');
    expect(firstItem('موجز المساء: ثلاث وفيات في سيول جازان.. الزوراء يكسب الديربي')).toBe('ثلاث وفيات في سيول جازان');
    expect(firstItem('منبج تشيع ضحاياها.. خان الشونة يعود.. حافلة إربد')).toBe('منبج تشيع ضحاياها');
    expect(firstItem('للشهر الثاني.. تراجع أسعار الوقود في الإمارات')).toBeNull();
    expect(firstItem('قطر للطاقة: خفض سعر السوبر وتثبيت الممتاز والديزل')).toBeNull();
  });

  it('takes the sentence after an intro that announces the list as the lead', () => {
    const intro = analyseText('صباح الخير. أبرز ما جرى منذ مساء أمس:\n\nالسعودية: خفض البنك المركزي سعر الريبو ربع نقطة.\n\nالكويت: أبقى البنك المركزي سعر الخصم.');
    expect(digestLeadSentence(intro.tokens)).toBe(2);
    const direct = analyseText('تونس: قتل عامل في حريق مصنع للنسيج بصفاقس.\n\nالسودان: ارتفعت إصابات الكوليرا في كسلا.');
    expect(digestLeadSentence(direct.tokens)).toBe(0);
  });

  // A factory fire in Sfax and a cholera outbreak in Kassala the same day, then the evening digest
  // that leads with the fire and sums up the outbreak after it: as a plain report it named both
  // events in its title and lead, shared a headline feature with each, and could join either.
  const fire = report(
    'وفاة عامل وإصابة تسعة في حريق مصنع نسيج بصفاقس',
    'توفي عامل وأصيب تسعة آخرون، صباح اليوم الاثنين، في حريق اندلع داخل مصنع للنسيج في المنطقة الصناعية بطريق قابس في صفاقس. وقالت الحماية المدنية إن النيران امتدت إلى مخزن الأقمشة قبل السيطرة عليها.\n\nوفتحت النيابة تحقيقا في أسباب الحريق.',
    0,
    'صفاقس اليوم',
    [{ name: 'صفاقس', type: 'LOC' }],
  );
  const cholera = report(
    'كسلا: 40 إصابة بالكوليرا وثلاث وفيات في مراكز الإيواء',
    'سجلت وزارة الصحة في ولاية كسلا، اليوم الاثنين، أربعين إصابة بالكوليرا وثلاث وفيات في مراكز إيواء النازحين شرقي المدينة. وقال مدير الوبائيات إن الفرق الطبية بدأت حملة لتعقيم مصادر المياه.\n\nوتعاني مراكز الإيواء من نقص في المياه النظيفة.',
    2,
    'الشرق السوداني',
    [{ name: 'كسلا', type: 'LOC' }, { name: 'وزارة الصحة', type: 'ORG' }],
  );
  const digest = report(
    'موجز المساء: حريق مصنع صفاقس.. الكوليرا في كسلا.. وأنبوب الرميلة',
    'تونس: قتل عامل وأصيب تسعة في حريق اندلع صباح الاثنين داخل مصنع للنسيج بطريق قابس في صفاقس، وفتحت النيابة تحقيقا.\n\nالسودان: سجلت ولاية كسلا أربعين إصابة بالكوليرا وثلاث وفيات في مراكز إيواء النازحين، وبدأت الفرق الطبية حملة لتعقيم مصادر المياه.\n\nالعراق: اندلع حريق في أنبوب نفطي قرب حقل الرميلة.',
    12,
    'نشرة المساء العربي',
    [{ name: 'صفاقس', type: 'LOC' }, { name: 'كسلا', type: 'LOC' }, { name: 'الرميلة', type: 'LOC' }],
  );

  it('shares a headline feature with its first item\'s event only', () => {
    expect(shareHeadlineFeature(sketchOf(digest), sketchOf(fire))).toBe(true);
    expect(shareHeadlineFeature(sketchOf(digest), sketchOf(cholera))).toBe(false);
  });

  it('joins the fire\'s story, not the outbreak\'s', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(fire);
    const b = await index.process(cholera);
    const c = await index.process(digest);
    expect(c.story.storyId).toBe(a.story.storyId);
    expect(c.story.storyId).not.toBe(b.story.storyId);
  });
});
