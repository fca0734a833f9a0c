// Grammatical gender and number of a speaker's head noun, for matching a pronoun cue («وأضافت»,
// «وتابعوا») to the earlier speaker it continues. Arabic verbs agree with their subject: a feminine
// head («وزيرة», «المتحدثة», «الحكومة») takes «قالت», a sound masculine plural («المسؤولون») takes
// «قالوا», a non-human broken plural («المصادر») either. Given names carry no mark when they end
// in a long vowel («هدى», «سلمى») or carry a «ة» while masculine («أسامة», «حمزة»), so those are
// listed. Our own lists, from common Arabic and foreign given names in news; nothing is copied.
import { normalise } from '../../text/normalise.js';

const set = (words: string[]): ReadonlySet<string> => new Set(words.map(normalise));

/** Feminine given names without a «ة» (or that a reader knows as feminine). */
export const FEMININE_GIVEN_NAMES = set([
  'مريم', 'زينب', 'سارة', 'ليلى', 'هدى', 'منى', 'نور', 'رنا', 'رشا', 'دينا', 'لينا', 'ريم', 'سلمى', 'هند', 'سعاد', 'نادية',
  'أمل', 'إيمان', 'نجلاء', 'رانيا', 'سهام', 'وفاء', 'صفاء', 'علياء', 'حنان', 'نوال', 'هيفاء', 'ياسمين', 'نسرين', 'شيرين',
  'ميساء', 'ديما', 'لمى', 'عبير', 'سوسن', 'ابتسام', 'نهى', 'مها', 'منال', 'سناء', 'نجاة', 'روان', 'جنى', 'رهف', 'إلهام',
  'بشرى', 'كوثر', 'أسماء', 'زهراء', 'فدوى', 'سحر', 'ناهد', 'لبنى', 'ولاء', 'دعاء', 'آية', 'إسراء', 'شيماء', 'جيهان', 'رحاب',
  'نرمين', 'نيفين', 'دلال', 'وداد', 'ابتهال', 'آمال', 'أحلام', 'عفاف', 'نهاد', 'غدير', 'تغريد', 'هيام', 'مي', 'لمياء',
  'ماري', 'ماريا', 'أنجيلا', 'هيلاري', 'كامالا', 'تيريزا', 'أورسولا', 'كريستين', 'نيكي', 'ليز', 'جورجيا', 'مارين', 'إليزابيث',
  'كاثرين', 'سوزان', 'جوليا', 'هيلين', 'نانسي', 'جانيت', 'سامانثا', 'ليندا', 'باربرا', 'كارين', 'ناتالي', 'كاتي', 'آنا', 'إيلينا',
]);

/** Masculine given names that end in «ة» or «اء» (the feminine look of a word is not the person's). */
export const MASCULINE_GIVEN_NAMES = set([
  'أسامة', 'حمزة', 'طلحة', 'عبيدة', 'عكرمة', 'معاوية', 'قتيبة', 'عروة', 'عطية', 'حذيفة', 'خليفة', 'ربيعة', 'مسلمة',
  'جبلة', 'عبادة', 'سلامة', 'ضياء', 'علاء', 'بهاء', 'زكرياء',
]);

/** Broken plurals of speaker heads: the verb after them may be plural or feminine singular. */
export const BROKEN_PLURAL_HEADS = set([
  'مصادر', 'خبراء', 'شهود', 'قادة', 'ضباط', 'نواب', 'أطباء', 'سكان', 'عناصر', 'جهات', 'أوساط', 'أنباء', 'تقارير', 'وثائق',
  'فصائل', 'أعضاء', 'أشخاص', 'وزراء', 'زعماء', 'مسلحون', 'رؤساء', 'سفراء', 'علماء', 'مسؤولو', 'شركات', 'منظمات', 'دول',
]);
