// Reporting verbs and attribution phrases. Each verb is given by its stems (3rd masc. past, the
// imperfect stem after the person prefix, the active participle) and inflected here into every
// person/gender/number that news prose uses, so a cue is a set lookup on a token's normalised form
// with its clitics peeled off (see match-cue.ts). Sources: the cue list, extended with the
// common near-synonyms of Arabic news style (توعد، لفت إلى، نوه إلى، اعترف، أقر، حث، أبلغ). The
// knowledge is ours (grammar of Arabic verbs); no third-party list is copied.
import { normalise } from '../../text/normalise.js';

/**
 * How a cue takes its content:
 * - say: a clause after إن/أن/بأن, a quotation, or a colon (قال، أضاف، تابع، أوضح).
 * - object: also a direct object or prepositional object without a complementizer
 *   (أعلن إصابة…، تتهم واشنطن كتائب…، دعت الفصائل إلى…، هدد باستهداف…).
 * - strict: only a complementizer clause (رأى، ادعى: «رأي» the noun and «تدعي الانتماء» are not cues).
 */
export type CueClass = 'say' | 'object' | 'strict';

export interface CueVerb {
  lemma: string;
  cls: CueClass;
  /** A preposition that must follow the verb (or its subject) for the verb to report speech. */
  prep?: 'الي' | 'عن';
  /** The speaker comes after «عن» (نقل عن X قوله). */
  speakerAfterPrep?: boolean;
  /** Accusation/threat semantics (a check-worthiness feature). */
  accusation?: boolean;
}

interface VerbSpec extends CueVerb {
  /** 3rd person masculine singular past, e.g. «أكد». */
  past?: string;
  /** Imperfect stem after the person prefix: «ؤكد» for «يؤكد». */
  present?: string;
  /** Active participle, masculine, without case ending: «مؤكد». */
  participle?: string;
  /** Irregular forms listed in full (defective verbs). */
  forms?: { past?: string[]; present?: string[]; participle?: string[] };
}

const SPECS: VerbSpec[] = [
  { lemma: 'قال', cls: 'say', past: 'قال', present: 'قول', participle: 'قائل' },
  { lemma: 'أكد', cls: 'object', past: 'أكد', present: 'ؤكد', participle: 'مؤكد' },
  { lemma: 'أعلن', cls: 'object', past: 'أعلن', present: 'علن', participle: 'معلن' },
  { lemma: 'أوضح', cls: 'say', past: 'أوضح', present: 'وضح', participle: 'موضح' },
  { lemma: 'أشار', cls: 'say', prep: 'الي', past: 'أشار', present: 'شير', participle: 'مشير' },
  { lemma: 'لفت', cls: 'say', prep: 'الي', past: 'لفت', present: 'لفت', participle: 'لافت' },
  { lemma: 'نوه', cls: 'say', prep: 'الي', past: 'نوه', present: 'نوه', participle: 'منوه' },
  { lemma: 'أضاف', cls: 'say', past: 'أضاف', present: 'ضيف', participle: 'مضيف' },
  // «بيّن»: only the participle («مبينا أن»); «بين» is «between» and «تبين أن» is «it turned out».
  { lemma: 'بين', cls: 'say', forms: { participle: ['مبينا', 'مبينة', 'مبينين'] } },
  { lemma: 'تابع', cls: 'say', past: 'تابع', present: 'تابع' },
  { lemma: 'كشف', cls: 'object', past: 'كشف', present: 'كشف', participle: 'كاشف' },
  {
    lemma: 'نفى', cls: 'object',
    forms: { past: ['نفى', 'نفت', 'نفوا', 'نفيا', 'نفتا'], present: ['ينفي', 'تنفي', 'ينفون', 'ينفيان', 'تنفيان', 'ننفي', 'أنفي'], participle: ['نافيا', 'نافية', 'نافين'] },
  },
  { lemma: 'اتهم', cls: 'object', accusation: true, past: 'اتهم', present: 'تهم', forms: { participle: ['متهما', 'متهمة', 'متهمين'] } },
  { lemma: 'حذر', cls: 'object', past: 'حذر', present: 'حذر', participle: 'محذر' },
  { lemma: 'هدد', cls: 'object', accusation: true, past: 'هدد', present: 'هدد', participle: 'مهدد' },
  { lemma: 'توعد', cls: 'object', accusation: true, past: 'توعد', present: 'توعد', participle: 'متوعد' },
  {
    lemma: 'دعا', cls: 'object',
    forms: { past: ['دعا', 'دعت', 'دعوا', 'دعتا'], present: ['يدعو', 'تدعو', 'يدعون', 'يدعوان', 'تدعوان', 'ندعو', 'أدعو'], participle: ['داعيا', 'داعية', 'داعين'] },
  },
  { lemma: 'حث', cls: 'object', forms: { past: ['حث', 'حثت', 'حثوا'], present: ['يحث', 'تحث', 'يحثون', 'نحث'] } },
  { lemma: 'طالب', cls: 'object', past: 'طالب', present: 'طالب', participle: 'مطالب' },
  { lemma: 'صرح', cls: 'say', past: 'صرح', present: 'صرح', participle: 'مصرح' },
  { lemma: 'ذكر', cls: 'object', past: 'ذكر', present: 'ذكر' },
  { lemma: 'أفاد', cls: 'say', past: 'أفاد', present: 'فيد' },
  { lemma: 'أبلغ', cls: 'say', past: 'أبلغ' },
  { lemma: 'زعم', cls: 'say', past: 'زعم', present: 'زعم', participle: 'زاعم' },
  { lemma: 'ادعى', cls: 'strict', forms: { past: ['ادعى', 'ادعت', 'ادعوا'], present: ['يدعي', 'تدعي', 'يدعون'], participle: ['مدعيا', 'مدعية'] } },
  { lemma: 'اعتبر', cls: 'object', past: 'اعتبر', present: 'عتبر', participle: 'معتبر' },
  {
    lemma: 'رأى', cls: 'strict',
    forms: { past: ['رأى', 'رأت', 'رأوا', 'رأيا'], present: ['يرى', 'ترى', 'يرون', 'نرى', 'أرى', 'يريان', 'تريان'], participle: ['رائيا'] },
  },
  { lemma: 'شدد', cls: 'object', past: 'شدد', present: 'شدد', participle: 'مشدد' },
  { lemma: 'اعترف', cls: 'object', past: 'اعترف', present: 'عترف', participle: 'معترف' },
  { lemma: 'أقر', cls: 'object', forms: { past: ['أقر', 'أقرت', 'أقروا'], present: ['يقر', 'تقر', 'يقرون'] } },
  { lemma: 'تحدث', cls: 'object', prep: 'عن', past: 'تحدث', present: 'تحدث' },
  { lemma: 'نقل', cls: 'say', prep: 'عن', speakerAfterPrep: true, past: 'نقل', present: 'نقل' },
];

