import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { datelineEnd } from '../../../src/nlp/dedup/dateline.js';
import { prepareArticle } from '../../../src/nlp/dedup/prepare.js';
import { decodeEventSketch, eventSimilarity, shareHeadlineFeature } from '../../../src/nlp/dedup/event.js';
import { dedupOptions } from '../../../src/nlp/dedup/params.js';

const endOf = (text: string) => datelineEnd(analyseText(text).tokens);

describe('wire datelines (dateline.ts)', () => {
  it('ends after the credit and its dash, in the forms wires use', () => {
    expect(endOf('القاهرة (قمم) - تسارع التضخم في مصر')).toBe('القاهرة (قمم) -'.length);
    expect(endOf('بيروت - (أ ف ب) - قتل شخصان')).toBe('بيروت - (أ ف ب) -'.length);
    expect(endOf('القدس المحتلة (رويترز) – قالت الشرطة')).toBe('القدس المحتلة (رويترز) –'.length);
    expect(endOf('(واس) - أعلنت الهيئة')).toBe('(واس) -'.length);
  });

  it('finds none in a bare city dateline, a title or a parenthesis that is not a credit', () => {
    expect(endOf('بغداد - أعلنت وزارة الداخلية')).toBe(0);
    expect(endOf('زلزال بقوة 5.4 درجات يضرب إقليم الحوز')).toBe(0);
    expect(endOf('قال الوزير (في مؤتمر صحفي عقده بعد ظهر اليوم في العاصمة) إن')).toBe(0);
    expect(endOf('حصيلة (2) - المرحلة الثانية')).toBe(0);
  });
});

/** An article as dedup reads it, tokenised by the real text layer, with `entities` given by offset. */
function prepared(title: string, text: string, entities: Array<{ name: string; type: 'ORG' | 'LOC' }>) {
  const layer = analyseText(text);
  const mentions = entities.map(({ name, type }) => {
    const start = text.indexOf(name);
    return { entityId: `ent:${name}`, type, start, end: start + name.length };
  });
  const sketch = prepareArticle({ id: '0'.repeat(16), tokens: layer.tokens, sentences: layer.sentences, entities: mentions, titleTokens: analyseText(title).tokens }, dedupOptions({})).eventSketch;
  return decodeEventSketch(sketch);
}

describe('the event sketch skips the wire dateline', () => {
  // Two reports one wire sent the same morning about unrelated events: a storm in Alexandria and an
  // airport reopening in Mosul. Before, the agency, named in both leads (an organisation), was a
  // headline feature they shared, and with the desk's city they made similar content.
  const storm = prepared(
    'القاهرة (قمم) - ثلاثة قتلى وانهيار منزل قديم في نوة الإسكندرية',
    'القاهرة (قمم) - لقي ثلاثة أشخاص حتفهم وانهار منزل قديم في حي العطارين بالإسكندرية مع اشتداد النوة. وقالت المحافظة إن الدراسة معطلة غدا.',
    [{ name: 'قمم', type: 'ORG' }, { name: 'القاهرة', type: 'LOC' }, { name: 'الإسكندرية', type: 'LOC' }],
  );
  const airport = prepared(
    'القاهرة (قمم) - مطار الموصل يعود إلى الخدمة بعد تسع سنوات',
    'القاهرة (قمم) - هبطت أول طائرة ركاب في مطار الموصل الدولي بعد إعادة إعماره. وقالت وزارة النقل العراقية إن رحلات منتظمة تبدأ الأسبوع المقبل.',
    [{ name: 'قمم', type: 'ORG' }, { name: 'القاهرة', type: 'LOC' }, { name: 'وزارة النقل', type: 'ORG' }],
  );

  it('shares no feature between the two wire reports of unrelated events', () => {
    expect(shareHeadlineFeature(storm, airport)).toBe(false);
    expect(eventSimilarity(storm, airport)).toBe(0);
  });

  it('keeps the same report\'s features whether or not it carries a dateline (the dateline is kept apart, in one slot of the table)', () => {
    const bare = prepared(
      'ثلاثة قتلى وانهيار منزل قديم في نوة الإسكندرية',
      'لقي ثلاثة أشخاص حتفهم وانهار منزل قديم في حي العطارين بالإسكندرية مع اشتداد النوة. وقالت المحافظة إن الدراسة معطلة غدا.',
      [{ name: 'الإسكندرية', type: 'LOC' }],
    );
    // The wire report's features are the bare report's heaviest, less the one slot its dateline entry takes.
    expect(storm.dateline).toBeDefined();
    expect(bare.dateline).toBeUndefined();
    expect(storm.features.size).toBe(bare.features.size - 1);
    for (const [hash, weight] of storm.features) expect(bare.features.get(hash)).toBe(weight);
  });
});
