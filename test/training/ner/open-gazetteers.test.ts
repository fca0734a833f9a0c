import { describe, expect, it } from 'vitest';
import { arabicScriptName, countryNames, givenNames, placeNames, type GeoNamesPlace } from '../../../training/ner/open-gazetteers.js';
import { mostlyOrdinary, wordUsage } from '../../../training/ner/word-usage.js';
import { buildGazetteer, curatedGazetteerLists, defaultGazetteer, defaultGazetteerLists, phraseKey } from '../../../src/nlp/ner/gazetteer.js';
import { gazetteerMarks } from '../../../src/nlp/ner/features.js';
import { analyseText } from '../../../src/nlp/text/index.js';
import { toNerToken } from '../../../src/nlp/ner/tokens.js';

const place = (alternateNames: string[], countryCode: string, population: number, featureCode = 'PPL'): GeoNamesPlace => ({
  name: 'x',
  alternateNames,
  featureCode,
  countryCode,
  population,
});
const never = (): boolean => false;

describe('open-data gazetteer filters', () => {
  it('keeps Arabic-script names only, without harakat, and not Persian or Urdu letters', () => {
    expect(arabicScriptName('  عَيْن  الدِّفلة ')).toBe('عين الدفلة');
    expect(arabicScriptName('پاریس')).toBeNull();
    expect(arabicScriptName('Paris')).toBeNull();
    expect(arabicScriptName('ن')).toBeNull();
  });

  it('keeps every Arabic-named place of the region, and elsewhere large places and capitals only', () => {
    const names = placeNames(
      [
        place(['Tall Abyad', 'تل أبيض'], 'SY', 0),
        place(['بلدة صغيرة'], 'FR', 3_000),
        place(['مدينة كبيرة'], 'FR', 80_000),
        place(['عاصمة صغيرة'], 'PW', 300, 'PPLC'),
      ],
      new Set(),
      new Set(),
      never,
    );
    expect(names).toEqual(['تل أبيض', 'عاصمة صغيرة', 'مدينة كبيرة']);
  });

  it('drops places named like a given name outside the region, ordinary words and excluded keys', () => {
    const names = placeNames(
      [place(['كلاي', 'سوف', 'مرسين'], 'US', 90_000), place(['كلاي', 'الشهر'], 'SY', 10)],
      new Set([phraseKey('الشهر')]),
      new Set([phraseKey('كلاي')]),
      (name) => name === 'سوف',
    );
    expect(names).toEqual(['كلاي', 'مرسين']);
  });

  it('keeps given names without romanisation, fragments, particles, the article or ordinary words', () => {
    const keys = ['زينب', 'عبد الفتاح Abad', 'عَ مر', 'ابو', 'العلوي', 'وسام', 'پةريز', 'زينب'];
    expect(givenNames(keys, new Set(), (name) => name === 'وسام')).toEqual(['زينب', 'عبد الفتاح']);
  });

  it('lists each country name once, without parenthesised notes', () => {
    expect(countryNames({ EG: 'مصر', MM: ['ميانمار', 'ميانمار (بورما)', 'بورما'] })).toEqual(['بورما', 'مصر', 'ميانمار']);
  });
});

describe('word usage from an annotated corpus', () => {
  const usage = wordUsage([
    { tokens: ['سافر', 'الى', 'طرطوس', 'سوف'], tags: ['O', 'O', 'B-LOC', 'O'] },
    { tokens: ['سوف', 'يعود', 'من', 'طرطوس'], tags: ['O', 'O', 'O', 'B-LOC'] },
    { tokens: ['سوف', 'يزور', 'طرطوس', 'الجديدة'], tags: ['O', 'O', 'B-LOC', 'I-LOC'] },
  ]);

  it('counts a form as a one-word name only when the name is that word alone', () => {
    expect(usage.get(phraseKey('طرطوس'))).toEqual({ total: 3, asName: new Map([['LOC', 2]]) });
  });

  it('lets the corpus decide for forms it has often enough, the fallback for the others', () => {
    const ordinary = mostlyOrdinary(usage, 'LOC', 0.5, (name) => name === 'نادرة');
    expect(ordinary('سوف')).toBe(true);
    expect(ordinary('طرطوس')).toBe(false);
    expect(ordinary('نادرة')).toBe(true);
    expect(ordinary('يزور')).toBe(false);
  });
});

describe('the committed open-data lists', () => {
  it('extend the curated lists without losing an entry of them', () => {
    const curated = curatedGazetteerLists();
    const all = defaultGazetteerLists();
    for (const field of ['countries', 'cities', 'givenNames'] as const) {
      expect(all[field].length).toBeGreaterThan(curated[field].length + 100);
      expect(all[field].slice(0, curated[field].length)).toEqual(curated[field]);
    }
    expect(buildGazetteer(all).phrases.size).toBeGreaterThan(buildGazetteer(curated).phrases.size + 5_000);
  });

  it('mark a town only they know, behind a clitic, as a city, and leave ordinary words unmarked', () => {
    const tokens = analyseText('وصل الوفد إلى وطرطوس وسوف يزور عين الدفلة غدا').tokens.map(toNerToken);
    const marks = gazetteerMarks(tokens, defaultGazetteer());
    const marked = (word: string): string[] => marks[tokens.findIndex((t) => t.text === word)]!;
    expect(marked('وطرطوس')).toContain('B:city');
    expect(marked('عين')).toContain('Bm:city');
    expect(marked('الدفلة')).toContain('E:city');
    expect(marked('وسوف')).toEqual([]);
    expect(marked('يزور')).toEqual([]);
  });
});
