import { fnv1a } from './hash.js';

// A "skeleton" is the key under which spelling variants of a name meet. Transliterated names are
// written with or without long vowels and with different letters for foreign sounds: ترمب/ترامب,
// مكغورك/ماكغورك, خامنئي/خامئني, أمريكي/أميركي. Input words are already search keys (alef forms,
// ى, ة and hamza seats folded by the text layer's normalise + searchKey).

const LONG_VOWELS_AND_HAMZA = new Set(['ا', 'و', 'ي', 'ء']);
/** Letters that render the same foreign sound: g as غ or ج (غوغل/جوجل), گ as ك. */
const LETTER_FOLD: Record<string, string> = { غ: 'ج', گ: 'ك', پ: 'ب', ڤ: 'ف', چ: 'تش' };

/**
 * Skeleton of one word. The article is dropped (الكاظمي ~ كاظمي); long vowels and hamza inside
 * the word are dropped only for words of five letters or more that are not `plainWords` (known
 * Arabic given names): «محمد» and «محمود», «حسن» and «حسين», «سلمان» and «سليمان» stay apart.
 */
export function wordSkeleton(word: string, plainWords: ReadonlySet<string>): string {
  let w = word.startsWith('ال') && word.length >= 5 ? word.slice(2) : word;
  const plain = plainWords.has(w) || plainWords.has(word) || w.length < 5;
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    const inside = i > 0 && i < w.length - 1;
    if (!plain && inside && LONG_VOWELS_AND_HAMZA.has(c)) continue;
    out += LETTER_FOLD[c] ?? c;
  }
  // Doubled letters (a lost shadda written out, «بوللر») count once.
  w = '';
  for (const c of out) if (w[w.length - 1] !== c) w += c;
  return w;
}

/**
 * A narrower key than the skeleton, for tagging a spelling variant of a name the model tagged
 * elsewhere in the same article (document consistency): only long vowels and hamza inside a word
 * of five letters or more fall out («خامئني» = «خامنئي», «ترمب» = «ترامب»). The article and doubled
 * letters stay, because they separate common words: «إيران» ≠ «الإيرانيين», «تجمع» ≠ «تتجمع».
 */
export function spellingKey(word: string, plainWords: ReadonlySet<string>): string {
  const bare = word.startsWith('ال') ? word.slice(2) : word;
  if (word.length < 5 || plainWords.has(word) || plainWords.has(bare)) return word;
  let out = word[0]!;
  for (let i = 1; i < word.length - 1; i++) if (!LONG_VOWELS_AND_HAMZA.has(word[i]!) || (word.startsWith('ال') && i === 1)) out += word[i]!;
  return out + word[word.length - 1]!;
}

/**
 * Whether two words with one `spellingKey` are spellings of one name rather than two inflections of
 * one word: the long vowels and hamzas inside the shorter spelling appear, in order, in the other
 * («ترمب» [] ⊂ «ترامب» [ا], «خامئني» [ا ء] = «خامنئي» [ا ء]). Inflections swap a vowel for another
 * («الحرمين» [ي] / «الحرمان» [ا], «الحوثيين» / «الحوثيون», «مجنون» / «مجانين») and are refused.
 */
export function isSpellingVariant(a: string, b: string): boolean {
  const vowels = (word: string): string => [...word.slice(1, -1)].filter((c) => LONG_VOWELS_AND_HAMZA.has(c)).join('');
  const [short, long] = vowels(a).length <= vowels(b).length ? [vowels(a), vowels(b)] : [vowels(b), vowels(a)];
  let at = 0;
  for (const c of long) if (at < short.length && c === short[at]) at++;
  return at === short.length;
}

/** Skeleton of a phrase (words are search keys). */
export function phraseSkeleton(words: readonly string[], plainWords: ReadonlySet<string>): string {
  return words.map((w) => wordSkeleton(w, plainWords)).join(' ');
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** A stable entity id from a type and a registry key: the same on every worker and machine. */
export function entityIdFor(type: string, key: string): string {
  const high = fnv1a(key, 101).toString(16).padStart(8, '0');
  const low = fnv1a(key, 202).toString(16).padStart(8, '0');
  return `${type.toLowerCase()}:${high}${low}`;
}
