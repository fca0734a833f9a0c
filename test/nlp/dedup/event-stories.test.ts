import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import type { DedupInput } from '../../../src/nlp/dedup/index-contract.js';
import { contentTokens } from '../../../src/nlp/dedup/shingles.js';
import { decodeEventSketch, encodeEventSketch, eventSimilarity, eventSketch, shareHeadlineFeature } from '../../../src/nlp/dedup/event.js';
import { summariseStory } from '../../../src/nlp/dedup/story-summary.js';
import type { Story } from '../../../src/schema/story.js';
import { clusterScores } from '../../../training/stories/metrics.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';

// Short reports written for this test: three events in one country, each report ending with the same
// background paragraph, as outlets reuse a standing explanation of the conflict.
const BACKGROUND =
  'ويعيش البلد منذ عشر سنوات نزاعا مسلحا بين الحكومة المعترف بها دوليا وجماعة مسلحة تسيطر على العاصمة ومعظم مدن الشمال، وقد أدى النزاع إلى مقتل عشرات الآلاف ونزوح الملايين بحسب تقديرات المنظمات الدولية، فيما تتعثر جهود الوساطة التي ترعاها الأمم المتحدة منذ سنوات.';
const FLOOD =
  'غمرت السيول أحياء مدينة الزهراء الساحلية صباح الاثنين بعد أمطار غزيرة استمرت ساعات، وقال الدفاع المدني إن فرقه أجلت مئات الأسر من المنازل المنكوبة ونقلت المصابين إلى مستشفى المدينة. وأضاف أن منسوب المياه بلغ مترا في الشوارع القريبة من الميناء وأن الكهرباء انقطعت عن معظم الأحياء الشرقية.';
const VACCINES = 'أطلقت وزارة الصحة حملة تطعيم واسعة ضد شلل الأطفال في محافظة الوادي الشرقي تستهدف نصف مليون طفل دون الخامسة خلال أسبوع، بمشاركة فرق متنقلة تجوب القرى النائية.';
const BRIDGE = 'افتتح محافظ الجبل جسرا جديدا يربط بلدتي العين والقرية الخضراء بعد ثلاث سنوات من الأعمال المتوقفة، وقال إن الجسر يختصر الطريق إلى السوق المركزية ساعة كاملة.';

let next = 0;
function report(title: string, paragraphs: string[], hour: number, source: string, entities: DedupInput['entities'] = []): DedupInput {
  const text = paragraphs.join('\n\n');
  const layer = analyseText(text);
  next += 1;
  return {
    id: `ee00000000000${String(next).padStart(3, '0')}`,
    text,
    tokens: layer.tokens,
    sentences: layer.sentences,
    entities,
    title,
    titleTokens: analyseText(title).tokens,
    publishedAt: new Date(Date.UTC(2026, 10, 16, hour)).toISOString(),
    sourceName: source,
  };
}

describe('event sketches', () => {
  it('weigh a title word above the same word in the body, and round-trip through their stored form', () => {
    const body = analyseText(FLOOD);
    const content = contentTokens(body.tokens).map((token) => ({ ...token, sentence: body.tokens[token.tokenIndex]!.sentence }));
    const plain = eventSketch(content, [], [], 0);
    const titled = eventSketch(content, contentTokens(analyseText('سيول الزهراء').tokens), [], 0);
    const heaviest = (sketch: ReturnType<typeof eventSketch>) => Math.max(...sketch.features.values());
    expect(heaviest(titled)).toBeGreaterThan(heaviest(plain));
    const stored = decodeEventSketch(encodeEventSketch(titled));
    expect(stored.features).toEqual(titled.features);
    expect(eventSimilarity(stored, titled)).toBe(1);
    expect(shareHeadlineFeature(stored, titled)).toBe(true);
    // Without a title or a named lead entity there is no headline feature to share.
    expect(shareHeadlineFeature(plain, plain)).toBe(false);
  });
});

