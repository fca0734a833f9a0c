// Closed word classes the claim rules look at, normalised once at load (alef variants → ا, ى → ي,
// no diacritics: the `norm` of a token). Our own lists, from the grammar and style of Arabic news.
import { normalise } from '../../text/normalise.js';

const set = (words: string[]): ReadonlySet<string> => new Set(words.map(normalise));

/** Words that open a time expression inside a speaker phrase («قال X اليوم إن»): the speaker ends there. */
export const TIME_WORDS = set([
  'اليوم', 'أمس', 'غدا', 'الليلة', 'صباح', 'مساء', 'ظهر', 'فجر', 'مؤخرا', 'أخيرا', 'حاليا', 'لاحقا', 'سابقا',
  'الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'يوم',
]);
/** Time nouns that need a following «الماضي/الجاري/الحالي/المقبل» (or a preceding «هذا/هذه») to be time. */
export const TIME_NOUNS = set(['الأسبوع', 'الشهر', 'العام', 'السنة', 'الأسابيع', 'الأشهر', 'الأيام', 'الساعات', 'الأسبوع']);
export const TIME_QUALIFIERS = set(['الماضي', 'الماضية', 'الجاري', 'الجارية', 'الحالي', 'الحالية', 'المقبل', 'المقبلة', 'المنصرم', 'الفائت']);
export const DEMONSTRATIVES = set(['هذا', 'هذه', 'ذلك', 'تلك', 'هؤلاء', 'أولئك']);

/** Nouns of a statement's channel: «في بيان», «في تصريح لـ…», «خلال مؤتمر صحفي». */
export const CHANNEL_NOUNS = set([
  'بيان', 'بيانه', 'بيانها', 'تصريح', 'تصريحات', 'حديث', 'مقابلة', 'مؤتمر', 'تغريدة', 'تدوينة', 'منشور', 'كلمة',
  'رسالة', 'اتصال', 'لقاء', 'خطاب', 'تقرير', 'إيجاز', 'مداخلة',
]);
/** Prepositions that introduce a channel phrase. */
export const CHANNEL_PREPS = set(['في', 'خلال', 'عبر']);

/** Outlets and media nouns: «لوكالة الأناضول», «لرويترز» name the addressee, not the speaker. */
export const MEDIA_NOUNS = set([
  'وكالة', 'صحيفة', 'قناة', 'موقع', 'تلفزيون', 'إذاعة', 'شبكة', 'مجلة', 'رويترز', 'الأناضول', 'أناضول', 'الصحفيين',
  'صحفيين', 'الصحافيين', 'صحافيين', 'وسائل',
]);

/** Particles and adverbs that may sit between a cue and its subject and are not part of the speaker. */
export const SKIP_AFTER_CUE = set(['فيها', 'فيه', 'قد', 'أيضا', 'كذلك', 'بدوره', 'بدورها', 'بدورهم', 'كما', 'أمس', 'مجددا', 'مرة']);

/** Heads of anonymous sources («مصدر أمني», «مسؤول كبير», «خبراء», «شهود», «أنباء»). */
export const ANONYMOUS_HEADS = set([
  'مصدر', 'مصادر', 'مصدرين', 'مصدران', 'مسؤول', 'مسؤولون', 'مسؤولين', 'مسؤولان', 'مسئول', 'مسئولون', 'مسئولين',
  'خبير', 'خبراء', 'شاهد', 'شهود', 'مطلع', 'مطلعون', 'مطلعين', 'محلل', 'محللون', 'محللين', 'مراقب', 'مراقبون', 'مراقبين',
  'دبلوماسي', 'دبلوماسيون', 'دبلوماسيين', 'ضابط', 'ضباط', 'متحدث', 'ناطق', 'قيادي', 'قياديا', 'قياديون', 'قياديين',
  'أنباء', 'تقارير', 'معلومات', 'بيانات', 'سكان', 'ناشط', 'ناشطون', 'ناشطين', 'مواطنون', 'عضو', 'أعضاء', 'نائب',
  'نواب', 'قائد', 'قادة', 'القادة', 'مستشار', 'موظف', 'موظفون', 'عناصر', 'مقربون', 'مقربين', 'جهات', 'أوساط',
  'مصدرا', 'شخص', 'أشخاص', 'باحث', 'باحثون', 'مراسل', 'مسعفون', 'أطباء', 'طبيب', 'رسائل', 'رسالة', 'حسابات', 'وثيقة', 'وثائق',
  'تسريبات', 'منشورات',
]);
/** Quantifiers before an anonymous head that belong to the speaker phrase («ثلاثة مصادر», «كبار القادة»). */
export const SOURCE_QUANTIFIERS = set(['كبار', 'بعض', 'عدة', 'عدد', 'أحد', 'إحدى', 'اثنان', 'اثنين', 'عشرات', 'مئات', 'أغلب', 'معظم']);

