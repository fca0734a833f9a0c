/**
 * Names the generator swaps in (our own short lists of common Arabic given names, family names,
 * places and outlets: general knowledge, no third-party data). Each key is a name form that occurs
 * in seeds/ and the pool its replacements are drawn from, so a generated story has its own people
 * and places while keeping the seeds' sentence shapes (and the NER stage still has names to find).
 */
const GIVEN = ['محمد', 'أحمد', 'علي', 'خالد', 'عمر', 'يوسف', 'سلمان', 'فيصل', 'عبدالله', 'حسن', 'حسين', 'إبراهيم', 'طارق', 'سامي', 'نبيل', 'كريم', 'هشام', 'مروان', 'زياد', 'جمال'];
const FAMILY = ['الكاظمي', 'العبادي', 'الحلبوسي', 'الصدر', 'الحكيم', 'البرزاني', 'المالكي', 'الجبوري', 'الدليمي', 'العامري', 'الخزعلي', 'الزبيدي', 'النعيمي', 'الشمري', 'الربيعي', 'بايدن', 'بلينكن', 'أوستن', 'ماكغورك', 'خامنئي', 'قاآني', 'رئيسي', 'ظريف'];
const CITIES = ['بغداد', 'البصرة', 'الموصل', 'أربيل', 'كركوك', 'النجف', 'كربلاء', 'الرمادي', 'دمشق', 'حلب', 'بيروت', 'عمان', 'القاهرة', 'الرياض', 'الدوحة', 'أنقرة', 'طهران', 'واشنطن', 'فيينا', 'جنيف', 'باريس', 'لندن'];
const COUNTRIES = ['العراق', 'سوريا', 'لبنان', 'الأردن', 'مصر', 'السعودية', 'قطر', 'تركيا', 'إيران', 'اليمن', 'الكويت', 'البحرين', 'ليبيا', 'تونس'];

export const NAME_POOLS: Readonly<Record<string, readonly string[]>> = {
  مصطفى: GIVEN,
  جو: GIVEN,
  علي: GIVEN,
  إسماعيل: GIVEN,
  الكاظمي: FAMILY,
  بايدن: FAMILY,
  خامنئي: FAMILY,
  خامئني: FAMILY,
  ماكغورك: FAMILY,
  قاآني: FAMILY,
  بغداد: CITIES,
  واشنطن: CITIES,
  طهران: CITIES,
  فيينا: CITIES,
  أربيل: CITIES,
  العراق: COUNTRIES,
  سوريا: COUNTRIES,
  إيران: COUNTRIES,
};

/** Outlets the generated articles claim to come from. */
export const OUTLETS = ['وكالة الأنباء العربية', 'صحيفة الشرق', 'موقع الخبر اليوم', 'قناة المدينة', 'صحيفة الرأي', 'وكالة المشرق', 'صحيفة الوطن', 'موقع العاصمة'];
