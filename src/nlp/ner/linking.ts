import type { EntityType } from '../../schema/entities.js';
import type { LinkingLexicon } from './aliases.js';
import type { TaggedMention } from './mentions.js';
import { phraseKey } from './gazetteer.js';
import { editDistance, entityIdFor, phraseSkeleton, wordSkeleton } from './skeleton.js';

/**
 * One entity of one article: its mentions' forms, the fullest one (canonical), and the keys under
 * which the shared registry matches it with entities of other articles.
 */
export interface ArticleEntity {
  /** Stable within the article and across re-runs of it: `type:skeleton of canonical`. */
  localKey: string;
  type: EntityType;
  canonical: string;
  /** Number of words of the canonical form (a fuller form wins when entities merge). */
  words: number;
  /** Keys that identify the entity on their own: its full forms' skeletons, its alias group. */
  strongKeys: string[];
  /**
   * Keys of partial forms (a person's family name, an organisation's short form): they link a
   * partial mention in another article only when they point at exactly one entity.
   */
  weakKeys: string[];
  /**
   * A person the article names by one word only («الكاظمي», «كيم», «ترمب»): the keys of that word.
   * It is a partial form of whoever bears it, so it is no strong key: the registry links it to the
   * one entity that has it as a partial form, or to the one the article's other entities point at
   * when several have it, and otherwise keeps it an entity of its own. Empty for everything else.
   */
  bareKeys: string[];
  /** Surface forms seen in the article (original text, clitics outside). */
  variants: string[];
  mentionCount: number;
  /** The id this entity gets when the registry has never seen any of its keys. */
  proposedId: string;
}

/** A tagged mention with the index of its entity in `ArticleEntities.entities`. */
export interface LinkedMention extends TaggedMention {
  entity: number;
}

export interface ArticleEntities {
  mentions: LinkedMention[];
  entities: ArticleEntity[];
}

interface Working {
  type: EntityType;
  mentionIndexes: number[];
  /** Skeleton words of the fullest form. */
  fullWords: string[];
  /** The fullest form's first word is a given name or a particle (it does not stand for the person alone). */
  givenFirst: boolean;
  alias: { key: string; canonical: string } | null;
}

function isContiguousPart(part: readonly string[], whole: readonly string[], where: 'prefix' | 'suffix'): boolean {
  if (part.length >= whole.length) return false;
  const offset = where === 'prefix' ? 0 : whole.length - part.length;
  return part.every((w, k) => w === whole[offset + k]);
}

/**
 * Words that open a kunya, a nasab or a compound name («أبو جهاد», «بن سلمان», «عبد الله»): a
 * name's first word that is one of them is no family name written first.
 */
const NAME_PARTICLES = new Set(['أبو', 'أبي', 'أبا', 'ابن', 'بن', 'بنت', 'عبد', 'أم', 'آل'].map((w) => phraseKey(w)));

/** Single words that differ by one edit (a typo or a variant the skeleton misses): long words only. */
function nearSameWord(a: string, b: string): boolean {
  return a.length >= 5 && b.length >= 5 && a[0] === b[0] && editDistance(a, b, 1) <= 1;
}

/**
 * Groups an article's mentions into entities. Rules, in order, for each mention (fullest first):
 * the same alias group; the same skeleton; for a person, the mention is the last word(s) of a
 * fuller name in the article (الكاظمي → مصطفى الكاظمي), or its first word when that is no given
 * name (كيم → كيم جونغ-أون); for other types, the first word(s)
 * (الحشد → الحشد الشعبي); a near-identical single long word. When several fuller entities
 * qualify (two people called حسين), the nearest one before the mention wins.
 */
