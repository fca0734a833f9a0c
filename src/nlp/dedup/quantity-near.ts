// What the words right next to a number say of it (quantity-facts.ts): its bound («على الأقل», «لا
// يتجاوز») and its role, what happened to what it counts (the nearest role word, a long clause's
// overriding verb, «عدد» + a role, a verb after the counted phrase), and whether it is a part. Pure.
import type { Bound } from './quantity-facts.js';
import { normalise, searchKey } from '../text/normalise.js';
import { bareKey, roleAt, roleOf, type FactToken } from './quantity-words.js';
import { AFTER_ROLES, LOWER_AFTER, LOWER_BEFORE, NUMBER_WORDS, OVERRIDING_ROLES, PART_AFTER_MARKERS, SUBGROUP_MARKERS, UPPER_AFTER, UPPER_BEFORE } from './quantity-lexicon.js';

/** Whether `sequence` occurs as whole words in `words`, anywhere (`anywhere`) or at their start. */
function hasSequence(words: readonly string[], sequence: readonly string[], anywhere: boolean): boolean {
  for (let i = 0; i + sequence.length <= words.length; i++) {
    if (sequence.every((word, k) => words[i + k] === word || bareKey(words[i + k]!) === word)) return true;
    if (!anywhere) return false;
  }
  return false;
}

/**
 * «قضى» right before the count opens a verb-first toll («قضى 9 أشخاص في انفجار», «قضى شخصان
 * وأصيب ستة آخرون»): they died. Only there: «قضت المحكمة بسجنه» and «قضى 20 عاما» (a time frame,
 * never a claim figure) are other senses (conflict round 7).
 */
const DIED_BEFORE: ReadonlySet<string> = new Set(['قضى', 'قضت', 'قضوا', 'قضين'].map((w) => bareKey(searchKey(normalise(w)))));

/**
 * «أخلى» evacuates people only when the count follows it closely («أخلت السلطات 45 أسرة», «إخلاء 120
 * عائلة»); farther on it is a building emptied («أخلت اليوم مبنى مكونا من سبعة طوابق»).
 */
const NEAR_ONLY_FORMS = /^(?:[وف])?(?:ل|ب)?(?:ال)?(?:اخلي|اخلت|اخلاء|اخلوا)/u;

/** «بين» as a key: «من بين الضحايا» before a count makes it a part of the toll (conflict round 8). */
const AMONG = bareKey(searchKey(normalise('بين')));

/** Roles of things read from the word right after the counted phrase only (not a later clause's verb). */
const THING_AFTER_ROLES: ReadonlySet<string> = new Set(['damaged', 'destroyed']);

/** What a bound before a number may be of, written inside it («لا تقل قيمته عن»): keys without clitics. */
const BOUND_OF_WORDS: ReadonlySet<string> = new Set(['قيمته', 'قيمتها', 'قيمتهم', 'عدده', 'عددها', 'عددهم', 'حجمه', 'حجمها', 'مساحته', 'مساحتها', 'طوله', 'طولها', 'مبلغه', 'كلفته', 'كلفتها', 'تكلفته', 'تكلفتها'].map((w) => searchKey(normalise(w))));

/** Bound read from the words before the number (inside or outside its mention) and after its counted phrase. */
export function boundOf(before: readonly FactToken[], after: readonly FactToken[]): Bound {
  // «لا تقل قيمته عن 30 مليون», «لا يقل عددهم عن»: the noun the bound is of may stand inside it.
  const prev = before.filter((t) => !BOUND_OF_WORDS.has(bareKey(t.key))).slice(-4).map((t) => t.key);
  // The bound may follow the role word that closes the phrase: «لقي 30 شخصا مصرعهم على الأقل».
  const skip = after[0] !== undefined && after[0].kind === 'word' && roleOf(after[0].key) !== null ? 1 : 0;
  const next = after.slice(skip, skip + 3).map((t) => t.key);
  // Upper first: «لا يتجاوز» holds «يتجاوز».
  if (UPPER_BEFORE.some((p) => hasSequence(prev, p, true)) || UPPER_AFTER.some((p) => hasSequence(next, p, false))) return 'upper';
  if (LOWER_BEFORE.some((p) => hasSequence(prev, p, true)) || LOWER_AFTER.some((p) => hasSequence(next, p, false))) return 'lower';
  return null;
}

