// Word lists for reading what a number counts (quantity-facts.ts). Written as Arabic is spelled and
// turned into the text layer's search keys here, so «إصابة» and «اصابه» are one entry.
import { normalise, searchKey } from '../text/normalise.js';
import { nounKey } from './skeleton.js';

const key = (word: string): string => searchKey(normalise(word));
const keys = (words: readonly string[]): Set<string> => new Set(words.map((w) => w.split(' ').map(key).join(' ')));

/**
 * Roles: what happened to what is counted. A word names a role when its key (clitics off) starts
 * with one of these stems and goes on by at most three letters («قتلوا», «إصاباتهم»). Two counts of
 * «شخص» are one thing only with one role: «قتل 12 شخصا» and «اعتقل 14 شخصا» are not compared.
 */
export const ROLE_STEMS: ReadonlyArray<readonly [string, readonly string[]]> = (
  [
    ['killed', ['غرق', 'غريق', 'غرقى', 'قتل', 'قتيل', 'قتلى', 'مقتل', 'مصرع', 'حتف', 'وفاة', 'وفيات', 'توفي', 'توفوا', 'توفى', 'توفيا', 'ضحايا', 'ضحية', 'أودى', 'أودت', 'لقي', 'يقتل', 'استشهد', 'شهيد', 'شهداء', 'موتى', 'جثث', 'جثة', 'جثتي', 'جثتا', 'جثتين', 'قضوا']],
    ['wounded', ['أصيب', 'إصابة', 'إصابات', 'مصاب', 'جرح', 'جريح', 'جرحى', 'يصاب']],
    ['missing', ['مفقود', 'فقد', 'فقدان', 'مفقودين']],
    ['abducted', ['خطف', 'اختطف', 'اختطاف', 'مختطف', 'مخطوف', 'اقتاد', 'يختطف', 'يخطف', 'رهينة', 'رهائن']],
    ['arrested', ['اعتقل', 'معتقل', 'اعتقال', 'أوقف', 'توقيف', 'موقوف', 'احتجز', 'محتجز', 'احتجاز', 'أسير', 'أسرى', 'قبض', 'سجين', 'سجناء', 'يعتقل']],
    ['released', ['أفرج', 'إفراج', 'أطلق سراح', 'سراح', 'محرر']],
    // Suspects sent before a prosecutor are a part of the arrested («أحالت 17 موقوفا على وكيل الملك»
    // after 23 arrests): not their count. («محال» is also «shops»: not a stem.)
    ['referred', ['أحال', 'أحالت', 'إحالة', 'أحيل', 'يحال']],
    ['damaged', ['تضرر', 'تضررت', 'متضرر', 'أضرار', 'ضرر', 'تصدع']],
    ['destroyed', ['دمر', 'تدمير', 'مدمر', 'انهيار', 'انهار', 'انهارت', 'هدم', 'سوي', 'احترق', 'احتراق']],
    ['displaced', ['نزح', 'نازح', 'نزوح', 'مهجر', 'لاجئ', 'لاجئين', 'شرد', 'مشرد']],
    ['intercepted', ['اعترض', 'اعتراض', 'أسقط', 'إسقاط', 'تصدى', 'يعترض']],
    ['fired', ['أطلق', 'إطلاق', 'أطلقت', 'يطلق', 'أمطر']],
    ['fell', ['سقط', 'سقوط', 'سقطت']],
    ['won', ['فاز', 'فوز', 'حصد', 'حصل', 'نال', 'كسب', 'حاز', 'انتزع', 'يفوز', 'حصول', 'فائز']],
    ['contested', ['أصل', 'إجمالي', 'مجموع', 'يتنافس', 'تنافس', 'متنافس', 'منافسة', 'يخوض', 'تخوض']],
    ['registered', ['مسجل', 'سجل', 'يحق', 'مؤهل', 'المقيدين', 'مقيد']],
    ['voted', ['أدلى', 'صوت', 'مقترع', 'اقترع', 'وافق', 'موافقة', 'أيد', 'تأييد']],
    ['fined', ['غرامة', 'غرم', 'تغريم']],
    ['taken', ['اختلاس', 'اختلس', 'استولى', 'نهب', 'سرقة', 'سرق', 'رشوة', 'رشاوى', 'تهريب']],
    ['sentenced', ['سجن', 'حبس', 'السجن', 'بالسجن', 'حكم', 'الحبس', 'مؤبد', 'أشغال']],
    ['duration', ['مدة', 'مدته', 'لمدة', 'مدتها', 'تمتد', 'يمتد', 'ممتد', 'تستمر', 'يستمر']],
    // «أخلت السلطات 45 أسرة», «إخلاء 300 عائلة» (the Maghreb's word; «إخلاء سبيل» is released: `ROLE_PHRASES`).
    ['evacuated', ['أجلي', 'إجلاء', 'أجلت', 'أجلوا', 'أجلى', 'يجلي', 'أخلى', 'أخلت', 'أخليت', 'إخلاء', 'أخلي', 'أخلوا']],
    ['rescued', ['أنقذ', 'إنقاذ', 'انتشال', 'انتشل']],
    // The recovered of an epidemic or a hospital's patients («فيما شفيت 583 حالة», «تعافى 40
    // مريضا»): not its cases (SaudiNewsNet 2015-08-04, conflict round 10: 583 recoveries since 2012
    // against the day's 4 new cases).
    ['recovered', ['شفي', 'شفيت', 'شفاء', 'تعافى', 'تعافت', 'تعافي', 'متعاف']],
    ['deployed', ['نشر', 'ينتشر', 'منتشر', 'تواجد', 'يتواجد', 'متمركز', 'قوامها', 'قوامه']],
    // A crowd: one protest's size as «1500 متظاهر», «نحو 600 محتج», «800 مشارك» or «خمسة آلاف شخص
    // شاركوا» (conflict pairs C–F, spent: organisers' and police figures). People, whatever the noun;
    // not «شارك» alone («شاركت 12 دولة»), nor the event («تظاهرة», «مشاركة»: `NOT_ROLE_FORMS`).
    ['participated', ['تظاهر', 'متظاهر', 'احتج', 'محتج', 'مشارك', 'شاركوا', 'محتشد']],
  ] as const
).map(([role, stems]) => [role, [...new Set(stems.map((s) => s.split(' ').map(key).join(' ')))].sort((a, b) => b.length - a.length)] as const);

