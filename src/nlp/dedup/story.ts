import type { Story } from '../../schema/story.js';
import type { ClaimPairLink, PairLink } from './links.js';
import { decodeClaimLink, decodePairLink } from './links.js';
import { countedKey, type DedupClaim } from './claims.js';
import { conflictReason } from './conflict-rules.js';

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

/** A union-find over string keys, path-compressed (a chain of n claims is not walked again for each). */
class Groups {
  private readonly parent = new Map<string, string>();
  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key);
  }
  find(key: string): string {
    let root = key;
    while (this.parent.get(root) !== undefined && this.parent.get(root) !== root) root = this.parent.get(root)!;
    for (let at = key; at !== root; ) {
      const up = this.parent.get(at)!;
      this.parent.set(at, root);
      at = up;
    }
    return root;
  }
  union(a: string, b: string): void {
    this.add(a);
    this.add(b);
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootA > rootB ? rootA : rootB, rootA > rootB ? rootB : rootA);
  }
  /** Every key by its root. */
  components(): string[][] {
    const out = new Map<string, string[]>();
    for (const key of this.parent.keys()) {
      const root = this.find(key);
      const group = out.get(root);
      if (group) group.push(key);
      else out.set(root, [key]);
    }
    return [...out.values()];
  }
}

const earliestFirst = (x: ClaimQuote, y: ClaimQuote): number =>
  (x.publishedAt ?? '\uffff').localeCompare(y.publishedAt ?? '\uffff') || byCodeUnits(x.articleId, y.articleId) || x.claim - y.claim;

/**
 * Corroborated claims: connected groups of claims joined by "corroborates" links, counted by
 * independent source. Claims of one source are listed once: those joined by a copy link (the same
 * sentence, a reprinted passage), those of articles that are exact or near copies of each other, and
 * those of one outlet. A group needs two independent sources; it quotes each source's earliest claim
 * and lists those sources' outlets.
 */
function corroborationGroups(claimLinks: readonly ClaimPairLink[], pairLinks: readonly PairLink[], quote: QuoteOf, limits: StoryListLimits): Story['corroboratedClaims'] {
  const groups = new Groups();
  const sameSource = new Groups();
  for (const link of claimLinks) {
    if (link.relation !== 'corroborates') continue;
    const a = `${link.a}:${link.aClaim}`;
    const b = `${link.b}:${link.bClaim}`;
    groups.union(a, b);
    if (link.copy) sameSource.union(a, b);
    else {
      sameSource.add(a);
      sameSource.add(b);
    }
  }
  const copies = new Groups();
  for (const link of pairLinks) if (link.kind === 'exact' || link.kind === 'near-duplicate') copies.union(String(link.a), String(link.b));
  return groups
    .components()
    .map((keys) => {
      // Within the group, one unit per source: copy links, copies of one article, one outlet.
      const firstOf = new Map<string, string>();
      for (const key of keys) {
        const num = key.split(':')[0]!;
        const q = quote(Number(num), Number(key.split(':')[1]));
        for (const tag of [`a:${copies.find(num)}`, q.source === null ? null : `s:${q.source}`]) {
          if (tag === null) continue;
          const seen = firstOf.get(tag);
          if (seen) sameSource.union(seen, key);
          else firstOf.set(tag, key);
        }
      }
      const units = new Map<string, ClaimQuote>();
      for (const key of keys) {
        const [num, claim] = key.split(':').map(Number);
        const q = quote(num!, claim!);
        const unit = sameSource.find(key);
        const held = units.get(unit);
        if (!held || earliestFirst(q, held) < 0) units.set(unit, q);
      }
      const claims = [...units.values()].sort((x, y) => byCodeUnits(x.articleId, y.articleId) || x.claim - y.claim);
      const sources = [...new Set(claims.map((claim) => claim.source).filter((source): source is string => source !== null))].sort();
      return { claims, sources };
    })
    .filter((group) => group.claims.length >= 2)
    .map((group) => (group.claims.length > limits.quotes ? { ...group, claims: group.claims.slice(0, Math.max(2, limits.quotes)), claimCount: group.claims.length } : group))
    .sort((x, y) => byCodeUnits(x.claims[0]!.articleId, y.claims[0]!.articleId) || x.claims[0]!.claim - y.claims[0]!.claim);
}

/**
 * Conflicts: the values joined by "conflicts" links, one conflict per connected group (not one per
 * counted key: two unrelated disagreements about «قتلى» in one story are two conflicts). Each value
 * is listed once per article, and a group in which one article gives two values is none; the reason
 * says why the values were compared.
 */
