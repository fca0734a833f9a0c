// Issue 25, ninth round on set K's errors (spent), fixing classes also found in A–J (spent). Our own
// sentences in the style of the cases seen; the two sides go through the real chain (`analyse()`:
// text layer, NER, claims) and dedup's claim step.
import { describe, expect, it } from 'vitest';
import { decideSides, factsOf } from '../../helpers/conflict-sides.js';
import { decodeClaimDigests, encodeClaimDigests, keyHash, storedClaimKeys } from '../../../src/nlp/dedup/claims.js';

describe('the kind of a sum (a fine, the sum taken, bail, damages, a loan, a contract)', () => {
  it('reads a fine and the sum embezzled as two kinds', () => {
    expect(factsOf('قضت المحكمة الجنائية في تونس بسجن مدير سابق لديوان الحبوب 6 سنوات وتغريمه 400 ألف دينار.', '400').role).toBe('sum-fine');
    expect(factsOf('قالت النيابة إن المبالغ التي اختلسها المدير السابق من ديوان الحبوب تقارب ثلاثة ملايين دينار.', 'ثلاثة').role).toBe('sum-taken');
  });

  it('keeps a fine apart from the bribes taken in one case', async () => {
    const { decision } = await decideSides(
      ['قضت محكمة الجنايات في الدار البيضاء بتغريم موظف سابق في الجمارك 400 ألف درهم وسجنه 3 سنوات بعد إدانته بتلقي رشى.', '400'],
      ['كشفت محاكمة موظف الجمارك في الدار البيضاء أنه تلقى رشى بلغ مجموعها مليون درهم مقابل تسهيل مرور حاويات.', 'مليون'],
    );
    expect(decision.predicted).toBe('no-conflict');
  });

  it('keeps a loan apart from the contract of one project', async () => {
    const { decision } = await decideSides(
      ['وقعت الحكومة التونسية مع البنك الأفريقي للتنمية اتفاقية قرض بقيمة 120 مليون دولار لتمويل محطة تحلية المياه في صفاقس.', '120'],
      ['بلغت قيمة عقد إنجاز محطة تحلية المياه في صفاقس مع شركة إسبانية 300 مليون دولار، بحسب الحكومة التونسية.', '300'],
    );
    expect(decision.predicted).toBe('no-conflict');
  });

  it('still finds two values of one fine, and a fine against a sum of no kind read', async () => {
    const twoFines = await decideSides(
      ['قضت المحكمة الابتدائية في الرباط بتغريم شركة النقل 200 ألف درهم بسبب مخالفات السلامة.', '200'],
      ['غرمت المحكمة الابتدائية في الرباط شركة النقل 350 ألف درهم بسبب مخالفات السلامة.', '350'],
    );
    expect(twoFines.decision.predicted).toBe('conflict');
  });

  it('stores a kind as a role that meets none and indexes the sum under its currency too', () => {
    const q = { countedKey: 'درهم:sum-fine', noun: 'درهم', role: 'sum-fine', value: 200000, valueMax: null, approx: false, text: '200 ألف درهم' };
    const [stored] = decodeClaimDigests(encodeClaimDigests([{ claim: 0, kind: 'numeric', speakerKey: null, words: ['غرم'], quantities: [q], text: '' }]));
    expect(stored!.quantities[0]!.meetsNone).toBe(true);
    expect(storedClaimKeys(stored!)).toContain(`q:${keyHash('درهم')}`);
  });

  it('reads no kind into «عقدت» (a meeting held), and none past another number', () => {
    expect(factsOf('عقدت اللجنة المالية اجتماعا أقرت فيه صرف 50 مليون دينار للبلديات.', '50').role).toBeNull();
    expect(factsOf('أعلنت الوزارة عن غرامة على 12 شركة، وصرف 5 ملايين دينار للمتضررين.', '5').role).toBeNull();
  });
});

