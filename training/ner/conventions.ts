import triggersData from '../../src/nlp/ner/data/triggers.json' with { type: 'json' };
import type { ConllSentence } from './conll.js';
import { defaultGazetteerLists } from '../../src/nlp/ner/gazetteer.js';
import { normalise, searchKey } from '../../src/nlp/text/normalise.js';

/**
 * Our span convention for head nouns (issue 4): an organisation or place head noun directly before a
 * name belongs to the name. «كتائب حزب الله» is one ORG (not «حزب الله» alone), «مطار بغداد»,
 * «مدينة الصدر», «قاعدة عين الأسد» one LOC, and a ministry with its portfolio («وزارة الخارجية
 * الأميركية») one ORG.
 *
 * ANERcorp annotates otherwise: «مدينة دمشق» has only دمشق as LOC (all 106 times), «وزارة» is O all
 * 43 times and its portfolio too («وزارة الخارجية الألمانية»: no entity at all). A model trained on
 * it learns those conventions, so the training data is normalised to ours (`normaliseHeadNouns`)
 * instead of a rule overriding the model at inference: the head nouns stay features, and the model
 * learns when a head opens a name.
 */
export interface NameHeads {
  organisation: ReadonlySet<string>;
  place: ReadonlySet<string>;
  /** «وزارة» + its portfolio is an organisation even where nothing after it is a name. */
  ministries: boolean;
  /** A place nisba right after an organisation's name belongs to it («حزب الله اللبناني»). */
  nisba: boolean;
}

/** The groups of head nouns the convention can cover (`normaliseHeadNouns`, `--convention`). */
export const HEAD_GROUPS = ['organisation', 'facility', 'settlement', 'ministry', 'nisba'] as const;
export type HeadGroup = (typeof HEAD_GROUPS)[number];

const key = (word: string): string => searchKey(normalise(word));

/**
 * The groups the committed weights are trained with. Settlement heads (مدينة, محافظة, حي, …) stay
 * outside the name as in ANERcorp: «مدينة الموصل» is the place «الموصل» itself, so the head adds
 * nothing to the entity, while an airport, a base, a brigade or a ministry is another entity than
 * the name after its head («مطار بغداد» ≠ «بغداد», «كتائب حزب الله» ≠ «حزب الله»). Measured: with
 * settlement heads too, the every-10th split lost 1.3 points more F1 on ANERcorp's own gold (مدينة
 * alone opens 106 of its LOC names) for one more seed name (مدينة الصدر).
 */
export const DEFAULT_HEAD_GROUPS: readonly HeadGroup[] = ['organisation', 'facility', 'ministry'];

/**
 * `heads` (the default groups), `all`, `anercorp` (none: ANERcorp's own spans) or a comma list of
 * groups.
 */
export function parseHeadGroups(rule: string | undefined): HeadGroup[] {
  if (rule === 'heads') return [...DEFAULT_HEAD_GROUPS];
  if (rule === 'all') return [...HEAD_GROUPS];
  if (rule === 'anercorp') return [];
  const groups = (rule ?? '').split(',');
  for (const group of groups) {
    if (!(HEAD_GROUPS as readonly string[]).includes(group)) throw new Error(`convention must be heads, all, anercorp or a list of ${HEAD_GROUPS.join(', ')}`);
  }
  return groups as HeadGroup[];
}

export function nameHeads(groups: readonly HeadGroup[] = DEFAULT_HEAD_GROUPS): NameHeads {
  return {
    organisation: new Set(groups.includes('organisation') ? triggersData.organisationNameHeads.map(key) : []),
    place: new Set([
      ...(groups.includes('facility') ? triggersData.facilityNameHeads.map(key) : []),
      ...(groups.includes('settlement') ? triggersData.settlementNameHeads.map(key) : []),
    ]),
    ministries: groups.includes('ministry'),
    nisba: groups.includes('nisba'),
  };
}

// ANERcorp tokens carry their proclitics («بمدينة», «لوزارة», «وكتائب», «للحرس»).
const PROCLITICS = ['', 'و', 'ف', 'ب', 'ل', 'وب', 'ول', 'فب', 'فل', 'ك', 'وك'];
const MINISTRY = key('وزارة');

/** The token's key without its proclitics, each way they may be read («للحرس» = ل + الحرس). */
function bareForms(token: string): string[] {
  const k = key(token);
  const forms: string[] = [];
  for (const clitic of PROCLITICS) {
    if (!k.startsWith(clitic)) continue;
    const rest = k.slice(clitic.length);
    forms.push(rest);
    if (clitic.endsWith('ل') && rest.startsWith('ل')) forms.push(`ا${rest}`);
  }
  return forms;
}

/** The head class of an ANERcorp token, proclitics allowed. */
function headOf(token: string, heads: NameHeads): 'ORG' | 'LOC' | null {
  for (const form of bareForms(token)) {
    if (heads.organisation.has(form)) return 'ORG';
    if (heads.place.has(form)) return 'LOC';
  }
  return null;
}

