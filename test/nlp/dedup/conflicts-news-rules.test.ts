// Issue 25, the rules found on real news (SaudiNewsNet, development: `npm run eval:conflicts:news`):
// conflicts only between reports of one event that say alike things around the number, never
// when either article also states the other's value, whose the counted are, people's roles not
// on units, one value rounded, the claims reader's kind trusted, and a wire reprint's edited
// sentence as one source. Our own sentences, written in the style of the cases seen.
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { extractClaims } from '../../../src/nlp/claims/index.js';
import { dedupOptions } from '../../../src/nlp/dedup/params.js';
import { compareQuantities } from '../../../src/nlp/dedup/conflict-rules.js';
import { claimDigests, decodeClaimDigests, encodeClaimDigests, quantitiesAgree, toStoredDigest, wordSetSimilarity, type ClaimDigest } from '../../../src/nlp/dedup/claims.js';
import { contentTokens } from '../../../src/nlp/dedup/shingles.js';
import { claimLinks } from '../../../src/nlp/dedup/steps/claim-links.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { factsOf } from '../../helpers/conflict-sides.js';

const options = dedupOptions();

function read(text: string) {
  const layer = analyseText(text);
  const { claims } = extractClaims({ text, tokens: layer.tokens, sentences: layer.sentences, entities: [], publishedAt: null });
  return { layer, claims };
}


/** The digests of a text's claims, as the dedup step builds them (no NER). */
function digests(text: string): ClaimDigest[] {
  const { layer, claims } = read(text);
  return claimDigests(claims, contentTokens(layer.tokens), layer.tokens, []);
}

/** Two sentences' numbers compared with their claims' real word overlap, same day, not copies. */
function compare(a: [string, string], b: [string, string]) {
  const one = (text: string, number: string) => {
    const f = factsOf(text, number);
    const { thing, ...rest } = f;
    return toStoredDigest({ claim: 0, kind: 'numeric', speakerKey: null, words: digests(text)[0]?.words ?? [], quantities: [{ ...rest, countedKey: thing, text: number }], text });
  };
  const [x, y] = [one(...a), one(...b)];
  return compareQuantities(x.quantities[0]!, y.quantities[0]!, { copy: false, contentSimilarity: wordSetSimilarity(x.words, y.words), dayA: 1, dayB: 1 }, options);
}