/** Words a role stem starts that name an event or an act, not what happened to the counted («تظاهرة», «مشاركة»). */
export const NOT_ROLE_FORMS: ReadonlySet<string> = keys(['تظاهرة', 'تظاهرات', 'مشاركة', 'مشاركات']);

/**
 * Two-word roles, read before the single word: «فقدوا حياتهم» is a death, not «فقد» missing;
 * «تلقوا العلاج» / «تلقوا الإسعافات» an injury; «أطلقت سراحهم» a release, not «أطلق» fired. Each is
 * the first word's stem and the second's (keys, clitics off), as `ROLE_STEMS` reads stems.
 */
export const ROLE_PHRASES: ReadonlyArray<readonly [string, string, string]> = (
  [
    ['فقد', 'حياة', 'killed'],
    ['فقد', 'حيات', 'killed'],
    ['تلقى', 'علاج', 'wounded'],
    ['تلقوا', 'علاج', 'wounded'],
    ['تلقى', 'إسعاف', 'wounded'],
    ['تلقوا', 'إسعاف', 'wounded'],
    ['أطلق', 'سراح', 'released'],
    ['أخلى', 'سبيل', 'released'],
    ['أخلت', 'سبيل', 'released'],
    ['أخلي', 'سبيل', 'released'],
    ['إخلاء', 'سبيل', 'released'],
  ] as const
).map(([first, second, role]) => [key(first), key(second), role] as const);

