// Parts of a breakdown: a count that is one of several of the same thing in its sentence
// («75 شاحنة عبر أدري و45 شاحنة عبر الطينة», «سفينة تحمل 30 ألف طن … فيما وصلت شحنة ثانية حجمها 18
// ألف طن»). A part is never compared with another outlet's total (`QuantityFacts.subgroup`). Pure.
import { nounKey } from './skeleton.js';
import { bareKey, nounForm, roleOf, type FactToken } from './quantity-words.js';
import { normalise, searchKey } from '../text/normalise.js';
import { FUNCTION_WORDS, NUMBER_WORDS, PERSON_ROLES, UNIT_SCALES } from './quantity-lexicon.js';
import { roleNear } from './quantity-near.js';

/**
 * A token's noun as the counted noun is compared, after `UNIT_SCALES` («طن» is read as grams): the
 * counted noun reaches these rules scaled, so «30 ألف طن من القمح و12 ألف طن» did not see its
 * second tonnage as the same noun (conflict pairs E, G, H, spent: shipments told whole and in parts).
 */
function unitNoun(t: FactToken): string {
  const noun = nounKey(nounForm(t));
  return UNIT_SCALES.get(noun)?.[0] ?? noun;
}

/** One of the parts of a breakdown («75 شاحنة عبر أدري و45 شاحنة عبر الطينة», «7 مدنيين و5 من رجال الشرطة»). */
export function listedPart(clause: readonly FactToken[], after: readonly FactToken[], quantity: { start: number; end: number }, noun: string, role: string | null): boolean {
  const firstAfter = after[0];
  // «35 قتيلا و60 جريحا» are two counts of two things, not two parts of one («75 شاحنة … و45 شاحنة»).
  const nextRole = after[1] !== undefined && after[1].kind === 'word' ? roleOf(after[1].key) : null;
  if (firstAfter !== undefined && firstAfter.kind === 'number' && /^و/u.test(firstAfter.key) && (nextRole === null || nextRole === role)) return true;
  // «مقتل متعاقدين أجنبيين وتسعة عراقيين»: a count joined by «و» to the one before it is the next part.
  const mention = clause.filter((t) => t.start < quantity.end && t.end > quantity.start);
  const ownAt = mention.findIndex((t) => t.kind === 'number' || NUMBER_WORDS.has(bareKey(t.key)) || NUMBER_WORDS.has(t.key.replace(/^و/u, '')));
  const own = mention[ownAt];
  // «مئتين وخمسين هكتارا», «ثلاثمئة وأربعين»: the «و» joins one number written in words (conflict
  // round 8; H, I, J, spent: four totals read as parts; «أربعا وعشرين» too), not a count to the one before it.
  const compound = mention.slice(0, Math.max(0, ownAt)).some((t) => t.kind === 'number' || NUMBER_WORDS.has(bareKey(t.key).replace(/ا$/u, '')) || NUMBER_HEADS.test(bareKey(t.key)));
  // The part before may be a number, a number word or a dual («متعاقدَين»; not a particle such as «إن»).
  const dual = (t: FactToken) => /(ين|ان)$/u.test(t.key) && t.key.length >= 5 && !FUNCTION_WORDS.has(t.key) && !FUNCTION_WORDS.has(bareKey(t.key));
  if (own && !compound && /^و/u.test(own.key) && clause.some((t) => t.end <= quantity.start && (t.kind === 'number' || NUMBER_WORDS.has(bareKey(t.key)) || dual(t)))) return true;
  // «توفي 3 أشخاص في بلدة تل تمر واثنان في الدرباسية»: a count after it with no noun of its own,
  // joined by «و» and placed by «في», is the next part of one toll (conflict round 8; J, spent).
  const ownEnd = clause.findIndex((t) => t.start >= quantity.end);
  if (ownEnd >= 0 && clause.slice(ownEnd).some((t, i, rest) => joinedBare(t) && rest[i + 1] !== undefined && rest[i + 1]!.kind === 'word' && PLACE_AFTER.has(rest[i + 1]!.key))) return true;
  if (noun === '') return false;
  // Another count of the same noun in the clause, in digits, or in words joined by «و» («قتيلين في
  // أريحا وثلاثة قتلى في محمبل»; not a vague «وتضرر مئات المساكن»).
  const isNumber = (t: FactToken) => t.kind === 'number' || (/^و/u.test(t.key) && NUMBER_WORDS.has(t.key.slice(1)) && !VAGUE_WORDS.has(t.key.slice(1)));
  return clause.some(
    (t, i) => isNumber(t) && (t.end <= quantity.start || t.start >= quantity.end) && clause.slice(i + 1, i + 3).some((n) => n.kind === 'word' && unitNoun(n) === noun),
  );
}

/** Hundreds and scales written in words («مئتين», «ثلاثمئة», «ألف»): the head of a number the next «و» goes on. */
const NUMBER_HEADS = /(مءه|مءت|ماءه|ماءت|الف|الاف|مليون|ملايين|مليار)/u;

