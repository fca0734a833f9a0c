// Which names of the open-data sources become gazetteer entries (pure; build-gazetteers.ts reads the
// packages and writes src/nlp/ner/data/). The lists are features of the tagger, never a second tagger,
// so the filters aim at entries that say "name of this kind" more often than not.
import { lightNormalise } from '../../src/nlp/text/normalise.js';
import { phraseKey } from '../../src/nlp/ner/gazetteer.js';

/** Arabic base letters only (U+0621–U+064A): Persian, Urdu and Kurdish letters (پ چ ژ گ ک ی ە) mark another language. */
const ARABIC_WORD = /^[\u0621-\u064A]+$/;

/**
 * Countries whose every Arabic-named place is kept: the Arab League, and the neighbours whose
 * villages and towns Arabic news names (Iran, Turkey, Israel, Afghanistan, Cyprus, Chad, Eritrea,
 * South Sudan, Western Sahara). Elsewhere only large places are kept (see `keepPlace`).
 */
export const NEWS_REGION = new Set([
  'DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD',
  'SY', 'TN', 'AE', 'YE', 'EH', 'SS', 'IR', 'TR', 'IL', 'AF', 'CY', 'TD', 'ER',
]);

/** Outside the region: a place this large, or a national capital, is named in world news. */
export const MIN_POPULATION_ELSEWHERE = 50_000;

/** Whether a written form is a frequent ordinary word (the build asks the text layer's lexicon). */
export type IsCommonWord = (name: string) => boolean;

/** One GeoNames row, the fields we read (cities500.txt: tab-separated, alternate names comma-separated). */
export interface GeoNamesPlace {
  name: string;
  alternateNames: string[];
  featureCode: string;
  countryCode: string;
  population: number;
}

/** A name as written, harakat and tatweel dropped, single spaces; null unless every word is Arabic letters. */
export function arabicScriptName(raw: string, maxWords = 4): string | null {
  const words = raw
    .trim()
    .split(/[\s\u00A0]+/)
    .map((word) => lightNormalise(word))
    .filter((word) => word.length > 0);
  if (words.length === 0 || words.length > maxWords) return null;
  if (!words.every((word) => ARABIC_WORD.test(word) && word.length >= 2)) return null;
  if (words.join('').length < 3) return null;
  return words.join(' ');
}

export function keepPlace(place: GeoNamesPlace): boolean {
  if (NEWS_REGION.has(place.countryCode)) return true;
  return place.featureCode === 'PPLC' || place.population >= MIN_POPULATION_ELSEWHERE;
}

/**
 * Arabic place names of the places kept, one entry per lookup key (the first spelling met), minus
 * keys that `exclude` holds. Outside the region a place named like a given name («كلاي»,
 * «ماريون») is left out: there the name is more often a person's.
 */
export function placeNames(
  places: Iterable<GeoNamesPlace>,
  exclude: ReadonlySet<string>,
  givenNameKeys: ReadonlySet<string>,
  isCommonWord: IsCommonWord,
): string[] {
  const byKey = new Map<string, string>();
  for (const place of places) {
    if (!keepPlace(place)) continue;
    const inRegion = NEWS_REGION.has(place.countryCode);
    for (const raw of place.alternateNames) {
      const name = arabicScriptName(raw);
      if (!name) continue;
      const key = phraseKey(name);
      if (byKey.has(key) || exclude.has(key) || (!inRegion && givenNameKeys.has(key))) continue;
      // A one-word name that is mostly an ordinary word («سوف», «سنه», «الحكومة»; even «كيف», one spelling of Kyiv).
      if (!name.includes(' ') && isCommonWord(name)) continue;
      byKey.set(key, name);
    }
  }
  return sortedArabic(byKey.values());
}

/** Name particles that open given names but are none on their own. */
const PARTICLES = new Set(['ابو', 'عبد', 'بن', 'ابن', 'بنت', 'ام', 'ال'].map((w) => phraseKey(w)));

/**
 * Given names of the arabic-name-to-en table (its keys): a key may carry a romanisation after the
 * Arabic («عبد الفتاح Abad»), kept without it; fragments («ن», «عَ مر»), particles, forms with the
 * article («العلوي», «الحكم»: family names and nisbas) and frequent words («على», «داخل», «السلام»;
 * the frequent real names are in the curated names.json) are dropped.
 */
export function givenNames(tableKeys: Iterable<string>, exclude: ReadonlySet<string>, isCommonWord: IsCommonWord): string[] {
  const byKey = new Map<string, string>();
  for (const raw of tableKeys) {
    const arabicPart = raw.replace(/[A-Za-z\u00C0-\u024F][^\s]*/g, ' ').trim();
    const name = arabicScriptName(arabicPart, 2);
    if (!name) continue;
    const key = phraseKey(name);
    if (byKey.has(key) || exclude.has(key) || PARTICLES.has(key)) continue;
    if (key.startsWith('ال') || name.split(' ').some((word) => isCommonWord(word) && !PARTICLES.has(phraseKey(word)))) continue;
    byKey.set(key, name);
  }
  return sortedArabic(byKey.values());
}

/** Country names and their other names (i18n-iso-countries' `ar` locale, `select: 'all'`), one per key. */
export function countryNames(namesByCode: Readonly<Record<string, string | readonly string[]>>): string[] {
  const byKey = new Map<string, string>();
  for (const value of Object.values(namesByCode)) {
    for (const raw of typeof value === 'string' ? [value] : value) {
      const name = arabicScriptName(raw.replace(/\s*\(.*\)\s*/g, ' '), 5);
      if (name && !byKey.has(phraseKey(name))) byKey.set(phraseKey(name), name);
    }
  }
  return sortedArabic(byKey.values());
}

/** A stable order (code-unit order, not locale: the build must be byte-for-byte reproducible). */
function sortedArabic(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
