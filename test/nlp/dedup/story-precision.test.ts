import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import type { DedupInput } from '../../../src/nlp/dedup/index-contract.js';

// Every text below was written for these tests (real-style reports of invented or generic events).

type Mention = { name: string; type: 'ORG' | 'LOC' | 'PER' };

/** The NER mentions of `names` in `text`, at every place they occur (ids from the name, as the linker gives one id a name). */
function mentionsIn(text: string, names: readonly Mention[]) {
  return names.flatMap(({ name, type }) =>
    [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ entityId: `${type.toLowerCase()}:${name}`, canonical: name, type, start: m.index, end: m.index + name.length })),
  );
}

let next = 0;
/** A dated report (2026-11-02 10:00 UTC, a Monday, plus `hoursAfter`) with a fresh id, as the dedup stage gives it. */
function report(title: string, text: string, hoursAfter: number, sourceName: string, names: readonly Mention[] = []): DedupInput {
  const layer = analyseText(text);
  next += 1;
  return {
    id: `e9000000000000${String(next).padStart(2, '0')}`,
    text,
    tokens: layer.tokens,
    sentences: layer.sentences,
    entities: mentionsIn(text, names),
    title,
    titleTokens: analyseText(title).tokens,
    publishedAt: new Date(Date.UTC(2026, 10, 2, 10) + hoursAfter * 3600 * 1000).toISOString(),
    sourceName,
  };
}

describe('a shared passage between leads that name days two apart (passageDayTolerance)', () => {
  // Two fires in one city two days apart; the second report reprints the first's paragraph on the
  // market's history word for word. The paragraph is held by these two alone, so it looks like a
  // reprint and joined them whatever else they say.
  const background =
    'ويعد السوق من أقدم أسواق الجملة في العاصمة، إذ يعود تأسيسه إلى أواخر القرن التاسع عشر، ويضم أكثر من ثلاثة آلاف محل ومخزن متلاصقة تتشابك فوقها أسلاك المولدات الأهلية، وشهد خلال السنوات العشر الماضية أكثر من عشرة حرائق كبيرة.';
  const first = report(
    'حريق كبير يلتهم عشرات المحال في سوق الشورجة',
    `اندلع حريق كبير فجر اليوم الأحد في سوق الشورجة وسط بغداد، والتهم عشرات المحال المتخصصة ببيع المواد المنزلية، بحسب مديرية الدفاع المدني.\n\n${background}`,
    -24,
    'outlet-a',
  );
  const second = report(
    'حريق في مخزن للمواد الغذائية بمنطقة جميلة',
    `أخمدت فرق الإطفاء اليوم الثلاثاء حريقا اندلع في مخزن كبير للطحين والسكر في منطقة جميلة الصناعية شرقي بغداد، من دون خسائر بشرية.\n\n${background}`,
    24,
    'outlet-b',
  );

  it('keeps the two fires apart', async () => {
    const index = inMemoryDedupIndex();
    const a = await index.process(first);
    const b = await index.process(second);
    expect(b.layer.reusedPassages.length).toBeGreaterThan(0);
    expect(b.story.storyId).not.toBe(a.story.storyId);
  });

  it('joined them at the similar-content tolerance of 2 days (the rule is what keeps them apart)', async () => {
    const index = inMemoryDedupIndex({ passageDayTolerance: 2 });
    const a = await index.process(first);
    const b = await index.process(second);
    expect(b.story.storyId).toBe(a.story.storyId);
  });
});
