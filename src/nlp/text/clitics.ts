// Clitic segmentation in the D3 style (CAMeL Tools' d3tok, Farasa's segmenter): a word splits into
// proclitics (و ف, then ب ك ل س, then ال), a stem, and one enclitic pronoun. Every analysis that the
// grammar allows is scored and the best one wins, so that a letter is only split off when the corpus
// and the word list say the rest is a stem: «وقال» → و+قال, but «وزير», «لبنان», «كتائب» stay whole.
import { defaultAloneCount, defaultAlVerb, defaultNeedsHamza, defaultTakesArticle, defaultStemEvidence, defaultWholeEvidence, entryEvidence, getDefaultLexicon, type StemEvidence } from './lexicon.js';
import { foldAlef, lightNormalise, lightWithOrigin } from './normalise.js';

export interface Segmentation {
  /** Normalised proclitics, outermost first: «وبالقرب» → ["و", "ب", "ال"]. */
  proclitics: string[];
  /** Normalised stem (with ة restored before an enclitic: «حكومته» → «حكومة»). */
  stem: string;
  /** Normalised enclitic pronouns (zero or one in practice). */
  enclitics: string[];
  /** Offsets of the stem inside the ORIGINAL word string (add the token's start for text offsets). */
  stemStart: number;
  stemEnd: number;
}

interface ProcliticPattern {
  /** Surface letters in the light form (hamza alefs kept), e.g. «وبال», «لل». */
  surface: string;
  segments: string[];
  hasArticle: boolean;
  hasFuture: boolean;
  /** ب, ك or ل (a preposition) is among the proclitics. */
  hasPreposition: boolean;
  prior: number;
}

// Log-scale preferences for each clitic, added to the stem's evidence: the article is almost always
// what it looks like; و is usually the conjunction; ك is rarer than the words that begin with it.
// News prose is in the third person, so a final ي or ني is far more often part of the word (the
// nisba adjective «عراقي», «أمني») than the pronoun "my"/"me".
const PRIOR: Record<string, number> = { و: 0.8, ف: 0.3, ب: 0.3, ل: 0.3, ك: -0.6, س: 0.3, ال: 2.5 };
const ENCLITIC_PRIOR: Record<string, number> = {
  ه: 0.5, ها: 0.8, هم: 0.8, هما: 0.8, هن: 0.4, كم: 0.2, كما: 0.1, كن: 0, نا: 0.2, ني: -4, ي: -6, ك: -0.8,
};
const ENCLITICS_AND_NONE = ['', ...Object.keys(ENCLITIC_PRIOR).sort((a, b) => b.length - a.length)];

/** Function words that may be the two-letter stem of a clitic analysis («وفي», «فقد», «عنه», «ولم»). */
const TWO_LETTER_STEMS = new Set(['في', 'من', 'عن', 'ما', 'لا', 'لم', 'لن', 'ان', 'هو', 'هي', 'قد', 'كل', 'اي', 'ذا', 'هم', 'هن', 'مع', 'او', 'ام', 'اذ', 'بل', 'كم', 'لو']);

/**
 * Evidence a stem needs before a letter is split off for it (unless the clitic is reliable): more
 * than the word list alone can give (see `stemEvidence`), so the corpus must attest the stem.
 */
const KNOWN_STEM = 1.5;
/** Evidence that the shape of a transcribed foreign name gives an unknown stem (see `looksLikeForeignName`). */
const FOREIGN_NAME_EVIDENCE = 0.5;

/** First letters of a proclitic (light form) and last letters of an enclitic: a quick test. */
const PROCLITIC_FIRST = new Set([...'وفبكلسا'].map((c) => c.charCodeAt(0)));
const ENCLITIC_LAST = new Set([...'هاميكن'].map((c) => c.charCodeAt(0)));

