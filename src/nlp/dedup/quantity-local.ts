// Whether a count is placed in a local unit by a head alone (conflict round 9): «خلفت العاصفة قتيلين
// في البلدية» (the mayor of Shahhat speaking), «توفي 9 أشخاص في المدينة وضواحيها», «أسفرت الحملة في
// المحافظة عن توقيف 17 شخصا». The unit is named elsewhere, often in words NER does not tag (a
// speaker's title, «معتمد منزل تميم»), so the count is that unit's, not the whole event's: two such
// tolls of one storm were read as one (I, J, K, spent). Pure.
import { normalise, searchKey } from '../text/normalise.js';
import type { FactToken } from './quantity-words.js';

const key = (word: string): string => searchKey(normalise(word));

/** Local units a definite head alone may point back to. Not «المنطقة» (a region's name too: «المنطقة الشرقية»). */
const LOCAL_HEADS = ['مدينة', 'بلدية', 'بلدة', 'معتمدية', 'محافظة', 'ولاية', 'قرية', 'إقليم', 'قضاء'];
const AFTER_IN: ReadonlySet<string> = new Set(LOCAL_HEADS.map((h) => key(`ال${h}`)));
const WITH_BI: ReadonlySet<string> = new Set(LOCAL_HEADS.map((h) => key(`بال${h}`)));
const IN = key('في');

/**
 * «في» + a definite local head («في البلدية») or «بال» + the head («بالمحافظة») among the number's
 * sentence words, the head not followed by a name of its own: a definite noun after it is an
 * adjective («في المدينة القديمة»: still the unit named before), a proper name after the bare head
 * («في مدينة البيضاء») is no back-pointing head and is not matched.
 */
export function localIn(words: readonly FactToken[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!;
    if (t.kind !== 'word') continue;
    if (WITH_BI.has(t.key)) return true;
    if (AFTER_IN.has(t.key) && i > 0 && words[i - 1]!.key === IN) return true;
  }
  return false;
}
