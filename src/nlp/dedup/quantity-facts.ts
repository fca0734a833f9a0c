// What a stated number counts, read from the words around it: the thing counted (noun and role),
// its bound or approximation, who or where it is about, and whether it states a quantity at all.
// Two numbers are compared (conflict-rules.ts) only when these facts say they count the same thing
// about the same subject. Pure: reads the text layer's tokens and the NER mentions, no I/O.
import type { DedupClaim } from './claims.js';
import type { ClaimQuantityKind } from '../../schema/claims.js';
import { nounKey } from './skeleton.js';
import { isCountryToken } from './place-country.js';
import { bareKey, countedForm, nounForm, roleOf, type FactEntity, type FactToken } from './quantity-words.js';
import { subjectsOf } from './quantity-subjects.js';
import { sceneOf } from './quantity-scene.js';
import { boundOf, roleNear } from './quantity-near.js';
import { decideRole } from './quantity-role.js';
import { sumKind } from './quantity-sums.js';
import { marketMove } from './quantity-market.js';
import { localIn } from './quantity-local.js';
import { convictOf } from './quantity-convict.js';
import { personNames } from './quantity-names.js';
import { listedPart, othersFollow, laterPart, anotherUntold, partOfGroup } from './quantity-parts.js';

export { bareKey, roleOf };
import { normalise, searchKey } from '../text/normalise.js';
import { TIME_NOUNS, MEASURE_NOUNS, GENERIC_NOUNS, CUMULATIVE_WORDS, RISING_ROLES, UNIT_SCALES, FUNCTION_WORDS, PERIOD_MARKERS, SUBJECT_HEADS, PERSON_ROLES, CATEGORY_NOUNS, NUMBER_WORDS, AFFILIATION_HEADS, NOUN_CLASSES, FORM_CLASSES, MONEY_SHARE_ROLES, VALUE_WORDS, BETWEEN, MONTH_NOUNS } from './quantity-lexicon.js';

export type { FactEntity, FactToken } from './quantity-words.js';

export { nounKey };

export type Bound = 'lower' | 'upper' | null;

export interface QuantityFacts {
  /** What is counted, as compared: the role («قتل»: killed) or the noun's key, with the role when both («صرخ:fired»). */
  thing: string;
  /** The counted noun's key alone (skeleton, singular); '%' for a percentage of something. */
  noun: string;
  role: string | null;
  /** Value and range with the unit's scale applied («1.2 كيلومتر» → 1200 of «متر»). */
  value: number;
  valueMax: number | null;
  approx: boolean;
  bound: Bound;
  /** A count that rises as news comes in (a toll, arrests): a later day's figure is an update. */
  rising: boolean;
  /**
   * The clause says the count has grown («ارتفعت الحصيلة إلى», «ليصل العدد إلى», «منذ»): an update
   * of an earlier figure, never an article's sole figure of a toll (see `markSole`).
   */
  update: boolean;
  /** Introduced as part of a larger count («بينهم 5 أطفال», «منهم»), or one of a listed breakdown («75 … و45 …»). */
  subgroup: boolean;
  /** A generic unit (a currency, «شخص» without a role, a percentage): compared only in the same frame. */
  generic: boolean;
  /** Skeletons of the words of the PER/ORG/LOC names in the number's clause, outside the speaker and the counted phrase. */
  subjects: string[];
  /** Keys of the content words just before the number (its frame: «قيمة الصفقة»). */
  frame: string[];
  /** Keys of the words that name the period counted over («منذ بداية العام», «بين أكتوبر ويوليو»). */
  period: string[];  /**
   * Keys of the content words around the number in its sentence (up to `CONTEXT_WORDS` each side;
   * not function words, numbers, the counted noun or a role word): what the sentence says happened
   * where. Two reports of one event's figure share some («تفجير سيارة مفخخة في بغداد الجديدة»).
   */
  context: string[];
  /** How many of `context`'s words (the first ones) are of the number's own sentence; the rest are the sentence before it's. */
  contextOwn: number;
  /** Keys of the group the counted belong to, «من» right after the number («50 أسيرا من القوات الحكومية»: قوات، حكومية). */
  affiliation: string[];
  /**
   * Keys of the places (LOC names, not countries) in the number's sentence and the one before it:
   * where the counted event happened when the lead names it and the number's sentence does not
   * («انهار جدار … في صيدا. وقال الصليب الأحمر إن 17 طالبا أصيبوا»).
   */
  scene: string[];
  /** How many of `scene`'s words (the first ones) name places in the number's own sentence. */
  sceneOwn: number;
  /** Keys of the person names in the number's sentence (quantity-names.ts: «ناصر البريكي» → نصر، برك). */
  names: string[];
  /**
   * People the counted noun alone says are held («أسرى», «محتجزين», «سجناء»), no verb before them
   * saying what befell them now: a release's or an exchange's detainees («غادر 50 سجينا السجن»,
   * «شملت عملية التبادل 24 أسيرا»), told by another outlet as released (conflict round 7).
   */
  held?: boolean;
  /**
   * The count is placed in a local unit named elsewhere, by a head alone («خلفت قتيلين في البلدية»,
   * «توفوا في المدينة», «أسفرت في المحافظة عن توقيف»: `localIn`, quantity-local.ts; conflict round 9).
   */
  localised?: boolean;
}