function buildProcliticPatterns(): ProcliticPattern[] {
  const patterns: ProcliticPattern[] = [];
  for (const conj of ['', 'و', 'ف']) {
    for (const prep of ['', 'ب', 'ك', 'ل', 'س']) {
      for (const article of [false, true]) {
        if (prep === 'س' && article) continue;
        const surface = conj + (prep === 'ل' && article ? 'لل' : prep + (article ? 'ال' : ''));
        const segments = [conj, prep, article ? 'ال' : ''].filter((s) => s !== '');
        // Each proclitic past the first costs a little: a stack needs a better stem than one letter does.
        const stacked = segments.filter((s) => s !== 'ال').length - 1;
        const prior = segments.reduce((sum, s) => sum + (PRIOR[s] ?? 0), 0) - 0.5 * Math.max(0, stacked);
        patterns.push({ surface, segments, hasArticle: article, hasFuture: prep === 'س', hasPreposition: prep !== '' && prep !== 'س', prior });
      }
    }
  }
  return patterns;
}
const PROCLITIC_PATTERNS = buildProcliticPatterns();
/** The empty pattern, and the patterns by their first letter (each list starts with the empty one). */
const BARE_PATTERNS = PROCLITIC_PATTERNS.filter((pt) => pt.surface === '');
const PATTERNS_BY_FIRST = new Map<number, ProcliticPattern[]>();
for (const pt of PROCLITIC_PATTERNS) {
  if (pt.surface === '') continue;
  const first = pt.surface.charCodeAt(0);
  const list = PATTERNS_BY_FIRST.get(first) ?? [...BARE_PATTERNS];
  list.push(pt);
  PATTERNS_BY_FIRST.set(first, list);
}

/**
 * Closed-class words that look like clitic + stem but are whole (relative pronouns, the name of God,
 * particles): never split. Normalised forms.
 */
const WHOLE_WORDS = new Set([
  'الذي', 'التي', 'الذين', 'اللذين', 'اللذان', 'اللتين', 'اللتان', 'اللاتي', 'اللواتي', 'اللائي',
  'الله', 'اللهم', 'الا', 'الي', 'الان', 'لكن', 'لكي', 'لدي', 'لقد', 'ليس', 'ليست', 'لذلك', 'لان',
  'لما', 'لولا', 'لعل', 'لهذا', 'كما', 'كي', 'كيف', 'كان', 'كانت', 'كل', 'كلا', 'كلما', 'بل', 'بين',
  'بعد', 'بعض', 'فقط', 'في', 'فيه', 'فيها', 'فيما', 'فوق', 'ولكن', 'وفق', 'سوف', 'هذا', 'هذه', 'ذلك',
  'تلك', 'هناك', 'هنا', 'هو', 'هي', 'هم', 'هن', 'نحن', 'انا', 'انت', 'انه', 'انها', 'منه', 'منها',
  'عنه', 'عنها', 'عليه', 'عليها', 'اليه', 'اليها', 'لديه', 'لديها', 'لها', 'له', 'لهم', 'بها', 'به',
  'بهم', 'معه', 'معها', 'بينهم', 'بينها', 'بينما',
  // A currency that starts with the letter of the preposition: «65 ألف ليرة» is not «ل» + «يرة»,
  // and split it lost the counted noun of every Lebanese or Syrian price (conflict pairs B).
  'ليرة',
]);
// Of these, the prepositions with a pronoun are D3-split (له → ل+ه); keep them out of WHOLE_WORDS's
// effect by letting the lexicon decide unless the form is a true function word.
for (const w of ['فيه', 'فيها', 'منه', 'منها', 'عنه', 'عنها', 'عليه', 'عليها', 'اليه', 'اليها', 'لديه', 'لديها', 'لها', 'له', 'لهم', 'بها', 'به', 'بهم', 'معه', 'معها', 'بينهم', 'بينها', 'انه', 'انها']) {
  WHOLE_WORDS.delete(w);
}