const isDefinite = (token: string): boolean => /^(ال|وال)/.test(key(token)) && key(token).length >= 4;
/** «والتجارة» of «وزارة الاقتصاد والتجارة» (not a relative pronoun: «والذي», «والتي»). */
const isJoinedNoun = (token: string): boolean => /^وال.{3,}$/.test(key(token)) && !/^وال(ذي|تي|ذين|لذين|لتين|لتي)$/.test(key(token));
/** «الألمانية», «الأميركي»: a nisba adjective that continues a ministry's name. */
const isNisba = (token: string): boolean => /^ال.{2,}(ي|يه)$/.test(key(token));

let nisbaBases: Set<string> | null = null;

/**
 * The stems a place nisba is built on, from the one-word country, city and region names of our
 * gazetteers: «العراق» → عراق (العراقي), «إيران» → ايران, «أميركا» → اميرك, «ألمانيا» → المان,
 * «السعودية» → سعود, «القاهرة» → قاهر.
 */
function placeNisbaBases(): Set<string> {
  if (nisbaBases) return nisbaBases;
  const lists = defaultGazetteerLists();
  nisbaBases = new Set();
  for (const place of [...lists.countries, ...lists.cities, ...lists.regions]) {
    if (/\s/.test(place.trim())) continue;
    const k = key(place).replace(/^ال/, '');
    nisbaBases.add(k);
    for (const end of ['يا', 'يه', 'ا', 'ه']) if (k.endsWith(end) && k.length - end.length >= 3) nisbaBases.add(k.slice(0, -end.length));
  }
  // «الإنجليزي», «الإنكليزي» (إنجلترا); «الرياضي» is «sports», not of الرياض.
  for (const irregular of ['انجليز', 'انكليز']) nisbaBases.add(irregular);
  nisbaBases.delete('رياض');
  return nisbaBases;
}

/**
 * «العراقي», «الإيرانية», «اللبناني», «الأميركية» (a proclitic allowed: «والفرنسية»): a nisba
 * adjective of a country, city or region of our gazetteers.
 */
export function isPlaceNisba(token: string): boolean {
  const bases = placeNisbaBases();
  for (const form of bareForms(token)) {
    if (!form.startsWith('ال')) continue;
    const match = /^(.{3,}?)(ي|يه)$/.exec(form.slice(2));
    if (match && bases.has(match[1]!)) return true;
  }
  return false;
}

/**
 * A copy of `sentence` in our span convention:
 * - a head noun tagged O right before a name (B-X) opens that name, which takes the head's type
 *   (ORG for organisation heads, LOC for place heads: «مطار المنارة», MISC in ANERcorp, becomes LOC;
 *   «مدينة الصدر», a person's name, a place);
 * - «وزارة» tagged O before a definite noun tagged O is an organisation with its portfolio, the
 *   portfolio's «و»-joined nouns («الاقتصاد والتجارة») and a nisba adjective («الألمانية») or a
 *   place name after it.
 * Everything else is left as it is.
 */
export function normaliseHeadNouns(sentence: ConllSentence, heads: NameHeads = nameHeads()): ConllSentence {
  const { tokens } = sentence;
  const tags = [...sentence.tags];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tags[i] !== 'O') continue;
    const type = headOf(tokens[i]!, heads);
    if (type && tags[i + 1]!.startsWith('B-')) {
      tags[i] = `B-${type}`;
      let j = i + 1;
      tags[j++] = `I-${type}`;
      while (j < tokens.length && tags[j]!.startsWith('I-')) tags[j++] = `I-${type}`;
      i = j - 1;
      continue;
    }
    if (heads.ministries && bareForms(tokens[i]!).includes(MINISTRY) && tags[i + 1] === 'O' && isDefinite(tokens[i + 1]!) && !tokens[i + 1]!.startsWith('و')) {
      tags[i] = 'B-ORG';
      tags[i + 1] = 'I-ORG';
      let j = i + 2;
      while (j < tokens.length && tags[j] === 'O' && isJoinedNoun(tokens[j]!)) tags[j++] = 'I-ORG';
      if (j < tokens.length && ((tags[j] === 'O' && isNisba(tokens[j]!)) || tags[j]!.startsWith('B-LOC'))) {
        tags[j++] = 'I-ORG';
        while (j < tokens.length && tags[j]!.startsWith('I-')) tags[j++] = 'I-ORG';
      }
      i = j - 1;
    }
  }
  if (heads.nisba) {
    // «حزب الله اللبناني», «الحرس الثوري الإيراني»: ANERcorp leaves such a nisba outside the name
    // (79 times after an ORG, 39 inside: «الاتحاد الأوروبي», «منظمة التحرير الفلسطينية»).
    for (let i = 1; i < tokens.length; i++) {
      if (tags[i] === 'O' && /^[BI]-ORG$/.test(tags[i - 1]!) && isPlaceNisba(tokens[i]!)) tags[i] = 'I-ORG';
    }
  }
  return { tokens, tags };
}
