// Issue 25, tenth round, on real news (SaudiNewsNet 2015-07-24, a dev day: four of its nine story
// conflicts were war roundups' tolls of two towns). Our own sentences in the style of the cases seen;
// the two sides go through the real chain (`analyse()`: text layer, NER, claims) and dedup's claim step.
import { describe, expect, it } from 'vitest';
import { decideSides, factsOf } from '../../helpers/conflict-sides.js';

describe('a roundup toll is its own place’s', () => {
  it('keeps apart two roundups’ tolls of two towns of one country, one group the victims of both', async () => {
    const { decision } = await decideSides(
      ['قالت مصادر محلية إن 15 حوثيا قتلوا في مواجهات عنيفة في جبل صبر بمحافظة تعز. وفي مأرب قتل 6 مسلحين في غارات للتحالف.', '15'],
      ['أفادت مصادر قبلية بمقتل 8 حوثيين في كمين نصبته المقاومة في جبل الثعالب بقيفة رداع. كما قتل 4 مسلحين في البيضاء.', '8'],
    );
    expect(decision.predicted).toBe('no-conflict');
  });

  it('still compares two roundups’ tolls of one town', async () => {
    const { decision } = await decideSides(
      ['قالت مصادر محلية إن 15 حوثيا قتلوا في مواجهات عنيفة في جبل صبر بمحافظة تعز. وفي مأرب قتل 6 مسلحين في غارات للتحالف.', '15'],
      ['أفادت مصادر في المقاومة بمقتل 9 حوثيين في مواجهات جبل صبر بمحافظة تعز. كما قتل 4 مسلحين في البيضاء.', '9'],
    );
    expect(decision.predicted).toBe('conflict');
  });
});

describe('a place that only locates another', () => {
  // The scene as the claim step stores it (NER's places: the chain's, not `factsOf`'s bare text).
  const sceneOf = async (text: string, number: string, other: [string, string]) => (await decideSides([text, number], other)).a.digest!.quantities[0]!.scene ?? [];
  const inBaghdad: [string, string] = ['أعلنت الشرطة مقتل 5 أشخاص في انفجار سيارة مفخخة في بغداد.', '5'];

  it('reads «57 كم شمال شرقي بغداد» as no scene of the count, and the town it locates as one', async () => {
    const baghdad = await sceneOf(...inBaghdad, inBaghdad);
    const located = await sceneOf('أعلنت الشرطة مقتل 11 من عناصر تنظيم داعش في مناطق تابعة لمدينة بعقوبة مركز محافظة ديالى 57 كم شمال شرقي بغداد.', '11', inBaghdad);
    expect(baghdad).toHaveLength(1);
    expect(located.length).toBeGreaterThan(0);
    expect(located).not.toContain(baghdad[0]);
  });

  it('keeps a place after a direction with no distance («شمال بغداد»)', async () => {
    const baghdad = await sceneOf(...inBaghdad, inBaghdad);
    expect(await sceneOf('أعلنت الشرطة مقتل 7 أشخاص في انفجار سيارة مفخخة شمال بغداد.', '7', inBaghdad)).toEqual(baghdad);
  });
});

describe('a count of some of a group its role noun names («اثنان من الجرحى»)', () => {
  it('reads the count as a part, and not when a role before it says what befell them', () => {
    expect(factsOf('وأطلق المسلح 13 رصاصة، وخرج اثنان من الجرحى التسعة من المستشفى.', 'اثنان').subgroup).toBe(true);
    expect(factsOf('وأكد المستشفى أن ثلاثة من القتلى أطفال.', 'ثلاثة').subgroup).toBe(true);
    expect(factsOf('وتوفي 3 من المصابين متأثرين بجروحهم.', '3').subgroup).toBe(false);
    expect(factsOf('أعلنت الشرطة مقتل 11 من عناصر التنظيم في الهجوم.', '11').subgroup).toBe(false);
  });

  it('does not set the part against another outlet’s whole count', async () => {
    const { decision } = await decideSides(
      ['قالت السلطات إن سبعة أشخاص أصيبوا في إطلاق النار داخل قاعة السينما، ثلاثة منهم حالاتهم خطرة.', 'سبعة'],
      ['وأطلق المسلح 13 رصاصة داخل قاعة السينما، وخرج اثنان من الجرحى من المستشفى مساء أمس.', 'اثنان'],
    );
    expect(decision.predicted).toBe('no-conflict');
  });
});

describe('a market’s move in the day’s trading', () => {
  it('compares no two outlets’ cents or points of a move, each filed at its own hour', async () => {
    const { decision } = await decideSides(
      ['وتراجع سعر مزيج برنت 35 سنتا إلى 54.92 دولار للبرميل بحلول الساعة 0947 بتوقيت جرينتش، بحسب وكالة الأنباء.', '35'],
      ['وانخفضت أسعار النفط الخام الأمريكي نحو 90 سنتا إلى 51.83 دولار للبرميل، بحسب متعاملين في السوق.', '90'],
    );
    expect(decision).toEqual({ predicted: 'no-conflict', why: 'no-number' });
  });

  it('still reads a toll that rose to a figure, and a count after a verb of rising with no level after it', async () => {
    const toll = await decideSides(
      ['قالت وزارة الصحة إن حصيلة ضحايا الانفجار في المرفأ ارتفعت إلى 45 قتيلا صباح اليوم.', '45'],
      ['قالت مصادر طبية إن حصيلة ضحايا الانفجار في المرفأ ارتفعت إلى 52 قتيلا صباح اليوم.', '52'],
    );
    expect(toll.decision.predicted).toBe('conflict');
  });
});

describe('the recovered of an epidemic', () => {
  it('reads «شفيت 583 حالة» as recoveries, and sets them against no count of cases', async () => {
    const text = 'وبينت الوزارة أن إجمالي عدد المصابين بالفيروس منذ عام 2012 بلغ 1059، توفي منهم 467، فيما شفيت 583 حالة.';
    expect(factsOf(text, '583').thing).toBe('recovered');
    const { decision } = await decideSides([text, '583'], ['أعلنت وزارة الصحة اليوم تسجيل 4 حالات إصابة مؤكدة بالفيروس، بينها حالتان في العاصمة.', '4']);
    expect(decision.predicted).toBe('no-conflict');
  });
});
