// Which of an article's stated numbers is its sole figure of a people role: the one toll, the one
// count of arrests (claims.ts marks them when it builds the digests and stores the mark;
// conflict-rules.ts reads it). Pure.
import type { ClaimDigest, DigestQuantity } from './claims.js';
import type { FactToken } from './quantity-words.js';
import { PERSON_ROLES, WHOLE_CATEGORY_NOUNS } from './quantity-lexicon.js';

/**
 * Sentences at the head of an article a sole figure must stand in: the event's toll is in its lead;
 * a figure deep in a long article is a roundup's (SaudiNewsNet 2015-08-04: Asharq Al-Awsat's 12
 * wounded in Ramadi against Al-Jazirah's 16 in Baquba, in two articles of one story on Iraq).
 */
export const SOLE_LEAD_SENTENCES = 3;

/**
 * A whole count of people with a role and no category («قتل 9 أشخاص», not «5 مدنيين»: that thing
 * is `killed:…`), stated exactly. An update («ارتفعت الحصيلة إلى 15») that is the article's one
 * figure of the role is its latest toll of the event: against another outlet's toll of the same
 * day it is a conflict (a later day's stays an update: conflict-rules.ts); conflict pairs C–G
 * (spent) label such same-day rises conflicts. Not a prison term: one trial's articles give the
 * terms of several defendants, one each (conflict pairs D, spent).
 */
function soleCandidate(q: DigestQuantity): boolean {
  const role = q.role ?? null;
  return role !== null && PERSON_ROLES.has(role) && q.countedKey === role && !q.subgroup && !q.approx && (q.bound ?? null) === null && q.valueMax === null;
}

/**
 * Marks the article's sole figure of a people role: the only value the article gives for the bare
 * role (killed, wounded, arrested…), counting every whole count of that role, of a category
 * («مدنيين»), an update or an approximation included (a second value makes neither sole). One
 * event's toll is its article's one figure of the role, so two outlets' sole figures in one story
 * are about that event even when they word its sentence differently («لقي خمسة أشخاص حتفهم …
 * جرفتهم سيول» / «خلفت الفيضانات 9 وفيات»): conflict-rules.ts compares them without asking the
 * sentences to share words.
 */
export function markSole(digests: ClaimDigest[], tokens: readonly FactToken[]): ClaimDigest[] {
  const inLead = (q: DigestQuantity): boolean => {
    const sentence = q.start === undefined ? undefined : tokens.find((t) => t.end > q.start!)?.sentence;
    return sentence !== undefined && sentence < SOLE_LEAD_SENTENCES;
  };
  const values = new Map<string, Set<number>>();
  for (const digest of digests) {
    for (const q of digest.quantities) {
      // Keyed by the role: «قتل 8 أشخاص» beside «5 مدنيين» (killed:civilian) is not the article's
      // one figure of the killed. A part named as such («بينهم 3 أطفال») is not a second figure.
      if (q.subgroup || q.role === undefined || q.role === null) continue;
      const seen = values.get(q.role) ?? new Set<number>();
      seen.add(q.value).add(q.valueMax ?? q.value);
      values.set(q.role, seen);
    }
  }
  return digests.map((digest) => ({
    ...digest,
    quantities: digest.quantities.map((q) => {
      const one = q.role !== undefined && q.role !== null && values.get(q.role)?.size === 1;
      // Civilians or fighters as the article's one figure of the role are its toll («مقتل 21 مدنيا في
      // قصف السوق» against another outlet's «35 قتيلا»): counted as the role alone, as the whole.
      // Not children or women: «ثمانية أطفال كانوا بين الضحايا» is a part (conflict pairs C–G, spent).
      // Only in the lead, as a sole figure: deep in a report it is a roundup's («إلى ذلك، قتل 13 مسلحا
      // … غربي محافظة مأرب» against the bodies found in Al-Anad base, SaudiNewsNet 2015-08-04).
      const whole = one && inLead(q) && !q.subgroup && q.noun !== undefined && WHOLE_CATEGORY_NOUNS.has(q.noun) && q.countedKey === `${q.role}:${q.noun}` ? { ...q, countedKey: q.role! } : q;
      return soleCandidate(whole) && values.get(whole.countedKey)?.size === 1 && inLead(whole) ? { ...whole, sole: true } : whole;
    }),
  }));
}

/** Quantities per claim whose sole-figure mark is stored (one bit each; from the ninth on, never marked). */
export const SOLE_BITS = 8;

/**
 * The stored byte of a claim's sole-figure marks: bit i for quantity i. The same bit carries a crowded
 * value's headline mark (crowded.ts, `markHeadline`): a sole figure is its article's only value of
 * the role, so it is never crowded, and the crowded flag says which mark a set bit is.
 */
export function soleMask(quantities: readonly { sole: boolean; headline?: boolean }[]): number {
  let mask = 0;
  for (let i = 0; i < Math.min(quantities.length, SOLE_BITS); i++) if (quantities[i]!.sole || quantities[i]!.headline === true) mask |= 1 << i;
  return mask;
}

/** A stored byte of one mark per quantity (`StoredQuantity.meetsNone`, `held`: round 7; `localised`: round 9): bit i for quantity i (the first 8). */
export function markMask(quantities: readonly { meetsNone?: boolean; held?: boolean; localised?: boolean }[], mark: 'meetsNone' | 'held' | 'localised'): number {
  let mask = 0;
  for (let i = 0; i < Math.min(quantities.length, SOLE_BITS); i++) if (quantities[i]![mark] === true) mask |= 1 << i;
  return mask;
}