describe('which numbers are compared on real news', () => {
  it('never gives a people role to tonnes, money or a share', () => {
    const tonnes = factsOf('غرق مركب يحمل 500 طن من الفوسفات في مياه النيل.', '500');
    expect(tonnes.role).toBeNull();
    expect(tonnes.thing).not.toBe('killed');
    expect(factsOf('غرق 12 شخصا في مياه النيل.', '12').thing).toBe('killed');
  });

  it('trusts the claims reader: a percentage is a share, a currency keeps its unit with a role', () => {
    expect(factsOf('ارتفعت الصادرات بنسبة 9.7 في المائة.', '9.7')).toMatchObject({ noun: '%', generic: true });
    // «إجمالي» names a role (a total): the percentage and the amount stay two things.
    const share = factsOf('ارتفع إجمالي السحب النقدي بنسبة 9.7 في المائة.', '9.7');
    const money = factsOf('بلغ إجمالي السحب النقدي 722 مليار ريال.', '722');
    expect(share.thing.startsWith('%')).toBe(true);
    expect(money.thing).not.toBe(share.thing);
    expect(money.thing).not.toBe(money.role);
  });

  it('does not compare two tolls whose sentences say nothing alike (two fronts of one war)', () => {
    expect(
      compare(['وأشارت المقاومة إلى مقتل 22 حوثيا في اشتباكات قرب القاعدة العسكرية في مديرية المسيمير.', '22'], ['وأدت المواجهات في جبل صبر إلى مقتل تسعة حوثيين ليلة الأربعاء.', 'تسعة']),
    ).toEqual({ relation: null, why: 'different-context' });
    expect(
      compare(['قتل 19 شخصا في تفجير سيارة مفخخة استهدف سوقا تجارية في بغداد الجديدة.', '19'], ['أدى تفجير سيارة مفخخة في سوق بغداد الجديدة التجارية إلى مقتل 24 شخصا.', '24']).relation,
    ).toBe('conflicts');
  });

  it('reads whose the counted are: prisoners of one side are not the other side’s', () => {
    expect(factsOf('أفرج الحوثيون عن 50 أسيرا من القوات الحكومية.', '50').affiliation).not.toHaveLength(0);
    expect(compare(['أفرج الحوثيون في إطار الصفقة عن 50 أسيرا من القوات الحكومية.', '50'], ['أطلقت الحكومة اليمنية في إطار الصفقة سراح 90 أسيرا من مقاتلي جماعة الحوثي.', '90'])).toEqual({
      relation: null,
      why: 'different-subject',
    });
    // «من منتسبيها» points back to a group named before: no group of its own.
    expect(factsOf('أعلنت مديرية الدفاع المدني مقتل خمسة من منتسبيها خلال مكافحة الحريق.', 'خمسة').affiliation).toEqual([]);
  });

  it('keeps the context and group words in the index, and reads digests stored before them', () => {
    const [digest] = digests('أفرج الحوثيون في إطار الصفقة عن 50 أسيرا من القوات الحكومية نقلوا إلى مدينة تعز.');
    const stored = decodeClaimDigests(encodeClaimDigests([digest!]))[0]!.quantities[0]!;
    expect(stored).toEqual(toStoredDigest(digest!).quantities[0]);
    expect(stored.context.length).toBeGreaterThan(2);
    expect(stored.affiliation.length).toBeGreaterThan(0);
    // Without context words (an older digest) the context rule does not judge the pair.
    const old = decodeClaimDigests(encodeClaimDigests([{ ...digest!, quantities: digest!.quantities.map((q) => ({ ...q, context: [], affiliation: [] })) }]))[0]!.quantities[0]!;
    expect([old.context, old.affiliation]).toEqual([[], []]);
  });

  it('reads one value rounded by one outlet as the same value', () => {
    const point = (value: number) => ({ value, valueMax: null, approx: false });
    expect(quantitiesAgree(point(9381), point(9381.01), 0.1)).toBe(true);
    expect(quantitiesAgree(point(21), point(21.4), 0.1)).toBe(true);
    expect(quantitiesAgree(point(49), point(49.61), 0.1)).toBe(false);
    expect(quantitiesAgree(point(9381), point(9318), 0.1)).toBe(false);
  });
});

