// Closed word lists and limits of the attribution rules.

export const MAX_SPEAKER_WORDS = 22;
export const HONORIFIC = /^(معالي|سماحت|فخامت|سمو|جلالت|دولت|سعادت)(ه|ها)$/u;
/** Prepositions that open the content of a cue that has no complementizer («أكد على أهمية…»). */
export const CONTENT_PREPS: Record<string, ReadonlySet<string>> = {
  أكد: new Set(['علي']), شدد: new Set(['علي']), حذر: new Set(['من']), كشف: new Set(['عن']), نفى: new Set(['ان']),
  دعا: new Set(['الي']), حث: new Set(['علي']),
};
export const NO_PREPS: ReadonlySet<string> = new Set();
/** Cues whose content preposition ends the speaker even when a complementizer follows later. */
export const ALWAYS_PREP = new Set(['دعا', 'حث']);
export const QUOTE_CHARS = '"\'«»“”„‘’';
export const PREP_WORDS: ReadonlySet<string> = new Set(['لدي', 'ل', 'لـ', 'في', 'علي', 'من', 'الي', 'عن', 'مع', 'ضد', 'تحت', 'فوق', 'بين', 'لدي', 'عند', 'نحو', 'حول', 'داخل', 'خارج', 'باسم', 'بعد', 'قبل']);
export const QAWL = new Set(['قوله', 'قولها', 'قولهم', 'قولهما', 'قولهن']);
export const COLON = ':';
export const DASHES = '-–—';
/** Titles that may follow a person's name as an apposition («مرزوق الحبيني النائب السابق»), normalised, without «ال». */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'وزير', 'وزيرة', 'رئيس', 'رئيسة', 'متحدث', 'متحدثة', 'ناطق', 'ناطقة', 'مدير', 'مديرة', 'سفير', 'سفيرة', 'امين', 'امينة', 'محافظ',
  'قائد', 'زعيم', 'نائب', 'نائبة', 'مندوب', 'مبعوث', 'مستشار', 'مستشارة', 'عضو', 'خبير', 'خبيرة', 'باحث', 'باحثة', 'محلل', 'محللة',
  'كاتب', 'كاتبة', 'صحفي', 'صحفية', 'محامي', 'محامية', 'قاضي', 'قاضية', 'طبيب', 'طبيبة', 'استاذ', 'استاذة', 'مسؤول', 'مسؤولة',
  'امير', 'ملك', 'شيخ', 'مفتي', 'عميد', 'مؤسس', 'مؤسسة', 'مدرب', 'لاعب', 'نجم', 'ممثل', 'ممثلة', 'منسق', 'منسقة', 'دكتور',
]);