/**
 * The roles an amount of money or a share keeps in what it counts: a share won or voted, a part of a
 * whole (24% won by a list is not the turnout). Other role words near a sum are its frame, not a
 * role: «غرامات مجموعها 30 مليون ريال» and «تغريم الشركات 18 مليون ريال» are one fine, compared in
 * the same frame as any sum; «مصروفات إجمالية قدرها» is no total contested, «سجلت نموا بلغ 8.1%»
 * no register, «وزارة الأشغال … العقد البالغة قيمته» no prison term. (Conflict pairs B–E, spent:
 * 8 real discrepancies in money and rates were two things by such roles.)
 */
export const MONEY_SHARE_ROLES: ReadonlySet<string> = new Set(['won', 'voted']);

/** Roles whose counts rise as news comes in: a different figure on a later day is an update (see conflict-rules.ts). */
export const RISING_ROLES: ReadonlySet<string> = new Set(['killed', 'wounded', 'missing', 'abducted', 'arrested', 'displaced', 'evacuated', 'rescued', 'released', 'recovered']);
/** Words that say a count is cumulative («ارتفعت حصيلة…», «ليرتفع العدد إلى»). */
// «منذ»: a count since a starting point («340 حالة اشتباه منذ بداية تفشي المرض») grows with the days.
// «بات يغطي 22 كيلومترا», «أصبحت تغطي»: the figure has grown to this (conflict round 8; I, spent: an
// oil slick's coast three days on).
export const CUMULATIVE_WORDS = keys(['حصيلة', 'ارتفع', 'ارتفعت', 'ليرتفع', 'لترتفع', 'يرتفع', 'ترتفع', 'تراكمي', 'الآن', 'ليصل', 'لتصل', 'ليبلغ', 'لتبلغ', 'منذ', 'بات', 'باتت', 'أصبح', 'أصبحت', 'صار', 'صارت']);

/**
 * Words that say a figure is an amount without saying of what («قيمة», «مبلغ», «بلغت», «قدرها»):
 * not a frame word. «تبلغ قيمة القرض 150 مليون» and «العقد البالغة قيمته 240 مليون» share only them.
 */
export const VALUE_WORDS: ReadonlySet<string> = new Set(
  ['قيمة', 'قيمته', 'قيمتها', 'بقيمة', 'مبلغ', 'حجم', 'بلغ', 'بلغت', 'يبلغ', 'تبلغ', 'البالغ', 'البالغة', 'قدره', 'قدرها', 'بنحو', 'نحو', 'إجمالي', 'مجموع'].map((w) => nounKey(key(w))),
);

/** «بينهم 5 أطفال», «منهم»: a part of a count named before. */
export const SUBGROUP_MARKERS = keys(['بينهم', 'بينهن', 'منهم', 'منهن', 'بينها', 'منها', 'ومنهم', 'وبينهم', 'بينهما', 'منهما']);
/**
 * Of those, the ones that name a part of the count they follow («لقي خمسة أشخاص حتفهم بينهم طفلان»:
 * five in all, two of them children), where «منها», «منهم» after a count point back to a larger one.
 */
export const PART_AFTER_MARKERS = keys(['بينهم', 'بينهن', 'بينها', 'وبينهم', 'بينهما']);

/** Nouns of time (as keys of `nounKey`): «لمدة» counts their length (a prison term) only with one of them. */
export const TIME_NOUNS: ReadonlySet<string> = new Set(['ساعة', 'ساعات', 'يوم', 'أيام', 'يوما', 'أسبوع', 'أسابيع', 'شهر', 'أشهر', 'شهور', 'شهرا', 'سنة', 'سنوات', 'عام', 'أعوام', 'عاما', 'دقيقة', 'دقائق', 'ثانية', 'ثوان', 'عقد', 'عقود'].map((w) => nounKey(key(w))));

