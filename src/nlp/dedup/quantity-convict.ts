// Whose prison term (conflict round 9): two defendants of one trial were one count («بسجن المتهم
// الأول … 10 سنوات» / «حكمت على موظف الجمارك … بالسجن ثلاث سنوات»; B, C, J, K, spent). A term's
// convict is read from its sentence before the number: a defendant's rank («المتهم الأول»,
// «الثاني», «الرئيسي») first, else the first convict noun («موظف», «مدير»). Kept as the term's group
// (`affiliation`): two groups that share nothing are two people. Pure.
import { normalise, searchKey } from '../text/normalise.js';
import { nounKey } from './skeleton.js';
import { bareKey, nounForm, type FactToken } from './quantity-words.js';

const key = (word: string): string => bareKey(searchKey(normalise(word)));

const DEFENDANT = key('المتهم');
/** Ranks of a defendant (keys) and the group word each is stored as. */
const RANKS: ReadonlyMap<string, string> = new Map([
  ['الأول', '#rank1'], ['الثاني', '#rank2'], ['الثالث', '#rank3'], ['الرابع', '#rank4'], ['الرئيسي', '#rank1'],
].map(([w, r]) => [key(w!), r!] as const));
/** Nouns that name who a convict is (occupations, offices), as `nounKey`. */
const CONVICT_NOUNS: ReadonlySet<string> = new Set(['موظف', 'موظفة', 'مدير', 'مديرة', 'مسؤول', 'ضابط', 'شرطي', 'محاسب', 'وزير', 'رئيس', 'نائب', 'قاض', 'محام', 'طبيب', 'مستشار', 'عامل', 'تاجر'].map((w) => nounKey(key(w))));

/**
 * One group word for every convict named by a noun: two such descriptions are not told apart
 * («موظف سابق» / «الموظف السابق في الجمارك», «مدير» / «موظفة» alike: telling nouns apart lost 5 real
 * discrepancies on C, E, H, I, K), only a ranked defendant from a convict described otherwise.
 */
const NAMED_BY_NOUN = '#noun';

/** The convict of a prison term: `[rank]`, a convict noun (`NAMED_BY_NOUN`), or none read. `before`: the sentence's words before the number. */
export function convictOf(before: readonly FactToken[]): string[] {
  for (let i = 0; i + 1 < before.length; i++) {
    if (bareKey(before[i]!.key) !== DEFENDANT) continue;
    const rank = RANKS.get(bareKey(before[i + 1]!.key));
    if (rank) return [rank];
  }
  for (const t of before) {
    if (t.kind !== 'word') continue;
    const noun = nounKey(nounForm(t));
    if (CONVICT_NOUNS.has(noun)) return [NAMED_BY_NOUN];
  }
  return [];
}