/**
 * The role of a number: the nearest role word before it in its clause (a subgroup marker, «بينهم»,
 * stops the search: the part is not the whole's role), else one just after its counted phrase.
 */
export function roleNear(nearBefore: readonly FactToken[], after: readonly FactToken[]): { role: string | null; subgroup: boolean } {
  let role: string | null = null;
  let subgroup = false;
  for (let i = nearBefore.length - 1, seen = 0; i >= 0 && seen < 6; i--, seen++) {
    const t = nearBefore[i]!;
    if (t.kind === 'number') break;
    if (seen === 0 && t.kind === 'word' && DIED_BEFORE.has(bareKey(t.key))) {
      role = 'killed';
      break;
    }
    if (SUBGROUP_MARKERS.has(t.key)) {
      subgroup = true;
      break;
    }
    role = roleAt(nearBefore, i);
    if (role && seen > 3 && NEAR_ONLY_FORMS.test(t.key)) role = null;
    // «من بين الضحايا عاملين في المطعم», «بين القتلى 3 أطفال»: a part of the toll the role word names.
    if (role && i > 0 && bareKey(nearBefore[i - 1]!.key) === AMONG) subgroup = true;
    if (role) break;
  }
  // What happened to them now may open a long clause («أحالت الشرطة القضائية في بركان مساء اليوم 17
  // موقوفا»): farther back, the first role word is taken when it is one that overrides the noun's.
  for (let i = nearBefore.length - 7; !role && !subgroup && i >= 0; i--) {
    const found = nearBefore[i]!.kind === 'number' ? 'stop' : roleAt(nearBefore, i);
    if (found === 'stop' || (found && !OVERRIDING_ROLES.has(found))) break;
    if (found && NEAR_ONLY_FORMS.test(nearBefore[i]!.key)) continue;
    role = found;
  }
  // «بلغ عدد المفقودين … 37», «عدد الموقوفين … 24 مشتبها»: the clause names what it counts, whatever
  // verb stands nearer the number («في غرق الزورق … بلغ 37» is not a toll of the drowned).
  const counted = nearBefore.findIndex((t, i) => bareKey(t.key) === 'عدد' && nearBefore[i + 1]?.kind === 'word' && roleOf(nearBefore[i + 1]!.key) !== null);
  if (counted >= 0 && !subgroup) role = roleOf(nearBefore[counted + 1]!.key);
  if (!role && !subgroup) {
    // After the counted phrase only what happened to it («قتلوا», «أجلوا», «صاروخا أطلقت»), never a
    // later clause's verb («15 محطة تمتد من…», «لكل أسرة انهار منزلها»).
    for (const [i, t] of after.slice(0, 3).entries()) {
      if (t.kind === 'number') break;
      const found = roleAt(after, i);
      // A participle right after the counted phrase says what befell it («180 خيمة متضررة»).
      if (found && (AFTER_ROLES.has(found) || (i === 0 && THING_AFTER_ROLES.has(found)))) {
        role = found;
        break;
      }
    }
  }
  // «13 بحارا ما زالوا في عداد المفقودين», «في عداد القتلى»: the phrase says which count they are in,
  // a few words on from the counted phrase (conflict round 8; J, spent).
  if (!role && !subgroup) {
    const at = after.slice(0, 6).findIndex((t, i) => bareKey(t.key) === 'عداد' && i + 1 < after.length && after[i - 1]?.key === 'في');
    const found = at >= 0 && after[at + 1]!.kind === 'word' ? roleOf(after[at + 1]!.key) : null;
    if (found !== null && AFTER_ROLES.has(found)) role = found;
  }
  // «40 صاروخا منها» refers back to a larger count; «14 وزيرا بينهم ثلاثة» names a part of this one.
  // «بينهم طفلان», «بينهم نساء وأطفال» name a part of this count whether or not in digits: this one is the whole.
  const marker = after.slice(0, 2).findIndex((t) => SUBGROUP_MARKERS.has(t.key) && !PART_AFTER_MARKERS.has(t.key));
  if (!subgroup && marker >= 0 && !after.slice(marker + 1, marker + 3).some((t) => t.kind === 'number' || NUMBER_WORDS.has(bareKey(t.key)))) subgroup = true;
  return { role, subgroup };
}