describe('event stories', () => {
  it('never joins a report to another event through a background paragraph other articles already carry', async () => {
    const index = inMemoryDedupIndex();
    const flood = await index.process(report('سيول تغمر أحياء الزهراء', [FLOOD, BACKGROUND], 8, 'outlet-a'));
    await index.process(report('حملة تطعيم في الوادي الشرقي', [VACCINES, BACKGROUND], 10, 'outlet-b'));
    const bridge = await index.process(report('افتتاح جسر العين', [BRIDGE, BACKGROUND], 12, 'outlet-c'));
    // The paragraph is reported as reused, but a paragraph two articles already hold is background.
    expect(bridge.layer.reusedPassages.length).toBeGreaterThan(0);
    expect(bridge.story.storyId).not.toBe(flood.story.storyId);
    expect(bridge.story.articles).toHaveLength(1);
  });

  it('joins a report that reprints an event paragraph of a story member, and gives the story a headline, titles and key entities', async () => {
    const index = inMemoryDedupIndex();
    const zahraa = (text: string) => ({ entityId: 'loc:zahraa', type: 'LOC' as const, canonical: 'الزهراء', start: text.indexOf('الزهراء') });
    const civil = (text: string) => ({ entityId: 'org:civil-defence', type: 'ORG' as const, canonical: 'الدفاع المدني', start: text.indexOf('الدفاع المدني') });
    const first = [FLOOD, BACKGROUND];
    const flood = await index.process(report('سيول تغمر أحياء الزهراء', first, 8, 'outlet-a', [zahraa(first.join('\n\n')), civil(first.join('\n\n'))]));
    const second = ['قالت السلطات المحلية إن المياه بدأت تنحسر مساء الاثنين.', FLOOD];
    const reprint = await index.process(report('انحسار المياه بعد يوم من السيول', second, 20, 'outlet-d', [zahraa(second.join('\n\n'))]));
    expect(reprint.layer.reusedPassages.length).toBeGreaterThan(0);
    expect(reprint.story.storyId).toBe(flood.story.storyId);
    // Both are linked once: the earlier one's title is the headline.
    expect(reprint.story.headline).toBe('سيول تغمر أحياء الزهراء');
    expect(reprint.story.articles.map((article) => article.title).sort()).toEqual(['انحسار المياه بعد يوم من السيول', 'سيول تغمر أحياء الزهراء'].sort());
    // Only what both articles name is a key entity of the story.
    expect(reprint.story.keyEntities).toEqual([{ entityId: 'loc:zahraa', name: 'الزهراء', type: 'LOC', articles: 2 }]);
  });

  it('heads a story with the title of its most linked article', () => {
    const article = (id: string, publishedAt: string) => ({ id, source: null, publishedAt });
    const link = (a: string, b: string) => ({ kind: 'similar-content' as const, a, b, similarity: 0.3 });
    const story: Story = {
      storyId: 'a',
      version: 3,
      mergedInto: null,
      articles: [article('a', '2026-11-16T08:00:00.000Z'), article('b', '2026-11-16T09:00:00.000Z'), article('c', '2026-11-16T10:00:00.000Z')],
      sources: [],
      firstSeen: '2026-11-16T08:00:00.000Z',
      lastSeen: '2026-11-16T10:00:00.000Z',
      links: [link('a', 'b'), link('b', 'c')],
      corroboratedClaims: [],
      conflicts: [],
    };
    const summaries = new Map([
      ['a', { title: 'أ', entities: [] }],
      ['b', { title: 'ب', entities: [] }],
    ]);
    const summarised = summariseStory(story, summaries);
    expect(summarised.headline).toBe('ب');
    expect(summarised.articles.map((a) => a.title)).toEqual(['أ', 'ب', null]);
    expect(summarised.keyEntities).toEqual([]);
  });
});

describe('story scores (eval:stories)', () => {
  it('computes pairwise and B-cubed precision and recall', () => {
    // One event of three articles split 2 + 1, and a lone article of another event alone.
    const scores = clusterScores(['s1', 's1', 's2', 's3'], ['e1', 'e1', 'e1', 'e2']);
    expect(scores.pairwise).toMatchObject({ precision: 1, recall: 1 / 3, predictedPairs: 1, truePairs: 3, correctPairs: 1 });
    expect(scores.bcubed.precision).toBe(1);
    expect(scores.bcubed.recall).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 12);
    expect(scores).toMatchObject({ clusters: 3, singletons: 2, largest: 2 });
  });
});
