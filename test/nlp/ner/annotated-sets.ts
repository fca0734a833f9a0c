import { nameKey } from '../../../training/ner/seed-names.js';
import seedNames from '../../../training/ner/seed-names.json' with { type: 'json' };

// Helpers shared by the checks on our own annotated CoNLL files: the training supplement
// (supplement.test.ts) and the held-out modern-news test set (heldout.test.ts).

/**
 * Seed names that any news of the region names and that ANERcorp itself holds: countries and
 * capitals and the largest Iraqi cities. Every other name of seed-names.json (all its people and
 * organisations, the rarer places) is absent from our annotated sets.
 */
export const COMMON_PLACES = new Set(
  ['العراق', 'إيران', 'سوريا', 'بغداد', 'طهران', 'واشنطن', 'الولايات المتحدة', 'الكويت', 'البصرة', 'أربيل', 'الأنبار'].map(nameKey),
);

const PROCLITICS = /^(?:و|ف)?(?:ب|ل|ك)?/;

/** Whether the words of `form` occur in a row in the sentence (a proclitic allowed on the first word, «لل» for «ال»). */
export function occursIn(tokens: readonly string[], form: string): boolean {
  const words = nameKey(form).split(' ');
  const keys = tokens.map(nameKey);
  const first = words[0]!;
  return keys.some((key, i) => {
    const bare = key.replace(PROCLITICS, '');
    const firstMatches = key === first || bare === first || (first.startsWith('ال') && key.replace(/^(?:و|ف)?لل/, 'ال') === first);
    return firstMatches && words.every((w, k) => k === 0 || keys[i + k] === w);
  });
}

/** The entity mentions of a sentence as [type, text]. */
export function mentions(tokens: readonly string[], tags: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  tags.forEach((tag, i) => {
    if (tag.startsWith('B-')) out.push([tag.slice(2), tokens[i]!]);
    else if (tag.startsWith('I-')) out[out.length - 1]![1] += ` ${tokens[i]}`;
  });
  return out;
}

/** Every seed name's form (seed-names.json), missed or found, except the common places. */
export function rareSeedForms(): string[] {
  const forms = new Set(Object.values(seedNames.seeds as Record<string, string[][]>).flatMap((names) => names.map(([form]) => form!)));
  return [...forms].filter((form) => !COMMON_PLACES.has(nameKey(form)));
}

/** The sentences that hold a seed name other than a common place, as `<form>: <sentence>`. */
export function seedNamesIn(sentences: ReadonlyArray<{ tokens: readonly string[] }>): string[] {
  const found: string[] = [];
  for (const form of rareSeedForms()) {
    const sentence = sentences.find(({ tokens }) => occursIn(tokens, form));
    if (sentence) found.push(`${form}: ${sentence.tokens.join(' ')}`);
  }
  return found;
}