/** Words that open a new clause after a comma: an indirect quotation ends before them. */
export const CLAUSE_BREAKS = set(['فيما', 'بينما', 'لكن', 'لكنّ', 'ولكن', 'غير', 'إلا', 'حين', 'حيث', 'علما', 'وندد', 'ونفى', 'مضيفا']);

/** Relative pronouns and words that make a following cue a relative clause (object gap). */
export const RELATIVES = set(['ما', 'لما', 'مما', 'بما', 'كما', 'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللواتي']);
/** Negations that cancel a cue («لم تعلن أي جهة»). */
export const NEGATIONS = set(['لم', 'لن', 'لا', 'ولم', 'ولا', 'ولن', 'فلم', 'فلا', 'دون', 'بدون']);

/** Conjunctions and connectives that may precede a sentence-initial verb (the clause still starts there). */
export const CLAUSE_OPENERS = set([
  'و', 'ف', 'ثم', 'كما', 'فيما', 'بينما', 'بعدما', 'عندما', 'حين', 'حيث', 'إذ', 'لكن', 'ولكن', 'لكنّ', 'وقد', 'قد', 'فقد',
  'لقد', 'وكان', 'كان', 'وكانت', 'كانت', 'ومن', 'من', 'جهته', 'جهتها', 'جانبه', 'جانبها', 'ناحيته', 'ناحيتها', 'بدوره', 'بدورها',
  'وثمة', 'ثمة', 'وبات', 'بات', 'وباتت', 'باتت', 'وظل', 'ظل',
]);

/** Approximators before a number. */
export const APPROX_BEFORE = set(['نحو', 'قرابة', 'حوالي', 'حوالى', 'زهاء', 'قرابه', 'تقريبا', 'ما يقارب', 'يقارب', 'ما يناهز', 'يناهز', 'أكثر', 'أقل', 'أزيد', 'ما يزيد', 'يزيد', 'أكثر من', 'أقل من', 'أزيد من']);
/** Approximators after a quantity. */
export const APPROX_AFTER = set(['تقريبا', 'على الأقل', 'على الاقل', 'أو أكثر', 'ونيف', 'ونيّف']);

// Check-worthiness vocabularies (stems, normalised; matched against token stems).
export const CASUALTY_WORDS = set([
  'قتل', 'مقتل', 'قتلى', 'قتيل', 'قتيلا', 'جرحى', 'جريح', 'إصابة', 'إصابات', 'أصيب', 'أصيبوا', 'مصاب', 'مصابين',
  'ضحايا', 'ضحية', 'اغتيال', 'اغتيل', 'جثث', 'شهداء', 'شهيد', 'دمار', 'دمر', 'تفجير', 'انفجار', 'هجوم', 'هجمات',
  'قصف', 'استهداف', 'استهدف', 'استهدفت', 'اعتقال', 'اعتقل', 'المعتقلين', 'خسائر', 'أودت', 'بحياة', 'وفاة', 'مات',
]);
export const ACCUSATION_WORDS = set([
  'اتهام', 'اتهامات', 'الاتهامات', 'تتهم', 'يتهم', 'اتهم', 'متهم', 'مسؤولية', 'مسؤوليتها', 'وراء', 'تورط', 'متورطة',
  'متورط', 'فساد', 'إرهاب', 'الإرهاب', 'احتلال', 'الاحتلال', 'كذب', 'جريمة', 'جرائم', 'الإجرامي', 'انتهاك', 'انتهاكات',
]);
export const CAUSAL_WORDS = set([
  'بسبب', 'نتيجة', 'أدى', 'أدت', 'أسفر', 'أسفرت', 'يسفر', 'لأن', 'لان', 'ردا', 'بهدف', 'لذلك', 'بالتالي', 'جراء',
  'إثر', 'تسبب', 'تسببت', 'بفعل', 'مما',
]);
export const COMPARATIVE_WORDS = set([
  'أكثر', 'أقل', 'أكبر', 'أصغر', 'أخطر', 'أعلى', 'أدنى', 'أسوأ', 'أفضل', 'أول', 'الأكثر', 'الأكبر', 'الأعلى', 'مقارنة',
  'ضعف', 'أضعاف', 'زيادة', 'ارتفاع', 'انخفاض', 'تراجع', 'قياسي', 'أبعد',
]);
