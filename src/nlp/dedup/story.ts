import type { Story } from '../../schema/story.js';
import type { ClaimPairLink, PairLink } from './links.js';
import { decodeClaimLink, decodePairLink } from './links.js';
import { countedKey, type DedupClaim } from './claims.js';

/** What the story builder knows of each member article. */
export interface StoryMember {
  num: number;
  id: string;
  source: string | null;
  /** ISO 8601, or null. */
  publishedAt: string | null;
}

/**
 * Builds the story file's content from the index's snapshot of the story: its members and its link
 * fields. Everything is sorted by article id, so the same set of articles and links always gives the
 * same file, whatever order the workers saw them in.
 */
/** How much of a big story its file lists (the counts say how much there is). */
export interface StoryListLimits {
  links: number;
  /** Quotes per corroborated claim group, stated values per conflict. */
  quotes: number;
}

const UNLIMITED: StoryListLimits = { links: Infinity, quotes: Infinity };

/**
 * Article ids (16 hex digits) and link kinds in code-unit order: the order `localeCompare` gives
 * them, without its collation cost (a story of 3,000 reprints sorts ~50,000 links; that sort and a
 * group built by copying its array at every claim took most of a 2 s rebuild).
 */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A claim quoted by article and claim index (its text filled in later from the quotes files). */
type ClaimQuote = { articleId: string; claim: number; text: null; source: string | null; publishedAt: string | null };
type QuoteOf = (num: number, claim: number) => ClaimQuote;

/** The story's pairwise links, one entry per fact, in a stable order. */
function storyLinks(pairLinks: readonly PairLink[], byNum: ReadonlyMap<number, StoryMember>): Story['links'] {
  // One entry per fact; a pair with several reused passages is listed once per passage.
  return pairLinks
    .flatMap((link) => {
      const first = byNum.get(link.a)!;
      const second = byNum.get(link.b)!;
      const swap = first.id > second.id;
      const [a, b] = swap ? [second, first] : [first, second];
      const base: Story['links'][number] = { kind: link.kind, a: a.id, b: b.id, similarity: link.similarity };
      if (link.kind !== 'reused-passage' || link.passages.length === 0) return [base];
      return link.passages.map((p) => ({
        ...base,
        passage: swap ? { aStart: p.bStart, aEnd: p.bEnd, bStart: p.aStart, bEnd: p.aEnd } : { ...p },
      }));
    })
    .sort((x, y) => byCodeUnits(x.a, y.a) || byCodeUnits(x.b, y.b) || byCodeUnits(x.kind, y.kind) || (x.passage?.aStart ?? 0) - (y.passage?.aStart ?? 0));

}

/** Corroborated claims: connected groups of claims joined by "corroborates" links, from two articles or more. */
function corroborationGroups(claimLinks: readonly ClaimPairLink[], quote: QuoteOf, limits: StoryListLimits): Story['corroboratedClaims'] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    // Every key on the way points at the root afterwards (the key alone did: a chain of n claims was
    // walked again for each of them).
    for (let at = key; at !== root; ) {
      const up = parent.get(at)!;
      parent.set(at, root);
      at = up;
    }
    return root;
  };
  for (const link of claimLinks) {
    if (link.relation !== 'corroborates') continue;
    const a = `${link.a}:${link.aClaim}`;
    const b = `${link.b}:${link.bClaim}`;
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent.set(rootA > rootB ? rootA : rootB, rootA > rootB ? rootB : rootA);
  }
  const groups = new Map<string, string[]>();
  for (const key of parent.keys()) {
    const root = find(key);
    const group = groups.get(root);
    if (group) group.push(key);
    else groups.set(root, [key]);
  }
  return [...groups.values()]
    .map((keys) => {
      const claims = keys
        .map((key) => {
          const [num, claim] = key.split(':').map(Number);
          return quote(num!, claim!);
        })
        .sort((x, y) => byCodeUnits(x.articleId, y.articleId) || x.claim - y.claim);
      const sources = [...new Set(claims.map((claim) => claim.source).filter((source): source is string => source !== null))].sort();
      return { claims, sources };
    })
    .filter((group) => new Set(group.claims.map((claim) => claim.articleId)).size >= 2)
    .map((group) => (group.claims.length > limits.quotes ? { ...group, claims: group.claims.slice(0, Math.max(2, limits.quotes)), claimCount: group.claims.length } : group))
    .sort((x, y) => byCodeUnits(x.claims[0]!.articleId, y.claims[0]!.articleId) || x.claims[0]!.claim - y.claims[0]!.claim);

}

/** Conflicts: per counted thing, every stated value that disagrees with another. */
function storyConflicts(claimLinks: readonly ClaimPairLink[], quote: QuoteOf, limits: StoryListLimits): Story['conflicts'] {
  const conflictsByCounted = new Map<string, Map<string, Story['conflicts'][number]['values'][number]>>();
  for (const link of claimLinks) {
    if (link.relation !== 'conflicts' || link.counted === null) continue;
    let values = conflictsByCounted.get(link.counted);
    if (!values) {
      values = new Map();
      conflictsByCounted.set(link.counted, values);
    }
    for (const [num, claim, quantity] of [
      [link.a, link.aClaim, link.aQuantity],
      [link.b, link.bClaim, link.bQuantity],
    ] as const) {
      if (!quantity) continue;
      values.set(`${num}:${claim}`, { ...quote(num, claim), value: quantity.value, valueMax: quantity.valueMax, approx: quantity.approx, quantityText: null });
    }
  }
  return [...conflictsByCounted.entries()]
    .map(([counted, values]) => ({
      counted,
      values: [...values.values()].sort((x, y) => byCodeUnits(x.articleId, y.articleId) || x.claim - y.claim),
    }))
    .filter((conflict) => conflict.values.length >= 2)
    .map((conflict) => (conflict.values.length > limits.quotes ? { ...conflict, values: conflict.values.slice(0, Math.max(2, limits.quotes)), valueCount: conflict.values.length } : conflict))
    .sort((x, y) => x.counted.localeCompare(y.counted));

}