/** «Still» («ما زالوا», «لا يزال», «يقبعون»): a count of those left, not of those out (`held`). */
const STILL_WORDS: ReadonlySet<string> = new Set(['زالوا', 'يزالون', 'زال', 'يزال', 'تزال', 'مازال', 'مازالوا', 'لازال', 'يقبع', 'يقبعون', 'متبقين', 'المتبقين', 'الباقين'].map((w) => bareKey(searchKey(normalise(w)))));

/**
 * «إضافية», «إضافيين» in or right after the counted phrase: more of the thing on top of a count named
 * elsewhere, a part (conflict round 8; J, spent: purchase options against a firm order). The claims
 * reader may take the adjective into the counted phrase, so the mention's words after the number count.
 */
const EXTRA_WORDS: ReadonlySet<string> = new Set(['إضافي', 'إضافية', 'إضافيا', 'إضافيين', 'إضافيون', 'إضافيات'].map((w) => bareKey(searchKey(normalise(w)))));

/** Content words read each side of a number for its `context`. */
export const CONTEXT_WORDS = 8;


/**
 * Why a number is not compared at all: nothing counted could be read (no noun, no role). Whether a
 * number states a quantity (not a time frame, an age, a label, a vague plural) is the claims
 * reader's decision (its `kind`), not read again here.
 */
export type NotCompared = 'no-thing';

function clauseTokens(tokens: readonly FactToken[], from: number, to: number): FactToken[] {
  return tokens.filter((t) => t.start >= from && t.end <= to);
}

/** Words that say where the counted came from, before «من» («طائرة قادمة من القاهرة», «مهاجرين انطلقوا من السواحل الليبية»). */
const ORIGIN_WORDS: ReadonlySet<string> = new Set(
  ['قادمة', 'قادم', 'قادمين', 'قادمون', 'آتية', 'انطلق', 'انطلقوا', 'انطلقت', 'منطلقة', 'منطلقين', 'أبحر', 'أبحروا', 'أبحرت', 'مبحرة', 'فروا', 'هربوا'].map((w) => bareKey(searchKey(normalise(w)))),
);
/** Words after «من» that say only what kind of place («سواحل صفاقس», «مطار القاهرة»): not the origin's name. */
const ORIGIN_HEADS: ReadonlySet<string> = new Set(['سواحل', 'ساحل', 'شواطئ', 'مطار', 'ميناء', 'موانئ', 'مدينة', 'جهة', 'اتجاه'].map((w) => nounKey(searchKey(normalise(w)))));

