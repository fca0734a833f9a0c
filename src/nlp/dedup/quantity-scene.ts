// Where a counted event happened (quantity-facts.ts `scene`): the places of the number's sentence and
// the one before it, less a place that only locates another.
import { COUNTRY_PREFIX } from './place-country.js';
import { placeWords } from './quantity-subjects.js';
import { SUBJECT_HEADS } from './quantity-lexicon.js';
import type { FactEntity, FactToken } from './quantity-words.js';
import { normalise, searchKey } from '../text/normalise.js';

/** Place words kept for a number's `scene`. */
const SCENE_WORDS = 8;

/**
 * Where the counted event happened (`scene`): the places named in the number's sentence (`own`),
 * then those of the sentence before it, the lead that often says where («انهار جدار … في صيدا. وقال
 * الصليب الأحمر إن 17 طالبا أصيبوا»). Their words as noun keys, not a country («اليمن»: a whole
 * war's roundup names it) nor a name's head («مدينة»).
 */
export function sceneOf(tokens: readonly FactToken[], sentence: readonly FactToken[], entities: readonly FactEntity[]): { scene: string[]; own: number } {
  const first = sentence[0];
  const last = sentence[sentence.length - 1];
  if (first === undefined || last === undefined) return { scene: [], own: 0 };
  // The places of one sentence (`words`, its tokens): a distance reference is read in it alone.
  const placesIn = (words: readonly FactToken[]): string[] => {
    const from = words[0]!.start;
    const to = words[words.length - 1]!.end;
    const out: string[] = [];
    for (const e of entities) {
      if (e.type !== 'LOC' || e.start === undefined || e.end === undefined || e.start < from || e.end > to) continue;
      if (distanceReference(words, e.start)) continue;
      const place = placeWords({ ...e, start: e.start, end: e.end }, tokens);
      if (place.token?.startsWith(COUNTRY_PREFIX)) continue;
      for (const k of place.keys) if (k.length >= 2 && !SUBJECT_HEADS.has(k)) out.push(k);
    }
    return [...new Set(out)];
  };
  const own = placesIn(sentence).slice(0, SCENE_WORDS);
  const at = sentence.find((t) => t.sentence !== undefined)?.sentence;
  const previous = at === undefined || at === 0 ? [] : tokens.filter((t) => t.sentence === at - 1);
  const before = previous.length === 0 ? [] : placesIn(previous).filter((k) => !own.includes(k));
  return { scene: [...own, ...before].slice(0, SCENE_WORDS), own: own.length };
}

/** Words of a compass direction, as keys («شمال», «شرقي», «جنوب غرب»…). */
const DIRECTION_WORDS: ReadonlySet<string> = new Set(['شمال', 'جنوب', 'شرق', 'غرب', 'شمالي', 'جنوبي', 'شرقي', 'غربي'].map((w) => searchKey(normalise(w))));
/** Units of a distance before a direction («57 كم شمال شرقي بغداد»). */
const DISTANCE_UNITS: ReadonlySet<string> = new Set(['كم', 'كلم', 'كيلومتر', 'كيلومترا', 'كيلومترات', 'ميل', 'ميلا'].map((w) => searchKey(normalise(w))));

/**
 * Whether the place starting at `start` only locates another one («مدينة بعقوبة … 57 كم شمال شرقي
 * بغداد»): a distance and a direction right before it. Iraqi and Yemeni roundups place every town
 * from the capital, and two towns' tolls then met on «بغداد» (SaudiNewsNet 2015-07-24, conflict round 10).
 */
function distanceReference(tokens: readonly FactToken[], start: number): boolean {
  const at = tokens.findIndex((t) => t.start >= start);
  if (at <= 0) return false;
  let i = at - 1;
  let directions = 0;
  while (i >= 0 && directions < 2 && tokens[i]!.kind === 'word' && DIRECTION_WORDS.has(searchKey(normalise(tokens[i]!.text)))) {
    i--;
    directions++;
  }
  if (directions === 0) return false;
  // The unit, possibly after a slash or glued to its number («250/كم»).
  while (i >= 0 && tokens[i]!.kind !== 'word' && at - i <= 5) i--;
  return i >= 0 && DISTANCE_UNITS.has(searchKey(normalise(tokens[i]!.text)));
}
