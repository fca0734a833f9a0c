// Issue 25, conflict recall on article paragraphs (conflict pairs D, spent): the place named in the
// sentence before the number (`scene`, the lead's words in `context`), the rest of a toll given as
// «N آخرون», and one outlet's two articles. Our own sentences in the style of the cases seen; the
// two sides go through the real chain (`analyse()`: text layer, NER, claims) and dedup's claim step.
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { extractClaims } from '../../../src/nlp/claims/index.js';
import { dedupOptions } from '../../../src/nlp/dedup/params.js';
import { claimDigests, decodeClaimDigests, encodeClaimDigests, toStoredDigest } from '../../../src/nlp/dedup/claims.js';
import { contentTokens } from '../../../src/nlp/dedup/shingles.js';
import { claimLinks } from '../../../src/nlp/dedup/steps/claim-links.js';
import { decideSides, factsOf } from '../../helpers/conflict-sides.js';

const options = dedupOptions();



describe('the place named before the number', () => {
  it('compares two tolls whose place only the opening sentences name', async () => {
    const { decision, a } = await decideSides(
      ['انهار سقف قاعة في مدرسة ابتدائية بمدينة صيدا جنوبي لبنان صباح اليوم. وقال الدفاع المدني إن 14 تلميذا أصيبوا بجروح طفيفة ونقلوا إلى المستشفيات.', '14'],
      ['تفقد وزير التربية المدرسة التي انهار سقف قاعتها في صيدا اليوم. وأفادت مصادر طبية بأن 21 تلميذا تلقوا العلاج.', '21'],
    );
    expect(a.digest?.quantities[0]?.scene).toContain('صد');
    expect(decision.predicted).toBe('conflict');
  });

  it('keeps a roundup\'s Marib toll apart from a Sanaa attack, though the sentence before it names Sanaa', async () => {
    const { decision, b } = await decideSides(
      ['وشهدت العاصمة صنعاء هجوما للمقاومة على نقطة تفتيش للحوثيين في منطقة عصر. وقالت مصادر محلية إن الهجوم أسفر عن مقتل اثنين من المسلحين الحوثيين.', 'اثنين'],
      ['وتواصلت المواجهات في العاصمة صنعاء طوال الليل. وفي محافظة مأرب قتل 13 مسلحا حوثيا في هجوم للمقاومة على مواقعهم.', '13'],
    );
    // Marib is the number's own place; Sanaa comes only from the sentence before.
    expect(b.digest?.quantities[0]?.sceneOwn).toBeGreaterThan(0);
    expect(decision.predicted).toBe('no-conflict');
  });

  it('stores the scene and how many of its places are the number\'s own sentence\'s', async () => {
    const { b } = await decideSides(
      ['وشهدت العاصمة صنعاء هجوما للمقاومة. وقالت مصادر محلية إن الهجوم أسفر عن مقتل اثنين من المسلحين.', 'اثنين'],
      ['وتواصلت المواجهات في العاصمة صنعاء طوال الليل. وفي محافظة مأرب قتل 13 مسلحا حوثيا في هجوم للمقاومة على مواقعهم.', '13'],
    );
    const stored = toStoredDigest(b.digest!).quantities[0]!;
    expect(stored.scene.length).toBe(2);
    expect(stored.sceneOwn).toBe(1);
    const decoded = decodeClaimDigests(encodeClaimDigests([b.digest!]))[0]!.quantities[0]!;
    expect([decoded.scene, decoded.sceneOwn]).toEqual([stored.scene, stored.sceneOwn]);
  });
});

describe('the rest of a toll as «N آخرون»', () => {
  it('reads a count followed by «N آخرون» of the same people as one part of a breakdown', () => {
    expect(factsOf('استقبل مستشفى الحسين التعليمي 31 مصابا بعد التدافع في كربلاء، فيما نقل 19 آخرون إلى مستشفى الهندية العام.', '31').subgroup).toBe(true);
  });

  it('but not when another people role stands between: «قتل 5 وأصيب 3 آخرون»', () => {
    expect(factsOf('قتل 5 أشخاص وأصيب 3 آخرون في انفجار عبوة ناسفة شمالي بعقوبة.', '5').subgroup).toBe(false);
  });
});

describe('one outlet', () => {
  const digests = (text: string) => {
    const layer = analyseText(text);
    const { claims } = extractClaims({ text, tokens: layer.tokens, sentences: layer.sentences, entities: [], publishedAt: null });
    return claimDigests(claims, contentTokens(layer.tokens), layer.tokens, []);
  };

  it('is no conflict between an outlet\'s own two articles (its update or another incident)', () => {
    const mine = digests('قالت مصادر طبية إن انفجار السوق الشعبية في الموصل صباح الاثنين أدى إلى مقتل 17 شخصا.');
    const theirs = digests('قتل 12 شخصا في انفجار سيارة مفخخة استهدف السوق الشعبية في الموصل صباح الاثنين.').map((digest) => ({ num: 1, digest: toStoredDigest(digest) }));
    const facts = { copied: () => false, day: () => 1 };
    const conflicts = (sameOutlet: boolean) => claimLinks(2, mine, theirs, String, options, { ...facts, sameOutlet: () => sameOutlet }).filter((link) => link.relation === 'conflicts');
    expect(conflicts(false)).toHaveLength(1);
    expect(conflicts(true)).toEqual([]);
  });
});
