// The pair decision for two stated numbers from two articles: are they the same count, and if so do
// they agree, disagree, or is the later one an update? Issue 25: 111 of 112 conflicts found on real
// news compared different subjects, different things, a sentence with its copy, or consistent
// values. Pure: the dedup step (steps/claim-links.ts) and `npm run eval:conflicts` call it alike.
import type { DedupOptions } from './params.js';
import { keyHash, quantitiesAgree, type StoredQuantity } from './claims.js';
import { COUNTRY_CODES, COUNTRY_PREFIX, PLACE_PREFIX } from './place-country.js';

// The stored hashes of the country tokens (place-country.ts), by code both ways.
const COUNTRY_TOKEN = new Map(COUNTRY_CODES.map((code) => [code, keyHash(`${COUNTRY_PREFIX}${code}`)]));
const PLACE_TOKEN = new Map(COUNTRY_CODES.map((code) => [code, keyHash(`${PLACE_PREFIX}${code}`)]));
const CODE_OF_COUNTRY = new Map([...COUNTRY_TOKEN].map(([code, hash]) => [hash, code]));
const RELEASED_HASH = keyHash('released');
const CODE_OF_PLACE = new Map([...PLACE_TOKEN].map(([code, hash]) => [hash, code]));

/** A side that names a place of the country (`place`, its token) in a word the other side lacks: a place of its own. */
function ownPlace(side: readonly number[], place: number, other: readonly number[]): boolean {
  return side.includes(place) && side.some((w) => !CODE_OF_PLACE.has(w) && !CODE_OF_COUNTRY.has(w) && !other.includes(w));
}

/**
 * Whether two stored subject lists name one subject: a word or a country in common, or a country on
 * one side and a place in it on the other; two places of one country are two subjects (the tolls
 * of two cities), so a shared place token alone is not one. A country meets a place in it only when
 * its side names no place of that country of its own, in words the other side lacks: «ضبط 63 متهما
 * في محافظة أسيوط», said by «وزارة الداخلية المصرية», and «في محافظة المنيا» are two governorates,
 * not Egypt and one of its places (conflict round 8; H, J, spent: two governorates' arrests in one
 * campaign). A place whose word is lost (too short, «نوى», or taken for a head) leaves its country's
 * place token alone, and still meets the country (B, F: «خفر السواحل الليبي … قبالة زوارة»).
 */
export function sameSubject(a: readonly number[], b: readonly number[]): boolean {
  for (const x of a) {
    const placeIn = CODE_OF_PLACE.get(x);
    if (placeIn !== undefined) {
      if (b.includes(COUNTRY_TOKEN.get(placeIn)!) && !ownPlace(b, x, a)) return true;
      continue;
    }
    if (b.includes(x)) return true;
    const country = CODE_OF_COUNTRY.get(x);
    if (country !== undefined && b.includes(PLACE_TOKEN.get(country)!) && !ownPlace(a, PLACE_TOKEN.get(country)!, b)) return true;
  }
  return false;
}

export interface PairContext {
  /**
   * The two claims are one source: their articles are exact or near copies, one reprints the
   * passage that holds the claim, or the two claims are the same sentence (`sameSentenceSimilarity`).
   */
  copy: boolean;
  /** Jaccard of the two claims' content words (hashed as the index keeps them). */
  contentSimilarity: number;
  /** UTC day numbers of the two articles' publication (days since 1970), or null when unknown. */
  dayA: number | null;
  dayB: number | null;
  /** The two articles are one outlet's (no conflict between outlets: an update or another incident of its own). Absent: not. */
  sameOutlet?: boolean;
}

/** Why two numbers were compared, kept in the link (one letter each): subject, then timing. */
export interface Basis {
  /** `s`: both sentences name the same actor or place; `n`: at most one names any. */
  subject: 's' | 'n';
  /** `d`: published the same UTC day; `f`: a figure that does not change over days; `u`: a date unknown. */
  timing: 'd' | 'f' | 'u';
}

export type NotCompared = 'different-thing' | 'subgroup' | 'different-subject' | 'different-context' | 'different-frame' | 'different-period' | 'crowded' | 'copy' | 'update' | 'same-outlet';