describe('which articles are compared', () => {
  const closeA = 'أغلق مؤشر السوق السعودية جلسة أمس مرتفعا 43 نقطة ليصل إلى مستوى 9381.01 نقطة.';
  const closeB = 'أنهى مؤشر السوق السعودية جلسة أمس مغلقا عند 9381 نقطة بعد أن كسب 43 نقطة.';

  it('never reports a conflict when the other article also states this value (an index’s close and its gain)', () => {
    const [mine, theirs] = [digests(closeA), digests(closeB)];
    const postings = theirs.map((digest) => ({ num: 1, digest: toStoredDigest(digest) }));
    const links = claimLinks(2, mine, postings, String, options, { copied: () => false, day: () => 1 });
    expect(links.filter((link) => link.relation === 'conflicts')).toEqual([]);
    expect(links.some((link) => link.relation === 'corroborates' && link.counted !== null)).toBe(true);
  });

  it('compares numbers only with articles one direct link puts in the same event', () => {
    const a = digests('قتل 12 شخصا في انفجار سيارة مفخخة استهدف سوقا شعبية في مدينة الموصل صباح الاثنين.');
    const b = digests('أدى انفجار سيارة مفخخة في سوق شعبية بمدينة الموصل صباح الاثنين إلى مقتل 17 شخصا.');
    const postings = b.map((digest) => ({ num: 1, digest: toStoredDigest(digest) }));
    const related = claimLinks(2, a, postings, String, options, { copied: () => false, day: () => 1, sameEvent: () => true });
    const unrelated = claimLinks(2, a, postings, String, options, { copied: () => false, day: () => 1, sameEvent: () => false });
    expect(related.some((link) => link.relation === 'conflicts')).toBe(true);
    expect(unrelated.filter((link) => link.counted !== null)).toEqual([]);
  });

  it('in the index, finds no conflict between two unrelated articles that both count the killed', async () => {
    const article = (id: string, text: string, source: string) => {
      const { layer, claims } = read(text);
      return { id, text, tokens: layer.tokens, sentences: layer.sentences, claims, publishedAt: '2026-11-02T08:00:00.000Z', sourceName: source };
    };
    const index = inMemoryDedupIndex();
    await index.process(article('b000000000000001', 'أقدم شاب مساء الثلاثاء على قتل ثلاثة أشخاص وإصابة رابع بإطلاق النار عليهم في محافظة خميس مشيط، وقبضت الشرطة على الجاني.', 'الأفق'));
    const second = await index.process(
      article('b000000000000002', 'أعلنت وزارة الداخلية المصرية أن 15 شخصا قتلوا في اصطدام صندل نهري بمركب ركاب في نهر النيل بمنطقة الوراق شمال القاهرة.', 'نبأ اليوم'),
    );
    expect(second.layer.claimLinks.filter((link) => link.relation === 'conflicts')).toEqual([]);
  });

  it('counts a claim next to a passage two articles share as one source (an edited wire reprint)', () => {
    const a = digests('كما انفجرت سيارة مفخخة في الزعفرانية بجنوب بغداد، ما أدى إلى مقتل أربعة أشخاص وأصيب 10، بحسب المصدر نفسه.');
    const b = digests('كما انفجرت سيارة مفخخة في الزعفرانية بجنوب بغداد، ما ادى الى مقتل اربعة اشخاص على الاقل وجرح عشرة، بحسب المصدر نفسه.');
    const postings = b.map((digest) => ({ num: 1, digest: toStoredDigest(digest) }));
    const facts = { copied: () => false, day: () => 1 };
    const independent = claimLinks(2, a, postings, String, options, facts).filter((link) => link.relation === 'corroborates');
    const reprint = claimLinks(2, a, postings, String, options, { ...facts, sameSource: () => true }).filter((link) => link.relation === 'corroborates');
    expect(independent.length).toBeGreaterThan(0);
    expect(independent.every((link) => link.copy)).toBe(false);
    expect(reprint.length).toBe(independent.length);
    expect(reprint.every((link) => link.copy)).toBe(true);
  });
});

describe('two-word roles', () => {
  it('reads «فقدوا حياتهم» as killed, «تلقوا العلاج» as wounded and «أطلقت سراحهم» as released', () => {
    expect(factsOf('وقالت مصادر في الهلال الأحمر إن خمسة أشخاص فقدوا حياتهم في الانفجار.', 'خمسة').role).toBe('killed');
    expect(factsOf('وأفادت معلومات طبية بأن 26 تلميذا تلقوا العلاج في المستشفى.', '26').role).toBe('wounded');
    expect(factsOf('ووصل إلى المدينة اليوم 64 أسيرا أطلقت سراحهم الجماعة.', '64').role).toBe('released');
    // The single word keeps its own role: «فقد» alone is missing, «أطلق» alone fired.
    expect(factsOf('وأعلنت الشرطة فقدان أربعة أشخاص في السيول.', 'أربعة').role).toBe('missing');
    expect(factsOf('وقال الجيش إن المسلحين أطلقوا 12 صاروخا على المدينة.', '12').role).toBe('fired');
  });

  it('counts pupils and students as one category of a toll', () => {
    expect(factsOf('وقال الصليب الأحمر إن 17 طالبا أصيبوا بجروح.', '17').thing).toBe(factsOf('وأفادت معلومات طبية بأن 26 تلميذا تلقوا العلاج.', '26').thing);
  });
});
