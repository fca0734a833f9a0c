// A market's move (conflict round 10): «وتراجع سعر مزيج برنت 35 سنتا إلى 54.92 دولار», «انخفض المؤشر
// 8.28 نقطة». Pure.
import { normalise, searchKey } from '../text/normalise.js';
import type { FactToken } from './quantity-words.js';

/** A verb of a price's or an index's move, with its conjunction and person ending. */
const MOVE_VERB = /^(و|ف)?(تراجع|انخفض|ارتفع|صعد|هبط|زاد|نزل|خسر|كسب|قفز|تقدم|هوي|تهاوي|تحسن)(ت|وا|ا)?$/u;
/** Units only a market's move is counted in: cents, pence, an index's points. */
const MOVE_UNITS: ReadonlySet<string> = new Set(['سنت', 'سنتا', 'سنتات', 'بنس', 'بنسات', 'نقطة', 'نقطه', 'نقاط'].map((w) => searchKey(normalise(w))));
/** How far before the number the verb may stand (its subject between: «تراجع سعر مزيج برنت»). */
const VERB_REACH = 8;

const key = (t: FactToken): string => searchKey(normalise(t.text));

/**
 * Whether the number is a price's or an index's move in the day's trading: a move verb before it in
 * its clause and either a move's unit («35 سنتا», «8.28 نقطة») or the level it moved to right after
 * («… 90 سنتا إلى 51.83 دولار»). Such a figure is the moment's (each outlet files at its own hour,
 * and Brent's and US crude's moves stand side by side), not a fact outlets can disagree on: it is not
 * compared (SaudiNewsNet: every checked day had a story conflict of two outlets' cents).
 */
export function marketMove(nearBefore: readonly FactToken[], mention: readonly FactToken[], after: readonly FactToken[]): boolean {
  let verb = false;
  for (let i = nearBefore.length - 1, seen = 0; i >= 0 && seen < VERB_REACH; i--, seen++) {
    const t = nearBefore[i]!;
    if (t.kind === 'number' || t.kind === 'punct') break;
    if (t.kind === 'word' && MOVE_VERB.test(key(t))) {
      verb = true;
      break;
    }
  }
  if (!verb) return false;
  if ([...mention, ...after.slice(0, 1)].some((t) => t.kind === 'word' && MOVE_UNITS.has(key(t)))) return true;
  const to = after.findIndex((t) => t.kind === 'word' && /^(ا|إ)لى$/u.test(t.text));
  return to >= 0 && to <= 1 && after[to + 1]?.kind === 'number';
}
