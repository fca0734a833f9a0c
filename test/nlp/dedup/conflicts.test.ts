// Issue 25 items 3–4 on real Arabic sentences: which numbers are the same count (quantity-facts.ts),
// when two of them conflict (conflict-rules.ts), and how a story counts independent sources.
// Our own sentences only (test/fixtures/conflict-pairs-own/); the blind set is for the eval script.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../src/paths.js';
import { analyseText } from '../../../src/nlp/text/index.js';
import { extractClaims } from '../../../src/nlp/claims/index.js';
import { dedupOptions } from '../../../src/nlp/dedup/params.js';
import { nounKey, quantityFacts, type QuantityFacts } from '../../../src/nlp/dedup/quantity-facts.js';
import { compareQuantities, conflictReason, describeCounted } from '../../../src/nlp/dedup/conflict-rules.js';
import { quantitiesAgree, skeleton, toStoredDigest, wordSetSimilarity, type ClaimDigest } from '../../../src/nlp/dedup/claims.js';
import { contentTokens } from '../../../src/nlp/dedup/shingles.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { ConflictPairSchema } from './conflict-pairs.js';
import { evaluatePair } from '../../../scripts/lib/conflict-eval.js';

const options = dedupOptions();

/** The facts of the quantity whose text contains `number`, as the claims stage finds it (no NER). */
function factsOf(text: string, number: string): QuantityFacts | string {
  const layer = analyseText(text);
  const { claims } = extractClaims({ text, tokens: layer.tokens, sentences: layer.sentences, entities: [], publishedAt: null });
  const at = text.indexOf(number);
  for (const claim of claims) {
    const quantity = claim.quantities.find((q) => q.start <= at && q.end >= at + number.length);
    if (quantity) return quantityFacts(claim, quantity, layer.tokens, []);
  }
  return 'not found';
}

function facts(text: string, number: string): QuantityFacts {
  const found = factsOf(text, number);
  if (typeof found === 'string') throw new Error(`«${number}» in «${text}»: ${found}`);
  return found;
}

/** The skeletons of a sentence's content words, as a claim digest keeps them. */
function claimWords(text: string): string[] {
  const layer = analyseText(text);
  return [...new Set(contentTokens(layer.tokens).filter((t) => t.kind === 'word').map((t) => skeleton(t.key)))];
}

/** Two sentences' numbers compared as the claim step compares them (same day, not copies, the two sentences' own word overlap). */
function compare(a: [string, string], b: [string, string], days: [number, number] = [1, 1], copy = false) {
  const stored = ([text, number]: [string, string]) => {
    const { thing, ...rest } = facts(text, number);
    const digest: ClaimDigest = { claim: 0, kind: 'numeric', speakerKey: null, words: claimWords(text), quantities: [{ ...rest, countedKey: thing, text: '' }], text: '' };
    return toStoredDigest(digest);
  };
  const [x, y] = [stored(a), stored(b)];
  return compareQuantities(x.quantities[0]!, y.quantities[0]!, { copy, contentSimilarity: wordSetSimilarity(x.words, y.words), dayA: days[0], dayB: days[1] }, options);
}