/** True for the code units of Arabic letters (U+0621–U+064A, U+0671–U+06D3 extended letters). */
function isArabicLetter(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3);
}

function trivial(word: string, norm: string): Segmentation {
  return { proclitics: [], stem: norm, enclitics: [], stemStart: 0, stemEnd: word.length };
}

/**
 * Every analysis (other than the whole word) that the clitic grammar allows for a word given in
 * light form and its alef-folded form: `visit(pattern, enclitic, stemStart, stemEnd, stemNorm)`.
 */
function forEachAnalysis(
  light: string,
  norm: string,
  visit: (pattern: ProcliticPattern, enclitic: string, stemStart: number, stemEnd: number, stem: string) => void,
): void {
  const n = light.length;
  // The enclitics this word can end with (usually one to three), found once.
  const enclitics: string[] = [];
  for (const e of ENCLITICS_AND_NONE) if (e === '' || light.endsWith(e)) enclitics.push(e);
  for (const pattern of PATTERNS_BY_FIRST.get(light.charCodeAt(0)) ?? BARE_PATTERNS) {
    const p = pattern.surface.length;
    if (p > 0 && !light.startsWith(pattern.surface)) continue;
    for (const enclitic of enclitics) {
      if (p === 0 && enclitic === '') continue; // the whole word: scored by the caller
      if (enclitic !== '' && pattern.hasArticle) continue; // no article with a possessive pronoun
      const end = n - enclitic.length;
      if (end - p < 2) continue;
      if (pattern.hasFuture && !'يتنأ'.includes(light[p] as string)) continue;
      const stem = norm.slice(p, end);
      visit(pattern, enclitic, p, end, stem);
    }
  }
}

/**
 * ل and ب with a pronoun and nothing else («لهم», «بها», «ولنا»): the preposition is the base word
 * and the pronoun its enclitic, as in D3. Returns the analysis and where the preposition sits.
 */
function prepositionWithPronoun(norm: string): (Omit<Segmentation, 'stemStart' | 'stemEnd'> & { at: number }) | null {
  const conj = norm[0] === 'و' || norm[0] === 'ف' ? 1 : 0;
  const prep = norm[conj];
  if (prep !== 'ل' && prep !== 'ب') return null;
  const pronoun = norm.slice(conj + 1);
  if (!(pronoun in ENCLITIC_PRIOR) || pronoun === 'ي' || pronoun === 'ني') return null;
  return { proclitics: conj ? [norm[0] as string] : [], stem: prep, enclitics: [pronoun], at: conj };
}

/** Long vowel letters (light form): a transcribed name spells its vowels out. */
const LONG_VOWELS = new Set([...'اوي'].map((c) => c.charCodeAt(0)));
const MADDA_ALEF = 'آ'.charCodeAt(0);

const LAM = 'ل'.charCodeAt(0);
const RA = 'ر'.charCodeAt(0);
const TA_MARBUTA = 'ة'.charCodeAt(0);
const HAMZA_ALEFS = new Set([...'أإآ'].map((c) => c.charCodeAt(0)));

/**
 * The shape of a foreign name transcribed into Arabic letters, for `light.slice(start, end)`
 * after a one-letter preposition: one that starts with a hamza alef (which begins a word), or of
 * at least five letters with this shape. A consonant (or hamza alef) then a long
 * vowel (Ba-, Ma-, Bu-, Qa-, Aw-): a transcribed name that begins with a vowel is written with a
 * hamza alef («أوباما»), so «بايدن» is not ب + «ايدن»; and not ر or ل first, since names that
 * begin with Br-, Bl-, Fl-, Pr- keep their ب/ف («بروكلين», «بلويزا»). Vowels spelt out as
 * Arabic roots seldom do in one word: an alef madda inside it («قاآني») or at least two long
 * vowels after the first letter («بايدن», «ماكرون», «بوتين»). Not ending in ة or ات: those are
 * Arabic nouns («بدائية», «لقاحات»), whose first letter may be a root letter.
 */
