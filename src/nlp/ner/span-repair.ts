import type { Gazetteer } from './gazetteer.js';
import type { EntityType } from '../../schema/entities.js';
import { beginTag, chunksOf, isBegin, isInside, tagType, TAG_O } from './tags.js';
import type { TaggedSentence } from './tagger.js';
import { lexicalForm, type NerToken } from './tokens.js';
import { normalise, searchKey } from '../text/normalise.js';

// Span ends the model gets wrong in ways its features cannot see, repaired on its tags before
// document consistency (so that consistency spreads the repaired forms, not the broken ones).

/** Hyphens that join the parts of one name («جونغ-أون», «جان-إيف»). */
const HYPHENS = new Set(['-', '\u2010', '\u2011']);

/**
 * A word the model added to the end of a name with less confidence than this, and that is an
 * ordinary word never seen inside a name, is cut off (see `endAtNameWords`).
 */
export const WEAK_TAIL_CONFIDENCE = 0.75;

/**
 * «كيم جونغ-أون»: the text layer makes the hyphen a token of its own (the right split for «2020-2021»
 * or «بيروت-دمشق»), and the model, which learnt from ANERcorp's spaced text, tags «كيم جونغ» and
 * leaves «أون» out, so the name splits in two entities at the hyphen. Where a person's name touches
 * a hyphen that touches another word (no space on either side), the three tokens are one name.
 * Only persons: two places joined by a hyphen are two places (طريق بيروت-دمشق).
 */
export function joinHyphenatedNames(sentence: TaggedSentence): TaggedSentence {
  const { tokens } = sentence;
  let tags: number[] | null = null;
  let confidence: number[] | null = null;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [left, dash, right] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (!HYPHENS.has(dash.text) || left.kind !== 'word' || right.kind !== 'word') continue;
    if (left.end !== dash.start || dash.end !== right.start) continue;
    const current = tags ?? sentence.tags;
    const conf = confidence ?? sentence.confidence;
    // A part the model gave another type alone and weakly («جونغ/PER - أون/ORG 0.59») is no other name.
    const typeAt = (k: number): EntityType | null => {
      const type = tagType(current[k]!);
      const alone = isBegin(current[k]!) && !isInside(current[k + 1] ?? TAG_O);
      return type && type !== 'PER' && alone && conf[k]! < WEAK_TAIL_CONFIDENCE ? null : type;
    };
    const [leftType, rightType] = [typeAt(i - 1), typeAt(i + 1)];
    if ((leftType ?? rightType) !== 'PER' || (leftType && leftType !== 'PER') || (rightType && rightType !== 'PER')) continue;
    tags ??= [...sentence.tags];
    confidence ??= [...sentence.confidence];
    const begin = beginTag('PER');
    if (leftType !== 'PER') tags[i - 1] = begin;
    const tagged = leftType === 'PER' ? i - 1 : i + 1;
    // The right part's own chunk (if any) continues the left one.
    for (let k = i; k < tokens.length && (k <= i + 1 || isInside(tags[k]!)); k++) tags[k] = begin + 1;
    for (const k of [i - 1, i, i + 1]) confidence[k] = Math.min(confidence[k]!, confidence[tagged]!);
  }
  return tags && confidence ? { tokens, tags, confidence } : sentence;
}

/**
 * «دونالد ترمب» tagged B-PER B-PER: two person chunks side by side, nothing between them and no
 * proclitic on the second («وبلير», «لزيدان» start a second person), are one person. ANERcorp itself
 * tags about twenty single people so («محمد الشربيني», «سوزان مبارك», «غواو توماس»: 22 B-PERS right
 * after a PERS word with no clitic, nearly all one person), and a model trained on it splits names
 * the same way now and then; split, «دونالد» alone became an entity of its own.
 */
export function joinAdjacentPersons(sentence: TaggedSentence): TaggedSentence {
  const begin = beginTag('PER');
  let tags: number[] | null = null;
  for (let i = 1; i < sentence.tokens.length; i++) {
    const current = tags ?? sentence.tags;
    const token = sentence.tokens[i]!;
    if (current[i] !== begin || tagType(current[i - 1]!) !== 'PER' || token.kind !== 'word' || token.proclitics.length > 0) continue;
    tags ??= [...sentence.tags];
    tags[i] = begin + 1;
  }
  return tags ? { ...sentence, tags } : sentence;
}

