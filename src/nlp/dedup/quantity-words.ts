// The words a number's facts are read from (quantity-facts.ts, quantity-subjects.ts): token and
// entity shapes, clitic-free keys and noun forms, and the role a word names.
import { searchKey } from '../text/normalise.js';
import { NOT_ROLE_FORMS, ROLE_PHRASES, ROLE_STEMS } from './quantity-lexicon.js';

/** The token fields read here (a subset of the text layer's Token). */
export interface FactToken {
  kind: string;
  key: string;
  /** The text layer's stem (clitics off); nouns are read from it when present. */
  stem?: string;
  text: string;
  start: number;
  end: number;
  /** Index of the sentence holding the token (the text layer's), when known. */
  sentence?: number;
}

/** An entity mention as the NER layer gives it (spans and type when known). */
export interface FactEntity {
  entityId: string;
  start?: number;
  end?: number;
  type?: string;
}

/** A key without its clitics: «وبالقتلى» → «قتلي»; short words are left whole. */
export function bareKey(key: string): string {
  let word = key;
  for (const pattern of [/^[وف](?=...)/u, /^[بلك](?=...)/u, /^ال(?=..)/u]) {
    const stripped = word.replace(pattern, '');
    if (stripped !== word) word = stripped;
  }
  return word;
}

/** The form a noun is read from: the text layer's stem (clitics off, «كيلومتر» kept whole), else the key without clitics. */
export function nounForm(t: FactToken): string {
  return t.stem ? searchKey(t.stem) : bareKey(t.key);
}

/**
 * The form the counted noun of a quantity is read from (`nounForm`). A dual counted alone («جنديان»,
 * «قتيلين»: the claims reader's 2, the noun its own number) is read as its singular: the skeleton
 * drops «ين» but not «ان», and «جنديان» must be «جندي», a category of the killed or wounded.
 */
export function countedForm(t: FactToken, quantity: { value: number; text: string; counted: string | null }): string {
  const form = nounForm(t);
  const dualAlone = quantity.value === 2 && quantity.counted !== null && quantity.counted === quantity.text;
  return dualAlone && form.length > 4 && form.endsWith('ان') ? form.slice(0, -2) : form;
}

/** What may follow a role stem in one word: inflections and pronouns («قتلوا», «أصيبت», «إصاباتهم»), not another word («الإصلاح» is not «أصل»). */
const ROLE_SUFFIXES: ReadonlySet<string> = new Set(['', 'ا', 'ه', 'ها', 'هم', 'هن', 'ت', 'تا', 'وا', 'ات', 'ين', 'ون', 'ي', 'يه', 'يا', 'ان', 'تين', 'تان', 'ته', 'تها', 'تهم', 'اتهم', 'يها', 'يهم', 'هما', 'ن', 'نا']);

/**
 * A key without its clitics, and as written: «وفاة» starts with a و of its own, which `bareKey`
 * takes for the conjunction («فاه»), so «عن وفاة تسعة عمال» had no role; «فقدوا» is not «ف» + «قدوا».
 */
function formsOf(key: string): string[] {
  const bare = bareKey(key);
  return bare === key ? [key] : [bare, key];
}

/**
 * Roles already read, by key: `roleOf` tries every stem of every role on each form, and the claim
 * step asks it of every word near every number (its largest cost in dedup: 1.9 s of about 9 s over
 * 3,000 SaudiNewsNet articles, 2026-12-08). A word's role never changes; the map is emptied when it
 * reaches `ROLE_CACHE_CAP` keys, so a long-running worker's vocabulary does not grow it without bound.
 */
const roleCache = new Map<string, string | null>();
const ROLE_CACHE_CAP = 100_000;

/** The role a word names (killed, wounded, fired…), if any. */
export function roleOf(key: string): string | null {
  const known = roleCache.get(key);
  if (known !== undefined) return known;
  const role = readRole(key);
  if (roleCache.size >= ROLE_CACHE_CAP) roleCache.clear();
  roleCache.set(key, role);
  return role;
}

function readRole(key: string): string | null {
  for (const form of formsOf(key)) {
    if (NOT_ROLE_FORMS.has(form)) continue;
    for (const [role, stems] of ROLE_STEMS) {
      for (const stem of stems) if (form.startsWith(stem) && ROLE_SUFFIXES.has(form.slice(stem.length))) return role;
    }
  }
  return null;
}

/**
 * The role of the word at `i`, reading a two-word phrase (`ROLE_PHRASES`: «فقدوا حياتهم», «أطلقت
 * سراحهم») with the next word before the word alone.
 */
export function roleAt(tokens: readonly FactToken[], i: number): string | null {
  const next = tokens[i + 1];
  if (next !== undefined && next.kind === 'word') {
    const firsts = formsOf(tokens[i]!.key);
    const seconds = formsOf(next.key);
    for (const [a, b, role] of ROLE_PHRASES) {
      if (firsts.some((first) => first.startsWith(a) && first.length <= a.length + 3) && seconds.some((second) => second.startsWith(b))) return role;
    }
  }
  return roleOf(tokens[i]!.key);
}