/** The content words around a number in its sentence (`context`), and the group after «من» (`affiliation`). */
function surroundings(words: readonly FactToken[], at: { firstIn: number; lastIn: number; numberAt: number; clauseEnd: number }, noun: string): { context: string[]; affiliation: string[] } {
  const { firstIn, lastIn, numberAt, clauseEnd } = at;
  // The sentence around the number (not only its clause: «، حيث قتل 19 شخصا» names the place before the comma).
  const contentKey = (t: FactToken, keepNoun = false): string | null => {
    if (t.kind !== 'word' || FUNCTION_WORDS.has(t.key) || FUNCTION_WORDS.has(bareKey(t.key)) || NUMBER_WORDS.has(bareKey(t.key)) || roleOf(t.key) !== null) return null;
    const k = nounKey(nounForm(t));
    return k.length >= 2 && (keepNoun || k !== noun) ? k : null;
  };
  const side = (list: readonly FactToken[]) => list.map((t) => contentKey(t)).filter((k): k is string => k !== null);
  const context = [...side(words.slice(0, firstIn)).slice(-CONTEXT_WORDS), ...side(words.slice(lastIn + 1)).slice(0, CONTEXT_WORDS)];
  // «50 أسيرا من القوات الحكومية» / «90 أسيرا من مقاتلي جماعة الحوثي»: whose the counted are.
  const fromNumber = words.slice(firstIn + Math.max(0, numberAt), clauseEnd + 1);
  const fromAt = fromNumber.slice(1, 4).findIndex((t) => t.kind === 'word' && t.key === 'من');
  const affiliation: string[] = [];
  if (fromAt >= 0) {
    // The group's name: the words after «من» up to a function word; «من منتسبيها» names none (it points back).
    for (const t of fromNumber.slice(fromAt + 2, fromAt + 5)) {
      // The group may be what the claims reader took as counted («3 من المقاومة الشعبية»): no noun exclusion here.
      const k = t.kind === 'word' ? contentKey(t, true) : null;
      if (k === null) break;
      // «من السواحل الليبية» / «من سواحل صفاقس»: the kind of place is no group (conflict round 8).
      if (AFFILIATION_HEADS.has(k) || SUBJECT_HEADS.has(k) || ORIGIN_HEADS.has(k)) {
        if (/(ها|هم|هما|هن)$/u.test(t.key)) break;
        continue;
      }
      affiliation.push(k);
    }
  }
  return { context, affiliation };
}

/**
 * Where the counted came from, named in the number's clause after a word of coming or setting off
 * and «من» («طائرة قادمة من القاهرة تقل 164 راكبا» / «رحلة قادمة من دبي على متنها مئتان وعشرون
 * راكبا»; «420 مهاجرا انطلقوا من السواحل الليبية» / «180 مهاجرا أبحروا من سواحل صفاقس»): two origins
 * are two groups, read as an `affiliation` when none is (conflict round 8; A, H, spent).
 */
function originOf(clause: readonly FactToken[]): string[] {
  for (let i = 0; i + 2 < clause.length; i++) {
    const t = clause[i]!;
    if (t.kind !== 'word' || !ORIGIN_WORDS.has(bareKey(t.key)) || clause[i + 1]!.kind !== 'word' || clause[i + 1]!.key !== 'من') continue;
    const out: string[] = [];
    for (const w of clause.slice(i + 2, i + 5)) {
      if (w.kind !== 'word' || FUNCTION_WORDS.has(w.key) || FUNCTION_WORDS.has(bareKey(w.key)) || NUMBER_WORDS.has(bareKey(w.key)) || roleOf(w.key) !== null) break;
      const k = nounKey(nounForm(w));
      if (ORIGIN_HEADS.has(k) || SUBJECT_HEADS.has(k)) continue;
      if (k.length >= 2) out.push(k);
      // The name's first word: «القاهرة تقل» goes on into the clause, not the name.
      if (out.length === 1) break;
    }
    return out;
  }
  return [];
}

/**
 * Content words of the sentence before the number's (at most `CONTEXT_WORDS`), added to its
 * `context`: outlets write an event's place and kind in an opening sentence and the figure in the
 * next («انهار جدار الملعب في مدرسة … في صيدا. وقال الصليب الأحمر إن 17 طالبا أصيبوا»), so the
 * number's own sentence shares few words with the other outlet's (conflict pairs D, spent).
 */
function leadContext(tokens: readonly FactToken[], sentence: readonly FactToken[], noun: string): string[] {
  const at = sentence.find((t) => t.sentence !== undefined)?.sentence;
  if (at === undefined || at === 0) return [];
  const out: string[] = [];
  for (const t of tokens) {
    if (t.sentence !== at - 1 || t.kind !== 'word') continue;
    if (FUNCTION_WORDS.has(t.key) || FUNCTION_WORDS.has(bareKey(t.key)) || NUMBER_WORDS.has(bareKey(t.key)) || roleOf(t.key) !== null) continue;
    const k = nounKey(nounForm(t));
    if (k.length >= 2 && k !== noun) out.push(k);
  }
  return out.slice(0, CONTEXT_WORDS);
}

/** Cumulative words that name the toll itself, not its growth (keys without clitics). */
const TOLL_WORDS: ReadonlySet<string> = new Set(['حصيلة'].map((w) => searchKey(normalise(w))));