describe('a count told as one of two, the other given without its number', () => {
  it('reads a toll as a part when the next sentence tells of another fire', () => {
    const text = 'قال الدفاع المدني في الزرقاء إن 4 أشخاص توفوا اختناقا في حريق شب بمنزلهم بسبب مدفأة. وأضاف أن حريقا آخر في بلدة الضليل أودى بحياة طفلين.';
    expect(factsOf(text, '4').subgroup).toBe(true);
  });

  it('reads a shipment as a part when another shipment follows', () => {
    const text = 'أعلن ديوان الحبوب وصول شحنة من 30 ألف طن من القمح إلى ميناء بنزرت. وقال الديوان إن شحنة أخرى رست في ميناء صفاقس.';
    expect(factsOf(text, '30').subgroup).toBe(true);
  });

  it('reads the injured taken to hospital as a part when others were treated on site', () => {
    expect(factsOf('نقل 9 مصابين إلى مستشفى سوهاج العام إثر انقلاب حافلة، فيما أسعف آخرون في موقع الحادث.', '9').subgroup).toBe(true);
  });

  it('keeps the whole count when others are of another role, other boats, or a turn of speech', () => {
    expect(factsOf('لقي 12 شخصا مصرعهم وأصيب آخرون في انقلاب حافلة على طريق الطائف.', '12').subgroup).toBe(false);
    expect(factsOf('فقد الاتصال بقارب على متنه ستة صيادين قبالة سواحل المهرة. وقالت السلطات إن قاربين آخرين عادا إلى الميناء.', 'ستة').subgroup).toBe(false);
    expect(factsOf('قتل 5 أشخاص في قصف على مدينة إدلب مرة. وقصفت الطائرات المدينة مرة أخرى مساء.', '5').subgroup).toBe(false);
  });

  it('finds no conflict between a shipment and the two shipments\' total', async () => {
    const { decision } = await decideSides(
      ['أعلن ديوان الحبوب وصول شحنة من 30 ألف طن من القمح اللين إلى ميناء بنزرت. وقال الديوان إن شحنة أخرى رست في ميناء صفاقس.', '30'],
      ['قالت وزارة الفلاحة إن خمسين ألف طن من القمح اللين وصلت في شحنتين إلى ميناءي بنزرت وصفاقس.', 'خمسين'],
    );
    expect(decision.predicted).toBe('no-conflict');
  });
});

describe('a toll placed by a local head alone («في البلدية», «في المعتمدية»)', () => {
  it('reads the head as placing the count, not a named town', () => {
    expect(factsOf('قال رئيس بلدية القبة إن السيول خلفت ثلاثة قتلى في البلدية، بينما غمرت المياه عشرات المنازل.', 'ثلاثة').localised).toBe(true);
    expect(factsOf('أعلن المجلس المحلي أن 6 أشخاص توفوا بالمدينة جراء السيول.', '6').localised).toBe(true);
    expect(factsOf('توفي 6 أشخاص في مدينة درنة جراء السيول.', '6').localised).toBe(false);
  });

  it('keeps two towns\' tolls of one storm apart when one town is named in words NER misses', async () => {
    const { decision } = await decideSides(
      ['أفاد رئيس بلدية القبة بأن العاصفة خلفت ثلاثة قتلى في البلدية، جرفتهم السيول أثناء عبورهم الوادي. وطالب رئيس البلدية بإعلانها منطقة منكوبة.', 'ثلاثة'],
      ['قال جهاز الإسعاف في مدينة درنة إن العاصفة التي ضربت الجبل الأخضر أودت بحياة 5 أشخاص في المدينة بعد انهيار منزل.', '5'],
    );
    expect(decision.predicted).toBe('no-conflict');
  });

  it('stores the mark in a byte of its own; an older digest reads none', () => {
    const q = { countedKey: 'killed', noun: 'شخص', role: 'killed', value: 3, valueMax: null, approx: false, text: '3', localised: true };
    const raw = encodeClaimDigests([{ claim: 0, kind: 'numeric', speakerKey: null, words: ['سيل'], quantities: [q], text: '' }]);
    expect(decodeClaimDigests(raw)[0]!.quantities[0]!.localised).toBe(true);
    const [plain] = decodeClaimDigests(encodeClaimDigests([{ claim: 0, kind: 'numeric', speakerKey: null, words: ['سيل'], quantities: [{ ...q, localised: false }], text: '' }]));
    expect(plain!.quantities[0]!.localised).toBe(false);
  });
});

describe('whose prison term: a ranked defendant against a convict described otherwise', () => {
  it('keeps the first defendant\'s term apart from a clerk\'s in one trial', async () => {
    const { decision } = await decideSides(
      ['قضت محكمة الجنايات في تونس بسجن المتهم الأول في قضية تهريب الأدوية 8 سنوات نافذة، بحسب مصدر قضائي.', '8'],
      ['حكمت محكمة الجنايات في تونس على موظف الديوانة المتورط في قضية تهريب الأدوية بالسجن ثلاث سنوات، بحسب مصدر قضائي.', 'ثلاث'],
    );
    expect(decision.predicted).toBe('no-conflict');
  });

  it('still compares one convict described by a noun on both sides', async () => {
    const { decision } = await decideSides(
      ['قضت محكمة الجنايات في الكويت بحبس مسؤول سابق في وزارة المالية سبع سنوات بعد إدانته بالاستيلاء على أموال عامة.', 'سبع'],
      ['أفادت مصادر قضائية بأن الحكم الصادر بحق المسؤول السابق في وزارة المالية الكويتية قضى بحبسه 10 سنوات في قضية اختلاس أموال عامة.', '10'],
    );
    expect(decision.predicted).toBe('conflict');
  });
});