export type VerbForm = 'past' | 'present' | 'participle';
export interface CueForm {
  verb: CueVerb;
  form: VerbForm;
  /** A plural or dual ending on a finite verb («قالوا», «يقولون»): in verb–subject order its subject is a pronoun. */
  plural: boolean;
  /** Grammatical gender of the subject the form agrees with, when it shows (قال m, قالت f, قالوا null). */
  gender: 'm' | 'f' | null;
}

function inflect(spec: VerbSpec): Array<[string, VerbForm]> {
  const out: Array<[string, VerbForm]> = [];
  const add = (f: VerbForm, words: string[]): void => {
    for (const w of words) out.push([normalise(w), f]);
  };
  if (spec.past) {
    const p = spec.past;
    add('past', [p, `${p}ت`, `${p}وا`, `${p}ا`, `${p}تا`]);
  }
  if (spec.present) {
    const s = spec.present;
    add('present', [
      `ي${s}`, `ت${s}`, `ن${s}`, `أ${s}`,
      `ي${s}ون`, `ت${s}ون`, `ي${s}ان`, `ت${s}ان`, `ي${s}ن`, `ت${s}ين`,
    ]);
  }
  if (spec.participle) {
    const m = spec.participle;
    add('participle', [`${m}ا`, `${m}ة`, `${m}ين`, `${m}تين`]);
  }
  if (spec.forms) {
    add('past', spec.forms.past ?? []);
    add('present', spec.forms.present ?? []);
    add('participle', spec.forms.participle ?? []);
  }
  return out;
}

function genderOf(form: string, kind: VerbForm, isBase: boolean): 'm' | 'f' | null {
  if (isBase) return 'm';
  if (kind === 'past') return /(وا)$/u.test(form) ? null : /تا?$/u.test(form) ? 'f' : /ا$/u.test(form) ? 'm' : 'm';
  if (kind === 'present') return /(ون|ان|ين|ن)$/u.test(form) && form.length > 4 ? null : form.startsWith('ت') ? 'f' : form.startsWith('ي') ? 'm' : null;
  return /ة$/u.test(form) ? 'f' : /ا$/u.test(form) ? 'm' : null;
}

/** Normalised inflected form → the verb it belongs to. */
export const CUE_FORMS: ReadonlyMap<string, CueForm> = (() => {
  const map = new Map<string, CueForm>();
  for (const spec of SPECS) {
    const verb: CueVerb = { lemma: spec.lemma, cls: spec.cls };
    if (spec.prep) verb.prep = spec.prep;
    if (spec.speakerAfterPrep) verb.speakerAfterPrep = true;
    if (spec.accusation) verb.accusation = true;
    const base = new Set([spec.past, spec.forms?.past?.[0]].filter((x): x is string => x !== undefined).map(normalise));
    for (const [form, kind] of inflect(spec)) {
      if (map.has(form)) continue;
      const plural = kind !== 'participle' && !base.has(form) && (kind === 'past' ? /(وا|تا|ا)$/u.test(form) : /(ون|ان|ن)$/u.test(form));
      map.set(form, { verb, form: kind, plural, gender: genderOf(form, kind, base.has(form)) });
    }
  }
  return map;
})();

/** Attribution phrases (normalised heads): «بحسب X», «وفق X», «وفقا لـX», «نقلا عن X», «حسبما قال X». */
export const PHRASE_HEADS: ReadonlySet<string> = new Set(['حسب', 'وفق', 'وفقا', 'طبقا', 'نقلا', 'حسبما', 'استنادا'].map(normalise));

/**
 * Nouns of manner after an attribution head that belong to the cue, not to the source
 * («بحسب تقدير X» → the source is X).
 */
export const PHRASE_MANNER_NOUNS: ReadonlySet<string> = new Set(
  ['تقدير', 'تقديرات', 'رأي', 'تعبير', 'قول', 'رواية', 'تصريحات', 'تصريح', 'كلام', 'تأكيد', 'تأكيدات', 'زعم', 'مزاعم', 'ادعاء'].map(normalise),
);

/**
 * Documents named after an attribution head whose author is the source: «بحسب تقرير لـ رويترز»,
 * «وفقا لدراسة للبنك الدولي», «حسب تقرير البنك الدولي» → the agency, not the word «تقرير». Figures
 * («أرقام الأمم المتحدة», «بيانات الوزارة») stay whole: the guidelines take them as the source.
 */
export const REPORT_NOUNS: ReadonlySet<string> = new Set(
  ['تقرير', 'دراسة', 'استطلاع', 'مسح', 'تحليل'].map(normalise),
);
