// Arabic number words (masculine and feminine forms, nominative/oblique endings), scale words,
// vague plurals and fractions, normalised. From the grammar of Arabic numerals.
import { normalise } from '../../text/normalise.js';

function table(entries: Array<[string[], number]>): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const [words, value] of entries) for (const w of words) map.set(normalise(w), value);
  return map;
}

/** 1–10 (as a unit they combine with «عشر/عشرة» into 11–19). */
export const UNITS = table([
  [['واحد', 'واحدة', 'واحدا', 'أحد', 'إحدى'], 1],
  [['اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'اثنا', 'اثنتا', 'اثني', 'اثنتي'], 2],
  [['ثلاث', 'ثلاثة', 'ثلاثا'], 3],
  [['أربع', 'أربعة', 'أربعا'], 4],
  [['خمس', 'خمسة', 'خمسا'], 5],
  [['ست', 'ستة'], 6],
  [['سبع', 'سبعة', 'سبعا'], 7],
  [['ثمان', 'ثماني', 'ثمانية'], 8],
  [['تسع', 'تسعة', 'تسعا'], 9],
  [['عشر', 'عشرة'], 10],
]);
/** «أحد/إحدى» alone mean «one of» (not a count); they only count in «أحد عشر». */
export const UNIT_ONLY_IN_TEENS: ReadonlySet<string> = new Set(['احد', 'احدي']);
/** The second word of 11–19. */
export const TEEN_TAILS: ReadonlySet<string> = new Set(['عشر', 'عشرة']);
/**
 * Definite ordinals 1–9, the first word of «الرابع عشر» (14th): «عشر» after one of them is an
 * ordinal's tail, after any other definite word a count («السجن عشر سنوات»).
 */
export const ORDINAL_UNITS: ReadonlySet<string> = new Set(
  ['الحادي', 'الحادية', 'الثاني', 'الثانية', 'الثالث', 'الثالثة', 'الرابع', 'الرابعة', 'الخامس', 'الخامسة', 'السادس', 'السادسة', 'السابع', 'السابعة', 'الثامن', 'الثامنة', 'التاسع', 'التاسعة'].map(normalise),
);

export const TENS = table([
  [['عشرون', 'عشرين'], 20],
  [['ثلاثون', 'ثلاثين'], 30],
  [['أربعون', 'أربعين'], 40],
  [['خمسون', 'خمسين'], 50],
  [['ستون', 'ستين'], 60],
  [['سبعون', 'سبعين'], 70],
  [['ثمانون', 'ثمانين'], 80],
  [['تسعون', 'تسعين'], 90],
]);

export const HUNDREDS = table([
  [['مئة', 'مائة', 'مئه', 'مائه'], 100],
  [['مئتان', 'مئتين', 'مائتان', 'مائتين', 'مئتا', 'مائتا', 'مئتي', 'مائتي'], 200],
  [['ثلاثمئة', 'ثلاثمائة'], 300],
  [['أربعمئة', 'أربعمائة'], 400],
  [['خمسمئة', 'خمسمائة'], 500],
  [['ستمئة', 'ستمائة'], 600],
  [['سبعمئة', 'سبعمائة'], 700],
  [['ثمانمئة', 'ثمانمائة', 'ثمانيمئة'], 800],
  [['تسعمئة', 'تسعمائة'], 900],
]);

/** Scale words after a count («5 آلاف», «ثلاثة ملايين», «مليونا»). */
export const SCALES = table([
  [['ألف', 'ألفا', 'آلاف', 'الاف', 'ألوف'], 1e3],
  [['ألفان', 'ألفين', 'ألفي'], 2e3],
  [['مليون', 'مليونا', 'ملايين'], 1e6],
  [['مليونان', 'مليونين', 'مليوني'], 2e6],
  [['مليار', 'مليارا', 'مليارات', 'بليون'], 1e9],
  [['ملياران', 'مليارين', 'ملياري'], 2e9],
  [['تريليون', 'تريليونا', 'تريليونات', 'ترليون', 'ترليونا', 'ترليونات'], 1e12],
  [['تريليونان', 'تريليونين', 'تريليوني', 'ترليونان', 'ترليونين', 'ترليوني'], 2e12],
]);
/** Scales that are plural (only after 3–10, or alone as a vague amount). */
export const PLURAL_SCALES: ReadonlySet<string> = new Set(['الاف', 'الوف', 'ملايين', 'مليارات', 'تريليونات', 'ترليونات'].map(normalise));
/** Scales already carrying their own count (dual forms). */
export const DUAL_SCALES: ReadonlySet<string> = new Set(
  ['الفان', 'الفين', 'الفي', 'مليونان', 'مليونين', 'مليوني', 'ملياران', 'مليارين', 'ملياري', 'تريليونان', 'تريليونين', 'تريليوني', 'ترليونان', 'ترليونين', 'ترليوني'].map(normalise),
);
/**
 * A plural scale word after a vague plural, with or without the article: «عشرات الملايين» is tens of
 * millions (10,000,000–99,999,999), not tens of «ملايين».
 */
export const VAGUE_SCALES: ReadonlyMap<string, number> = new Map(
  ([
    ['آلاف', 1e3],
    ['الآلاف', 1e3],
    ['ألوف', 1e3],
    ['الألوف', 1e3],
    ['ملايين', 1e6],
    ['الملايين', 1e6],
    ['مليارات', 1e9],
    ['المليارات', 1e9],
    ['تريليونات', 1e12],
    ['التريليونات', 1e12],
  ] as Array<[string, number]>).map(([w, v]) => [normalise(w), v]),
);

/** Vague plurals: a range of magnitude («عشرات» = 10–99). */
export const VAGUE: ReadonlyMap<string, [number, number]> = new Map(
  ([
    ['عشرات', [10, 99]],
    ['مئات', [100, 999]],
    ['آلاف', [1000, 9999]],
    ['ألوف', [1000, 9999]],
    ['ملايين', [1e6, 1e9 - 1]],
    ['مليارات', [1e9, 1e12 - 1]],
  ] as Array<[string, [number, number]]>).map(([w, r]) => [normalise(w), r]),
);

/** Fractions of a following noun («ثلث أراضي العراق»). */
export const FRACTIONS = table([
  [['نصف'], 0.5],
  [['ثلث'], 1 / 3],
  [['ثلثا', 'ثلثي'], 2 / 3],
  [['ربع'], 0.25],
]);
