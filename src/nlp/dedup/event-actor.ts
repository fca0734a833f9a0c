import type { DedupToken } from './shingles.js';
import { COUNTRY_PREFIX, nisbaToken, placeToken } from './place-country.js';

/**
 * Whose news a report is, when its lead says so up front: the country of the organisation that opens its first sentence, the subject of the first verb in Arabic's verb-first
 * order («خفض البنك المركزي السعودي أسعار الفائدة», «أعلنت وزارة التربية العراقية نتائج…»,
 * «خفض المصرف المركزي في الإمارات…»). On a topic day several actors do the same thing: four Gulf
 * central banks decide on their rates within hours, three ministries publish exam results the same
 * morning. Their reports share every word of the kind of news and each other's background, but each
 * opens with its own actor; reports of one decision open with the same one (or with no country
 * named: «وزارة التربية» and «وزارة التربية العراقية» are not told apart). Only the country is
 * read, from the actor's own words (a country's name or adjective) or the «في …» right after it:
 * the entity linker gives one actor several ids («الرجاء البيضاوي», «الرجاء الرياضي»), a country
 * it does not. An opening clause that names another country besides (up to its first comma:
 * «…، مقتفيا أثر مجلس الاحتياطي الفيدرالي الأميركي» comes after it) has no single actor:
 * «التقى وزير الخارجية السعودي نظيره الأردني» is the Jordanian outlet's «التقى وزير الخارجية الأردني
 * نظيره السعودي». With no organisation up front the country itself may be the actor («خفض الأردن
 * أسعار البنزين», «الإمارات تخفض…», «أعلنت لجنة متابعة أسعار الوقود في الإمارات»): on a fuel-price
 * day four Gulf states' decisions opened so and made one story (spent set E). Pure: the lead's
 * tokens and mentions in, a country code or null out.
 */

/** The actor must start within the first words of the first sentence (verb, subject): later it is an object or a source. */
export const ACTOR_WORDS = 6;
/** A country named as the actor itself is the first sentence's first or second word (subject, or verb then subject). */
const COUNTRY_ACTOR_WORDS = 2;
/** «في <country>» right after the opening subject, within this many words: «أعلنت لجنة متابعة أسعار الوقود في الإمارات». */
const IN_COUNTRY_WORDS = 8;
/** Words after the actor's name that may still say its country: «المصرف المركزي في الإمارات». */
const AFTER_WORDS = 2;
/** Where the opening clause ends: what follows a comma is a circumstance («، مقتفيا أثر الفيدرالي الأميركي»), not a second actor. */
const CLAUSE_ENDS = new Set(['،', ',', '؛', ';', ':']);

type ActorToken = Pick<DedupToken, 'text' | 'kind' | 'key' | 'stem' | 'start' | 'end' | 'sentence'> & { segments?: readonly string[] };
export interface ActorMention {
  type?: 'PER' | 'ORG' | 'LOC' | 'MISC';
  start?: number;
  end?: number;
  canonical?: string;
}

/**
 * Short names the country table (keyed by full names) lacks: «الإمارات» for «الإمارات العربية
 * المتحدة», «السلطنة» as Gulf news calls Oman (the table leaves «عمان» out: it is also Amman).
 */
const SHORT_NAMES = new Map([['الامارات', 'AE'], ['السلطنه', 'OM']]);
/** Two-word names (as stems) whose second word alone is ambiguous or missing: «سلطنة عمان», «دولة الإمارات». */
const TWO_WORD_NAMES = new Map([['سلطنه عمان', 'OM'], ['دوله امارات', 'AE']]);

/**
 * The words of a state's formal name, followed by the country's name or adjective: «المملكة العربية
 * السعودية», «المملكة المغربية», «الجمهورية التونسية», «جمهورية مصر العربية», «دولة قطر».
 */
