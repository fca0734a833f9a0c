// What a numeric claim is (issue 20 item 4): a count, an amount of money or a percentage. The other
// numbers (durations, ages, dates and times, ordinals, model, product and phone numbers, scores,
// vague plurals) are kept apart with their kind and never reach claims, conflicts or claim links.
import { describe, expect, it } from 'vitest';
import { claimDigests } from '../../../src/nlp/dedup/claims.js';
import { contentTokens } from '../../../src/nlp/dedup/shingles.js';
import { analyseText } from '../../../src/nlp/text/index.js';
import { extractClaims } from '../../../src/nlp/claims/index.js';
import { claimsOf, mention } from './helpers.js';

const numbersOf = (text: string) => claimsOf(text).claims.filter((c) => c.kind === 'numeric').map((c) => c.quantities[0]);
const nonClaimsOf = (text: string) => claimsOf(text).nonClaimQuantities.map((q) => [q.kind, q.text, q.value]);

describe('issue 20, examples 4–6 (the issue\'s own sentences)', () => {
  it('example 4: «787 دريملاينر» is a model number, the 40 aircraft are the claim', () => {
    const text = 'صفقة لشراء 40 طائرة من طراز 787 دريملاينر';
    const numbers = numbersOf(text);
    expect(numbers.map((q) => [q?.kind, q?.value, q?.text])).toEqual([['count', 40, '40 طائرة']]);
    expect(nonClaimsOf(text)).toEqual([['model', '787 دريملاينر', 787]]);
  });

  it('example 5: «16.6 مليار دولار» is exactly 16600000000 (no binary rounding)', () => {
    const [q] = numbersOf('بقيمة 16.6 مليار دولار');
    expect(q?.value).toBe(16_600_000_000);
    expect(Number.isInteger(q?.value)).toBe(true);
    expect([q?.kind, q?.unit]).toEqual(['money', 'دولار']);
  });

  it('example 6: «عشرات الملايين من الدولارات» is tens of millions of dollars', () => {
    const [q] = numbersOf('عشرات الملايين من الدولارات');
    expect([q?.value, q?.valueMax, q?.approx, q?.kind]).toEqual([10_000_000, 99_999_999, true, 'money']);
    expect(q?.text).toBe('عشرات الملايين من الدولارات');
    expect(q?.counted).toBe('الدولارات');
  });
});

describe('exact decimals and scales', () => {
  it('scales decimals by the digits as written, for every scale word', () => {
    const values = numbersOf('بلغت الإيرادات 61.4 مليون دينار والديون 198.9 تريليون دينار والاحتياطي 0.7 مليار دولار و2.35 ألف طن.').map((q) => q?.value);
    expect(values).toEqual([61_400_000, 198_900_000_000_000, 700_000_000, 2350]);
  });

  it('gives a range its scale exactly on both ends («بين 1.3 و4 ملايين»)', () => {
    const [q] = numbersOf('يحتاج بين 1.1 و4.6 ملايين شخص إلى المساعدة.');
    expect([q?.value, q?.valueMax]).toEqual([1_100_000, 4_600_000]);
  });

  it('carries the scale of «مئات المليارات» and «عشرات الآلاف»', () => {
    const [a] = numbersOf('أنفقت الدول مئات المليارات من الدولارات على التسلح.');
    expect([a?.value, a?.valueMax]).toEqual([100e9, 999_999_999_999]);
    const [b] = numbersOf('نزح عشرات الآلاف من السكان.');
    expect([b?.value, b?.valueMax, b?.kind]).toEqual([10_000, 99_999, 'count']);
  });
});

describe('kinds of numeric claims', () => {
  it('tells counts, money and percentages apart', () => {
    const kinds = numbersOf('قتل 14 شخصا وخسرت الشركة 3 ملايين يورو وارتفعت الأسعار 12 في المئة.').map((q) => [q?.kind, q?.value]);
    expect(kinds).toEqual([['count', 14], ['money', 3_000_000], ['percent', 12]]);
  });
});