/** Bound words before a number (word sequences as keys, found among the four words before it: «لا يتجاوز طولها ثلاثة»). */
const sequences = (phrases: readonly string[]): string[][] => phrases.map((phrase) => phrase.split(' ').map(key));
export const LOWER_BEFORE = sequences(['أكثر من', 'أزيد من', 'يزيد عن', 'يزيد على', 'تزيد عن', 'تزيد على', 'لا يقل عن', 'لا تقل عن', 'يربو على', 'تجاوز', 'تجاوزت', 'يتجاوز', 'يفوق', 'يتخطى', 'تخطى']);
export const UPPER_BEFORE = sequences(['أقل من', 'لا يتجاوز', 'لا تتجاوز', 'لم يتجاوز', 'لم تتجاوز', 'لا يزيد', 'لا تزيد', 'لم يزد', 'ما دون', 'أقصاه', 'لا يتعدى', 'لا تتعدى']);
/** Bound words right after the number's counted phrase. */
export const LOWER_AFTER = sequences(['على الأقل', 'أو أكثر', 'ونيف', 'فأكثر', 'وأكثر']);
export const UPPER_AFTER = sequences(['على الأكثر', 'أو أقل', 'فأقل', 'كحد أقصى']);
/** Heads of a named group («حزب العدالة», «تحالف دولة القانون»): the next word names the subject even when NER missed it. */
export const GROUP_HEADS = keys(['حزب', 'تحالف', 'ائتلاف', 'قائمة', 'لائحة', 'كتلة', 'حركة', 'جبهة', 'تيار', 'جماعة']);

/** Counted nouns that name no particular thing: compared only with a role, or in the same frame (as `nounKey`). */
export const GENERIC_NOUNS: ReadonlySet<string> = new Set(
  ['شخص', 'أشخاص', 'فرد', 'أفراد', 'مواطن', 'إنسان', 'نسمة', 'آخر', 'آخرون', 'آخرين', 'حالة', 'مرة', '%', 'دولار', 'جنيه', 'دينار', 'ريال', 'يورو', 'درهم', 'ليرة', 'مليون', 'مليار', 'ألف', 'نقطة'].map((w) => nounKey(key(w))),
);

/**
 * Nouns that outlets use for one counted thing (as `nounKey`, each mapped to its group's first):
 * a cabinet of 22 «وزيرا» or 26 «حقيبة», a parliament of 329 «نائبا» or 275 «عضوا», four «مسيرات»
 * or six «طائرات», 27 «مسلحا» or 19 «من مقاتلي». Written for the conflict rules from the pairs'
 * wording (conflict pairs B, spent), not from a list. Only groups whose skeletons are their own:
 * «زائر» is «وزير»'s («زر») and «أسرة», «سيارة» and «أسير» share «سر», so visitors, families and
 * vehicles are not grouped (the skeleton already joins what it joins).
 */
const NOUN_GROUPS: ReadonlyArray<readonly string[]> = [
  ['وزير', 'وزراء', 'حقيبة', 'حقائب'],
  ['نائب', 'نواب', 'عضو', 'أعضاء', 'مقعد', 'مقاعد'],
  ['مسيرة', 'مسيرات', 'طائرة', 'طائرات'],
  ['مسلح', 'مسلحين', 'مقاتل', 'مقاتلين', 'مقاتلي'],
  ['جندي', 'جنود', 'عسكري', 'عسكريين'],
  ['منزل', 'منازل', 'بيت', 'بيوت', 'مسكن', 'مساكن'],
  // A prison term in «سنوات» or «عاما».
  ['سنة', 'سنوات', 'عام', 'أعوام', 'عاما'],
  ['مشجع', 'مشجعين', 'متفرج', 'متفرجين'],
  ['طالب', 'طلاب', 'تلميذ', 'تلاميذ'],
  // Conflict round 8 (J, spent): a market fire's «85 متجرا» / «40 محلا», a boat's «صيادين» / «بحارة».
  ['محل', 'محلات', 'محال', 'متجر', 'متاجر', 'دكان', 'دكاكين'],
  ['صياد', 'صيادين', 'صيادون', 'بحار', 'بحارة'],
];
export const NOUN_CLASSES: ReadonlyMap<string, string> = new Map(
  NOUN_GROUPS.flatMap((group) => group.map((w) => [nounKey(key(w)), nounKey(key(group[0]!))] as const)),
);