describe('what a number counts', () => {
  it('reads «قتيلا» and «قتل … شخصا» as one thing, and «دولارات» as «دولار»', () => {
    expect(facts('سقط 23 قتيلا في القصف الذي استهدف الحي.', '23').thing).toBe('killed');
    expect(facts('قتل 23 شخصا في القصف الذي استهدف الحي.', '23').thing).toBe('killed');
    expect(nounKey('دولارات')).toBe(nounKey('دولار'));
    expect(nounKey('قتلى')).toBe(nounKey('قتيل'));
  });

  it('tells killed, wounded and arrested apart, and fired from intercepted', () => {
    expect(facts('وأصيب 30 شخصا بجروح متفاوتة.', '30').thing).toBe('wounded');
    expect(facts('اعتقلت الشرطة 14 شخصا بعد المواجهات.', '14').thing).toBe('arrested');
    expect(compare(['أطلقت الفصائل 20 صاروخا على المدينة.', '20'], ['اعترضت الدفاعات الجوية 4 صواريخ فوق المدينة.', '4'])).toEqual({ relation: null, why: 'different-thing' });
  });

  it('reads bounds before and after the number, and a part of a count', () => {
    expect(facts('قتل أكثر من 120 شخصا في الزلزال.', '120').bound).toBe('lower');
    expect(facts('اعتقلت السلطات 1200 متظاهر على الأقل منذ بدء الاحتجاجات.', '1200').bound).toBe('lower');
    expect(facts('قال المهندس إن الجسر لا يتجاوز طوله 3 كيلومترات.', '3').bound).toBe('upper');
    expect(facts('قتل 12 شخصا في الانفجار بينهم 5 أطفال.', '5').subgroup).toBe(true);
    expect(facts('قتل 12 شخصا في الانفجار بينهم 5 أطفال.', '12').subgroup).toBe(false);
  });

  it('scales units written two ways («1.2 كيلومتر» is 1200 «متر»)', () => {
    const km = facts('يبلغ طول النفق الجديد 1.2 كيلومتر تحت النهر.', '1.2');
    const m = facts('يمتد النفق الجديد 900 متر تحت النهر.', '900');
    expect([km.noun, km.value]).toEqual([m.noun, 1200]);
  });

  it('does not compare time frames, ages or labels', () => {
    // A time frame is no numeric claim at all since issue 20 (a duration): nothing to compare.
    expect(factsOf('اعتقلت الشرطة 40 متظاهرا خلال 24 ساعة من الاحتجاجات.', '24')).toBe('not found');
    expect(factsOf('توفي الفنان الذي يبلغ من العمر 78 عاما في القاهرة.', '78')).not.toMatchObject({ noun: expect.any(String) });
    expect(factsOf('أقرت الحكومة القانون رقم 15 لتنظيم الإيجارات.', '15')).not.toMatchObject({ noun: expect.any(String) });
    expect(factsOf('وقال المزارع محمد سالم (45 عاما) إن المحصول تلف بالكامل.', '45')).not.toMatchObject({ noun: expect.any(String) });
  });
});

