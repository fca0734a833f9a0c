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

/** A function word or reporting verb (normalised stem): no evidence of what an article reports. */
export function isFunctionStem(stem: string): boolean {
  return FUNCTION_STEMS.has(stem);
}
