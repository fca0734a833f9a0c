// Issue 25, fourth round (conflict pairs C, D and E, spent): an article's sole figure of a people
// role. Two outlets give one event's toll once each, in sentences worded their own way; the toll
// is compared even when the sentences share too few words. Our own sentences in the style of the
// cases seen; the two sides go through the real chain (`analyse()`) and dedup's claim step.
import { describe, expect, it } from 'vitest';
import { decideSides, factsOf } from '../../helpers/conflict-sides.js';
import { claimDigests, decodeClaimDigests, encodeClaimDigests, toStoredDigest } from '../../../src/nlp/dedup/claims.js';
import { analyseText } from '../../../src/nlp/text/index.js';
import { extractClaims } from '../../../src/nlp/claims/index.js';
import { contentTokens } from '../../../src/nlp/dedup/shingles.js';

/** The digests of a text's claims (text layer and claims, no NER), as the dedup step builds them. */
function digestsOf(text: string) {
  const layer = analyseText(text);
  const { claims } = extractClaims({ text, tokens: layer.tokens, sentences: layer.sentences, entities: [], publishedAt: null });
  return claimDigests(claims, contentTokens(layer.tokens), layer.tokens, []);
}

const soleOf = (text: string, number: string): boolean | undefined =>
  digestsOf(text).flatMap((d) => d.quantities).find((q) => q.text.includes(number))?.sole;

describe('the sole figure of a people role', () => {
  const flood = 'غمرت السيول أحياء عدة في مدينة الأبيض بعد أمطار غزيرة هطلت طوال الليل. وقال الدفاع المدني إن سبعة أشخاص لقوا حتفهم غرقا أو تحت الأنقاض.';
  // One side names the town, the other no place (two places named and none in common: see below).
  const toll = 'أعلنت وزارة الصحة السودانية أن الفيضانات خلفت 12 وفاة حتى مساء اليوم، داعية السكان إلى الابتعاد عن مجاري الأودية.';

  it('compares two outlets’ one toll of an event, worded differently', async () => {
    expect(soleOf(flood, 'سبعة')).toBe(true);
    expect(soleOf(toll, '12')).toBe(true);
    const { decision } = await decideSides([flood, 'سبعة'], [toll, '12'], 'قتلى');
    expect(decision).toEqual({ predicted: 'conflict', why: 'conflicts' });
  });

  it('is no sole figure when the article gives a second value of the role or a category', () => {
    expect(soleOf(`${flood} وفي مدينة أم روابة توفي ثلاثة أشخاص جرفتهم المياه.`, 'سبعة')).toBeUndefined();
    // An update that is the article's one figure is its toll (round 5: same-day rises are conflicts).
    expect(soleOf('ارتفعت حصيلة ضحايا السيول في مدينة الأبيض إلى 12 قتيلا، بحسب مصدر طبي.', '12')).toBe(true);
    expect(soleOf('وقال الدفاع المدني إن سبعة أطفال لقوا حتفهم في القصف.', 'سبعة')).toBeUndefined();
    // Civilians as the article's one figure of the killed are its toll (round 5, `WHOLE_CATEGORY_NOUNS`).
    expect(soleOf('وقال الدفاع المدني إن سبعة مدنيين لقوا حتفهم في القصف.', 'سبعة')).toBe(true);
    // «حصيلة» names the toll, not its growth.
    expect(soleOf('وبلغت حصيلة السيول في مدينة الأبيض 12 قتيلا، بحسب مصدر طبي.', '12')).toBe(true);
  });

  it('reads a bound after the role word that closes the phrase, and then does not compare', async () => {
    const bounded = 'ولقي 30 شخصا مصرعهم على الأقل في انفجار صهريج وقود على طريق سريع قرب لاغوس.';
    expect(factsOf(bounded, '30').bound).toBe('lower');
    const { decision } = await decideSides(['وأعلنت وكالة إدارة الطوارئ النيجيرية أن انفجار الصهريج أودى بحياة 33 شخصا.', '33'], [bounded, '30'], 'قتلى');
    expect(decision.predicted).toBe('no-conflict');
  });

  it('does not compare the tolls of two places named on the two sides', async () => {
    const { decision } = await decideSides(
      ['قالت السلطات المحلية بإقليم تيزنيت إن أربعة أشخاص لقوا مصرعهم في السيول.', 'أربعة'],
      ['وأفادت السلطات الإقليمية بتارودانت بوفاة 6 أشخاص جرفتهم مياه الأودية.', '6'],
      'قتلى',
    );
    expect(decision.predicted).toBe('no-conflict');
  });

  it('reads suspects referred to a prosecutor as referred, not as the arrested', () => {
    expect(factsOf('أحالت الشرطة القضائية في بركان مساء اليوم 17 موقوفا على وكيل الملك.', '17').role).toBe('referred');
  });

  it('reads the verbal noun «اختطاف» as abducted, so that the sole count of the abducted is one', async () => {
    expect(factsOf('وأكدت مديرية الأمن اختطاف سبعة سائقين أجانب على الطريق الصحراوي.', 'سبعة').role).toBe('abducted');
    const { decision } = await decideSides(
      ['خطف مسلحون مجهولون 12 سائق شاحنة على الطريق الصحراوي جنوب مدينة سبها، بحسب نقابة السائقين.', '12'],
      ['وأكدت مديرية الأمن اختطاف سبعة سائقين أجانب، وقالت إنها تلاحق الخاطفين.', 'سبعة'],
      'مختطفون',
    );
    expect(decision.predicted).toBe('conflict');
  });

  it('keeps the mark in the stored digest, and reads an older digest as no sole figure', () => {
    const digests = digestsOf(toll);
    const stored = decodeClaimDigests(encodeClaimDigests(digests));
    for (const digest of stored) expect(digest.quantities.map((q) => q.sole)).toEqual(toStoredDigest(digests.find((d) => d.claim === digest.claim)!).quantities.map((q) => q.sole));
    expect(stored.flatMap((d) => d.quantities).filter((q) => q.sole)).toHaveLength(1);
    const older = encodeClaimDigests(digests.map((d) => ({ ...d, quantities: d.quantities.map((q) => ({ ...q, sole: false })) })));
    expect(decodeClaimDigests(older).flatMap((d) => d.quantities).some((q) => q.sole)).toBe(false);
  });
});