/**
 * Claims whose words overlap this much say the same thing: what two sentences need when either
 * article states the counted thing with several values (`crowded`), so that the number one outlet
 * gives is the one the other gives differently, not another of the article's.
 */
export const CROWDED_SIMILARITY = 0.3;

export type Comparison = { relation: 'corroborates'; copy: boolean } | { relation: 'conflicts'; basis: Basis } | { relation: null; why: NotCompared };

type RuleOptions = Pick<DedupOptions, 'approxTolerance' | 'claimNumericContext'> & Partial<Pick<DedupOptions, 'conflictContextWords' | 'conflictContextUnnamed' | 'conflictUnnamedSimilarity' | 'conflictContextAlike'>>;

/** Claims whose words overlap this much are one sentence (a wire reprint, a dateline or a word added). */
export const SAME_SENTENCE_SIMILARITY = 0.8;

/** UTC day number of an epoch-seconds date. */
export function utcDay(seconds: number | null): number | null {
  return seconds === null ? null : Math.floor(seconds / 86400);
}

/**
 * One counted thing: the same key, or people with a role on one side and the same noun with no role
 * read on the other («أفرجت عن 9 صيادين» / «وصل 11 صيادا … بعد أن أطلق سراحهم»): a role the
 * lexicon missed is not a different thing; two roles that differ are. So too a role on things that
 * says what befell them (`meetsNone`: «احترقت 70 مركبة» / «46 مركبة»; conflict round 7), and people
 * held by their noun alone against the released («غادر 50 سجينا السجن» / «الإفراج عن 37 معتقلا»).
 */
function sameThing(a: StoredQuantity, b: StoredQuantity): boolean {
  if (a.countedHash === b.countedHash) return true;
  // People held by their noun alone and people released: one release told two ways (round 7).
  if ((a.held === true && b.countedHash === RELEASED_HASH) || (b.held === true && a.countedHash === RELEASED_HASH)) return true;
  if ((a.personRole || a.meetsNone === true) && !b.hasRole && a.nounHash !== null && a.nounHash === b.countedHash) return true;
  return (b.personRole || b.meetsNone === true) && !a.hasRole && b.nounHash !== null && b.nounHash === a.countedHash;
}

/**
 * Whether two numbers' scenes name one place: a place in common and, when either sentence names
 * places of its own, one of them among the other's scene. «وفي محافظة مأرب قتل 13» is Marib's even when the
 * sentence before it named Sanaa, where the other outlet's two were killed.
 */
function sameScene(a: StoredQuantity, b: StoredQuantity): boolean {
  const own = (q: StoredQuantity) => q.scene.slice(0, q.sceneOwn);
  if (!a.scene.some((w) => b.scene.includes(w))) return false;
  if (a.sceneOwn === 0 && b.sceneOwn === 0) return true;
  return own(a).some((w) => b.scene.includes(w)) || own(b).some((w) => a.scene.includes(w));
}

function sharedCount(a: readonly number[], b: readonly number[]): number {
  let shared = 0;
  for (const word of new Set(a)) if (b.includes(word)) shared++;
  return shared;
}

/** Context words the two share, each in the number's own sentence on at least one side (not two leads alike). */
function sharedNearNumber(a: StoredQuantity, b: StoredQuantity): number {
  const ownA = new Set(a.context.slice(0, a.contextOwn));
  const ownB = new Set(b.context.slice(0, b.contextOwn));
  let shared = 0;
  for (const word of new Set([...ownA, ...ownB])) if ((ownA.has(word) && b.context.includes(word)) || (ownB.has(word) && a.context.includes(word))) shared++;
  return shared;
}

/**
 * A count of what an event did to people or things, told by its own noun: people with a role, or
 * things (cars, tents, hectares, metres of a bridge, pills seized) with no role or one that says what
 * befell them (`meetsNone`). Two such counts whose sentences share `conflictContextAlike` words near
 * the number are one event's (conflict round 7: it was people only). Not a generic unit (a sum, a
 * rate, «شخص» with no role: economic reports share their vocabulary), nor a role that belongs to one
 * party or picks a part (a prison term: two defendants of one trial; a fine, seats won, votes), nor
 * a running total of things («يبلغ عددها حتى الآن 50 غرفة»: one stage of a programme, not its whole).
 */
function eventCount(q: StoredQuantity): boolean {
  return q.personRole || (!q.generic && !q.rising && (!q.hasRole || q.meetsNone === true));
}

