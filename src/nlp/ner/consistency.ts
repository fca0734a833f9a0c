import type { EntityType } from '../../schema/entities.js';
import type { Gazetteer } from './gazetteer.js';
import { nameStartInToken } from './spans.js';
import { beginTag, chunksOf, TAG_O, TAG_COUNT } from './tags.js';
import type { TaggedSentence } from './tagger.js';
import { normalise, searchKey } from '../text/normalise.js';
import { lexicalForm, type NerToken } from './tokens.js';
import { defaultLinkingLexicon } from './aliases.js';
import { isSpellingVariant, spellingKey } from './skeleton.js';
import { isPlaceNotPerson, placeFormsOf } from './places.js';
import { defaultWholeEvidence as wordEvidence } from '../text/lexicon.js';

export type KnownForm = (key: string) => boolean;

/** Search key of a token from where a name would start in it (clitics such as و/ب/لل dropped). */
export function nameKeyOf(token: NerToken, isKnown: KnownForm): string {
  const at = nameStartInToken(token, isKnown);
  const key = at === 0 ? token.key : searchKey(normalise(token.text.slice(at)));
  // «للكاظمي» starts at «كاظمي»; its name key is the article form that the rest of the text uses.
  return token.key.startsWith('لل') && !key.startsWith('ال') && isKnown(`ال${key}`) ? `ال${key}` : key;
}

function phraseKeyAt(tokens: readonly NerToken[], first: number, last: number, isKnown: KnownForm): string {
  let key = nameKeyOf(tokens[first]!, isKnown);
  for (let i = first + 1; i <= last; i++) key += ` ${tokens[i]!.key}`;
  return key;
}

interface FormStats {
  /** Summed confidence per type (a confident tag outweighs a hesitant one). */
  weights: Map<EntityType, number>;
  confidence: number;
}

function majorityType(stats: FormStats): EntityType | null {
  let best: EntityType | null = null;
  let bestWeight = 0;
  let tie = false;
  for (const [type, weight] of stats.weights) {
    if (weight > bestWeight + 1e-9) {
      best = type;
      bestWeight = weight;
      tie = false;
    } else if (Math.abs(weight - bestWeight) <= 1e-9) tie = true;
  }
  return tie ? null : best;
}

/** Words that introduce names but are not names (titles, head nouns): never propagated alone. */
function isTriggerWord(key: string, gazetteer: Gazetteer): boolean {
  const classes = gazetteer.phrases.get(key);
  return !!classes && classes.some((c) => c === 'title' || c === 'orgHead' || c === 'placeHead' || c === 'notName');
}

/** The gazetteer classes of a word, as written or without its proclitics («بقاعدة» → قاعدة). */
function wordClasses(token: NerToken, gazetteer: Gazetteer): readonly string[] {
  const own = gazetteer.phrases.get(token.key) ?? [];
  const bare = gazetteer.phrases.get(searchKey(lexicalForm(token))) ?? [];
  return [...own, ...bare];
}

/**
 * Whether the word at `i` stands inside a head noun's construct: two words after an organisation or
 * place head, past a word that is neither a title nor a head nor a name («قاعدة عين الأسد»: الأسد
 * closes the base's name, «عين الأسد»; it names no person there).
 */
function inHeadConstruct(tokens: readonly NerToken[], i: number, gazetteer: Gazetteer): boolean {
  if (i < 2 || tokens[i - 1]!.kind !== 'word' || tokens[i - 2]!.kind !== 'word') return false;
  const before = wordClasses(tokens[i - 1]!, gazetteer);
  if (before.length > 0) return false;
  const head = wordClasses(tokens[i - 2]!, gazetteer);
  return head.includes('placeHead') || head.includes('orgHead');
}

/**
 * Person forms that are no person in this document: a one-word form tagged PER whose every
 * occurrence in the document (tagged or not) stands inside a head noun's construct
 * (`inHeadConstruct`). «الأسد» is a person in the corpus lexicon (Assad), and the model tags it so
 * in «قاعدة عين الأسد», the air base; a document that names the person has him elsewhere too
 * («بشار الأسد», «الرئيس الأسد», «نظام الأسد»), and then nothing changes.
 */
function constructOnlyPersons(sentences: readonly TaggedSentence[], gazetteer: Gazetteer, isKnown: KnownForm): Set<string> {
  const candidates = new Set<string>();
  for (const sentence of sentences) {
    for (const chunk of chunksOf(sentence.tags)) {
      if (chunk.type === 'PER' && chunk.first === chunk.last && inHeadConstruct(sentence.tokens, chunk.first, gazetteer)) {
        candidates.add(nameKeyOf(sentence.tokens[chunk.first]!, isKnown));
      }
    }
  }
  if (candidates.size === 0) return candidates;
  for (const sentence of sentences) {
    sentence.tokens.forEach((token, i) => {
      if (token.kind !== 'word') return;
      const key = nameKeyOf(token, isKnown);
      if (candidates.has(key) && !inHeadConstruct(sentence.tokens, i, gazetteer)) candidates.delete(key);
    });
  }
  return candidates;
}