/**
 * Counted nouns that name one thing but whose skeletons are another's, grouped by their written
 * forms (keys without clitics, before the skeleton): «أسرة» and «عائلة» are one family («أسرة»'s
 * skeleton «سر» is also «أسير»'s, «سيارة»'s and «سوري»'s, so `NOUN_GROUPS` cannot hold it), «سيارة»
 * and «مركبة» one vehicle («عربة»'s skeleton is «عرب»: left out). Each form maps to its group's
 * key (the first word's `nounKey`, which no other noun of these spellings has). Conflict pairs C–F
 * (spent): displaced, returning and evacuated families, cars torched, counted as «أسرة» by one
 * outlet and «عائلة» by the other.
 */
const FORM_GROUPS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['عائلة', ['عائلة', 'عائلات', 'أسرة', 'أسر']],
  ['مركبة', ['مركبة', 'مركبات', 'سيارة', 'سيارات']],
  // Broken plurals of currencies, whose skeletons are not the singular's («دنانير» → «دننر»).
  ['دينار', ['دينار', 'دنانير']],
  ['درهم', ['درهم', 'دراهم']],
];
export const FORM_CLASSES: ReadonlyMap<string, string> = new Map(
  FORM_GROUPS.flatMap(([head, forms]) => forms.map((w) => [key(w), nounKey(key(head))] as const)),
);

/**
 * Words that name an illness, a poisoning or an outbreak (keys; a word starting with one names it):
 * in a sentence with one of them, «حالة» (a case) counts the people struck, as «إصابة» does
 * («64 حالة تسمم غذائي» / «أصيب أكثر من 90 شخصا بتسمم غذائي»; conflict pairs C–F, spent).
 */
export const ILLNESS_WORDS: readonly string[] = [
  'تسمم', 'حمى', 'ضنك', 'حصبة', 'كوليرا', 'إسهال', 'اختناق', 'عدوى', 'وباء', 'فيروس', 'كورونا', 'كوفيد', 'إنفلونزا', 'أنفلونزا', 'ملاريا', 'التهاب', 'اشتباه', 'جدري', 'إيبولا', 'تيفوئيد', 'سحايا', 'شلل',
].map(key);

/** Units written two ways: the smaller unit's key and the factor («1.2 كيلومتر» = 1200 «متر»). */
export const UNIT_SCALES: ReadonlyMap<string, readonly [string, number]> = new Map([
  [nounKey(key('كيلومتر')), [nounKey(key('متر')), 1000]],
  [nounKey(key('كيلومترات')), [nounKey(key('متر')), 1000]],
  [nounKey(key('كلم')), [nounKey(key('متر')), 1000]],
  [nounKey(key('كم')), [nounKey(key('متر')), 1000]],
  [nounKey(key('كيلوغرام')), [nounKey(key('غرام')), 1000]],
  [nounKey(key('كغ')), [nounKey(key('غرام')), 1000]],
  [nounKey(key('طن')), [nounKey(key('غرام')), 1_000_000]],
  [nounKey(key('أطنان')), [nounKey(key('غرام')), 1_000_000]],
]);

/**
 * Units of measure (as `nounKey`, after `UNIT_SCALES`): what happens to people never happens to them.
 * «غرق مركب يحمل 500 طن» counts tonnes, not the drowned; «قتل … خلال 3 أيام» counts no one.
 */