/**
 * Whether a number's clause says its count is cumulative (`rising`), and whether it says the count
 * has grown (`update`): «حصيلة» names a toll, not its growth («حصيلة الهجوم 9 قتلى» is the event's
 * one figure), «ارتفعت الحصيلة إلى» is an update.
 */
function growthOf(clause: readonly FactToken[]): { cumulative: boolean; update: boolean } {
  const cumulative = clause.filter((t) => CUMULATIVE_WORDS.has(t.key) || CUMULATIVE_WORDS.has(bareKey(t.key)));
  return { cumulative: cumulative.length > 0, update: cumulative.some((t) => !TOLL_WORDS.has(bareKey(t.key))) };
}

/** «بداية» and «مطلع» both open a period at its start («منذ بداية نوفمبر» / «منذ مطلع الشهر»): one period word. */
const PERIOD_START: ReadonlyMap<string, string> = new Map(['بداية', 'مطلع', 'مستهل'].map((w) => [nounKey(searchKey(normalise(w))), nounKey(searchKey(normalise('مطلع')))]));

/** Keys of the words naming the period a number is counted over («منذ بداية العام», «بين أكتوبر ويوليو»). */
function periodOf(words: readonly FactToken[], firstIn: number, lastIn: number, quantity: { start: number; end: number }): string[] {
  const period: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (i >= firstIn && i <= lastIn) continue;
    if (!PERIOD_MARKERS.has(bareKey(words[i]!.key)) && !PERIOD_MARKERS.has(words[i]!.key)) continue;
    // «بين» opens a period only before a time word: «بين شاحنة وحافلة» names two vehicles, not when.
    const timeWord = (t: FactToken) => t.kind === 'number' || (t.kind === 'word' && (TIME_NOUNS.has(nounKey(nounForm(t))) || MONTH_NOUNS.has(nounKey(nounForm(t)))));
    if (bareKey(words[i]!.key) === BETWEEN && !words.slice(i + 1, i + 3).some(timeWord)) continue;
    const next = words.slice(i + 1, i + 4).filter((t) => t.kind === 'word' && !FUNCTION_WORDS.has(t.key) && !FUNCTION_WORDS.has(bareKey(t.key)) && !(t.start >= quantity.start && t.end <= quantity.end));
    period.push(...next.slice(0, 2).map((t) => nounKey(nounForm(t))).map((k) => PERIOD_START.get(k) ?? k).filter((k) => k.length >= 2));
  }
  return period;
}

export interface QuantityInput {
  /**
   * What the claims reader says the number is (src/nlp/claims/quantity-kind.ts, the one classifier):
   * a claim's quantity is a count, an amount of money, a percentage or a prison term; a time frame,
   * an age, a label, a vague plural never reaches a claim. Absent in records written before issue 20
   * (read as a count).
   */
  kind?: ClaimQuantityKind;
  start: number;
  end: number;
  text: string;
  value: number;
  valueMax: number | null;
  approx: boolean;
  counted: string | null;
  unit: string | null;
}

/**
 * The facts of one quantity of a claim, or why it is not compared. `tokens` are the article's
 * tokens (punctuation included: it bounds a clause), `entities` its NER mentions.
 */
