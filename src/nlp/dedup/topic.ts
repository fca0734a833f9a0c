/**
 * Function words and reporting verbs that say nothing about what a story is about. Normalised search
 * keys (no diacritics, ا for every alef, ي for ى, ه for ة). Written for this module, not taken from a list.
 */
const FUNCTION_STEMS = new Set(
  [
    'في', 'من', 'الي', 'علي', 'عن', 'مع', 'بين', 'منذ', 'حتي', 'عند', 'لدي', 'خلال', 'بعد', 'قبل', 'حول', 'ضد', 'دون', 'نحو',
    'ان', 'او', 'ام', 'ثم', 'لكن', 'لم', 'لن', 'لا', 'ما', 'قد', 'كان', 'كانت', 'يكون', 'تكون', 'ليس', 'هذا', 'هذه', 'ذلك',
    'تلك', 'هو', 'هي', 'هم', 'هما', 'نحن', 'التي', 'الذي', 'الذين', 'اللذين', 'كل', 'بعض', 'غير', 'اي', 'اذا', 'اذ', 'حيث',
    'كما', 'ايضا', 'فيما', 'بينما', 'عدد', 'اكثر', 'اول', 'وقت', 'يوم', 'اليوم', 'امس', 'عام', 'شهر', 'اسبوع', 'الماضي',
    'الجاري', 'الحالي', 'قال', 'قالت', 'اضاف', 'اضافت', 'اكد', 'اكدت', 'اعلن', 'اعلنت', 'اشار', 'اشارت', 'اوضح', 'اوضحت',
    'وفق', 'بحسب', 'وفقا', 'حسب', 'يذكر', 'كذلك', 'جدا', 'فقط', 'عبر', 'الا', 'لقد', 'تم', 'يتم', 'هناك', 'هنا', 'اجل',
  ],
);

/**
 * The words of a casualty count: every disaster, attack and accident report has its toll that
 * rises, its dead and wounded («حصيلة … ترتفع إلى 17 قتيلا»). They say what kind of news it is, not
 * which event: two tolls of two events share them in their titles. Surface forms as the text layer
 * gives them (its stems keep most inflections), ة written ه.
 */
const TOLL_STEMS = new Set(
  [
    'حصيله', 'ارتفاع', 'ارتفعت', 'ارتفع', 'ترتفع', 'يرتفع', 'قتيل', 'قتيلا', 'قتلي', 'مقتل', 'جريح', 'جريحا', 'جرحي', 'ضحايا',
    'ضحيه', 'مصرع', 'وفاه', 'وفيات', 'مصاب', 'مصابا', 'مصابين', 'اصابه', 'اصابات',
  ],
);

/** A function word, reporting verb or word of a casualty count (normalised stem): no evidence of which event an article reports. */
export function isFunctionStem(stem: string): boolean {
  return FUNCTION_STEMS.has(stem) || TOLL_STEMS.has(stem);
}