/** A count joined by «و» («واثنان», «و4»): the next part of a breakdown when no noun follows it. */
function joinedBare(t: FactToken): boolean {
  if (!/^و/u.test(t.key)) return false;
  const rest = t.key.slice(1);
  return t.kind === 'number' || (NUMBER_WORDS.has(rest) && !VAGUE_WORDS.has(rest));
}
/** «في», «ب…» after a bare count: where this part of the count was (keys). */
const PLACE_AFTER: ReadonlySet<string> = new Set(['في', 'بمدينة', 'ببلدة', 'بمحافظة', 'بولاية', 'بقرية'].map((w) => searchKey(normalise(w))));

/** Number words that state no count («عشرات», «مئات»). */
const VAGUE_WORDS: ReadonlySet<string> = new Set(['عشرات', 'مئات'].map((w) => searchKey(normalise(w))));

/** «آخر», «آخرون», «آخرين», «آخران», «أخرى» as keys: the rest of a count named before. */
const OTHERS = /^(اخر|اخرون|اخرين|اخران|اخرى|اخري)$/u;

/**
 * A count followed in its sentence by «N آخرون» of the same people is one part of a breakdown
 * («استقبل مستشفى الحسين 31 مصابا، فيما نقل 19 آخرون إلى مستشفى الهندية»: 50 in all), unless a
 * word of another people role stands between («قتل 5 وأصيب 3 آخرون»: the 3 are the wounded).
 */
export function othersFollow(rest: readonly FactToken[], role: string | null): boolean {
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i]!;
    if (t.kind === 'word') {
      const other = roleOf(t.key);
      if (other !== null && other !== role && PERSON_ROLES.has(other)) return false;
    }
    if (t.kind !== 'number' && !NUMBER_WORDS.has(bareKey(t.key))) continue;
    const next = rest[i + 1];
    if (next !== undefined && next.kind === 'word' && OTHERS.test(bareKey(next.key))) return true;
  }
  return false;
}

const word = (w: string): string => bareKey(searchKey(normalise(w)));

/**
 * Words that introduce a further part of what the sentence counted before: «الثانية», «شحنة ثانية»,
 * «أخرى», and the joins «إضافة إلى», «فضلا عن», «علاوة على».
 */
const FURTHER_MARKERS: ReadonlySet<string> = new Set(['الثانية', 'ثانية', 'الثاني', 'ثاني', 'أخرى', 'آخر', 'الأخرى'].map(word));
const JOIN_MARKERS: ReadonlySet<string> = new Set(['إضافة', 'بالإضافة', 'فضلا', 'علاوة'].map(word));
/** Words after a joined count that say it names no noun of its own («إضافة إلى 700 عبر معبر»). */
const NO_NOUN_AFTER: ReadonlySet<string> = new Set(['عبر', 'من', 'في', 'إلى', 'على', 'عن', 'خلال', 'داخل', 'بين', 'آخرين', 'آخرون', 'أخرى'].map(word));

const isCount = (t: FactToken): boolean => t.kind === 'number' || NUMBER_WORDS.has(bareKey(t.key));

/**
 * A count in the sentence introduced as a further part (`FURTHER_MARKERS` or `JOIN_MARKERS` among
 * the three words before it) of the same noun (among the three words after it; a join needs no noun
 * when none follows: «عاد 1300 لاجئ … إضافة إلى 700 عبر معبر باب السلامة»). No people role of
 * another kind between the two («قتل 5 … وأصيب 3 آخرون» are the wounded).
 */
function furtherCount(words: readonly FactToken[], at: number, noun: string): boolean {
  const t = words[at]!;
  if (!isCount(t)) return false;
  const before = words.slice(Math.max(0, at - 3), at).filter((w) => w.kind === 'word');
  const further = before.some((w) => FURTHER_MARKERS.has(bareKey(w.key)));
  const join = before.some((w) => JOIN_MARKERS.has(bareKey(w.key)));
  if (!further && !join) return false;
  const after = words.slice(at + 1, at + 4);
  if (noun !== '' && after.some((w) => w.kind === 'word' && unitNoun(w) === noun)) return true;
  const next = words[at + 1];
  return join && (next === undefined || next.kind === 'punct' || FUNCTION_WORDS.has(next.key) || NO_NOUN_AFTER.has(bareKey(next.key)));
}

/**
 * One part of a breakdown told across the sentence: a further part of the same thing after the
 * number («تحمل 30 ألف طن من القمح، فيما وصلت شحنة ثانية حجمها 18 ألف طن»), or the number itself
 * introduced as a further part after an earlier count of it («نقلت الأولى 25 ألف طن، والثانية 15
 * ألف طن»). `firstIn`, `lastIn`: the number's mention among the sentence's `words`.
 */
