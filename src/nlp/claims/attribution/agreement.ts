// Gender and number agreement between a pronoun cue («وأضافت», «وتابعوا», «مؤكدة») and the earlier
// speaker it continues. Arabic verbs agree with their subject, so the cue's ending says which earlier
// speaker it can be: «وأضافت» after a minister (m) and a director (f) is the director's. The
// speaker's agreement comes from its head noun first (a person's given name, a title «وزيرة»,
// «المتحدثة», a plural «المسؤولون»), then from the verb of its own statement.
import { BROKEN_PLURAL_HEADS, FEMININE_GIVEN_NAMES, MASCULINE_GIVEN_NAMES } from '../lexicon/gender.js';
import { ANONYMOUS_HEADS, SOURCE_NOUNS } from '../lexicon/words.js';
import type { VerbMatch } from '../match-cue.js';
import { isWord, type Word } from '../words.js';
import type { AttributionContext } from './context.js';
import { PERSON_TITLES } from './constants.js';
import type { FoundAttribution, WordRange } from './types.js';

/** Masculine singular, feminine singular, plural (or dual). */
export type Agreement = 'm' | 'f' | 'pl';

const M: ReadonlySet<Agreement> = new Set(['m']);
const F: ReadonlySet<Agreement> = new Set(['f']);
const PL: ReadonlySet<Agreement> = new Set(['pl']);
// A non-human or broken plural takes a plural verb or a feminine singular one («وأضافت المصادر»).
const F_PL: ReadonlySet<Agreement> = new Set(['f', 'pl']);

const bare = (norm: string): string => (norm.startsWith('ال') && norm.length > 3 ? norm.slice(2) : norm);

/** What a verb form needs of its subject: «أضافت» f, «أضاف» m, «أضافوا/أضافا/مؤكدين» pl; null when it does not show. */
export function verbNeeds(v: VerbMatch | null | undefined, w: Word | undefined): Agreement | null {
  if (!v) return null;
  if (v.plural || (v.form === 'participle' && w !== undefined && /ين$/u.test(w.norm))) return 'pl';
  return v.gender;
}

/** A person's gender from the given name (the first word of the mention). */
function personAgreement(first: string): ReadonlySet<Agreement> {
  if (MASCULINE_GIVEN_NAMES.has(first)) return M;
  if (FEMININE_GIVEN_NAMES.has(first) || /ة$/u.test(first)) return F;
  return M;
}

/** The agreement a speaker's head noun takes; null when its words do not tell (an organisation's name). */
export function nounAgreement(cx: AttributionContext, range: WordRange): ReadonlySet<Agreement> | null {
  const h = cx.headIndex(range);
  const w = cx.words[h];
  if (!isWord(w)) return null;
  const m = cx.entityAt[h];
  const b = bare(w.norm);
  if (twoPeople(cx, h, range.last)) return PL;
  if (m && m.type === 'PER') return personAgreement(b);
  // «حماس قالت», «قالت واشنطن»: a name of an organisation or a place has the gender its verb shows.
  if (m) return null;
  if (MASCULINE_GIVEN_NAMES.has(b)) return M;
  if (FEMININE_GIVEN_NAMES.has(b)) return F;
  if (BROKEN_PLURAL_HEADS.has(b)) return F_PL;
  if (b.length >= 5 && /ات$/u.test(b)) return F_PL;
  // Sound masculine plurals: «المسؤولون», «دبلوماسيين» (names such as «ياسين» are short or tagged).
  if (b.length >= 6 && /(ون|ين)$/u.test(b)) return PL;
  if (/ة$/u.test(b)) return F;
  if (cx.has(ANONYMOUS_HEADS, h) || cx.has(SOURCE_NOUNS, h) || w.norm.startsWith('ال')) return M;
  return null;
}

/**
 * «الوزير X ونظيره Y», «سلمى يوسف وكريم ناصر»: two people joined by «و» take a dual or plural verb.
 * Not one institution with «و» in its name («وزارة التخطيط والتعاون الدولي»), one person with two
 * titles («المؤسسة المشاركة والرئيسة التنفيذية … نورهان الدسوقي»), nor a name that opens with the
 * letter «و» («وسام», tagged from that letter).
 */
function twoPeople(cx: AttributionContext, from: number, last: number): boolean {
  const people = new Set<unknown>();
  let joined = false;
  for (let k = from; k <= last; k++) {
    const x = cx.words[k];
    const e = cx.entityAt[k] ?? null;
    if (e !== null && e.type === 'PER') people.add(e);
    if (!isWord(x) || k === from || x.token.segments.length < 2 || x.token.segments[0] !== 'و') continue;
    if (/^نظير/u.test(x.stem)) return true;
    if ((e !== null && e.type === 'PER' && e !== cx.entityAt[k - 1] && e.start > x.token.start) || PERSON_TITLES.has(x.stem)) joined = true;
  }
  return joined && people.size >= 2;
}

/** The agreement of a statement's speaker: its head noun, else the verb of that statement. */
export function speakerAgreement(cx: AttributionContext, f: FoundAttribution): ReadonlySet<Agreement> | null {
  if (!f.speaker) return null;
  const byNoun = nounAgreement(cx, f.speaker);
  if (byNoun) return byNoun;
  // «ونقلت الوكالة عن القيادي»: that verb agrees with the outlet, not with the person quoted.
  if (f.verb === null || f.verb.speakerAfterPrep === true) return null;
  const need = verbNeeds(cx.verbAt[f.cue.first], cx.words[f.cue.first]);
  if (need === null) return null;
  // A verb before its subject stays singular for a plural subject («وقال مسؤولون»).
  const verbFirst = !f.speaker.resolved && f.speaker.first > f.cue.first;
  if (verbFirst && need !== 'pl') return new Set<Agreement>([need, 'pl']);
  return new Set<Agreement>([need]);
}