const STATE_NOUNS = new Set(['مملكه', 'جمهوريه', 'دوله', 'سلطنه', 'اماره']);
/** Words after a state noun that may still precede the country's own word («المملكة العربية السعودية»). */
const STATE_NAME_WORDS = 2;

/** The country the word at `i` names, reading a two-word name («سلطنة عمان») or a state's formal name from it too. */
function countryAt(words: readonly ActorToken[], i: number): string | null {
  const next = words[i + 1];
  const pair = next ? TWO_WORD_NAMES.get(`${words[i]!.stem} ${next.stem}`.replace(/ة/g, 'ه')) : undefined;
  if (pair) return pair;
  if (STATE_NOUNS.has(words[i]!.stem.replace(/ة/g, 'ه'))) {
    for (const word of words.slice(i + 1, i + 1 + STATE_NAME_WORDS)) {
      const code = countryOf(word);
      if (code !== null) return code;
    }
  }
  return countryOf(words[i]!);
}

/**
 * Nouns whose country adjective says who reports, not who acts: «ذكرت الصحيفة الأمريكية», «نقلت
 * وسائل الإعلام الرسمية», «قالت مصادر سودانية». The subject-and-adjective reading below skips them.
 */
const MEDIUM_NOUNS = new Set(['صحيفه', 'وكاله', 'قناه', 'موقع', 'اذاعه', 'تلفزيون', 'وسائل', 'مصادر', 'مصدر', 'اعلام']);
/** A subject with its country's adjective is read up to this word of the first sentence (verb, noun, adjective). */
const SUBJECT_ADJECTIVE_WORDS = 3;

/**
 * The index of a country that qualifies the opening subject, or -1: its adjective after a definite
 * noun («رفعت الحكومة السورية سعر الخبز», «أقرت الحكومة السعودية الميزانية», «الحكومة القطرية
 * تعلن…») or its name after a noun in construct («أعلن مصرف الإمارات العربية المتحدة المركزي»).
 * The recogniser does not take «الحكومة» or «السلطات» for an organisation, and the country then
 * comes neither first nor second. Not after a medium's noun («ذكرت الصحيفة الأمريكية»).
 */
function subjectAdjectiveAt(opening: readonly ActorToken[], named: ReadonlyArray<string | null>): number {
  for (let i = 1; i <= SUBJECT_ADJECTIVE_WORDS && i < opening.length; i++) {
    const qualifier = opening[i]!;
    if (named[i] === null) continue;
    const noun = opening[i - 1]!;
    const definite = (noun.segments ?? []).includes('ال') || /^(?:و|ف)?ال/.test(noun.key);
    if (named[i - 1] !== null || MEDIUM_NOUNS.has(noun.stem.replace(/ة/g, 'ه'))) return -1;
    // «الحكومة السورية»: a definite noun and the country's adjective; «مصرف الإمارات»: a noun in construct with the country's name.
    const adjective = nisbaToken(qualifier.key) !== null;
    if (adjective ? !definite : definite) return -1;
    return i;
  }
  return -1;
}

/** The country a word names as a country (not a city): «السعودي», «العراقية», «قطر», «الإمارات». */
function countryOf(token: ActorToken): string | null {
  const adjective = nisbaToken(token.key);
  if (adjective) return adjective.slice(COUNTRY_PREFIX.length);
  const withArticle = (token.segments ?? []).includes('ال') ? `ال${token.stem}` : token.stem;
  const short = SHORT_NAMES.get(withArticle.replace(/ة/g, 'ه'));
  if (short) return short;
  const name = placeToken(withArticle) ?? placeToken(token.stem);
  return name?.startsWith(COUNTRY_PREFIX) ? name.slice(COUNTRY_PREFIX.length) : null;
}

/**
 * The country of the report's opening actor (ISO code), or null: the first organisation or person
 * (not the medium: `isMedium`) whose mention starts within `ACTOR_WORDS` words of the first sentence
 * after `from` (the end of a wire dateline), and a country named in it or just after it.
 */