describe('when two numbers conflict', () => {
  it('respects bounds and approximation, and flags values beyond them', () => {
    expect(compare(['قتل أكثر من 120 شخصا في الزلزال.', '120'], ['أعلنت السلطات مقتل 125 شخصا في الزلزال.', '125']).relation).toBe('corroborates');
    expect(compare(['قتل أكثر من 200 شخص في الزلزال.', '200'], ['أعلنت السلطات مقتل 150 شخصا في الزلزال.', '150']).relation).toBe('conflicts');
    expect(compare(['غرق نحو 50 مهاجرا قبالة السواحل.', '50'], ['غرق 49 مهاجرا قبالة السواحل.', '49']).relation).toBe('corroborates');
    expect(compare(['غرق نحو 50 مهاجرا قبالة السواحل.', '50'], ['غرق قرابة 80 مهاجرا قبالة السواحل.', '80']).relation).toBe('conflicts');
    expect(compare(['أصيب بين 20 و30 شخصا في التدافع.', '20'], ['أصيب 25 شخصا في التدافع.', '25']).relation).toBe('corroborates');
  });

  it('reads a rising toll on a later day as an update, and a fixed figure as a conflict whatever the day', () => {
    expect(compare(['قتل 12 شخصا في الانفجار.', '12'], ['ارتفعت حصيلة قتلى الانفجار إلى 23 قتيلا.', '23'], [1, 2])).toEqual({ relation: null, why: 'update' });
    expect(compare(['قتل 12 شخصا في الانفجار.', '12'], ['قتل 17 شخصا في الانفجار.', '17'], [1, 1]).relation).toBe('conflicts');
    expect(compare(['قضت المحكمة بسجن المتهم 7 سنوات.', '7'], ['حكمت المحكمة على المتهم بالسجن 5 سنوات.', '5'], [1, 3])).toMatchObject({ relation: 'conflicts', basis: { timing: 'f' } });
  });

  it('never compares two named subjects: the seats of two parties', () => {
    expect(compare(['حصل حزب الوفد على 31 مقعدا في البرلمان الجديد.', '31'], ['حصل حزب التجمع على 29 مقعدا في البرلمان الجديد.', '29'])).toEqual({ relation: null, why: 'different-subject' });
    expect(compare(['حصل تحالف دولة القانون على 31 مقعدا.', '31'], ['فاز ائتلاف دولة القانون بـ29 مقعدا.', '29']).relation).toBe('conflicts');
  });

  it('reads one value written two ways as one (a rounding artefact is not a conflict)', () => {
    expect(quantitiesAgree({ value: 16.6e9, valueMax: null, approx: false }, { value: 16600000000.000002, valueMax: null, approx: false }, 0.1)).toBe(true);
    expect(quantitiesAgree({ value: 16.6e9, valueMax: null, approx: false }, { value: 16.5e9, valueMax: null, approx: false }, 0.1)).toBe(false);
  });

  it('reads one count of people whatever noun names them, and a part of a breakdown as a part', () => {
    expect(compare(['لقي 3 من عناصر الدفاع المدني حتفهم في الحريق.', '3'], ['أعلنت المديرية مقتل خمسة من منتسبيها في الحريق.', 'خمسة']).relation).toBe('conflicts');
    // A role the lexicon did not read on one side is not a different thing (the two sentences name
    // the same port: two sentences that share no words around their numbers are not compared).
    expect(compare(['أفرجت السلطات عن 9 صيادين كانوا محتجزين في ميناء بندر عباس.', '9'], ['وصل 11 صيادا من ميناء بندر عباس إلى المنفذ الحدودي.', '11']).relation).toBe('conflicts');
    expect(compare(['دخلت 120 شاحنة مساعدات إلى الإقليم.', '120'], ['عبرت 75 شاحنة من المعبر الأول و45 شاحنة من المعبر الثاني.', '75']).relation).toBeNull();
    expect(compare(['قتل 12 شخصا في الكمين.', '12'], ['أسفر الكمين عن مقتل 7 مدنيين و5 من رجال الشرطة.', '7']).relation).toBeNull();
  });

  it('reads a verb after the counted phrase only as what happened to it', () => {
    expect(facts('تضم المرحلة الأولى 15 محطة تمتد من المطار إلى وسط المدينة.', '15').role).toBeNull();
    expect(facts('أفادت التقارير بأن 14 شخصا قتلوا في الهجوم.', '14').role).toBe('killed');
  });

  it('says in its reason what was counted in words a reader takes, not as an internal key', () => {
    expect(describeCounted('مقعد:won')).toBe('«مقعد», won');
    expect(describeCounted('killed')).toBe('killed');
    expect(describeCounted('جندي')).toBe('«جندي»');
    expect(conflictReason('مقعد:won', { subject: 's', timing: 'd' } as Parameters<typeof conflictReason>[1])).toMatch(/^Same counted thing and unit \(«مقعد», won\), about the same named actor or place, .* published the same day/);
  });

  it('reads a number written in parts as one amount, never its tail alone', () => {
    // The claims reader joins «16 مليارا و600 مليون» into one quantity (16.6 billion).
    expect(facts('وصل حجم الاستثمارات إلى 16 مليارا و600 مليون دولار.', '600').value).toBe(16_600_000_000);
  });

  it('never flags one source against itself: a copy that changed a number is not a second outlet', () => {
    const sentence = 'قتل 12 شخصا في انفجار سيارة مفخخة استهدف سوقا شعبية في الموصل.';
    expect(compare([sentence, '12'], [sentence.replace('12', '14'), '14'], [1, 1], true)).toEqual({ relation: null, why: 'copy' });
    expect(compare([sentence, '12'], [sentence, '12'], [1, 1], true)).toEqual({ relation: 'corroborates', copy: true });
  });

  it('never compares a total with a part of it, or counts over two periods', () => {
    expect(compare(['قتل 12 شخصا في الانفجار بينهم 5 أطفال.', '5'], ['قتل 7 أطفال في الانفجار.', '7']).relation).toBeNull();
    expect(compare(['استهدف 49 هجوما المصالح الأميركية منذ بداية العام.', '49'], ['استهدف نحو 30 هجوما المصالح الأميركية منذ تسلم الرئيس السلطة.', '30'])).toEqual({ relation: null, why: 'different-period' });
  });

  it('answers our own labelled pairs as labelled, through the real chain (NER included)', async () => {
    const lines = readFileSync(projectPath('test/fixtures/conflict-pairs-own/pairs.jsonl'), 'utf8').split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    for (const line of lines) {
      const pair = ConflictPairSchema.parse(JSON.parse(line));
      const decision = await evaluatePair(pair, options);
      expect(decision.predicted, `${pair.id} ${pair.reason}: ${decision.why}`).toBe(pair.label);
    }
  }, 120_000);
});