function looksLikeForeignName(light: string, start: number, end: number): boolean {
  const first = light.charCodeAt(start);
  // A hamza alef begins a word: after ل/ب it starts the name («لأردوغان», «بإيفاد»).
  if (HAMZA_ALEFS.has(first)) return end - start >= 4;
  if (end - start < 5) return false;
  if (LONG_VOWELS.has(first) || first === LAM || first === RA) return false;
  const second = light.charCodeAt(start + 1);
  if (!LONG_VOWELS.has(second) && second !== MADDA_ALEF) return false;
  const last = light.charCodeAt(end - 1);
  if (last === TA_MARBUTA || (last === 'ت'.charCodeAt(0) && light.charCodeAt(end - 2) === 'ا'.charCodeAt(0))) return false;
  let vowels = 0;
  for (let i = start + 1; i < end; i++) {
    const c = light.charCodeAt(i);
    if (c === MADDA_ALEF) return true;
    if (LONG_VOWELS.has(c)) vowels++;
  }
  return vowels >= 2;
}

/** The normalised stems of every clitic analysis of a light-normalised word (for building statistics). */
export function candidateStems(light: string): string[] {
  const stems: string[] = [];
  if (light.length < 3) return stems;
  const norm = foldAlef(light);
  if (WHOLE_WORDS.has(norm)) return stems;
  forEachAnalysis(light, norm, (_p, _e, _s, _end, stem) => stems.push(stem));
  return stems;
}

export interface SegmenterOptions {
  /** Where the stem statistics come from (default: the committed lexicon). */
  evidence?: StemEvidence;
  /** Evidence that a whole form is a word of its own (default: the committed lexicon). */
  wholeEvidence?: (norm: string) => number;
  /** How often a whole form occurs alone in the corpus (default: the committed lexicon). */
  aloneCount?: (norm: string) => number;
  /** Forms whose first alef is a hamza in correct spelling (default: the committed lexicon's `h` flag). */
  needsHamza?: (norm: string) => boolean;
  /** Stems after which «ال» is part of a verb, not the article (default: the lexicon's `v` flag). */
  alVerb?: (norm: string) => boolean;
  /** Whole forms that the word list gives the article: nouns of their own (default: the lexicon's `a` flag). */
  takesArticle?: (norm: string) => boolean;
  /** Most word forms remembered (decisions are cached per form: words repeat); 0: no cache. */
  cacheSize?: number;
}