export function laterPart(words: readonly FactToken[], firstIn: number, lastIn: number, noun: string, role: string | null): boolean {
  for (let i = lastIn + 1; i < words.length; i++) {
    const t = words[i]!;
    if (t.kind === 'word') {
      const other = roleOf(t.key);
      if (other !== null && other !== role && PERSON_ROLES.has(other)) return false;
    }
    if (furtherCount(words, i, noun)) return true;
  }
  // The number itself a further part: an earlier count of the same noun in the sentence.
  const numberAt = words.slice(firstIn, lastIn + 1).findIndex(isCount);
  if (noun === '' || numberAt < 0 || !furtherCount(words, firstIn + numberAt, noun)) return false;
  return words.slice(0, firstIn).some((t, i) => isCount(t) && words.slice(i + 1, i + 4).some((n) => n.kind === 'word' && unitNoun(n) === noun));
}

/** «آخر», «أخرى» (keys): one other of a thing. */
const ANOTHER_ONE = /^(اخر|اخرى|اخري)$/u;

/** Nouns that take «أخرى» for another turn of speech, not another of a thing («مرة أخرى», «من جهة أخرى»). */
const NOT_ANOTHER: ReadonlySet<string> = new Set(['مرة', 'جهة', 'ناحية', 'أحيان', 'بعبارة', 'كلمة'].map((w) => nounKey(word(w))));

/** Words that name no thing another of which may follow. */
const isNounWord = (t: FactToken): boolean => t.kind === 'word' && !FUNCTION_WORDS.has(t.key) && !FUNCTION_WORDS.has(bareKey(t.key)) && !NUMBER_WORDS.has(bareKey(t.key));

/**
 * A count told as one of two or more, the other given without its number (conflict round 9; G, H,
 * K, spent: consistent sums read as conflicts). After the number, in its sentence or the next, «N
 * آخر» / «N أخرى» names another of a noun N of the number's sentence: «توفي 3 أشخاص في حريق شب
 * بمنزلهم … وأودى حريق آخر بحياة شقيقين», «وصول شحنة من 40 ألف طن … وقال إن شحنة أخرى رست في
 * عنابة»; or bare «آخرون» follow a count of people in its sentence with no other people role
 * between («11 مصابا نقلوا إلى المستشفى، فيما أسعف آخرون في الموقع»). The count is then a part,
 * never compared with another outlet's whole. `words`: the number's sentence; `next`: the one after.
 */
export function anotherUntold(words: readonly FactToken[], firstIn: number, lastIn: number, next: readonly FactToken[], role: string | null): boolean {
  const later = [...words.slice(lastIn + 1), ...next.filter((t) => t.kind !== 'space')];
  // The nouns of the number's sentence before a place in `later` (not the «N آخر» itself).
  const ownBefore = (at: number) => new Set([...words.slice(0, firstIn), ...later.slice(0, Math.min(at, words.length - lastIn - 1))].filter(isNounWord).map((t) => nounKey(nounForm(t))));
  for (let i = 1; i < later.length; i++) {
    const t = later[i]!;
    // One other, singular («آخر», «أخرى»): «قاربين آخرين عادا» are other boats, not the rest of this count.
    if (t.kind !== 'word' || !ANOTHER_ONE.test(bareKey(t.key))) continue;
    const before = later[i - 1]!;
    // «بنحو 900 مسكن آخر»: a further count with its number is `laterPart`'s (with its role checks).
    if (!isNounWord(before) || (i > 1 && isCount(later[i - 2]!))) continue;
    const noun = nounKey(nounForm(before));
    if (!NOT_ANOTHER.has(noun) && ownBefore(i - 1).has(noun)) return true;
  }
  // Bare «آخرون» after a count of people, in its own sentence (a number before it is `othersFollow`'s).
  if (role === null || !PERSON_ROLES.has(role)) return false;
  const rest = words.slice(lastIn + 1);
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i]!;
    if (t.kind !== 'word') continue;
    const other = roleOf(t.key);
    if (other !== null && other !== role && PERSON_ROLES.has(other)) return false;
    if (/^(اخرون|اخرين)$/u.test(bareKey(t.key)) && (i === 0 || !isCount(rest[i - 1]!))) return true;
  }
  return false;
}

/** «من» as a key. */
const FROM = bareKey(searchKey(normalise('من')));

/**
 * «خرج اثنان من الجرحى التسعة من المستشفى», «ثلاثة من القتلى أطفال»: a count of the definite role
 * noun after «من» (`tail`: the counted phrase after the number), with no role before it, is a part
 * of the group that noun names (conflict round 10, SaudiNewsNet 2015-07-25: two of the nine wounded
 * against the seven wounded). Not «من عناصر …» (no role noun), nor «توفي 3 من المصابين» (the role
 * before it says that many died).
 */
export function partOfGroup(tail: readonly FactToken[], nearBefore: readonly FactToken[]): boolean {
  const [from, noun] = tail;
  if (from === undefined || noun === undefined || bareKey(from.key) !== FROM || noun.kind !== 'word') return false;
  return /^ال/u.test(searchKey(normalise(noun.text))) && roleOf(noun.key) !== null && roleNear(nearBefore, []).role === null;
}