/** `compare` with NER mentions of the listed names (type LOC unless given), as the pipeline gives them. */
function compareNamed(a: [string, string, Array<[string, 'PER' | 'ORG' | 'LOC']>], b: [string, string, Array<[string, 'PER' | 'ORG' | 'LOC']>]) {
  const stored = ([text, number, names]: [string, string, Array<[string, 'PER' | 'ORG' | 'LOC']>]) => {
    const layer = analyseText(text);
    const entities = names.map(([name, type]) => ({ entityId: `e:${name}`, type, start: text.indexOf(name), end: text.indexOf(name) + name.length }));
    const { claims } = extractClaims({ text, tokens: layer.tokens, sentences: layer.sentences, entities: entities.map((e) => ({ ...e, text: name(e), canonical: name(e), confidence: 1 })), publishedAt: null });
    const at = text.indexOf(number);
    const claim = claims.find((c) => c.quantities.some((q) => q.start <= at && q.end >= at + number.length))!;
    const quantity = claim.quantities.find((q) => q.start <= at && q.end >= at + number.length)!;
    const found = quantityFacts(claim, quantity, layer.tokens, entities);
    if (typeof found === 'string') throw new Error(`«${number}»: ${found}`);
    const { thing, ...rest } = found;
    return toStoredDigest({ claim: 0, kind: 'numeric', speakerKey: null, words: claimWords(text), quantities: [{ ...rest, countedKey: thing, text: '' }], text: '' });
    function name(e: { start: number; end: number }) {
      return text.slice(e.start, e.end);
    }
  };
  const [x, y] = [stored(a), stored(b)];
  return compareQuantities(x.quantities[0]!, y.quantities[0]!, { copy: false, contentSimilarity: wordSetSimilarity(x.words, y.words), dayA: 1, dayB: 1 }, options);
}

describe('who and what a count is about, as outlets name them differently (2026-12-07)', () => {
  it('reads a capital or a city as its country, but two cities of one country as two subjects', () => {
    const riyadh = compareNamed(['وخفضت الرياض إنتاجها النفطي طوعا بمقدار 400 ألف برميل في اليوم.', '400 ألف', [['الرياض', 'LOC']]], ['وقررت السعودية خفض إنتاجها النفطي طوعا بمقدار 500 ألف برميل يوميا.', '500 ألف', [['السعودية', 'LOC']]]);
    expect(riyadh, JSON.stringify(riyadh)).toMatchObject({ relation: 'conflicts' });
    const cities = compareNamed(['وقالت وزارة الصحة إن السيول أودت بحياة 31 شخصا في مدينة كسلا.', '31', [['كسلا', 'LOC']]], ['وقالت وزارة الصحة إن السيول أودت بحياة 12 شخصا في مدينة الخرطوم.', '12', [['الخرطوم', 'LOC']]]);
    expect(cities).toEqual({ relation: null, why: 'different-subject' });
    // A country's adjective is the country: «السلطات الجزائرية» and «الجزائر».
    const algeria = compareNamed(['وقالت منظمة إنسانية إن الجزائر رحلت 300 مهاجر إلى الحدود.', '300', [['الجزائر', 'LOC']]], ['ورحلت السلطات الجزائرية 450 مهاجرا نحو الحدود مع النيجر.', '450', [['النيجر', 'LOC']]]);
    expect(algeria, JSON.stringify(algeria)).toMatchObject({ relation: 'conflicts' });
  });

  it('takes the agent between the verb and the number as whose count it is', () => {
    const drones = compareNamed(['وأطلقت روسيا 87 طائرة مسيرة على مدن أوكرانية خلال الليل.', '87', [['روسيا', 'LOC']]], ['وأطلقت أوكرانيا 31 مسيرة على مصاف نفطية في جنوب روسيا.', '31', [['أوكرانيا', 'LOC'], ['روسيا', 'LOC']]]);
    expect(drones).toEqual({ relation: null, why: 'different-subject' });
  });

  it('counts ministers and portfolios, and gunmen and fighters, as one thing; abductions and prison terms by their role', () => {
    expect(facts('وتتألف الحكومة الجديدة من 26 حقيبة وزارية.', '26').thing).toBe(facts('وتضم الحكومة الجديدة 22 وزيرا.', '22').thing);
    expect(facts('وقتل 27 مسلحا في المعارك.', '27').thing).toBe(facts('وقتل 19 مقاتلا في المعارك.', '19').thing);
    expect(facts('واختطف مسلحون 12 شخصا من القرية.', '12').thing).toBe('abducted');
    expect(facts('وقضت المحكمة بسجن الرئيس السابق لمجلس الجماعة عبد الرحيم الودغيري ثماني سنوات نافذة.', 'ثماني').role).toBe('sentenced');
  });

  it('compares a number an article states among several of its kind only with a sentence that says much the same', () => {
    const digest = (text: string, number: string, crowded: boolean) => {
      const { thing, ...rest } = facts(text, number);
      return toStoredDigest({ claim: 0, kind: 'numeric', speakerKey: null, words: claimWords(text), quantities: [{ ...rest, countedKey: thing, text: '', crowded }], text: '' });
    };
    const a = 'وارتفعت المبيعات عبر نقاط البيع بنسبة 17.7 في المائة لتبلغ 169.9 مليار ريال مقارنة بالعام الذي سبقه وفق التقرير السنوي للمؤسسة.';
    const b = 'وارتفعت المبيعات بنسبة 13.7 في المائة بحسب بيانات نشرت اليوم عن أداء القطاع المصرفي في المملكة خلال النصف الأول.';
    const pair = (crowded: boolean) => {
      const [x, y] = [digest(a, '17.7', crowded), digest(b, '13.7', false)];
      return compareQuantities(x.quantities[0]!, y.quantities[0]!, { copy: false, contentSimilarity: wordSetSimilarity(x.words, y.words), dayA: 1, dayB: 1 }, options);
    };
    // One percentage each: the same count stated differently. One of ten in a market report: not said alike enough.
    expect(pair(false).relation).toBe('conflicts');
    const r = pair(true);
    expect(r, JSON.stringify(r)).toEqual({ relation: null, why: 'crowded' });
  });
});