/**
 * Both numbers are their article's sole figure of one people role (`StoredQuantity.sole`: a whole
 * count, the bare role, no category, no update, exact). `sameThing` has already said one role.
 */
function soleFigures(a: StoredQuantity, b: StoredQuantity): boolean {
  if (!(a.sole && b.sole && a.countedHash === b.countedHash && a.personRole && b.personRole)) return false;
  // Two places named and none in common: two tolls of one storm in two provinces (Tiznit, Taroudant).
  // A toll placed by a head alone («قتيلين في البلدية», «في المعتمدية») is a local unit's, named in
  // words NER missed («عميد بلدية شحات»): with no place read, it is no whole toll another's scene
  // may meet (conflict round 9; I, J, K, spent: two towns' dead of one storm).
  const open = (q: StoredQuantity) => q.scene.length === 0 && q.localised !== true;
  return open(a) || open(b) || sameScene(a, b);
}

/**
 * Compares two numbers of two articles' claims. They are the same count only when they count the
 * same thing (noun, unit and role: `countedHash`), are both whole counts or both a part
 * («بينهم»), do not name different subjects (each sentence's actors and places: two non-empty sets
 * that share none are two subjects), share `conflictContextWords` content words around the number, and, for a generic unit (a currency, «شخص» with no role, a
 * percentage), stand in the same frame, are not counted over two different periods («منذ بداية
 * العام» / «منذ تسلم بايدن»), («قيمة الصفقة») or in claims that share
 * `claimNumericContext` of their words. The same count then agrees when the values' intervals
 * meet (bounds, ranges, approximation, rounding); otherwise it conflicts, unless the two are one
 * source (a copy: never a conflict) or a rising count (a toll, arrests) published on different UTC
 * days (an update, as the fact-checkers read it).
 */