/** Gazetteer classes of words that belong to names (a name may end with them). */
const NAME_WORD_CLASSES = new Set(['country', 'city', 'region', 'givenName', 'organisation', 'person']);
/** The gazetteer classes that make a phrase a whole name of each type. */
const WHOLE_NAME_CLASSES: Record<EntityType, readonly string[]> = {
  PER: ['person'],
  LOC: ['country', 'city', 'region'],
  ORG: ['organisation'],
  MISC: [],
};

/**
 * Whether tokens first..last spell a whole name of `type` our gazetteers know (clitics before the
 * first word left out: «بطهران» is «طهران»). A given name is no whole name («أوليفر كرومول»), nor a
 * word that merely starts names in the training corpus («شركة», «الاتحاد», «ريال»), nor a place in
 * an organisation's name («شيكاغو تربيون»).
 */
function isKnownName(tokens: readonly NerToken[], first: number, last: number, type: EntityType, gazetteer: Gazetteer): boolean {
  const phrase = tokens
    .slice(first, last + 1)
    .map((t, k) => (k === 0 ? searchKey(normalise(lexicalForm(t))) : t.key))
    .join(' ');
  return (gazetteer.phrases.get(phrase) ?? []).some((c) => WHOLE_NAME_CLASSES[type].includes(c));
}

/**
 * The shapes of a word that goes on the sentence rather than the name: an imperfect verb («يركزون»,
 * «ستنسحب»), a word joined by «و»/«ف» («والحلفاء», «وبقيت»), or a definite word that is no nisba
 * («المكلّف», «الشاغر», «العلميون»; a nisba after a name agrees with it and may belong to it:
 * «وزارة الدفاع اليمنية»). Transliterated names rarely take these shapes («ميتشال», «بلاي»).
 */
function isSentenceWordShape(key: string): boolean {
  if (/^(س[يتنا]|ي)/.test(key) || (/^[وف]/.test(key) && key.length > 3)) return true;
  return key.startsWith('ال') && !/يه?$/.test(key);
}

/**
 * «الولايات المتحدة ستنسحب», «طهران المكلّف»: the model runs a name on into the verb or adjective
 * after it, with little confidence. A name ends before its last word when that word was tagged
 * weakly (below `WEAK_TAIL_CONFIDENCE`), never stood inside a name in the training corpus
 * (`nameLexicon`) nor in a gazetteer name, has the shape of a sentence word (`isSentenceWordShape`),
 * and the words before it are a whole name of the chunk's type that we know. Nisbas and name words
 * the corpus has («الولايات المتحدة الأمريكية», «الشرق الأوسط») stay.
 */
export function endAtNameWords(sentence: TaggedSentence, gazetteer: Gazetteer, nameLexicon: ReadonlyMap<string, string>): TaggedSentence {
  let tags: number[] | null = null;
  const { tokens } = sentence;
  const isNameWord = (token: NerToken): boolean => {
    const keys = [token.key, searchKey(normalise(lexicalForm(token)))];
    return keys.some((key) => nameLexicon.has(key) || (gazetteer.phrases.get(key) ?? []).some((c) => NAME_WORD_CLASSES.has(c)));
  };
  for (const chunk of chunksOf(sentence.tags)) {
    let last = chunk.last;
    while (last > chunk.first) {
      const token = tokens[last]!;
      if (sentence.confidence[last]! >= WEAK_TAIL_CONFIDENCE || token.kind !== 'word' || isNameWord(token)) break;
      if (!isSentenceWordShape(token.key) || !isKnownName(tokens, chunk.first, last - 1, chunk.type, gazetteer)) break;
      tags ??= [...sentence.tags];
      tags[last] = TAG_O;
      last--;
    }
  }
  return tags ? { ...sentence, tags } : sentence;
}