export function buildStory(storyId: string, version: number, members: readonly StoryMember[], fields: ReadonlyMap<string, string>, limits: StoryListLimits = UNLIMITED): Story {
  const maxLinks = limits.links;
  const byNum = new Map(members.map((member) => [member.num, member]));
  const articles = [...members].sort((a, b) => byCodeUnits(a.id, b.id));
  const dates = articles.map((article) => article.publishedAt).filter((date): date is string => date !== null).sort();
  const pairLinks: PairLink[] = [];
  const claimLinks: ClaimPairLink[] = [];
  for (const [field, value] of fields) {
    const pair = decodePairLink(field, value);
    if (pair) {
      if (byNum.has(pair.a) && byNum.has(pair.b)) pairLinks.push(pair);
      continue;
    }
    const claim = decodeClaimLink(field, value);
    if (claim) {
      if (byNum.has(claim.a) && byNum.has(claim.b)) claimLinks.push(claim);
      continue;
    }
  }

  const allLinks = storyLinks(pairLinks, byNum);

  // A story of a wire text reprinted 1,000 times holds ~16,000 links: the file lists the first
  // `maxLinks` in this order and says how many there are.
  const links = allLinks.length > maxLinks ? allLinks.slice(0, maxLinks) : allLinks;

  // The text is quoted from the article's record (`fillClaimTexts`): the index keeps no claim text.
  const quote: QuoteOf = (num, claim) => {
    const member = byNum.get(num)!;
    return { articleId: member.id, claim, text: null, source: member.source, publishedAt: member.publishedAt };
  };

  const corroboratedClaims = corroborationGroups(claimLinks, quote, limits);
  const conflicts = storyConflicts(claimLinks, quote, limits);

  return {
    storyId,
    version,
    mergedInto: null,
    articles: articles.map((article) => ({ id: article.id, source: article.source, publishedAt: article.publishedAt })),
    sources: [...new Set(articles.map((article) => article.source).filter((source): source is string => source !== null))].sort(),
    firstSeen: dates[0] ?? null,
    lastSeen: dates[dates.length - 1] ?? null,
    links,
    linkCount: allLinks.length,
    corroboratedClaims,
    conflicts,
  };
}

/** What a story file quotes of an article's claims: each claim's text, and its quantities' texts by counted thing. */
export type ArticleClaimTexts = ReadonlyArray<{ text: string; quantities: ReadonlyArray<{ countedKey: string; text: string }> }>;

/** The quotable part of an article's claims (from the claims stage's output, as the record holds it). */
export function articleClaimTexts(claims: ReadonlyArray<{ text: string; quantities: ReadonlyArray<Pick<DedupClaim['quantities'][number], 'counted' | 'unit' | 'text'>> }>): ArticleClaimTexts {
  return claims.map((claim) => ({
    text: claim.text,
    quantities: claim.quantities.map((quantity) => ({ countedKey: countedKey(quantity.counted ?? quantity.unit ?? ''), text: quantity.text })),
  }));
}

/** The article ids whose claims the story quotes. */
export function quotedArticles(story: Story): string[] {
  return [...new Set([...story.corroboratedClaims.flatMap((group) => group.claims), ...story.conflicts.flatMap((conflict) => conflict.values)].map((quote) => quote.articleId))].sort();
}

/**
 * Fills in the quoted texts from the articles' claims (`texts` by article id); a quote whose article
 * is not known (its record not written yet) keeps `text: null`. Returns a new story.
 */
export function fillClaimTexts(story: Story, texts: ReadonlyMap<string, ArticleClaimTexts>): Story {
  const textOf = (articleId: string, claim: number) => texts.get(articleId)?.[claim] ?? null;
  return {
    ...story,
    corroboratedClaims: story.corroboratedClaims.map((group) => ({
      ...group,
      claims: group.claims.map((quote) => ({ ...quote, text: textOf(quote.articleId, quote.claim)?.text ?? null })),
    })),
    conflicts: story.conflicts.map((conflict) => ({
      ...conflict,
      values: conflict.values.map((value) => {
        const claim = textOf(value.articleId, value.claim);
        return { ...value, text: claim?.text ?? null, quantityText: claim?.quantities.find((q) => q.countedKey === conflict.counted)?.text ?? null };
      }),
    })),
  };
}

/** Whether every quote of the story has its text (a writer that lacked a record leaves the story due for a rewrite). */
export function storyTextsComplete(story: Story): boolean {
  return story.corroboratedClaims.every((group) => group.claims.every((quote) => quote.text !== null)) && story.conflicts.every((conflict) => conflict.values.every((value) => value.text !== null));
}