export function quantityFacts(
  claim: Pick<DedupClaim, 'start' | 'end'> & { speakerSpan?: { start: number; end: number } | null },
  quantity: QuantityInput,
  tokens: readonly FactToken[],
  entities: readonly FactEntity[],
): QuantityFacts | NotCompared {
  const sentence = clauseTokens(tokens, claim.start, claim.end);
  const words = sentence.filter((t) => t.kind === 'word' || t.kind === 'number' || t.kind === 'latin' || t.kind === 'punct');
  const firstIn = words.findIndex((t) => t.end > quantity.start);
  const lastIn = words.findLastIndex((t) => t.start < quantity.end);
  if (firstIn < 0 || lastIn < 0) return 'no-thing';
  // The clause: back to the previous punctuation, on to the next (a comma starts another fact).
  let clauseStart = firstIn;
  while (clauseStart > 0 && words[clauseStart - 1]!.kind !== 'punct') clauseStart--;
  let clauseEnd = lastIn;
  while (clauseEnd + 1 < words.length && words[clauseEnd + 1]!.kind !== 'punct') clauseEnd++;
  const before = words.slice(clauseStart, firstIn);
  const after = words.slice(lastIn + 1, clauseEnd + 1);
  const mention = words.slice(firstIn, lastIn + 1);
  // The number's first token: digits, or a number word («أقل من عشر رحلات»: the mention holds its
  // bound, read as words before the number; with digits only, «أقل من» was taken for the count's words).
  const numberAt = mention.findIndex((t) => t.kind === 'number' || NUMBER_WORDS.has(t.key) || NUMBER_WORDS.has(bareKey(t.key)));
  // Words of the mention before its number («أكثر من», «نحو») count as words before it.
  const lead = numberAt > 0 ? mention.slice(0, numberAt) : [];
  const nearBefore = [...before, ...lead];
  const counted = quantity.counted ?? quantity.unit;
  const headWord = counted ? counted.split(/\s+/u)[0]! : '';
  const headToken = counted ? tokens.find((t) => t.start >= quantity.start && t.text === headWord) : undefined;
  const headKey = headToken ? headToken.key : headWord;
  const headForm = headToken ? countedForm(headToken, quantity) : headWord ? bareKey(searchKey(normalise(headWord))) : '';
  let noun = quantity.kind === 'percent' || counted === '%' || quantity.unit === '%' ? '%' : (FORM_CLASSES.get(headForm) ?? nounKey(headForm));
  const timeNoun = TIME_NOUNS.has(noun);

  const { role, subgroup } = roleNear(nearBefore, after);
  const nounRole = headKey ? roleOf(headKey) : null;

  // A percentage is generic: compared only in the same frame («نسبة البطالة في …»).
  let value = quantity.value;
  let valueMax = quantity.valueMax;
  const scale = UNIT_SCALES.get(noun);
  if (scale) {
    noun = scale[0];
    value *= scale[1];
    if (valueMax !== null) valueMax *= scale[1];
  }
  // Money and percentages (the claims reader's kind) and nouns that name no particular thing.
  const generic = noun === '' || quantity.kind === 'money' || quantity.kind === 'percent' || GENERIC_NOUNS.has(noun) || noun.startsWith('%');
  // «أفرج عن 50 أسيرا»: what happened to them now (released) is the count, not what they were.
  // A length of time («لمدة 27 عاما») is a role of years, months…, not of what else is counted.
  // What happens to people (killed, arrested…) is no role of tonnes, miles, money or a share.
  const moneyOrShare = quantity.kind === 'money' || quantity.kind === 'percent' || noun === '%';
  const measure = timeNoun || MEASURE_NOUNS.has(noun) || moneyOrShare;
  // Money and a share keep only the roles that pick a part of a whole (a share won): the other role
  // words near a sum are its frame («تغريم», «إجمالية قدرها», «سجلت نموا بلغ»).
  // A length or a weight is never a prison term («نفقا جديدا بطول 2.4 كيلومتر» after «الأشغال العمومية»).
  const contextRole = (role === 'duration' && !timeNoun) || (role === 'sentenced' && MEASURE_NOUNS.has(noun)) || (moneyOrShare && role !== null && !MONEY_SHARE_ROLES.has(role)) ? null : role;
  const peopleRoleOnMeasure = contextRole !== null && PERSON_ROLES.has(contextRole) && measure;
  const finalRole = decideRole({ term: quantity.kind === 'term', peopleRoleOnMeasure, nounRole, contextRole, noun, sentence, after });
  const keyRole = finalRole ?? (quantity.kind === 'money' ? sumKind(nearBefore, after) : null); // a sum's kind (round 9): still generic
  // A noun whose skeleton is one letter («وديات», «يدا») cannot be told from others.
  // (A currency's skeleton may be one letter, «يورو» → «ر»: money says what it counts.)
  if (((noun === '' || (noun.length < 2 && noun !== '%' && quantity.kind !== 'money')) && !finalRole) || marketMove(nearBefore, mention, after)) return 'no-thing';
  // People killed, arrested, freed… are one count whatever the noun («عناصر», «منتسبين», «أشخاص»),
  // unless it names a category that splits a toll («أطفال», «مدنيين», «جنود»).
  // One counted thing under the names outlets give it («وزيرا» / «حقيبة»: `NOUN_CLASSES`).
  const nounClass = NOUN_CLASSES.get(noun) ?? noun;
  const thing =
    finalRole !== null && PERSON_ROLES.has(finalRole)
      ? CATEGORY_NOUNS.has(noun) ? `${finalRole}:${nounClass}` : finalRole
      : GENERIC_NOUNS.has(noun) && finalRole && !measure ? finalRole : keyRole ? `${nounClass}:${keyRole}` : nounClass;
  // «حق شراء عشر طائرات إضافية», «3000 جندي إضافي»: on top of another count (`EXTRA_WORDS`), in or after the counted phrase.
  const extra = [...mention.slice(Math.max(0, numberAt) + 1), ...after.slice(0, 3)].slice(0, 4).some((t) => t.kind === 'word' && EXTRA_WORDS.has(bareKey(t.key)));
  const listed = extra || listedPart(words.slice(clauseStart, clauseEnd + 1), after, quantity, noun, finalRole) || othersFollow(words.slice(lastIn + 1), finalRole) || laterPart(words, firstIn, lastIn, noun, finalRole) || anotherUntold(words, firstIn, lastIn, tokens.filter((t) => t.sentence !== undefined && t.sentence === (sentence[0]?.sentence ?? -2) + 1), finalRole);
  const growth = growthOf(words.slice(clauseStart, clauseEnd + 1)), rising = (finalRole !== null && RISING_ROLES.has(finalRole)) || growth.cumulative;
  const bound = boundOf(nearBefore, after);

  const speaker = claim.speakerSpan ?? null;
  const clause = { start: words[clauseStart]!.start, end: words[clauseEnd]!.end };
  // Subjects are the words of the names in the number's clause, as skeletons: «إسرائيل» and
  // «الجيش الإسرائيلي» share «سرل», «تحالف دولة القانون» and «ائتلاف دولة القانون» share «قنن»;
  // the heads «حزب», «وزارة»… say nothing of whose.
  const subjects = subjectsOf({ entities, tokens, words, clause: { start: clause.start, end: clause.end, first: clauseStart, last: clauseEnd }, quantity, speaker, nearBefore, role: finalRole, money: quantity.kind === 'money' });
  const frame = before
    .filter((t) => t.kind === 'word' && !FUNCTION_WORDS.has(t.key) && !FUNCTION_WORDS.has(bareKey(t.key)))
    .slice(-5)
    .map((t) => nounKey(nounForm(t)))
    .filter((k) => k.length >= 2 && !VALUE_WORDS.has(k));
  const period = periodOf(words, firstIn, lastIn, quantity);
  const { context: nearNumber, affiliation } = surroundings(words, { firstIn, lastIn, numberAt, clauseEnd }, noun);
  const context = [...nearNumber, ...leadContext(tokens, sentence, noun)];
  const scene = sceneOf(tokens, sentence, entities);
  return {
    thing,
    noun: nounClass,
    role: keyRole,
    value,
    valueMax,
    approx: quantity.approx && bound === null,
    bound,
    rising,
    update: growth.update,
    subgroup: subgroup || listed || partOfGroup(mention.slice(numberAt + 1), nearBefore),
    // A role names the thing («قتل … شخصا»): only a bare generic unit needs the same frame.
    generic: generic && finalRole === null,
    // Words first, then country tokens («@», «^» would sort first and push words out of the stored six).
    subjects: [...[...new Set(subjects)].filter((k) => k.length >= 2 && !SUBJECT_HEADS.has(k) && !isCountryToken(k)).sort(), ...[...new Set(subjects)].filter(isCountryToken).sort()],
    frame: [...new Set(frame)],
    period: [...new Set(period)].slice(0, 3),
    context: [...new Set(context)],
    contextOwn: new Set(nearNumber).size,
    affiliation: [...new Set(finalRole === 'sentenced' ? convictOf(words.slice(0, firstIn)) : affiliation.length > 0 ? affiliation : originOf(words.slice(clauseStart, clauseEnd + 1)))],
    scene: scene.scene,
    sceneOwn: scene.own,
    names: personNames(tokens, sentence, entities), localised: localIn(words), // a local unit named elsewhere (round 9)
    // «أطلق» after people held is their release («180 محتجزا أطلقوا»), never a firing; those «ما زالوا
    // في السجون» are the ones left, not the ones out.
    held: finalRole === 'arrested' && nounRole === 'arrested' && (contextRole === null || contextRole === 'fired') && !CATEGORY_NOUNS.has(noun) &&
      ![...nearBefore.slice(-3), ...after.slice(0, 5)].some((t) => t.kind === 'word' && STILL_WORDS.has(bareKey(t.key))),
  };
}