/**
 * Document consistency: a name the model tagged somewhere is tagged (with its majority type)
 * wherever else it occurs in the document, clitics included («بغداد» → «وبغداد», «الكاظمي» →
 * «للكاظمي»), and a person's family name alone («الكاظمي» after «مصطفى الكاظمي») is the same
 * person. Returns new tag and confidence arrays; the model's own chunks keep their spans.
 */
export function applyDocumentConsistency(
  modelSentences: readonly TaggedSentence[],
  gazetteer: Gazetteer,
  baseKnown: KnownForm,
): TaggedSentence[] {
  // A one-word person the document only has inside a head noun's construct is none: untagged, and
  // not propagated («قاعدة عين الأسد»).
  const notPersons = constructOnlyPersons(modelSentences, gazetteer, baseKnown);
  const sentences =
    notPersons.size === 0
      ? modelSentences
      : modelSentences.map((sentence) => {
          const tags = [...sentence.tags];
          for (const chunk of chunksOf(tags)) {
            const token = sentence.tokens[chunk.first]!;
            if (chunk.type === 'PER' && chunk.first === chunk.last && notPersons.has(nameKeyOf(token, baseKnown))) tags[chunk.first] = TAG_O;
          }
          return { ...sentence, tags };
        });
  const forms = new Map<string, FormStats>();
  // For each form, which of its words are ordinary words of the language (spelling variants are
  // looked for only where both spellings are not: see `variantIndex`).
  const commonWords = new Map<string, boolean[]>();
  const record = (key: string, type: EntityType, confidence: number, words: number, tokens: readonly NerToken[]): void => {
    if (!commonWords.has(key)) commonWords.set(key, tokens.map(isCommonWord));
    if (key.replace(/^ال/, '').length < 3 || (words === 1 && isTriggerWord(key, gazetteer))) return;
    const stats = forms.get(key) ?? { weights: new Map(), confidence: 0 };
    stats.weights.set(type, (stats.weights.get(type) ?? 0) + confidence);
    stats.confidence = Math.max(stats.confidence, confidence);
    forms.set(key, stats);
  };
  for (const sentence of sentences) {
    for (const chunk of chunksOf(sentence.tags)) {
      const confidence = mean(sentence.confidence.slice(chunk.first, chunk.last + 1));
      const words = chunk.last - chunk.first + 1;
      const chunkTokens = sentence.tokens.slice(chunk.first, chunk.last + 1);
      const key = phraseKeyAt(sentence.tokens, chunk.first, chunk.last, baseKnown);
      // A known place the model called a person, unsure or with no person around, votes as the
      // place it is: a weak vote must not make a capital a person in every sentence of the article.
      const place = chunk.type === 'PER' && words === 1 && isPlaceNotPerson(sentence.tokens, chunk.first, key, confidence, gazetteer);
      record(key, place ? 'LOC' : chunk.type, confidence, words, chunkTokens);
      if (chunk.type === 'PER' && words >= 2) {
        const family = sentence.tokens[chunk.last]!;
        const classes = gazetteer.phrases.get(family.key);
        if (!classes?.includes('givenName') && !placeFormsOf(gazetteer).has(family.key)) record(family.key, 'PER', confidence, 1, [family]);
      }
    }
  }
  if (forms.size === 0) return sentences.map((s) => ({ ...s }));

  const singleWordForms = new Set<string>();
  const formPrefixes = new Set<string>();
  for (const key of forms.keys()) {
    const words = key.split(' ');
    if (words.length === 1) singleWordForms.add(key);
    for (let k = 1; k < words.length; k++) formPrefixes.add(words.slice(0, k).join(' '));
  }
  const isKnown: KnownForm = (key) => baseKnown(key) || singleWordForms.has(key);
  const variants = variantIndex(forms.keys());
  /** Whether the words first..last may be a spelling variant of the form `variantOf`. */
  const variantAllowed = (tokens: readonly NerToken[], first: number, last: number, keys: readonly string[], variantOf: string): boolean => {
    const formWords = variantOf.split(' ');
    const formCommon = commonWords.get(variantOf)!;
    for (let k = first; k <= last; k++) {
      if (keys[k - first] === formWords[k - first]) continue;
      if (formCommon[k - first] || isCommonWord(tokens[k]!) || !isSpellingVariant(keys[k - first]!, formWords[k - first]!)) return false;
    }
    return true;
  };


  return sentences.map((sentence) => {
    const tags = [...sentence.tags];
    const confidence = [...sentence.confidence];
    const { tokens } = sentence;
    const nameKeys = tokens.map((t) => (t.kind === 'word' ? nameKeyOf(t, isKnown) : t.key));
    const keyOf = (first: number, last: number): string => {
      let key = nameKeys[first]!;
      for (let k = first + 1; k <= last; k++) key += ` ${tokens[k]!.key}`;
      return key;
    };
    // Relabel the model's own chunks to the form's majority type.
    for (const chunk of chunksOf(tags)) {
      const stats = forms.get(keyOf(chunk.first, chunk.last));
      const type = stats ? majorityType(stats) : null;
      if (type && type !== chunk.type) setChunk(tags, chunk.first, chunk.last, type);
    }
    // Tag untagged recurrences, the longest known form first; a spelling variant of a form (the
    // same spelling key: «علي خامئني» in a headline, «علي خامنئي» in the body) counts as the form.
    for (let i = 0; i < tokens.length; i++) {
      if (tags[i] !== TAG_O || tokens[i]!.kind !== 'word') continue;
      let key = nameKeys[i]!;
      let spelling = variants.keyOf(key);
      let match: { last: number; stats: FormStats; type: EntityType } | null = null;
      for (let last = i; last < tokens.length && tags[last] === TAG_O; last++) {
        if (last > i) {
          key += ` ${tokens[last]!.key}`;
          spelling += ` ${variants.keyOf(tokens[last]!.key)}`;
        }
        const exact = forms.get(key);
        let variantOf = exact ? undefined : variants.forms.get(spelling);
        if (variantOf !== undefined && !variantAllowed(tokens, i, last, key.split(' '), variantOf)) variantOf = undefined;
        const stats = exact ?? (variantOf === undefined ? undefined : forms.get(variantOf));
        const type = stats ? majorityType(stats) : null;
        // Variants are spellings of transliterated names: people, organisations and places. A
        // MISC form (a nationality, a «ميليشيات» the model took for a name) spreads only as written.
        if (stats && type && (exact || type !== 'MISC')) match = { last, stats, type };
        if (!formPrefixes.has(key) && !variants.prefixes.has(spelling)) break;
      }
      if (!match) continue;
      setChunk(tags, i, match.last, match.type);
      for (let k = i; k <= match.last; k++) confidence[k] = match.stats.confidence * 0.9;
      i = match.last;
    }
    return { tokens, tags, confidence };
  });
}