describe('a story counts independent sources', () => {
  // A shared background paragraph (a passage of more than 24 words joins the story), and each
  // outlet's own sentences, so that the three reports are not near copies of each other.
  const background =
    'وكانت المدينة قد شهدت خلال الأشهر الماضية سلسلة من الهجمات المماثلة التي استهدفت الأسواق والمباني الحكومية، وسط تحذيرات متكررة من المنظمات الإنسانية بشأن تدهور الأوضاع الأمنية والمعيشية للسكان في الأحياء الشرقية. ' +
    'ويشكو سكان الأحياء القديمة من بطء عمليات إعادة الإعمار وغياب الخدمات الأساسية مثل الكهرباء والمياه النظيفة.';
  const lead =
    'قتل 12 شخصا في انفجار سيارة مفخخة استهدف سوقا شعبية في مدينة الموصل صباح الاثنين. وهرعت سيارات الإسعاف إلى المكان فيما فرضت القوات الأمنية طوقا حول السوق ومنعت الاقتراب منه. وقال شهود إن الانفجار وقع في ساعة الذروة حين كان الباعة يفتحون محالهم والمتسوقون يملؤون الممرات الضيقة.';
  const other =
    'أسفر انفجار سيارة مفخخة في سوق شعبية بالموصل عن مقتل 12 شخصا، بحسب مصادر في الشرطة. وأظهرت صور تداولها ناشطون أعمدة الدخان تتصاعد فوق المباني القريبة وحطام بسطات الخضار متناثرا في الشارع. وأعلن المحافظ الحداد ثلاثة أيام وأمر بفتح تحقيق عاجل في الخروقات الأمنية.';
  const differs =
    'قالت مصادر طبية إن انفجار السوق الشعبية في الموصل أدى إلى مقتل 17 شخصا. وناشدت المستشفيات الأهالي التبرع بالدم بعد أن امتلأت غرف الطوارئ بالمصابين. وتوافد مئات السكان على مركز المدينة بحثا عن أقاربهم وسط انتشار كثيف لعناصر الجيش والشرطة الاتحادية.';
  const article = (id: string, text: string, source: string, publishedAt: string) => {
    const layer = analyseText(text);
    const { claims } = extractClaims({ text, tokens: layer.tokens, sentences: layer.sentences, entities: [], publishedAt: null });
    return { id, text, tokens: layer.tokens, sentences: layer.sentences, claims, publishedAt, sourceName: source };
  };

  it('lists a claim once per source (a wire reprint is not a second source), and a conflict with its reason', async () => {
    // The four share one paragraph and nothing else that event stories weigh: the background rule
    // (a paragraph many articles hold joins no story) is off so that they form the one story.
    const index = inMemoryDedupIndex({ passageBackgroundHolders: 1000, passageContextThreshold: 0 });
    await index.process(article('a000000000000001', `${lead}\n\n${background}`, 'الأفق', '2026-11-02T08:00:00.000Z'));
    // A word-for-word reprint by another outlet: the same source.
    await index.process(article('a000000000000002', `${lead}\n\n${background}`, 'الرصيف', '2026-11-02T09:00:00.000Z'));
    // Another outlet's own report of the same toll, sharing only the background paragraph.
    await index.process(article('a000000000000003', `${other}\n\n${background}`, 'نبأ اليوم', '2026-11-02T10:00:00.000Z'));
    const last = await index.process(article('a000000000000004', `${differs}\n\n${background}`, 'الشاهد', '2026-11-02T11:00:00.000Z'));
    const story = last.story;
    expect(story.articles).toHaveLength(4);
    const toll = story.corroboratedClaims.find((group) => group.claims.some((claim) => claim.articleId === 'a000000000000003'));
    expect(toll?.claims.map((claim) => claim.articleId)).toEqual(['a000000000000001', 'a000000000000003']);
    expect(toll?.sources).toEqual(['الأفق', 'نبأ اليوم']);
    // Every sentence at most once in a group.
    for (const group of story.corroboratedClaims) expect(new Set(group.claims.map((claim) => claim.text)).size).toBe(group.claims.length);
    const conflict = story.conflicts.find((c) => c.values.some((value) => value.value === 17));
    expect(conflict?.values.map((value) => value.value).sort((x, y) => x - y)).toEqual([12, 17]);
    expect(conflict?.reason).toMatch(/published the same day/);
    // Never within one article, never between the copies.
    for (const c of story.conflicts) expect(new Set(c.values.map((value) => value.articleId)).size).toBe(c.values.length);
  });

  it('counts an outlet that reprints the paragraph beside the first report\'s claim, and rewords that claim elsewhere, as the same source', async () => {
    const index = inMemoryDedupIndex({ passageBackgroundHolders: 1000, passageContextThreshold: 0 });
    const aftermath =
      'وأعلنت السلطات المحلية إغلاق الطرق المؤدية إلى السوق حتى إشعار آخر، ودعت التجار إلى انتظار نتائج الكشف الهندسي على المحال المتضررة قبل العودة إليها. ' +
      'وقدرت غرفة التجارة الخسائر الأولية بملايين الدنانير، وطالبت الحكومة بتعويض أصحاب البسطات التي احترقت بالكامل.';
    // The first report: its claim, then the paragraph the second outlet reprints (the claim is beside it).
    await index.process(article('b000000000000001', `قتل 12 شخصا في انفجار سيارة مفخخة استهدف سوقا شعبية في مدينة الموصل صباح الاثنين.\n\n${background}`, 'الأفق', '2026-11-02T08:00:00.000Z'));
    // The second outlet: the claim reworded in its own lead, its own sentences, then the first's paragraph
    // word for word, then a paragraph the third outlet also carries.
    await index.process(
      article(
        'b000000000000002',
        `أسفر انفجار سيارة مفخخة في سوق شعبية بالموصل عن مقتل 12 شخصا، بحسب مصادر في الشرطة. وأظهرت صور تداولها ناشطون أعمدة الدخان تتصاعد فوق المباني القريبة. وأعلن المحافظ الحداد ثلاثة أيام.\n\n${background}\n\n${aftermath}`,
        'الرصيف',
        '2026-11-02T09:00:00.000Z',
      ),
    );
    // The third outlet's own report of the toll; the paragraph it shares with the second is far from its claim in both.
    const last = await index.process(
      article(
        'b000000000000003',
        `قالت مصادر طبية إن انفجار سيارة مفخخة في سوق الموصل الشعبية أدى إلى مقتل 12 شخصا. وناشدت المستشفيات الأهالي التبرع بالدم بعد أن امتلأت غرف الطوارئ. وتوافد مئات السكان على مركز المدينة بحثا عن أقاربهم.\n\n${aftermath}`,
        'نبأ اليوم',
        '2026-11-02T10:00:00.000Z',
      ),
    );
    const story = last.story;
    expect(story.articles).toHaveLength(3);
    const toll = story.corroboratedClaims.find((group) => group.claims.some((claim) => claim.articleId === 'b000000000000003'));
    // Two sources: the first report (with its reprint) and the third outlet.
    expect(toll?.claims.map((claim) => claim.articleId)).toEqual(['b000000000000001', 'b000000000000003']);
    expect(toll?.sources).toEqual(['الأفق', 'نبأ اليوم']);
  });
});