function storyConflicts(claimLinks: readonly ClaimPairLink[], quote: QuoteOf, limits: StoryListLimits): Story['conflicts'] {
  const groups = new Groups();
  const values = new Map<string, Story['conflicts'][number]['values'][number]>();
  const linksOf = new Map<string, ClaimPairLink>();
  for (const link of claimLinks) {
    if (link.relation !== 'conflicts' || link.counted === null || !link.aQuantity || !link.bQuantity) continue;
    const a = `${link.counted}|${link.a}:${link.aClaim}`;
    const b = `${link.counted}|${link.b}:${link.bClaim}`;
    groups.union(a, b);
    for (const [key, num, claim, quantity] of [
      [a, link.a, link.aClaim, link.aQuantity],
      [b, link.b, link.bClaim, link.bQuantity],
    ] as const) {
      values.set(key, { ...quote(num, claim), value: quantity.value, valueMax: quantity.valueMax, approx: quantity.approx, quantityText: null });
    }
    const field = `${a}>${b}`;
    if (!linksOf.has(field)) linksOf.set(field, link);
  }
  const basisOf = new Map<string, ClaimPairLink>();
  for (const [field, link] of [...linksOf].sort(([x], [y]) => byCodeUnits(x, y))) {
    const root = groups.find(field.split('>')[0]!);
    if (!basisOf.has(root)) basisOf.set(root, link);
  }
  return groups
    .components()
    .map((keys) => {
      const counted = keys[0]!.split('|')[0]!;
      // One value per article and number: an article's attributed and numeric claims can both state it.
      const byArticle = new Map<string, Story['conflicts'][number]['values'][number]>();
      for (const value of keys.map((key) => values.get(key)!).sort((x, y) => byCodeUnits(x.articleId, y.articleId) || x.claim - y.claim)) {
        const id = `${value.articleId}|${value.value}|${value.valueMax ?? ''}`;
        if (!byArticle.has(id)) byArticle.set(id, value);
      }
      const link = basisOf.get(groups.find(keys[0]!));
      return { counted, values: [...byArticle.values()], reason: conflictReason(counted, link?.basis ?? null) };
    })
    .filter((conflict) => new Set(conflict.values.map((value) => value.articleId)).size >= 2)
    // An article that itself gives two values of the group's counted thing counts two things (two
    // places, an earlier and a later toll): the group is not one figure outlets disagree on.
    .filter((conflict) => new Set(conflict.values.map((value) => value.articleId)).size === conflict.values.length)
    .map((conflict) => (conflict.values.length > limits.quotes ? { ...conflict, values: conflict.values.slice(0, Math.max(2, limits.quotes)), valueCount: conflict.values.length } : conflict))
    .sort((x, y) => x.counted.localeCompare(y.counted) || byCodeUnits(x.values[0]!.articleId, y.values[0]!.articleId) || x.values[0]!.claim - y.values[0]!.claim);
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

  const corroboratedClaims = corroborationGroups(claimLinks, pairLinks, quote, limits);
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
export type ArticleClaimTexts = ReadonlyArray<{ text: string; quantities: ReadonlyArray<{ countedKey: string; text: string; value?: number }> }>;

/** The quotable part of an article's claims (from the claims stage's output, as the record holds it). */
export function articleClaimTexts(claims: ReadonlyArray<{ text: string; quantities: ReadonlyArray<Pick<DedupClaim['quantities'][number], 'counted' | 'unit' | 'text'> & { value?: number }> }>): ArticleClaimTexts {
  return claims.map((claim) => ({
    text: claim.text,
    quantities: claim.quantities.map((quantity) => ({ countedKey: countedKey(quantity.counted ?? quantity.unit ?? ''), text: quantity.text, ...(quantity.value === undefined ? {} : { value: quantity.value }) })),
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
        // The stated number: the one of that value (a unit's scale can differ: «1.2 كيلومتر» is kept as 1200), else the counted key's.
        const stated = claim?.quantities.find((q) => q.value !== undefined && Math.abs(q.value - value.value) <= 1e-6 * Math.abs(value.value)) ?? claim?.quantities.find((q) => q.countedKey === conflict.counted);
        return { ...value, text: claim?.text ?? null, quantityText: stated?.text ?? null };
      }),
    })),
  };
}

/** Whether every quote of the story has its text (a writer that lacked a record leaves the story due for a rewrite). */
export function storyTextsComplete(story: Story): boolean {
  return story.corroboratedClaims.every((group) => group.claims.every((quote) => quote.text !== null)) && story.conflicts.every((conflict) => conflict.values.every((value) => value.text !== null));
}