export function actorCountry(tokens: readonly ActorToken[], mentions: readonly ActorMention[], from: number, isMedium: (mention: ActorMention) => boolean): string | null {
  const words = tokens.filter((token) => token.start >= from && token.kind === 'word');
  const first = words[0]?.sentence;
  if (first === undefined) return null;
  const opening = words.filter((token) => token.sentence === first);
  const limit = opening[Math.min(ACTOR_WORDS, opening.length) - 1]!.end;
  const organisations = mentions
    .filter((m) => m.type === 'ORG' && m.start !== undefined && m.end !== undefined && m.start >= from && !isMedium(m))
    .sort((x, y) => x.start! - y.start!);
  const opener = organisations.find((m) => m.start! < limit);
  const organisation = opener ? ofOrganisation(opener, organisations, opening) : undefined;
  // Without an organisation up front, the country itself may be the actor: «خفض الأردن أسعار
  // البنزين», «الإمارات تخفض أسعار البنزين», «أعلنت موريتانيا تسجيل تسع إصابات» (its first or second
  // word: the subject before or right after the verb).
  // Or the country the opening subject acts in: «أعلنت لجنة متابعة أسعار الوقود في الإمارات».
  const named = opening.map((_, i) => countryAt(opening, i));
  let at = organisation ? -1 : named.slice(0, COUNTRY_ACTOR_WORDS).findIndex((code) => code !== null);
  if (!organisation && at < 0) at = subjectAdjectiveAt(opening, named);
  if (!organisation && at < 0) at = named.findIndex((code, i) => i > 0 && i < IN_COUNTRY_WORDS && code !== null && opening[i - 1]!.stem === 'في');
  const actor = organisation ?? (at >= 0 ? { start: opening[at]!.start, end: opening[at]!.end } : undefined);
  if (!actor) return null;
  const inside = opening.flatMap((token, i) => (token.start >= actor.start! && token.end <= actor.end! ? [i] : []));
  const after = organisation ? opening.flatMap((token, i) => (token.start >= actor.end! ? [i] : [])).slice(0, AFTER_WORDS) : [];
  const country = [...inside, ...after].map((i) => named[i]).find((code) => code !== null && code !== undefined) ?? null;
  if (country === null) return null;
  // Every other country the opening clause names (up to its first comma), in any word outside the actor's name.
  const stop = tokens.find((token) => token.start >= actor.end! && token.sentence === first && CLAUSE_ENDS.has(token.text))?.start ?? Infinity;
  const places = mentions.filter((m) => m.type === 'LOC' && m.start !== undefined && m.end !== undefined);
  for (const token of opening) {
    if (token.start >= stop) break;
    if (token.start >= actor.start! && token.end <= actor.end!) continue;
    const inPlace = places.some((m) => token.start >= m.start! && token.end <= m.end!);
    const code = countryOf(token) ?? (inPlace ? cityCountry(token) : null);
    if (code !== null && code !== country) return null;
  }
  return country;
}

/**
 * The opening organisation with the one it belongs to, when the next word starts another
 * organisation's name: «قررت لجنة السياسة النقدية للبنك المركزي المصري» is the Egyptian central
 * bank's committee, and its country is the bank's.
 */
function ofOrganisation(opener: ActorMention, organisations: readonly ActorMention[], opening: readonly ActorToken[]): ActorMention {
  const next = opening.find((token) => token.start >= opener.end!);
  const owner = next ? organisations.find((m) => m !== opener && m.start! >= next.start && m.start! < next.end) : undefined;
  return owner ? { ...opener, end: owner.end } : opener;
}

/** The country of a city named as a place mention («دمشق», «بغداد»): only for mentions, the gazetteer's small towns share words with common nouns. */
function cityCountry(token: ActorToken): string | null {
  const withArticle = (token.segments ?? []).includes('ال') ? `ال${token.stem}` : token.stem;
  const place = placeToken(withArticle) ?? placeToken(token.stem);
  return place ? place.slice(1) : null;
}