/**
 * The document's forms by spelling key (src/nlp/ner/skeleton.ts), for forms whose last word has
 * five letters or more (shorter words keep their vowels, so they have no variants to find). Two
 * forms with one key are ambiguous and left out.
 */
function variantIndex(formKeys: Iterable<string>): {
  keyOf: (word: string) => string;
  forms: Map<string, string>;
  prefixes: Set<string>;
} {
  const { plainWords } = defaultLinkingLexicon();
  const keyOf = (word: string): string => spellingKey(word, plainWords);
  const forms = new Map<string, string>();
  const ambiguous = new Set<string>();
  const prefixes = new Set<string>();
  for (const key of formKeys) {
    const words = key.split(' ');
    if (words[words.length - 1]!.replace(/^ال/, '').length < 5) continue;
    const spellings = words.map(keyOf);
    const spelling = spellings.join(' ');
    if (forms.has(spelling) && forms.get(spelling) !== key) ambiguous.add(spelling);
    forms.set(spelling, key);
    for (let k = 1; k < spellings.length; k++) prefixes.add(spellings.slice(0, k).join(' '));
  }
  for (const spelling of ambiguous) forms.delete(spelling);
  return { keyOf, forms, prefixes };
}

/**
 * An ordinary word of the language (the text layer's word counts know it): «رئيسا» is no variant of
 * «روسيا», «السعيدة» none of «السعودية», and a known name's variants are known too (أمريكي/أميركي
 * are both counted). Transliterated names such as «خامئني», «ترمب» or «مكغورك» are not counted.
 */
function isCommonWord(token: NerToken): boolean {
  return wordEvidence(lexicalForm(token)) >= 1;
}

function setChunk(tags: number[], first: number, last: number, type: EntityType): void {
  const begin = beginTag(type);
  tags[first] = begin;
  for (let k = first + 1; k <= last; k++) tags[k] = begin + 1;
  // A following I- of the old type would now dangle: close it.
  for (let k = last + 1; k < tags.length && tags[k]! !== TAG_O && (tags[k]! - 1) % 2 === 1; k++) {
    if (tags[k]! < TAG_COUNT) tags[k] = tags[k]! - 1;
    break;
  }
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
