// Which language a text is in, cheaply: the share of its letters in Arabic script. Enough to tell
// an Arabic article from English, French or Russian text dropped in by mistake (whose records come
// out empty: no Arabic words, no entities, no claims); not meant to tell Arabic from Persian or Urdu.
import type { RecordWarning, TextLanguage } from '../../schema/text.js';

/** Scripts named in `script`; letters of any other are counted as `Other`. */
const SCRIPTS: readonly [string, RegExp][] = [
  ['Arabic', /\p{Script=Arabic}/u],
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Han', /\p{Script=Han}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
];
const LETTER = /\p{L}/u;

/** Each character's script once (texts repeat a few dozen letters thousands of times); null for non-letters. */
const scriptCache = new Map<string, string | null>();

function scriptOf(char: string): string | null {
  let script = scriptCache.get(char);
  if (script === undefined) {
    script = LETTER.test(char) ? (SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Other') : null;
    if (scriptCache.size < 10_000) scriptCache.set(char, script);
  }
  return script;
}

/** The text's language by the script of its letters (`ar` from half of them Arabic). */
export function detectLanguage(text: string): TextLanguage {
  const counts = new Map<string, number>();
  let letters = 0;
  for (const char of text) {
    const script = scriptOf(char);
    if (script === null) continue;
    letters++;
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  if (letters === 0) return { code: 'none', arabicShare: 0, script: null };
  const arabicShare = (counts.get('Arabic') ?? 0) / letters;
  const [script] = [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return { code: arabicShare >= 0.5 ? 'ar' : 'other', arabicShare: Math.round(arabicShare * 100) / 100, script };
}

/** What the record says about its language when it is not Arabic (the record is still written). */
export function languageWarnings(language: TextLanguage): RecordWarning[] {
  if (language.code === 'ar') return [];
  const what = language.code === 'none' ? 'the text has no letters' : `${Math.round(language.arabicShare * 100)} % of its letters are Arabic (mostly ${language.script})`;
  return [{ code: 'not-arabic', message: `not Arabic text: ${what}; the Arabic NLP layers (tokens' segments, entities, claims) are empty or meaningless` }];
}