export function linkArticleMentions(mentions: readonly TaggedMention[], lexicon: LinkingLexicon): ArticleEntities {
  const skeletons = mentions.map((m) => m.words.map((w) => wordSkeleton(w, lexicon.plainWords)));
  const order = mentions
    .map((_, index) => index)
    .sort((a, b) => skeletons[b]!.length - skeletons[a]!.length || a - b);
  const clusters: Working[] = [];
  const assigned = new Array<number>(mentions.length).fill(-1);
  const byAlias = new Map<string, number>();
  const bySkeleton = new Map<string, number>();

  for (const index of order) {
    const mention = mentions[index]!;
    const words = skeletons[index]!;
    const joined = words.join(' ');
    const alias = lexicon.aliases.get(phraseSkeleton(mention.words, lexicon.plainWords));
    let target = alias ? (byAlias.get(alias.key) ?? -1) : -1;
    if (target < 0) target = bySkeleton.get(`${mention.type}|${joined}`) ?? -1;
    if (target < 0) {
      const candidates = clusters
        .map((c, k) => ({ c, k }))
        .filter(({ c }) => {
          if (c.type !== mention.type) return false;
          const part = mention.type === 'PER' ? 'suffix' : 'prefix';
          if (isContiguousPart(words, c.fullWords, part)) return true;
          // A family name written first («كيم» of «كيم جونغ-أون»): a first word that is no given name.
          if (mention.type === 'PER' && words.length === 1 && !c.givenFirst && isContiguousPart(words, c.fullWords, 'prefix')) return true;
          return words.length === 1 && c.fullWords.length >= 1 && nearSameWord(words[0]!, c.fullWords[c.fullWords.length - 1]!);
        });
      if (candidates.length === 1) target = candidates[0]!.k;
      else if (candidates.length > 1) target = nearestBefore(candidates.map((x) => x.k), clusters, mentions, mention.start);
    }
    if (target < 0) {
      clusters.push({
        type: alias?.type ?? mention.type,
        mentionIndexes: [],
        fullWords: words,
        givenFirst: lexicon.givenWords.has(mention.words[0] ?? '') || NAME_PARTICLES.has(mention.words[0] ?? ''),
        alias: alias ? { key: alias.key, canonical: alias.canonical } : null,
      });
      target = clusters.length - 1;
    }
    const cluster = clusters[target]!;
    cluster.mentionIndexes.push(index);
    if (!cluster.alias && alias) cluster.alias = { key: alias.key, canonical: alias.canonical };
    if (cluster.alias && !byAlias.has(cluster.alias.key)) byAlias.set(cluster.alias.key, target);
    if (!bySkeleton.has(`${mention.type}|${joined}`)) bySkeleton.set(`${mention.type}|${joined}`, target);
    assigned[index] = target;
  }

  const entities = clusters.map((cluster): ArticleEntity => {
    const canonicalMention = mentions[fullestMention(cluster, mentions, skeletons)]!;
    const fullKey = `${cluster.type}:${cluster.fullWords.join(' ')}`;
    const strong = new Set<string>([fullKey]);
    const weak = new Set<string>();
    if (cluster.alias) strong.add(cluster.alias.key);
    for (const m of cluster.mentionIndexes) {
      const key = `${cluster.type}:${skeletons[m]!.join(' ')}`;
      if (skeletons[m]!.length === cluster.fullWords.length) strong.add(key);
      else if (!strong.has(key)) weak.add(key);
    }
    // A person named in full is also findable by the family name alone from other articles (the
    // last word, or a first word that is no given name: «كيم» of «كيم جونغ-أون»).
    if (cluster.type === 'PER' && cluster.fullWords.length >= 2) {
      const family = `PER:${cluster.fullWords[cluster.fullWords.length - 1]}`;
      if (!strong.has(family)) weak.add(family);
      if (!cluster.givenFirst) weak.add(`PER:${cluster.fullWords[0]}`);
    }
    const bare = cluster.type === 'PER' && cluster.fullWords.length === 1 && !cluster.alias;
    const canonical = cluster.alias && cluster.fullWords.length <= cluster.alias.canonical.split(/\s+/).length
      ? cluster.alias.canonical
      : canonicalMention.text;
    const strongKeys = bare ? [] : [...strong];
    return {
      localKey: fullKey,
      type: cluster.type,
      canonical,
      words: canonical.split(/\s+/).length,
      strongKeys,
      weakKeys: [...weak],
      bareKeys: bare ? [...strong] : [],
      variants: [...new Set(cluster.mentionIndexes.map((m) => mentions[m]!.text))],
      mentionCount: cluster.mentionIndexes.length,
      proposedId: entityIdFor(cluster.type, cluster.alias?.key ?? fullKey),
    };
  });
  return {
    mentions: mentions.map((m, index) => ({ ...m, type: clusters[assigned[index]!]!.type, entity: assigned[index]! })),
    entities,
  };
}

function nearestBefore(candidates: number[], clusters: readonly Working[], mentions: readonly TaggedMention[], at: number): number {
  let best = candidates[0]!;
  let bestDistance = Infinity;
  for (const k of candidates) {
    for (const m of clusters[k]!.mentionIndexes) {
      const start = mentions[m]!.start;
      // Prefer a fuller mention before this one; one after counts as farther than any before.
      const distance = start <= at ? at - start : 1e9 + (start - at);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = k;
      }
    }
  }
  return best;
}

/**
 * The mention whose text is the entity's canonical form: the most words, then the form with the
 * article written out («الحشد الشعبي» over «حشد الشعبي» cut from «للحشد الشعبي»), then the most
 * frequent, then the longest, then the first.
 */
function fullestMention(cluster: Working, mentions: readonly TaggedMention[], skeletons: readonly string[][]): number {
  const counts = new Map<string, number>();
  const wordCounts = new Map<string, number>();
  for (const m of cluster.mentionIndexes) {
    counts.set(mentions[m]!.text, (counts.get(mentions[m]!.text) ?? 0) + 1);
    for (const word of new Set(mentions[m]!.words)) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  }
  // Between two spellings of the full name used as often («علي خامئني» once in a headline, «علي
  // خامنئي» once in the body), the one whose words the article's other mentions spell the same way
  // («خامنئي» alone, three times).
  const spellingVotes = (m: number): number => mentions[m]!.words.reduce((sum, word) => sum + wordCounts.get(word)!, 0);
  const rank = (m: number): number[] => {
    const text = mentions[m]!.text;
    return [skeletons[m]!.length, mentions[m]!.words[0]!.startsWith('ال') ? 1 : 0, counts.get(text)!, spellingVotes(m), text.length, -mentions[m]!.start];
  };
  let best = cluster.mentionIndexes[0]!;
  for (const m of cluster.mentionIndexes) {
    const a = rank(m);
    const b = rank(best);
    for (let k = 0; k < a.length; k++) {
      if (a[k] !== b[k]) {
        if (a[k]! > b[k]!) best = m;
        break;
      }
    }
  }
  return best;
}