export const MEASURE_NOUNS: ReadonlySet<string> = new Set(
  ['متر', 'غرام', 'ميل', 'كيلو', 'برميل', 'لتر', 'هكتار', 'دونم', 'فدان', 'قدم', 'بوصة', 'ميغاواط', 'واط', 'درجة', 'كيلوواط'].map((w) => nounKey(key(w))),
);

/** Function words skipped when naming the frame of a number. */
export const FUNCTION_WORDS = keys([
  'في', 'على', 'إلى', 'الى', 'عن', 'من', 'مع', 'أن', 'إن', 'أو', 'ثم', 'قد', 'لم', 'لا', 'ما', 'هو', 'هي', 'التي', 'الذي', 'الذين', 'منذ', 'حتى', 'بين', 'بعد',
  'قبل', 'خلال', 'عند', 'لدى', 'نحو', 'حوالي', 'قرابة', 'فقط', 'كل', 'أكثر', 'أقل', 'و', 'هذا', 'هذه', 'ذلك', 'تلك', 'بلغ', 'بلغت', 'وصل', 'وصلت', 'عدد', 'نسبة',
  'معدل', 'ارتفع', 'ارتفعت', 'تراجع', 'تراجعت', 'انخفض', 'انخفضت', 'زهاء', 'يقارب', 'قال', 'قالت', 'أكد', 'أكدت', 'أعلن', 'أعلنت', 'وفق', 'بحسب', 'حسب', 'إنه', 'أنه', 'نحو',
]);

/** Words that open the period a count is over: two counts over different periods are two counts. */
/**
 * Month names (Gregorian and Levantine, as `nounKey`): «بين» opens a period only before a time word
 * («بين أكتوبر ويوليو», «بين عامي 2017 و2020»), not «بين شاحنة وحافلة» nor «بين حمص ودمشق».
 */
export const MONTH_NOUNS: ReadonlySet<string> = new Set(
  ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر', 'جانفي', 'فيفري', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'كانون', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين'].map((w) => nounKey(key(w))),
);
/** The period marker that needs a time word after it. */
export const BETWEEN = key('بين');
export const PERIOD_MARKERS = new Set([...keys(['منذ', 'خلال', 'طوال', 'بين', 'مطلع', 'بداية']), 'منذ', 'خلال', 'بين']);

/** Heads of names that say nothing of whose («وزارة الصحة», «حزب العدالة»): not subjects on their own (as `nounKey`). */
export const SUBJECT_HEAD_WORDS: readonly string[] = [
  'حزب', 'تحالف', 'ائتلاف', 'قائمة', 'كتلة', 'حركة', 'جبهة', 'تيار', 'جماعة', 'وزارة', 'وزير', 'جيش', 'قوات', 'مدينة', 'محافظة', 'ولاية', 'شركة', 'مجلس', 'منظمة', 'هيئة', 'دولة', 'جمهورية', 'مملكة', 'بنك', 'صندوق', 'تنمية', 'لائحة', 'جامعة', 'مطار', 'ميناء', 'منطقة', 'إقليم', 'بلدة', 'قرية', 'حي', 'جبل', 'وادي', 'مديرية', 'شمال', 'جنوب', 'شرق', 'غرب', 'عام', 'عامة', 'وطني', 'وطنية', 'الأمن', 'أمن', 'شرطة'];
export const SUBJECT_HEADS: ReadonlySet<string> = new Set(SUBJECT_HEAD_WORDS.map((w) => nounKey(key(w))));
/** The heads as written (search keys without «ال»): a place whose skeleton is a head's is not one (`placeWords`). */
export const SUBJECT_HEAD_FORMS: ReadonlySet<string> = new Set(SUBJECT_HEAD_WORDS.map((w) => key(w).replace(/^ال/u, '')));

