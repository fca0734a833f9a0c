// Whose count a number is (quantity-facts.ts): the names of its clause as skeletons, the country
// tokens of places and of a country's adjective (place-country.ts), and the agent before the number.
import { nounKey } from './skeleton.js';
import { isCountryToken, nisbaToken, placeMatch } from './place-country.js';
import { FUNCTION_WORDS, GROUP_HEADS, SUBJECT_HEAD_FORMS, SUBJECT_HEADS } from './quantity-lexicon.js';

/** Words that open a place's name and name nothing alone («ذي قار», «أبو ظبي», «بني خلاد»). */
const PLACE_PARTICLES: ReadonlySet<string> = new Set(['ذي', 'ذو', 'أبو', 'بني', 'بنى', 'عين', 'رأس', 'تل', 'سيدي'].map((w) => searchKey(normalise(w))));
import { bareKey, nounForm, roleOf, type FactEntity, type FactToken } from './quantity-words.js';
import { normalise, searchKey } from '../text/normalise.js';

/**
 * What a name in the clause says of whose count it is: the skeletons of its words, and for a place
 * its country token («الرياض» → «^SA», «السعودية» → «@SA»: place-country.ts).
 */
function entitySubjects(e: FactEntity & { start: number; end: number }, tokens: readonly FactToken[]): string[] {
  const place = e.type === undefined || e.type === 'LOC' ? placeWords(e, tokens) : null;
  if (place) return place.token === null ? place.keys : [...place.keys, place.token];
  // A word the span cuts a proclitic off («بالموصل», span «الموصل») is the name's too: its noun form drops the clitic.
  return tokens.filter((t) => t.kind === 'word' && t.end > e.start && t.start < e.end).map((t) => nounKey(nounForm(t)));
}

const wordKey = (word: string): string => nounKey(bareKey(searchKey(normalise(word))));

/**
 * A place mention's words as noun keys and its country token (place-country.ts). The mention's own
 * text: a proclitic outside the span («بالرياض», span «الرياض») is not the name's, even when the
 * stemmer leaves it on an unknown word («بصفاقس»); and (conflict round 7) a place found less a
 * proclitic NER kept inside the span («بجرجيس») or less a state's title («سلطنة عمان») is named by
 * the words found. Both outlets' «صفاقس» is then one word, as the scene and the subjects compare it.
 */
export function placeWords(e: FactEntity & { start: number; end: number }, tokens: readonly FactToken[]): { keys: string[]; token: string | null } {
  const inside = tokens.filter((t) => t.kind === 'word' && t.end > e.start && t.start < e.end);
  const mention = inside.map((t) => t.text.slice(Math.max(0, e.start - t.start), e.end - t.start));
  const match = placeMatch(mention.join(' '));
  if (match && (match.words.length !== mention.length || match.words[0] !== mention[0])) return { keys: match.words.map((w) => ownKey(w, wordKey(w))), token: match.token };
  // A word the span cuts a proclitic off: the part inside the span; otherwise the token's noun form.
  const keys = inside.map((t, i) => (t.start < e.start ? wordKey(mention[i]!) : nounKey(nounForm(t))));
  return { keys: keys.map((k, i) => ownKey(mention[i]!, k)), token: match?.token ?? null };
}

/**
 * A known place's word whose skeleton is a head's or a particle's («قار» of «ذي قار» is «قرية»'s «قر»,
 * «المنيا» is «من», «نوى» one letter) is kept as written («=قار»), so the place is not lost from the
 * subjects and the scene (conflict round 8; E, J, spent: a governorate read as no place at all).
 */
function ownKey(word: string, k: string): string {
  const form = bareKey(searchKey(normalise(word))).replace(/^ال/u, '');
  if (k.length >= 2 && !SUBJECT_HEADS.has(k) && !FUNCTION_WORDS.has(k)) return k;
  if (form.length < 3 || SUBJECT_HEAD_FORMS.has(form) || FUNCTION_WORDS.has(form) || PLACE_PARTICLES.has(form)) return k;
  return `=${form}`;
}

