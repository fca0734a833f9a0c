// The role a number's count takes (quantity-facts.ts), from its noun's own role and the one its
// clause gives: a prison term, what happened to protesters, the cases of an illness. Pure.
import { normalise, searchKey } from '../text/normalise.js';
import { nounKey } from './skeleton.js';
import { bareKey, type FactToken } from './quantity-words.js';
import { ILLNESS_WORDS, OVERRIDING_ROLES, PERSON_ROLES } from './quantity-lexicon.js';

/** «حالة» (a case), as `nounKey` reads it. */
const CASE_NOUN = nounKey(searchKey(normalise('حالة')));

/**
 * Whether the number's sentence names an illness or a poisoning (`ILLNESS_WORDS`): its «حالة» are
 * people struck, the wounded («سجل المستشفى 64 حالة تسمم» is «أصيب 90 شخصا بتسمم» told otherwise).
 */
function namesIllness(sentence: readonly FactToken[]): boolean {
  return sentence.some(isIllness);
}

/** A word naming an illness, with its clitics («للاختناق», «بتسمم», «وبالكوليرا»). */
function isIllness(t: FactToken): boolean {
  if (t.kind !== 'word') return false;
  const bare = t.key.replace(/^[وف]?(لل|بال|كال|ال|ب|ل)?/u, '');
  return ILLNESS_WORDS.some((w) => bareKey(t.key).startsWith(w) || t.key.startsWith(w) || bare.startsWith(w));
}

/** The role a number's count takes, from its noun's own role and the one its clause gives. */
export function decideRole(at: { term: boolean; peopleRoleOnMeasure: boolean; nounRole: string | null; contextRole: string | null; noun: string; sentence: readonly FactToken[]; after: readonly FactToken[] }): string | null {
  const { nounRole, contextRole } = at;
  // A prison term (the claims reader's kind 'term': «بسجن … الودغيري ثماني سنوات») is a sentence,
  // whatever verb stands nearer («في قضية تهريب … خمس عشرة سنة»).
  if (at.term) return 'sentenced';
  if (at.peopleRoleOnMeasure) return nounRole;
  // Protesters a noun names («26 محتجا») are counted by what happened to them: «اعتقلت 26 محتجا»
  // counts the arrested, not the crowd.
  // Bodies and the dead a noun names («انتشلوا أربعين جثة») stay the killed when the verb says they
  // were recovered or moved: «انتشل خفر السواحل جثث 31 مهاجرا» is the same toll (conflict round 8; J).
  const overrides = contextRole !== null && nounRole !== 'killed' && (OVERRIDING_ROLES.has(contextRole) || (nounRole === 'participated' && PERSON_ROLES.has(contextRole)));
  const read = overrides ? contextRole : (nounRole ?? contextRole);
  // Cases of an illness («2100 حالة» of dengue, «الحالات المسجلة») are the people it struck: no role
  // read, or only that they were recorded, is the wounded.
  if (at.noun === CASE_NOUN && (read === null || read === 'registered') && namesIllness(at.sentence)) return 'wounded';
  // People struck by an illness or a poisoning the words right after them name («تعرض ثمانية أشخاص
  // للاختناق», «نقل 40 عاملا بتسمم»): the wounded, as «أصيب 14 نزيلا بحالات اختناق» says it.
  // Only «ب» or «ل» before the illness («تطعيم 30 ألف طفل ضد الحصبة» names none struck).
  const next = at.after[0];
  return read === null && next !== undefined && /^[وف]?[بل]/u.test(next.key) && isIllness(next) ? 'wounded' : read;
}