/** Words that say «members of» before the group's name («من عناصر الميليشيات», «من أفراد المقاومة»): not the group (as `nounKey`). */
export const AFFILIATION_HEADS: ReadonlySet<string> = new Set(
  ['عناصر', 'عنصر', 'أفراد', 'فرد', 'منتسبي', 'مقاتلي', 'رجال', 'أعضاء', 'عضو', 'صفوف', 'قبل', 'بين', 'أصل', 'إجمالي', 'مجموع'].map((w) => nounKey(key(w))),
);

/** Roles that happen to people: their counts are one thing whatever noun names the people. */
/**
 * Roles on things that say what befell them (conflict round 7): «70 مركبة احترقت» meets «46 مركبة»
 * with no role read, as a people role does (hectares burnt, homes flooded, tonnes seized). Not the
 * roles that pick a part of a whole or another count of the noun: seats won against a council's
 * seats, MPs who voted against those present, drones downed against those launched.
 */
export const THING_ROLES_MEET_NONE: ReadonlySet<string> = new Set(['damaged', 'destroyed', 'taken']);

export const PERSON_ROLES: ReadonlySet<string> = new Set(['killed', 'wounded', 'missing', 'abducted', 'arrested', 'released', 'referred', 'displaced', 'evacuated', 'rescued', 'participated', 'recovered']);
/** Roles that say what happened to a counted group now, over what its noun says it was («أفرج عن 50 أسيرا»). */
export const OVERRIDING_ROLES: ReadonlySet<string> = new Set(['released', 'referred', 'rescued', 'evacuated']);
/** Nouns that name a category of people inside a toll or a group (a part, not the whole): as `nounKey`. */
export const CATEGORY_NOUNS: ReadonlySet<string> = new Set(
  ['طفل', 'أطفال', 'امرأة', 'نساء', 'جندي', 'جنود', 'عسكري', 'عسكريين', 'مدني', 'مدنيين', 'شرطي', 'شرطة', 'مسلح', 'مقاتل', 'صحفي', 'طالب', 'طلاب', 'تلميذ', 'تلاميذ', 'أجنبي', 'أجانب', 'مسعف', 'مستوطن'].map((w) => nounKey(key(w))),
);

/**
 * Categories that may be a whole toll: an attack on a market kills civilians, a battle fighters
 * («مقتل 21 مدنيا» / «35 قتيلا»); children, women or journalists are counted as part of one (as `nounKey`).
 */
export const WHOLE_CATEGORY_NOUNS: ReadonlySet<string> = new Set(['مدني', 'مدنيين', 'مسلح', 'مقاتل'].map((w) => nounKey(key(w))));

/** Roles read after a counted phrase (what happened to it): people's, and rockets fired or stopped. */
export const AFTER_ROLES: ReadonlySet<string> = new Set([...PERSON_ROLES, 'fired', 'intercepted', 'fell']);
/** Number words that can follow «بينهم» («14 وزيرا بينهم ثلاثة»: a part of this count is named next). */
// The tens too: «أقل من خمسين» is a number word its bound stands before (quantity-facts.ts).
export const NUMBER_WORDS = keys([
  'واحد', 'إحدى', 'اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'ثلاث', 'ثلاثة', 'أربعة', 'أربع', 'خمسة', 'خمس', 'ستة', 'ست', 'سبعة', 'سبع', 'ثمانية', 'ثماني', 'تسعة', 'تسع', 'عشرة', 'عشر', 'عشرات', 'مئات', 'مئة', 'مائة',
  'عشرون', 'عشرين', 'ثلاثون', 'ثلاثين', 'أربعون', 'أربعين', 'خمسون', 'خمسين', 'ستون', 'ستين', 'سبعون', 'سبعين', 'ثمانون', 'ثمانين', 'تسعون', 'تسعين',
]);
/** Scale words («16 مليارا و600 مليون»). */
export const SCALE_WORDS = keys(['مليار', 'مليارا', 'مليارات', 'مليون', 'مليونا', 'ملايين', 'ألف', 'ألفا', 'آلاف']);