/** A name the subjects are read from: PER, ORG, LOC (or untyped), with its span. */
function isSubjectEntity(e: FactEntity): e is FactEntity & { start: number; end: number } {
  return e.start !== undefined && e.end !== undefined && (e.type === undefined || e.type === 'PER' || e.type === 'ORG' || e.type === 'LOC');
}

/**
 * The agent of a count: the names between its verb and the number («أطلقت روسيا 87 مسيرة», «أطلقت
 * أوكرانيا 31 مسيرة», «رحلت السلطات الجزائرية 450»), as subject keys. When there is one it is whose
 * count this is, and the sentence's other names (the target, the place) are not (conflict pairs B:
 * each side's drones, both countries named in both sentences).
 */
/**
 * Roles whose verb's subject owns the count: who fired, intercepted, arrested, released, abducted,
 * evacuated or won. Not a sentence: the name after «بسجن» is the convict, and the court's city
 * elsewhere in the clause is as much the subject (one outlet names the court, the other the man).
 */
const AGENT_ROLES: ReadonlySet<string> = new Set(['fired', 'intercepted', 'arrested', 'released', 'abducted', 'evacuated', 'won', 'deployed']);

function agentOf(nearBefore: readonly FactToken[], entities: readonly FactEntity[], tokens: readonly FactToken[], numberStart: number): string[] {
  const roleAt = nearBefore.findLastIndex((t) => t.kind === 'word' && roleOf(t.key) !== null);
  if (roleAt < 0) return [];
  const from = nearBefore[roleAt]!.end;
  const agent: string[] = [];
  for (const e of entities) if (isSubjectEntity(e) && e.start >= from && e.end <= numberStart) agent.push(...entitySubjects(e, tokens));
  for (const t of nearBefore.slice(roleAt + 1)) {
    const country = t.kind === 'word' ? nisbaToken(t.text) : null;
    if (country) agent.push(country);
  }
  return agent.filter((k) => k.length >= 2 && !SUBJECT_HEADS.has(k));
}

/**
 * The group an agent's count belongs to: the first name word (skeleton of 2 letters or more) after
 * the last «قائمة», «لائحة», «حزب», «ائتلاف»… before the number in its clause. Two lists' seats in
 * one council name the same town and council («فازت قائمة نداء المحرق بـ3 مقاعد» / «فازت قائمة
 * الوفاء بأربعة مقاعد في المحرق»): the place made them one subject in conflict pairs C–H (spent),
 * six false conflicts in six sets. The list's first word tells them apart («ائتلاف نينوى للبناء» /
 * «قائمة سهل نينوى»: «نينوى» / «سهل»).
 */
function groupBefore(x: SubjectInput): string | null {
  for (let i = x.clause.last; i >= x.clause.first; i--) {
    const w = x.words[i]!;
    // «لائحة» keeps its «ل»: it is no proclitic there.
    if (w.end > x.quantity.start || w.kind !== 'word' || !(GROUP_HEADS.has(bareKey(w.key)) || GROUP_HEADS.has(w.key.replace(/^[وف]/u, '')))) continue;
    const next = x.words[i + 1];
    if (next === undefined || next.kind !== 'word' || next.end > x.quantity.start) return null;
    // A name whose skeleton is one letter («الوفاء» → «ف») is kept as its bare word.
    const name = nounKey(nounForm(next));
    return name.length >= 2 ? name : bareKey(next.key);
  }
  return null;
}

const GIVING_WORDS: ReadonlySet<string> = new Set(
  ['تعهد', 'تعهدت', 'تقديم', 'تخصيص', 'خصص', 'خصصت', 'منح', 'منحة', 'تبرع', 'تبرعت', 'قدم', 'قدمت', 'هبة'].map((w) => bareKey(searchKey(normalise(w)))),
);

