import { wordKey as k } from './word-key.js';
import type { DedupToken } from './shingles.js';
import { nisbaToken } from './place-country.js';

/**
 * The town an incident's report says it happened in, read from its lead's grammar: «في مدينة سنار»,
 * «بمدينة سنجة», «في قضاء زاخو», «في منطقة العمادية». Same-kind incidents in one region a day or two
 * apart (two drone strikes in one state, two floods in one province) share the province, the
 * governor, the agency and every word of an incident report, while each report's first sentence
 * names the town the incident struck, after a word that says a town follows. Two leads naming two
 * towns so report two incidents (event-match.ts). Read from the grammar, not from NER: the
 * recogniser misses many small towns, and a town named anywhere else in a lead (where the wounded
 * were taken, the province's capital) is not the incident's. Only the first such town counts; a
 * lead with none states nothing. Pure: tokens in, a town out.
 */

type TownToken = Pick<DedupToken, 'kind' | 'key' | 'stem'>;


/** Words that say a town's name follows, in construct (without «ال»: «مدينة سنار», not «المدينة الصناعية»). */
const TOWN_NOUNS = new Set(['مدينة', 'بلدة', 'قضاء', 'ناحية', 'مدينتي', 'بلدتي'].map(k));
/**
 * A province's words, by level: its name is read only when the sentence names no town nor area («في
 * ولاية كسلا»), and compared with the same word's only (Sudan's «ولاية» is a state, Oman's a district
 * of a «محافظة»).
 */
const PROVINCE_NOUNS = new Map<string, 1 | 2>([[k('ولاية'), 1], [k('محافظة'), 2]]);
/** A district's or an area's word: its name is read only when the sentence names no town («في منطقة العمادية»). */
const AREA_NOUNS = new Set(['منطقة'].map(k));
/** A bare name (no «ال») as compared: without its long vowels and a final «ه» (`nameOf`). */
const foldName = (bare: string): string => bare.replace(/ه$/, '').replace(/[اويء]/g, '');
/**
 * Saudi Arabia's regions, as compared (`nameOf`): after «منطقة» each is a province («بمنطقة الرياض»,
 * «أمير منطقة القصيم»), not an area of a town (story round 9). Read at the level of a «ولاية» (1), not
 * of a «محافظة» (a Saudi «محافظة» is a part of a region): a region and a Sudanese or Omani «ولاية»
 * are never one inside the other, so two names of level 1 are two places either way.
 */
const SAUDI_REGIONS = new Set(
  ['الرياض', 'مكة', 'المدينة', 'القصيم', 'الشرقية', 'عسير', 'تبوك', 'حائل', 'جازان', 'جيزان', 'نجران', 'الباحة', 'الجوف'].map((name) =>
    foldName(k(name).replace(/^ال/, '')),
  ),
);
/** The words before one that name another place than the incident's: where people went or came from («نقلوا إلى مدينة الدمازين»). */
const NOT_AT = new Set(['من', 'إلى', 'الى', 'نحو', 'باتجاه', 'حتى', 'عن', 'بين'].map(k));
const BETWEEN = k('بين');
const IN = new Set(['في'].map(k));
/**
 * Words after a town noun that describe it instead of naming it: «في مدينة عراقية شمالية», «في بلدة
 * حدودية», «مدينة تونسية منجمية». A wire report that does not name the town yet says so, and its
 * adjective read as a name kept it from the reports that name the town (any country's adjective is
 * read as one too, `nisbaToken`).
 */
const DESCRIPTIVE = new Set(
  ['شمالية', 'جنوبية', 'شرقية', 'غربية', 'ساحلية', 'حدودية', 'صغيرة', 'كبيرة', 'نائية', 'منجمية', 'صناعية', 'سياحية', 'جبلية', 'صحراوية', 'ريفية', 'قريبة', 'مجاورة', 'أخرى', 'ثانية', 'واحدة'].map(k),
);
const describes = (token: TownToken): boolean => {
  const key = k(token.key);
  // An indefinite country adjective («عراقية», «تونسية»): read with the article the adjectives' table expects.
  return DESCRIPTIVE.has(key) || (!key.startsWith('ال') && nisbaToken(`ال${token.key}`) !== null);
};
/** Other names of one town («آميدي» is the Kurdish name of «العمادية»), as compared. */
const SAME_TOWN = new Map<string, string>([['اميدي', 'عماديه']]);

/**
 * A town's name as compared: without «ال», its long vowels and a final «ه», so the spellings outlets
 * give one town are one («جازان» and «جيزان», «منبج» and «منبيج», «بارا» and «باره», «سنجة» and «سنجه»).
 */
const nameOf = (token: TownToken): string => {
  const bare = k(token.key).replace(/^ال/, '');
  return foldName(SAME_TOWN.get(bare) ?? bare);
};

/** A lead's place: a town (or an area of one), or a province when it names neither. */
export interface LeadPlace {
  name: string;
  /** 0 a town or an area, 1 a «ولاية» or a Saudi region («منطقة الرياض»), 2 a «محافظة». */
  level: 0 | 1 | 2;
}

/**
 * The town `tokens` (a lead's first sentence) say the news happened in, as compared, or null; a
 * province («في ولاية كسلا», «سجلت ولاية القضارف») when the sentence names no town: a town and a
 * province are not compared (a town may be in that province), two provinces are.
 */
export function leadTown(tokens: readonly TownToken[]): LeadPlace | null {
  let area: string | null = null;
  let province: LeadPlace | null = null;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    const stem = k(token.stem || token.key);
    const town = TOWN_NOUNS.has(stem);
    const level = PROVINCE_NOUNS.get(stem);
    const isProvince = level !== undefined;
    if (!town && !isProvince && !AREA_NOUNS.has(stem)) continue;
    const next = tokens[i + 1]!;
    if (next.kind !== 'word') continue;
    // A Saudi region after «منطقة»: a province wherever it stands («أمير منطقة الرياض»), read as one.
    if (!town && !isProvince && SAUDI_REGIONS.has(nameOf(next))) {
      if (new Set([stem, `ب${stem}`, `ل${stem}`, `و${stem}`, `وب${stem}`]).has(k(token.key)) && !(i > 0 && NOT_AT.has(k(tokens[i - 1]!.key)))) {
        province ??= { name: nameOf(next), level: 1 };
      }
      continue;
    }
    // In construct, bare or with a preposition or conjunction of its own («بمدينة», «لمدينة», «ومدينة»), not after «إلى» or «من».
    if (!new Set([stem, `ب${stem}`, `وب${stem}`, `ل${stem}`, `و${stem}`, `ف${stem}`]).has(k(token.key))) continue;
    const before = i > 0 ? tokens[i - 1]! : undefined;
    if (before && NOT_AT.has(k(before.key))) continue;
    // «بين مدينة النبطية وبلدة كفررمان»: a road between two towns is in neither.
    if (tokens.slice(Math.max(0, i - 4), i).some((word) => k(word.key) === BETWEEN)) continue;
    // An area's name only after «في» or «ب» («في منطقة العمادية»), not «قبالة منطقة البردي» (off a coast).
    if (!town && !isProvince && !(k(token.key) !== stem || (before && IN.has(k(before.stem || before.key))))) continue;
    if (describes(next)) continue;
    const name = nameOf(next);
    if (name.length < 2) continue;
    if (town) return { name, level: 0 };
    if (level !== undefined) province ??= { name, level };
    else area ??= name;
  }
  return area !== null ? { name: area, level: 0 } : province;
}
