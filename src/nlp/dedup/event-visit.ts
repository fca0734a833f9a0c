import { wordKey as k } from './word-key.js';
import type { DedupToken } from './shingles.js';
import { COUNTRY_PREFIX, nisbaToken, placeToken } from './place-country.js';

/**
 * Where a visit's lead says the visitor went (story round 9): «وصل وزير الخارجية الكويتي إلى
 * بغداد», «حل وزير الشؤون الخارجية بالجزائر العاصمة», «خلال زيارته إلى مدينة بورتسودان», «اختتم
 * … زيارة عمل إلى المملكة المغربية». One official's visits to two capitals a few days apart share his
 * name (which lifts the day rule), his titles and every word of a visit report; each report's first
 * sentence names the destination right after the visit's word. Read as the destination's country
 * (place-country.ts: a capital, a town, a country's name or adjective), so «الرباط» and «المملكة
 * المغربية» are one destination. Only the first visit word of the sentence counts (the clause of an
 * earlier visit, «بعد أيام من زيارة قام بها إلى بغداد», is not in the sentence read: prepare.ts
 * drops it), and only a place within a few words of it. Pure: tokens in, a country code out.
 */

type VisitToken = Pick<DedupToken, 'kind' | 'key' | 'stem'>;

/** A visit's words: arriving, staying, visiting («وصل», «حل», «يزور», «زيارة», «زيارته»). */
const VISIT_WORDS = new Set(
  ['وصل', 'وصلت', 'يصل', 'تصل', 'وصول', 'بوصول', 'حل', 'حلت', 'يحل', 'تحل', 'زار', 'زارت', 'يزور', 'تزور', 'زيارة', 'بزيارة', 'لزيارة', 'وزيارة', 'زيارته', 'زيارتها', 'بزيارته'].map(k),
);
/** «إلى»: the destination follows. */
const TO = new Set(['إلى', 'الى'].map(k));
/** Words between «إلى» and the place's name that say what kind of place it is («إلى العاصمة التركية أنقرة»). */
const PLACE_NOUNS = new Set(['العاصمة', 'عاصمة', 'مدينة', 'المملكة', 'مملكة', 'الجمهورية', 'جمهورية', 'دولة', 'سلطنة', 'إمارة', 'ولاية', 'محافظة', 'منطقة'].map(k));
/** How many words after the visit word the destination may come (the visitor's name, titles and the day stand between). */
export const VISIT_REACH = 16;

/** The country a word names, as a place or a country's adjective, or null. */
const countryOf = (key: string): string | null => {
  const token = nisbaToken(key) ?? placeToken(key);
  return token ? token.slice(1) : null;
};

/**
 * The country of the place that starts at `i` (after «إلى», or after a place noun with a «ب» or «ل»
 * of its own: `named` then), or null. After a place noun the two words that follow may name it
 * («العاصمة التركية أنقرة»: an adjective the table does not know, then the capital).
 */
function placeAt(tokens: readonly VisitToken[], i: number, named = false): string | null {
  let afterNoun = named;
  for (let j = i; j < Math.min(tokens.length, i + 3); j++) {
    const token = tokens[j]!;
    if (token.kind !== 'word') return null;
    const key = k(token.key);
    if (PLACE_NOUNS.has(key)) {
      afterNoun = true;
      continue;
    }
    const country = countryOf(key);
    if (country || !afterNoun) return country;
  }
  return null;
}

/** The country `tokens` (a lead's first sentence) say a visit went to, as a code («IQ»), or null. */
export function visitDestination(tokens: readonly VisitToken[]): string | null {
  const start = tokens.findIndex((token) => token.kind === 'word' && VISIT_WORDS.has(k(token.key)));
  if (start < 0) return null;
  let words = 0;
  for (let i = start + 1; i < tokens.length && words < VISIT_REACH; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    words++;
    const key = k(token.key);
    if (TO.has(key)) {
      const country = placeAt(tokens, i + 1);
      if (country) return country;
      continue;
    }
    // «بالجزائر», «لدمشق», «بالعاصمة الجزائرية»: a «ب» or «ل» of its own.
    if (!/^[بل]/u.test(key) || key.length < 4) continue;
    // «للجزائر»: «ل» before «ال» drops the article's alif.
    const rest = key.startsWith('لل') ? `ا${key.slice(1)}` : key.slice(1);
    if (PLACE_NOUNS.has(rest)) {
      const country = placeAt(tokens, i + 1, true);
      if (country) return country;
      continue;
    }
    // The rest only when the text layer read a prefix too (its stem is shorter), and not a short bare
    // name: GeoNames holds villages named like words and people («لوران» is not «ل» + a French village).
    const prefixed = k(token.stem || token.key).length < key.length && (rest.startsWith('ال') || rest.length >= 4);
    // Whole, only a country's name («لبنان», «ليبيا»): a town's table holds people's names too («لوران»).
    const whole = placeToken(key);
    const country = (whole?.startsWith(COUNTRY_PREFIX) ? whole.slice(1) : null) ?? (prefixed ? countryOf(rest) : null);
    if (country) return country;
  }
  return null;
}

/** The destination as kept in the sketch's town bits: a place of level 3, compared with another visit's destination only (event-town.ts levels 0–2). */
export const VISIT_LEVEL = 3;
export const visitPlaceName = (country: string): string => `>${country}`;