export function compareQuantities(a: StoredQuantity, b: StoredQuantity, context: PairContext, options: RuleOptions): Comparison {
  if (!sameThing(a, b)) return { relation: null, why: 'different-thing' };
  if (a.subgroup !== b.subgroup) return { relation: null, why: 'subgroup' };
  const named = a.subjects.length > 0 && b.subjects.length > 0;
  if (named && !sameSubject(a.subjects, b.subjects)) return { relation: null, why: 'different-subject' };
  // Tolls from a roundup (not both their article's one figure in its lead: `sole`) whose own
  // sentences each say where and neither names the other's place: two incidents, whoever the victims
  // or fighters are («مقتل 15 حوثيا في جبل صبر بتعز» / «مقتل 8 حوثيين في جبل الثعالب برداع»; one
  // war's roundups on one day meet on the group and on the country both places are in: conflict
  // round 10, SaudiNewsNet 2015-07-24). Two sole figures keep their own rule (`soleFigures`).
  if (a.personRole && b.personRole && !(a.sole && b.sole) && a.sceneOwn > 0 && b.sceneOwn > 0 && !sameScene(a, b)) return { relation: null, why: 'different-subject' };
  // Prisoners «من القوات الحكومية» and «من مقاتلي جماعة الحوثي» are two groups.
  if (a.affiliation.length > 0 && b.affiliation.length > 0 && !a.affiliation.some((w) => b.affiliation.includes(w))) return { relation: null, why: 'different-subject' };
  // The sentences around the two numbers say nothing alike: two events (a digest stored before the
  // context words were kept has none, and is not judged by them).
  // Without a named actor or place in common, the sentences must say more alike.
  // Or, when the clauses do not both name subjects, the same place in their sentences or the leads
  // before them (`scene`): one outlet names the town in its opening sentence, the other beside the number.
  // Or a person one side names (NER tagged) is a word of the other's sentence: «ناصر البريكي» and
  // «البريكي», whom NER did not tag there (conflict pairs C, D, spent: a convict's two prison terms).
  const sameNamed = named ? sameSubject(a.subjects, b.subjects) : sameScene(a, b) || a.names.some((w) => b.context.includes(w)) || b.names.some((w) => a.context.includes(w));
  // A short sentence has few words to share («قتل 120 شخصا في الزلزال»): at most half of the shorter context.
  // (The number's own sentence: the words of the sentence before it, also in `context`, do not make it longer.)
  const contextNeeded = Math.min(sameNamed ? (options.conflictContextWords ?? 2) : (options.conflictContextUnnamed ?? 3), Math.ceil(Math.min(a.contextOwn, b.contextOwn) / 2));
  // Each article's one figure of this people role, read exactly (`markSole`): two reports of one
  // event give its toll once each, in sentences worded their own way («لقي خمسة أشخاص حتفهم …
  // جرفتهم سيول» / «خلفت الفيضانات 9 وفيات»). The claim step compares only articles one direct link
  // puts in one story, so the two sole figures are that event's; the sentences need share nothing.
  const sole = soleFigures(a, b);
  if (!sole && a.context.length > 0 && b.context.length > 0 && sharedCount(a.context, b.context) < contextNeeded) return { relation: null, why: 'different-context' };
  // And the two claims say much alike as a whole (two reports of one fact), not only near the number,
  // or, for counts of what an event did (`eventCount`), the sentences share `conflictContextAlike` of the event's words near it.
  const alike = eventCount(a) && eventCount(b) && a.context.length > 0 && b.context.length > 0 && sharedNearNumber(a, b) >= (options.conflictContextAlike ?? 3);
  if (!sole && !sameNamed && !alike && context.contentSimilarity < (options.conflictUnnamedSimilarity ?? 0.15)) return { relation: null, why: 'different-context' };
  if (a.period.length > 0 && b.period.length > 0 && !a.period.some((w) => b.period.includes(w))) return { relation: null, why: 'different-period' };
  // A crowded value's sentence must say which of the article's values it is, unless both are the
  // figures their articles lead with (`headline`, or not crowded) and name it alike just before the
  // number (a frame word in common: «نمو», «التضخم»): two reports' leading rates of one release are
  // its one rate; a budget's revenue and its spending share no frame word.
  const headlines = (!a.crowded || a.headline) && (!b.crowded || b.headline) && a.frame.some((w) => b.frame.includes(w));
  if ((a.crowded || b.crowded) && !headlines && context.contentSimilarity < CROWDED_SIMILARITY) return { relation: null, why: 'crowded' };
  // A person's name before both sums is no frame: «ألزمت المحكمة الشربيني بدفع غرامة» / «أدين الشربيني بالاستيلاء على».
  const sameFrame = a.frame.some((w) => b.frame.includes(w) && !a.names.includes(w) && !b.names.includes(w));
  if ((a.generic || b.generic) && !sameFrame && context.contentSimilarity < options.claimNumericContext) {
    return { relation: null, why: 'different-frame' };
  }
  if (quantitiesAgree(a, b, options.approxTolerance)) return { relation: 'corroborates', copy: context.copy };
  if (context.copy) return { relation: null, why: 'copy' };
  if (context.sameOutlet === true) return { relation: null, why: 'same-outlet' };
  const dated = context.dayA !== null && context.dayB !== null;
  if ((a.rising || b.rising) && dated && context.dayA !== context.dayB) return { relation: null, why: 'update' };
  const timing: Basis['timing'] = !dated ? 'u' : context.dayA === context.dayB ? 'd' : 'f';
  return { relation: 'conflicts', basis: { subject: named ? 's' : 'n', timing } };
}

/** The sentence a story gives for a conflict: why the two numbers were compared and why they disagree. */
export function conflictReason(counted: string, basis: Basis | null): string {
  const subject = basis?.subject === 's' ? 'about the same named actor or place' : 'with no different actor or place named on either side';
  const timing =
    basis?.timing === 'd' ? 'published the same day' : basis?.timing === 'f' ? 'a figure that does not change from day to day' : basis?.timing === 'u' ? 'publication dates unknown' : 'timing not recorded';
  return `Same counted thing and unit (${describeCounted(counted)}), ${subject}, in two articles of one story, ${timing}: the values differ beyond what their bounds and approximation allow.`;
}

/**
 * The counted key as a reader can take it: «مقعد:won» (noun key and role) → «مقعد», won; a role
 * alone («killed») as it is; a noun key in guillemets.
 */
export function describeCounted(counted: string): string {
  const [noun = '', role] = counted.split(':');
  if (role) return `«${noun}», ${role}`;
  return /^[a-z%-]+$/u.test(noun) ? noun : `«${noun}»`;
}
