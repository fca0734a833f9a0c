// What kind of sum an amount of money is (conflict round 9): a fine, the sum taken (embezzled, bribes),
// bail, damages, a loan, a contract's value. Two sums of one case or one project are different
// things when their kinds differ: «تغريمه 300 ألف دينار» and «المبالغ التي استولى عليها … تقارب
// مليوني دينار» (I, J, K, spent), «كفالة قدرها 50 ألف درهم» and «تعويض مدني قدره 200 ألف» (B), «قرض
// بقيمة 600 مليون دولار» and «قيمة عقد محطة التحلية … 1.4 مليار» (C, F). A sum with no kind read meets
// any (the stored `meetsNone`): one outlet's «بلغت قيمتها» is not another thing. Pure.
import { normalise, searchKey } from '../text/normalise.js';
import { bareKey, type FactToken } from './quantity-words.js';
import { THING_ROLES_MEET_NONE } from './quantity-lexicon.js';

const key = (word: string): string => bareKey(searchKey(normalise(word)));

/** The sum kinds and the word forms (clitics off) that name them. Whole forms, not stems: «عقدت» is a meeting held. */
const SUM_KIND_FORMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['sum-fine', ['غرامة', 'غرامات', 'غرامتها', 'غرامته', 'تغريم', 'تغريمه', 'تغريمها', 'تغريمهم', 'غرم', 'غرمت', 'يغرم']],
  ['sum-taken', ['اختلاس', 'اختلاسه', 'اختلس', 'اختلست', 'استولى', 'استيلاء', 'تبديد', 'بدد', 'نهب', 'سرقة', 'رشوة', 'رشى', 'رشاوى', 'رشاوي']],
  ['sum-bail', ['كفالة', 'كفالته', 'كفالتها']],
  ['sum-damages', ['تعويض', 'تعويضات', 'تعويضا', 'تعويضه']],
  ['sum-loan', ['قرض', 'قرضا', 'القرض', 'قروض']],
  ['sum-contract', ['عقد', 'عقدا', 'عقود', 'صفقة', 'صفقات']],
];

const KIND_OF_FORM: ReadonlyMap<string, string> = new Map(SUM_KIND_FORMS.flatMap(([kind, forms]) => forms.map((form) => [key(form), kind] as const)));

/** Sum kinds: a money quantity's role when no other role is kept (`meetsNone` in the stored digest). */
export const SUM_KINDS: ReadonlySet<string> = new Set(SUM_KIND_FORMS.map(([kind]) => kind));

/** A role that meets the same noun with no role read: what befell things (round 7), a sum's kind (round 9). */
export const meetsNoneRole = (role: string): boolean => THING_ROLES_MEET_NONE.has(role) || SUM_KINDS.has(role);

/** How far back in its clause a sum's kind word may stand («قيمة عقد محطة التحلية التي وقعتها الحكومة … 1.4 مليار»). */
const KIND_REACH = 12;

/** Pronoun endings a kind word may carry («اختلسها», «تغريمهم», «غرامتها» is listed whole). */
const PRONOUN_ENDING = /(?:هما|هم|ها|ه)$/u;

function kindOf(t: FactToken): string | null {
  if (t.kind !== 'word') return null;
  for (const form of [bareKey(t.key), t.key]) {
    const kind = KIND_OF_FORM.get(form) ?? KIND_OF_FORM.get(form.replace(PRONOUN_ENDING, ''));
    if (kind) return kind;
  }
  return null;
}

/**
 * The kind of a sum: the nearest kind word before the number in its clause (not past another number:
 * «بسجنه 7 سنوات وتغريمه 300 ألف» is a fine; the words before the term are the term's), else one of
 * the two words right after the counted phrase («300 ألف دينار غرامة»).
 */
export function sumKind(nearBefore: readonly FactToken[], after: readonly FactToken[]): string | null {
  for (let i = nearBefore.length - 1, seen = 0; i >= 0 && seen < KIND_REACH; i--) {
    const t = nearBefore[i]!;
    if (t.kind === 'number') break;
    if (t.kind !== 'word') continue;
    seen++;
    const kind = kindOf(t);
    if (kind) return kind;
  }
  for (const t of after.slice(0, 2)) {
    const kind = kindOf(t);
    if (kind) return kind;
  }
  return null;
}
