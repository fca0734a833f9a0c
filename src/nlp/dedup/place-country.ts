import { z } from 'zod';
import placeCountriesData from './data/place-countries.json' with { type: 'json' };
import { normalise, searchKey } from '../text/normalise.js';

/**
 * Which country a count's subject belongs to, so that outlets naming one side differently still
 * speak of one subject: «السعودية» and «الرياض», «الجزائر» and «تمنراست» or «السلطات الجزائرية»,
 * «الصومال» and «مقديشو». A place mention gives a token «^XX» (a place in country XX); a country's
 * name, or its adjective («الجزائرية», «اللبناني»), a token «@XX» (the country itself). The conflict
 * rules (conflict-rules.ts) read «@XX» as meeting «@XX» or «^XX», but two «^XX» not: two cities of
 * one country are two subjects (the tolls of Kassala and of Khartoum): `sameSubject` there. Pure; the table is
 * data/place-countries.json, built from GeoNames and i18n-iso-countries by
 * `npm run build:place-countries` (training/places/build-place-countries.ts).
 */
const TableSchema = z.object({ countries: z.record(z.string(), z.string()), places: z.record(z.string(), z.string()) });
const table = TableSchema.parse(placeCountriesData);
const countries = new Map(Object.entries(table.countries));
const places = new Map(Object.entries(table.places));

/** The table's key of a phrase: each word normalised and folded (ة as ه), as the NER gazetteers key them. */
const phraseKey = (phrase: string): string =>
  phrase
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .map((w) => searchKey(normalise(w)))
    .join(' ');

export const COUNTRY_PREFIX = '@';
export const PLACE_PREFIX = '^';

/** Whether a subject key is a country token («@SA», «^SA»), not a word's skeleton. */
export function isCountryToken(key: string): boolean {
  return key.startsWith(COUNTRY_PREFIX) || key.startsWith(PLACE_PREFIX);
}

function tokenOfKey(key: string): string | null {
  const country = countries.get(key) ?? COUNTRY_ALIASES.get(key);
  if (country) return `${COUNTRY_PREFIX}${country}`;
  const place = places.get(key);
  return place ? `${PLACE_PREFIX}${place}` : null;
}

/** Names of countries the table lacks as written in the news («الإمارات» alone). */
const COUNTRY_ALIASES = new Map<string, string>([['الإمارات', 'AE']].map(([name, code]) => [phraseKey(name!), code!]));

/** A state's title before its name: «سلطنة عمان» is Oman (not Amman), «مملكة البحرين», «دولة قطر». */
const STATE_TITLES: ReadonlySet<string> = new Set(['سلطنة', 'مملكة', 'دولة', 'إمارة', 'جمهورية'].map(phraseKey));

/** A country named only after a state's title: «عمان» alone may be Amman (left out of the table). */
const TITLED_COUNTRIES = new Map<string, string>([['عمان', 'OM']].map(([name, code]) => [phraseKey(name!), code!]));

/** Proclitics NER may leave on a place's first word («وبغداد», «بصفاقس», «وبالرباط»), shortest first. */
const PROCLITICS = [/^[وف](?=\S{3})/u, /^[بلك](?=\S{3})/u, /^[وف][بلك](?=\S{3})/u];

/**
 * The country token of a place mention and the words it was found as: the mention itself, or
 * (conflict round 7) the mention less a state's title («سلطنة عمان» → «عمان», a country then only)
 * or less a proclitic on its first word («بصفاقس» → «صفاقس»), when the mention is not in the table as
 * written. Null when none is.
 */
export function placeMatch(mention: string): { token: string; words: string[] } | null {
  const words = mention.split(/\s+/u).filter((w) => w.length > 0);
  const key = phraseKey(mention);
  const direct = tokenOfKey(key);
  if (direct) return { token: direct, words };
  const [first, ...rest] = words;
  if (first === undefined) return null;
  if (rest.length > 0 && STATE_TITLES.has(phraseKey(first))) {
    const named = phraseKey(rest.join(' '));
    const country = countries.get(named) ?? COUNTRY_ALIASES.get(named) ?? TITLED_COUNTRIES.get(named);
    if (country) return { token: `${COUNTRY_PREFIX}${country}`, words: rest };
  }
  const firstKey = searchKey(normalise(first));
  for (const proclitic of PROCLITICS) {
    const bare = firstKey.replace(proclitic, '');
    if (bare === firstKey) continue;
    const token = tokenOfKey([bare, ...rest.map((w) => searchKey(normalise(w)))].join(' '));
    if (token) return { token, words: [bare, ...rest] };
  }
  return null;
}

/**
 * The country token of a place mention as written («الرياض» → «^SA», «السعودية» → «@SA»), or null.
 * The story rules (event-actor.ts) read it so; the conflict rules read `placeMatch`.
 */
export function placeToken(mention: string): string | null {
  const key = phraseKey(mention);
  const country = countries.get(key);
  if (country) return `${COUNTRY_PREFIX}${country}`;
  const place = places.get(key);
  return place ? `${PLACE_PREFIX}${place}` : null;
}

/**
 * A country's adjective (nisba), as the stem left once the article, a conjunction or preposition and
 * the nisba ending are off: «الجزائرية», «اللبناني», «والسوريين», «الأميركي». Written here, for the
 * countries Arab news counts about most; not «مالي» (financial), «الماني» (its ال is the word's).
 * Keyed as the text layer normalises («جزائر» → «جزاءر»).
 */
const NISBA_STEMS = new Map<string, string>(
  (
    [
  ['جزائر', 'DZ'], ['لبنان', 'LB'], ['مصر', 'EG'], ['سعود', 'SA'], ['يمن', 'YE'], ['سور', 'SY'], ['عراق', 'IQ'],
  ['مغرب', 'MA'], ['تونس', 'TN'], ['ليب', 'LY'], ['اردن', 'JO'], ['فلسطين', 'PS'], ['قطر', 'QA'], ['كويت', 'KW'],
  ['عمان', 'OM'], ['امارات', 'AE'], ['بحرين', 'BH'], ['سودان', 'SD'], ['صومال', 'SO'], ['موريتان', 'MR'],
  ['ايران', 'IR'], ['اسرائيل', 'IL'], ['روس', 'RU'], ['اوكران', 'UA'], ['امريك', 'US'], ['اميرك', 'US'],
  ['فرنس', 'FR'], ['بريطان', 'GB'], ['صين', 'CN'], ['باكستان', 'PK'], ['افغان', 'AF'], ['اثيوب', 'ET'],
] as const
  ).map(([stem, code]) => [searchKey(normalise(stem)), code]),
);
const NISBA = /^(?:و|ف)?(?:ب|ل)?ال(.+?)(?:يه|ي|يين|يون|يات)$/u;

/** The country token («@XX») of a country's adjective with the article («السلطات الجزائرية»), or null. */
export function nisbaToken(word: string): string | null {
  const match = NISBA.exec(searchKey(normalise(word)));
  const country = match ? NISBA_STEMS.get(match[1]!) : undefined;
  return country ? `${COUNTRY_PREFIX}${country}` : null;
}

/** Every country code the table or the adjectives know. */
export const COUNTRY_CODES: readonly string[] = [...new Set([...countries.values(), ...places.values(), ...NISBA_STEMS.values()])].sort();
