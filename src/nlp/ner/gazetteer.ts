import countriesData from './data/countries.json' with { type: 'json' };
import placesData from './data/places.json' with { type: 'json' };
import triggersData from './data/triggers.json' with { type: 'json' };
import namesData from './data/names.json' with { type: 'json' };
import knownData from './data/known-entities.json' with { type: 'json' };
import geonamesData from './data/geonames-places.json' with { type: 'json' };
import isoCountriesData from './data/iso-countries-ar.json' with { type: 'json' };
import openNamesData from './data/given-names-ar.json' with { type: 'json' };
import { normalise, searchKey } from '../text/normalise.js';

/** Gazetteer classes; each becomes a feature (membership of the token or of a phrase it opens/continues). */
export type GazetteerClass =
  | 'country'
  | 'city'
  | 'region'
  | 'title'
  | 'orgHead'
  | 'placeHead'
  | 'givenName'
  | 'organisation'
  | 'person'
  | 'notName';

/** The key a phrase is looked up under: normalised, search-keyed, single spaces. */
export function phraseKey(phrase: string): string {
  // One word (most entries of the open-data lists): no split and join.
  if (!/\s/.test(phrase)) return searchKey(normalise(phrase));
  return phrase
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => searchKey(normalise(w)))
    .join(' ');
}

/**
 * Phrase lists keyed by `phraseKey`, with the longest phrase length so that matching at a token only
 * tries as many words ahead as a phrase can have.
 */
export interface Gazetteer {
  phrases: Map<string, GazetteerClass[]>;
  /** Every proper word-prefix of a phrase («الولايات» of «الولايات المتحدة»): matching stops early. */
  prefixes: Set<string>;
  maxWords: number;
}

export interface GazetteerLists {
  countries: readonly string[];
  cities: readonly string[];
  regions: readonly string[];
  titles: readonly string[];
  orgHeads: readonly string[];
  placeHeads: readonly string[];
  givenNames: readonly string[];
  organisations: readonly string[];
  people: readonly string[];
  /** Month and weekday names: capitalised-looking in translation, never entities here. */
  notNames: readonly string[];
}

export function buildGazetteer(lists: GazetteerLists): Gazetteer {
  const phrases = new Map<string, GazetteerClass[]>();
  const prefixes = new Set<string>();
  let maxWords = 1;
  const add = (cls: GazetteerClass, items: readonly string[]): void => {
    for (const item of items) {
      const key = phraseKey(item);
      if (key === '') continue;
      const classes = phrases.get(key) ?? [];
      if (!classes.includes(cls)) classes.push(cls);
      phrases.set(key, classes);
      const words = key.split(' ');
      maxWords = Math.max(maxWords, words.length);
      for (let k = 1; k < words.length; k++) prefixes.add(words.slice(0, k).join(' '));
    }
  };
  add('country', lists.countries);
  add('city', lists.cities);
  add('region', lists.regions);
  add('title', lists.titles);
  add('orgHead', lists.orgHeads);
  add('placeHead', lists.placeHeads);
  add('givenName', lists.givenNames);
  add('organisation', lists.organisations);
  add('person', lists.people);
  add('notName', lists.notNames);
  return { phrases, prefixes, maxWords };
}

/** The lists compiled by hand (and countries.json from ICU), without the open-data lists below. */
export function curatedGazetteerLists(): GazetteerLists {
  return {
    countries: countriesData.countries.map((c) => c.name),
    cities: placesData.cities,
    regions: placesData.regions,
    titles: triggersData.personTitles,
    orgHeads: triggersData.organisationHeads,
    placeHeads: triggersData.placeHeads,
    givenNames: [...namesData.givenNames, ...namesData.foreignGivenNames],
    organisations: knownData.organisations,
    people: knownData.people,
    notNames: knownData.notNames,
  };
}

/**
 * Our committed lists (src/nlp/ner/data/, sources in its README): the curated ones plus the lists
 * built from open data by `npm run build:gazetteers` (GeoNames places, ISO country names, Arabic
 * given names). The open-data given names are gazetteer features only: linking keeps reading the
 * curated names.json.
 */
export function defaultGazetteerLists(): GazetteerLists {
  const curated = curatedGazetteerLists();
  return {
    ...curated,
    countries: [...curated.countries, ...isoCountriesData.countries],
    cities: [...curated.cities, ...geonamesData.places],
    givenNames: [...curated.givenNames, ...openNamesData.givenNames],
  };
}

let cachedDefault: Gazetteer | null = null;

export function defaultGazetteer(): Gazetteer {
  cachedDefault ??= buildGazetteer(defaultGazetteerLists());
  return cachedDefault;
}