/** A segmenter with its own cache and statistics; `segmentWord` uses a shared default one. */
export function createSegmenter(options: SegmenterOptions = {}): (word: string) => Segmentation {
  const evidence = options.evidence ?? defaultStemEvidence;
  const whole = options.wholeEvidence ?? defaultWholeEvidence;
  const aloneCount = options.aloneCount ?? defaultAloneCount;
  const needsHamza = options.needsHamza ?? defaultNeedsHamza;
  const alVerb = options.alVerb ?? defaultAlVerb;
  const takesArticle = options.takesArticle ?? defaultTakesArticle;
  const cacheSize = options.cacheSize ?? 50_000;
  // With the committed lexicon, the whole word's count and evidence come from one lookup.
  const defaultWhole = options.wholeEvidence === undefined && options.aloneCount === undefined;
  const cache = new Map<string, Segmentation>();

  function analyse(word: string): Segmentation {
    const light = lightNormalise(word);
    const norm = foldAlef(light);
    const n = light.length;
    for (let i = 0; i < n; i++) if (!isArabicLetter(light.charCodeAt(i))) return trivial(word, norm);
    if (n < 3 || WHOLE_WORDS.has(norm)) return trivial(word, norm);
    // Most words can have no clitic at all: neither a proclitic letter first nor a pronoun last.
    if (!PROCLITIC_FIRST.has(light.charCodeAt(0)) && !ENCLITIC_LAST.has(light.charCodeAt(n - 1))) return trivial(word, norm);

    const prepPronoun = prepositionWithPronoun(norm);
    if (prepPronoun) {
      const { origin } = lightWithOrigin(word);
      return { ...prepPronoun, stemStart: origin[prepPronoun.at] as number, stemEnd: origin[prepPronoun.at + 1] as number };
    }
    const lexicon = defaultWhole ? getDefaultLexicon() : null;
    const entry = lexicon ? lexicon.find(norm) : -1;
    const wholeAlone = lexicon ? lexicon.alone(entry) : aloneCount(norm);
    const wholeScore = lexicon ? entryEvidence(lexicon, entry) : whole(norm);
    let best = { score: wholeScore, pre: 0, end: n, pattern: null as ProcliticPattern | null, enclitic: '', stem: norm };
    forEachAnalysis(light, norm, (pattern, enclitic, p, end, surfaceStem) => {
      // A split needs a stem that the statistics know (a two-letter stem: a frequent one, «في», «عن»),
      // so that an unknown name keeps its first letter («بكين», «بنغازي»). The article, a bare و/ف and
      // a third-person pronoun are reliable enough to split off an unknown stem.
      // (Not after ك or ف + ال: «كاليفورنيا», «فالنسيا» are names more often than ك/ف + ال + an unknown.)
      const reliable =
        (pattern.hasArticle && !(pattern.surface.endsWith('كال') || pattern.surface.endsWith('فال'))) ||
        ((p === 0 || pattern.surface === 'و') && (enclitic === '' || enclitic.startsWith('ه')) && !(p === 0 && enclitic === ''));
      // The article's attached counts are real evidence («مقبل» from «المقبل»); for the others the
      // word's own count is left out of a never-alone stem's evidence (see `stemEvidence`).
      const leaveOut = pattern.hasArticle ? null : wholeAlone;
      let stem = surfaceStem;
      let stemScore = evidence(stem, leaveOut);
      // D3 restores the ta marbuta that a pronoun turned into ت («حكومته» → حكومة + ه), the alef
      // maqsura that it turned into ا («مستواه» → مستوى + ه; normalised ى is ي), and the hamza it
      // seated on ئ/ؤ («أبنائهم» → أبناء + هم).
      const last = stem[stem.length - 1];
      if (enclitic !== '' && (last === 'ت' || last === 'ا' || last === 'ئ' || last === 'ؤ')) {
        const restored = stem.slice(0, -1) + (last === 'ت' ? 'ة' : last === 'ا' ? 'ي' : 'ء');
        const restoredScore = evidence(restored, leaveOut);
        if (restoredScore > stemScore) {
          stem = restored;
          stemScore = restoredScore;
        }
      }
      if (stem.length === 2) {
        // A two-letter stem must be frequent, never after ك («كلم» is not ك + «لم»), and after a bare
        // و/ف or before a lone pronoun a function word («وفي», «فقد», «عنه», not «ولي» = و + «لي»,
        // «شكك» = «شك» + ك; the article takes any: «الحق»);
        // with clitics on both sides
        // only «و/ف + stem + pronoun» or «ب/ل + أن + pronoun» («وإنه», «بأنها»), not «بيانا».
        if (stemScore < 4 || pattern.surface.includes('ك')) return;
        if ((p === 0 || pattern.surface === 'و' || pattern.surface === 'ف') && !TWO_LETTER_STEMS.has(stem)) return;
        if (pattern.hasFuture) return; // س + an imperfect verb has at least three letters («سيد» is a word)
        if (p > 0 && enclitic !== '' && stem !== 'ان' && pattern.surface !== 'و' && pattern.surface !== 'ف') return;
      } else if (stemScore < (reliable ? 0 : KNOWN_STEM)) {
        // A foreign name after a one-letter preposition, or و + one («لقاآني», «لبايدن», «ولبايدن»):
        // the corpus knows neither the word nor (enough of) the name, but the rest has the shape of a
        // transcribed name (see `looksLikeForeignName`). Only for a word the lexicon does not know at
        // all, so that «لبنان», «بلجيكا», «ليبيا» stay whole.
        const foreignName =
          wholeScore === 0 &&
          enclitic === '' &&
          pattern.hasPreposition &&
          pattern.surface.length <= 2 &&
          !pattern.hasArticle &&
          looksLikeForeignName(light, p, end);
        if (!foreignName) return;
        // The shape is the evidence: enough to beat و + an unknown stem («ولبايدن» → و + ل + «بايدن»).
        stemScore = Math.max(stemScore, FOREIGN_NAME_EVIDENCE);
      }
      // A bare و on a word that is a noun of its own (the word list gives the whole the article:
      // «الوفيات», «الوكلاء»): the conjunction's prior does not break a tie — the stem must have
      // more evidence than the whole. «وفيات» and «فيات» (an affix-rule by-product) are both listed
      // and neither is in the corpus; with the prior, every «9 وفيات» lost its counted noun to و +
      // «فيات». The list also holds conjunction forms («وقال», «وأيدت»), never with the article,
      // so they keep their split.
      const prior = pattern.surface === 'و' && enclitic === '' && takesArticle(norm) ? 0 : pattern.prior;
      let score = stemScore + prior + (ENCLITIC_PRIOR[enclitic] ?? 0);
      // The stem as written starts with a bare alef where the word it would be has a hamza
      // («ولاية» is not و + ل + «آية», «واحد» is not و + «أحد»): in a text that writes hamzas, a
      // different word. (Texts that drop hamzas lose only this bonus for the split.)
      if (p > 0 && light[p] === 'ا' && !pattern.hasArticle && needsHamza(stem)) score -= 2.5;
      // «التقى», «والتزمت»: the «ال» belongs to a verb (Form VIII of a root with ل first).
      if (pattern.hasArticle && !pattern.surface.endsWith('لل') && alVerb(stem)) score -= 4;
      if (score > best.score) best = { score, pre: p, end, pattern, enclitic, stem };
    });
    if (!best.pattern && best.enclitic === '') return trivial(word, norm);
    // Offsets back into the original word (computed only for words that do split).
    const { origin } = lightWithOrigin(word);
    return {
      proclitics: best.pattern ? best.pattern.segments.slice() : [],
      stem: best.stem,
      enclitics: best.enclitic ? [best.enclitic] : [],
      stemStart: origin[best.pre] as number,
      stemEnd: best.end < n ? (origin[best.end] as number) : word.length,
    };
  }

  if (cacheSize <= 0) return analyse;
  return (word: string): Segmentation => {
    const cached = cache.get(word);
    if (cached) return cached;
    const result = analyse(word);
    if (cache.size >= cacheSize) cache.clear();
    cache.set(word, result);
    return result;
  };
}

let defaultSegmenter: ((word: string) => Segmentation) | null = null;

let uncachedSegmenter: ((word: string) => Segmentation) | null = null;

/**
 * `segmentWord` without its cache, for a caller that caches per form itself (`analyseText`):
 * one cache fewer to fill and to look up for every new form.
 */
export function segmentWordUncached(word: string): Segmentation {
  uncachedSegmenter ??= createSegmenter({ cacheSize: 0 });
  return uncachedSegmenter(word);
}

/**
 * Segment one word (as it appears in the text; diacritics allowed). The returned object is shared
 * through the cache: treat it as read-only.
 */
export function segmentWord(word: string): Segmentation {
  defaultSegmenter ??= createSegmenter();
  return defaultSegmenter(word);
}

/** The segments in order, as stored on a token: proclitics, stem, enclitics. */
export function segmentsOf(s: Segmentation): string[] {
  return [...s.proclitics, s.stem, ...s.enclitics];
}