describe('numbers that are not numeric claims', () => {
  it('durations: «لمدة ثلاثة أيام», «8 سنوات»; a prison term is a claim of its own kind', () => {
    const text = 'استمر الحصار لمدة ثلاثة أيام بعد 8 سنوات من الحرب، وقضت المحكمة بالسجن 15 عاما.';
    expect(nonClaimsOf(text)).toEqual([['duration', 'ثلاثة أيام', 3], ['duration', '8 سنوات', 8]]);
    // Outlets report a verdict's length and disagree on it (issue 25): a numeric claim, kind 'term'.
    expect(numbersOf(text).map((q) => [q?.kind, q?.text, q?.value])).toEqual([['term', '15 عاما', 15]]);
  });

  it('ages: after «عمره» or «من العمر», in parentheses, a group\'s ages', () => {
    expect(nonClaimsOf('وكان الرجل، وعمره 45 عاما، يعمل سائقا.')).toEqual([['age', '45 عاما', 45]]);
    expect(nonClaimsOf('اعتقلت الشرطة شابا يبلغ من العمر 23 عاما.')).toEqual([['age', '23 عاما', 23]]);
    expect(nonClaimsOf('وقتل طفل (9 أعوام) في القصف.')).toEqual([['age', '9 أعوام', 9]]);
    expect(nonClaimsOf('شارك لاعبون تتراوح أعمارهم بين 15 و19 عاما.').map((q) => q[0])).toEqual(['age']);
  });

  it('dates and times: a calendar year, a clock hour', () => {
    expect(nonClaimsOf('بني المسجد عام 70 ميلادية.')).toEqual([['date', '70 ميلادية', 70]]);
    const evening = claimsOf('انطلقت المباراة في الساعة 9 مساء.');
    expect(evening.claims).toHaveLength(0);
    expect(evening.nonClaimQuantities.map((q) => q.kind)).toEqual(['time']);
  });

  it('ordinals: «الـ7», a number labelling a place in a sequence («الدقيقة 90», «المادة 5»)', () => {
    const layer = claimsOf('حل الفريق في المركز الـ7 هذا الموسم.');
    expect(layer.claims).toHaveLength(0);
    expect(layer.nonClaimQuantities.map((q) => [q.kind, q.value])).toEqual([['ordinal', 7]]);
    const late = 'سجل المهاجم هدف الفوز في الدقيقة 90 من المباراة، وفق المادة 5 من اللائحة.';
    expect(numbersOf(late)).toHaveLength(0);
    expect(nonClaimsOf(late).map((q) => [q[0], q[2]])).toEqual([['ordinal', 90], ['ordinal', 5]]);
    // A number after a counting noun is still a count.
    expect(numbersOf('بلغ عدد القتلى 35 شخصا.').map((q) => q?.value)).toEqual([35]);
  });

  it('model and product numbers: «إف-16», «787-9», «بوينغ 737» (a named maker), «A320»-style glued letters', () => {
    expect(nonClaimsOf('أسقطت الدفاعات طائرة إف-16 قرب الحدود.')).toEqual([['model', 'إف-16', 16]]);
    // A model name can be what a count counts: «12 إف-16» is twelve aircraft, and 16 no quantity.
    const bought = claimsOf('اشترت الدولة 12 إف-16 جديدة.');
    expect(bought.claims.map((c) => [c.quantities[0]?.value, c.quantities[0]?.text])).toEqual([[12, '12 إف-16']]);
    expect(bought.nonClaimQuantities).toHaveLength(0);
    const fleet = 'تسلمت الشركة 12 طائرة من طراز 787-9.';
    expect(numbersOf(fleet).map((q) => q?.value)).toEqual([12]);
    expect(nonClaimsOf(fleet).map((q) => [q[0], q[1]])).toEqual([['model', '787-9']]);
    const boeing = 'تحطمت طائرة بوينغ 737 قرب المطار.';
    const layer = claimsOf(boeing, { entities: [mention(boeing, 'بوينغ', 'ORG', 'org:boeing')] });
    expect(layer.claims).toHaveLength(0);
    expect(layer.nonClaimQuantities.map((q) => [q.kind, q.value])).toEqual([['model', 737]]);
    expect(nonClaimsOf('ارتفعت إصابات كوفيد-19 في المدينة.').map((q) => q[0])).toEqual(['model']);
    // Digits inside a product's name as the NER found it («بوينغ 737 ماكس», MISC).
    const grounded = 'أوقفت الهيئة تشغيل طائرات بوينغ 737 ماكس بعد الحادث.';
    const max = claimsOf(grounded, { entities: [mention(grounded, 'بوينغ 737 ماكس', 'MISC', 'misc:737max')] });
    expect(max.claims).toHaveLength(0);
    expect(max.nonClaimQuantities.map((q) => [q.kind, q.value])).toEqual([['model', 737]]);
    // A definite word after digits is not what they count: no claim of 15 «الجديد».
    expect(numbersOf('أطلقت الشركة هاتف آيفون 15 الجديد.')).toHaveLength(0);
    // A numbered document is a name; the word after it, with its preposition, is not counted.
    const resolution = 'صوت المجلس على القرار 2254 بالإجماع.';
    expect(numbersOf(resolution)).toHaveLength(0);
    expect(nonClaimsOf(resolution)).toEqual([['model', '2254', 2254]]);
  });

  it('phone numbers: a leading 0, a hotline', () => {
    const text = 'للإبلاغ اتصلوا بالخط الساخن 5010 أو بالرقم 07701234567.';
    expect(numbersOf(text)).toHaveLength(0);
    expect(nonClaimsOf(text).map((q) => q[0])).toEqual(['phone', 'phone']);
  });

  it('a match score', () => {
    const text = 'فاز الأهلي على الزمالك 3-1 في القاهرة.';
    expect(numbersOf(text)).toHaveLength(0);
    expect(nonClaimsOf(text)).toEqual([['score', '3-1', 3]]);
  });

  it('vague plurals without a number or scale word («آلاف الجنود»), but a count with a scale word stays a claim', () => {
    const text = 'وينتشر في العراق آلاف الجنود الأميركيين، ونفذت عشرات الهجمات.';
    expect(numbersOf(text)).toHaveLength(0);
    expect(nonClaimsOf(text).map((q) => [q[0], q[1]])).toEqual([['vague', 'آلاف الجنود الأميركيين'], ['vague', 'عشرات الهجمات']]);
    expect(numbersOf('ينتشر في العراق نحو 5 آلاف جندي أمريكي.').map((q) => q?.value)).toEqual([5000]);
  });

  it('stay out of a statement\'s quantities, its check-worthiness and the dedup digests', () => {
    const text = 'وقال المتحدث إن القصف استمر ثلاثة أيام وأسفر عن مقتل 14 شخصا.';
    const layer = analyseText(text);
    const { claims, nonClaimQuantities } = extractClaims({ text, tokens: layer.tokens, sentences: layer.sentences, entities: [], publishedAt: null });
    const statement = claims.find((c) => c.kind === 'attributed');
    expect(statement?.quantities.map((q) => q.value)).toEqual([14]);
    expect(claims.filter((c) => c.kind === 'numeric').map((c) => c.quantities[0]?.value)).toEqual([14]);
    expect(nonClaimQuantities.map((q) => [q.kind, q.value])).toEqual([['duration', 3]]);
    const digests = claimDigests(claims, contentTokens(layer.tokens), layer.tokens);
    // Only the count reaches dedup (once or once per claim carrying it); the duration never does.
    expect([...new Set(digests.flatMap((d) => d.quantities.map((q) => q.text)))]).toEqual(['14 شخصا']);
  });
});