/**
 * Who gives a sum: the names (the speaker's too: «أعلنت قطر … تخصيص 25 مليون دولار») and country
 * adjectives of the clause before the last giving word before the number («تعهد», «تقديم»,
 * «تخصيص», «منح»…). Two donors' pledges at one conference name the same meeting and the same
 * country they are for (conflict pairs E, G, spent): the giver tells them apart.
 */
function giversOf(x: SubjectInput): string[] {
  const at = x.nearBefore.findLastIndex((t) => t.kind === 'word' && GIVING_WORDS.has(bareKey(t.key)));
  if (at < 0) return [];
  const until = x.nearBefore[at]!.start;
  const givers: string[] = [];
  for (const e of x.entities) if (isSubjectEntity(e) && e.start >= x.clause.start && e.end <= until) givers.push(...entitySubjects(e, x.tokens));
  for (const t of x.nearBefore.slice(0, at)) {
    const country = t.kind === 'word' ? nisbaToken(t.text) : null;
    if (country) givers.push(country);
  }
  return givers.filter((k) => k.length >= 2 && !SUBJECT_HEADS.has(k));
}

export interface SubjectInput {
  entities: readonly FactEntity[];
  tokens: readonly FactToken[];
  /** The sentence's words (and numbers, punctuation), and the clause's span and word range in them. */
  words: readonly FactToken[];
  clause: { start: number; end: number; first: number; last: number };
  quantity: { start: number; end: number };
  speaker: { start: number; end: number } | null;
  nearBefore: readonly FactToken[];
  role: string | null;
  /** A sum of money (the claims reader's kind): its giver is whose it is. */
  money?: boolean;
}

/**
 * The subjects of a number's clause, as keys: the words of its names (PER, ORG, LOC: «إسرائيل» and
 * «الجيش الإسرائيلي» share «سرل»; the heads «حزب», «وزارة»… say nothing of whose), the country tokens
 * of its places and country adjectives, the word after «حزب», «تحالف»… that NER may have missed;
 * the agent alone when the role has one (`AGENT_ROLES`). Not the speaker's name, nor a name inside
 * the number's own mention.
 */
export function subjectsOf(x: SubjectInput): string[] {
  const subjects: string[] = [];
  for (const e of x.entities) {
    if (!isSubjectEntity(e) || e.start < x.clause.start || e.end > x.clause.end) continue;
    if ((x.speaker && e.start < x.speaker.end && e.end > x.speaker.start) || (e.start < x.quantity.end && e.end > x.quantity.start)) continue;
    subjects.push(...entitySubjects(e, x.tokens));
  }
  for (let i = x.clause.first; i <= x.clause.last; i++) {
    const w = x.words[i]!;
    if (w.kind !== 'word' || (w.start >= x.quantity.start && w.end <= x.quantity.end)) continue;
    const country = nisbaToken(w.text);
    if (country) subjects.push(country);
  }
  // A sum given («تعهدت الكويت بتقديم 40 مليون دولار») is the giver's, whatever place it is for.
  // Only a country's gift: «أعلن الاتحاد الأوروبي تقديم منحة» told by the recipient as «المنحة
  // الأوروبية» with its own name is one grant (conflict pairs F, spent), and the union is no country.
  const givers = x.money ? giversOf(x) : [];
  if (givers.some(isCountryToken)) return givers;
  // Seats won by a named list are that list's, whatever place or council the clause names.
  const group = x.role !== null && AGENT_ROLES.has(x.role) ? groupBefore(x) : null;
  if (group !== null) return [group];
  const agent = x.role !== null && AGENT_ROLES.has(x.role) ? agentOf(x.nearBefore, x.entities, x.tokens, x.quantity.start) : [];
  if (agent.length > 0) subjects.splice(0, subjects.length, ...agent);
  // A named group NER may have missed: the word after «حزب», «تحالف»… in the clause.
  for (let i = x.clause.first; i < x.clause.last; i++) {
    if (x.words[i]!.kind === 'word' && GROUP_HEADS.has(bareKey(x.words[i]!.key)) && x.words[i + 1]!.kind === 'word') subjects.push(nounKey(nounForm(x.words[i + 1]!)));
  }
  return subjects;
}
