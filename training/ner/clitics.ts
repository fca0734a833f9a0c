// Re-attaching the clitics that WikiFANE Gold's tokeniser split off, so that its tokens look like
// the raw words our text layer and ANERcorp see («و هب» → «وهب», «مساحة ها» → «مساحتها»,
// «ل الازهر» → «للازهر», «و ل ه» → «وله»).

/** A tagged token sequence (tags are IOB2 strings of any type set). */
export interface TaggedTokens {
  tokens: string[];
  tags: string[];
}

/** Conjunctions and prepositions written joined to the next word. */
const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/**
 * Pronoun suffixes written joined to the word before. Not «ك», «كم», «كما»: in WikiFANE the token
 * «ك» is nearly always the preposition split from the next word («ك ما» = «كما», 301 of 510), «كم»
 * follows numbers (kilometres) and «كما» is the word "as".
 */
const ENCLITICS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'نا', 'ي']);

/** «هم», «هما», «هن» are also free pronouns («الشماليين هم تجار»): never joined to a definite noun. */
const FREE_PRONOUNS = new Set(['هم', 'هما', 'هن']);

const ARABIC_WORD = /^[\u0621-\u064A]+$/;
const STARTS_ARABIC = /^[\u0621-\u064A]/;

/** The word a suffix joins: tā' marbūṭa opens to tā' («مساحة» → «مساحت»), alif maqṣūra to yā' («على» → «علي»). */
function beforeSuffix(host: string): string {
  if (host.endsWith('ة')) return `${host.slice(0, -1)}ت`;
  if (host.endsWith('ى')) return `${host.slice(0, -1)}ي`;
  return host;
}

/** A prefix joined to its word: ل before the article drops the article's alif («ل الازهر» → «للازهر»). */
function withPrefix(clitic: string, host: string): string {
  if (clitic === 'ل' && host.startsWith('ال')) return `${clitic}${host.slice(1)}`;
  return `${clitic}${host}`;
}

/** The tag of a clitic and its word together: the word's, but a name that the clitic opens opens there. */
function joinedTag(cliticTag: string, hostTag: string, cliticFirst: boolean): string {
  if (cliticFirst && cliticTag.startsWith('B-') && hostTag === `I-${cliticTag.slice(2)}`) return cliticTag;
  return hostTag;
}

function canTakeSuffix(host: string, suffix: string): boolean {
  if (!ARABIC_WORD.test(host)) return false;
  if (FREE_PRONOUNS.has(suffix) && host.startsWith('ال')) return false;
  return true;
}

/**
 * Joins suffixes to the word before, then prefixes (right to left, so that «و ب X» becomes «وبX») to
 * the word after. Tags follow the word a clitic joins, as ANERcorp tags «ولبنان» and «بلبنان» B-LOC.
 */
export function reattachClitics(sentence: TaggedTokens): TaggedTokens {
  const tokens: string[] = [];
  const tags: string[] = [];
  sentence.tokens.forEach((token, i) => {
    const last = tokens.length - 1;
    if (ENCLITICS.has(token) && last >= 0 && canTakeSuffix(tokens[last]!, token)) {
      tokens[last] = beforeSuffix(tokens[last]!) + token;
      tags[last] = joinedTag(sentence.tags[i]!, tags[last]!, false);
      return;
    }
    tokens.push(token);
    tags.push(sentence.tags[i]!);
  });
  for (let i = tokens.length - 2; i >= 0; i--) {
    const next = tokens[i + 1]!;
    if (!PROCLITICS.has(tokens[i]!) || !STARTS_ARABIC.test(next)) continue;
    tokens.splice(i, 2, withPrefix(tokens[i]!, next));
    tags.splice(i, 2, joinedTag(tags[i]!, tags[i + 1]!, true));
  }
  return { tokens, tags };
}
