import type { DedupOptions } from '../params.js';
import type { ClaimDigest, ComparableValue, StoredClaimDigest, StoredQuantity } from '../claims.js';
import { keyHash, quantitiesAgree, storedClaimKeys, toStoredDigest, wordSetSimilarity } from '../claims.js';
import { SAME_SENTENCE_SIMILARITY, compareQuantities } from '../conflict-rules.js';
import { encodeClaimLink, type ClaimPairLink, type PairLink } from '../links.js';
import type { ArticleMeta, MetaOf } from '../index-store.js';
import type { ClaimPosting } from './candidates.js';
import { joiningLinks, type JoinOptions } from './story-links.js';

type ClaimOptions = Pick<DedupOptions, 'claimSimilarity' | 'claimNumericContext' | 'approxTolerance'>;

/** What the claim step knows of the other articles besides their claims. */
export interface ClaimPairFacts {
  /** Whether this article's claim is one source with the other article (a copy of it, or a reprint of the passage holding the claim). */
  copied: (otherNum: number, mine: ClaimDigest) => boolean;
  /** UTC day of an article's publication, or null. */
  day: (num: number) => number | null;
  /**
   * Whether the other article reports the same event as this one: a direct link between the two that
   * puts them in one story (`sameEventOthers`). Numbers are compared only then: on SaudiNewsNet
   * (2015-07-23) claims were matched across the whole index and 1,443 conflict links a day paired
   * tolls and amounts of unrelated articles («قتل 3 أشخاص» in Asir against «15 شخصا قتلوا» on the
   * Nile). Absent: every article counts as the same event (tests of the rules alone).
   */
  sameEvent?: (otherNum: number) => boolean;
  /**
   * Whether the other article is the same outlet's. A conflict is two outlets disagreeing: one
   * outlet's two articles of a story that day give two incidents or an update of its own figure
   * (SaudiNewsNet 2015-08-04: Okaz's 72,000 Yemenis in Jazan and 350,000 in the kingdom; 2015-07-23:
   * Asharq Al-Awsat's tolls of two attacks in Sanaa). Absent: never the same outlet.
   */
  sameOutlet?: (otherNum: number) => boolean;
  /**
   * Whether this article's claim is one source with the other article for corroboration: `copied`,
   * or either claim sits next to a passage the two share (two reprints of one wire report edit its
   * sentences, «وأصيب 10» / «وجرح عشرة», and the edited sentence is still the wire's, not a second
   * outlet's finding). Absent: only `copied`.
   */
  sameSource?: (otherNum: number, mine: ClaimDigest, theirs: StoredClaimDigest) => boolean;
}

/**
 * The articles one direct link puts in this article's story (copies, near duplicates, a substantial
 * passage that is not background, similar content), decided as the story step decides it
 * (`joinsStory`): the same event, not an article reached through a chain of others.
 */
export function sameEventOthers(
  me: ArticleMeta,
  links: readonly PairLink[],
  substantialPassages: ReadonlySet<number>,
  backgroundPassages: ReadonlySet<number>,
  meta: MetaOf,
  options: JoinOptions,
  passageContent: ReadonlyMap<number, number> = new Map(),
): Set<number> {
  const joins = joiningLinks(me, links, substantialPassages, backgroundPassages, meta, options, passageContent);
  return new Set(links.flatMap((link, i) => (joins[i] ? [link.a === me.num ? link.b : link.a] : [])));
}

/** The links between one claim of this article and one stored claim: the speaker's corroboration, and per counted thing agreement or conflict. */
function linksBetween(self: number, mine: ClaimDigest, mineStored: StoredClaimDigest, otherNum: number, theirs: StoredClaimDigest, options: ClaimOptions, facts: ClaimPairFacts): ClaimPairLink[] {
  const links: ClaimPairLink[] = [];
  const contentSimilarity = wordSetSimilarity(mineStored.words, theirs.words);
  // One source: copies of one text, or one sentence in both (a wire reprint inside another article).
  const copy = contentSimilarity >= SAME_SENTENCE_SIMILARITY || facts.copied(otherNum, mine);
  const oneSource = copy || (facts.sameSource?.(otherNum, mine, theirs) ?? false);
  if (mineStored.speakerHash !== null && theirs.kind === 'attributed' && mineStored.speakerHash === theirs.speakerHash && contentSimilarity >= options.claimSimilarity) {
    links.push({ a: self, aClaim: mine.claim, b: otherNum, bClaim: theirs.claim, relation: 'corroborates', similarity: contentSimilarity, counted: null, copy: oneSource });
  }
  const context = { copy, contentSimilarity, dayA: facts.day(self), dayB: facts.day(otherNum), sameOutlet: facts.sameOutlet?.(otherNum) ?? false };
  // Numbers of two reports of different events are two counts, however alike.
  if (facts.sameEvent && !facts.sameEvent(otherNum)) return links;
  for (const [j, quantity] of mine.quantities.entries()) {
    const stored = mineStored.quantities[j]!;
    for (const other of theirs.quantities) {
      const comparison = compareQuantities(stored, other, context, options);
      if (comparison.relation === null) continue;
      links.push({
        a: self,
        aClaim: mine.claim,
        b: otherNum,
        bClaim: theirs.claim,
        relation: comparison.relation,
        similarity: 1,
        counted: quantity.countedKey,
        aQuantity: { value: stored.value, valueMax: stored.valueMax, approx: stored.approx },
        bQuantity: { value: other.value, valueMax: other.valueMax, approx: other.approx },
        copy: comparison.relation === 'corroborates' ? comparison.copy || oneSource : false,
        basis: comparison.relation === 'conflicts' ? comparison.basis : null,
      });
    }
  }
  return links;
}

/**
 * Claims seen before: same speaker and similar content, or the same count (conflict-rules.ts). A
 * stored claim is compared only with this article's claims that share one of its index keys (the
 * others can neither corroborate nor contradict it); word sets are built once per claim. One link
 * per fact, at most `claimLinksPerFact` per fact of each claim of this article (see `strongestClaimLinks`).
 * Never within one article: the postings of the article itself are not among `postings`.
 */
export function claimLinks(
  self: number,
  claims: readonly ClaimDigest[],
  postings: Iterable<ClaimPosting>,
  idOf: (num: number) => string,
  options: ClaimOptions & Pick<DedupOptions, 'claimLinksPerFact'>,
  facts: ClaimPairFacts = { copied: () => false, day: () => null },
): ClaimPairLink[] {
  // This article's claims hashed once, as the stored ones are.
  const myStored = claims.map(toStoredDigest);
  const myClaimsByKey = new Map<string, number[]>();
  myStored.forEach((stored, i) => {
    for (const key of storedClaimKeys(stored)) myClaimsByKey.set(key, [...(myClaimsByKey.get(key) ?? []), i]);
  });
  const found: ClaimPairLink[] = [];
  const postingList = [...postings];
  for (const { num: otherNum, digest: theirs } of [...postingList].sort((x, y) => x.num - y.num || x.digest.claim - y.digest.claim)) {
    if (otherNum === self) continue;
    const sharing = new Set<number>();
    for (const key of storedClaimKeys(theirs)) for (const i of myClaimsByKey.get(key) ?? []) sharing.add(i);
    // In the order of this article's claims, as a full comparison would find them.
    for (const i of [...sharing].sort((x, y) => x - y)) found.push(...linksBetween(self, claims[i]!, myStored[i]!, otherNum, theirs, options, facts));
  }
  // One link per fact (two quantities of one claim can name the same counted thing).
  const theirQuantities = new Map<number, StoredQuantity[]>();
  for (const { num, digest } of postingList) theirQuantities.set(num, [...(theirQuantities.get(num) ?? []), ...digest.quantities]);
  const unique = withoutAnsweredConflicts(
    [...new Map(found.map((link) => [encodeClaimLink(link).field, link])).values()],
    myStored.flatMap((digest) => digest.quantities),
    theirQuantities,
    options.approxTolerance,
  );
  // A claim repeated by 200 reprints would otherwise add 200.
  return strongestClaimLinks(unique, idOf, options.claimLinksPerFact);
}

/**
 * Two articles that both state one value of a counted thing do not disagree on it: when one of them
 * also gives another value of that thing, it is another count (another place, an earlier toll in the
 * same report: «15 شخصا قتلوا» then «انتشال جثث 21 شخصا»; an index's close and its gain, «9381 نقطة
 * بعد أن كسب 43 نقطة») and the other article says the same. A conflict is dropped when either article
 * states, anywhere among its indexed claims, a value of the same counted thing that agrees with the
 * other's (whether or not those two sentences were compared).
 */
export function withoutAnsweredConflicts(
  links: readonly ClaimPairLink[],
  mine: readonly StoredQuantity[],
  theirs: ReadonlyMap<number, readonly StoredQuantity[]>,
  approxTolerance: number,
): ClaimPairLink[] {
  const states = (quantities: readonly StoredQuantity[], counted: number, value: ComparableValue) =>
    quantities.some((q) => q.countedHash === counted && quantitiesAgree(q, value, approxTolerance));
  return links.filter((link) => {
    if (link.relation !== 'conflicts' || link.counted === null || !link.aQuantity || !link.bQuantity) return true;
    const counted = keyHash(link.counted);
    return !states(theirs.get(link.b) ?? [], counted, link.aQuantity) && !states(mine, counted, link.bQuantity);
  });
}

/**
 * The links an article keeps per fact of each claim of its own (the speaker's corroborations; per
 * counted thing, agreements and conflicts, so a conflict is never crowded out by agreements): at most
 * `limit` links to independent sources and `limit` to the same source (a copy, a reprinted passage),
 * each the highest similarity, then the smallest other id and claim. Both kinds are kept because the
 * story counts sources from them: with one link per fact a reprint's claim kept only its link to a
 * third outlet, lost the link to the article it reprints, and the story listed the two as two
 * independent sources (SaudiNewsNet 2015-08-04: 2 of the 6 groups that listed a reprint twice). A
 * function of the set of links found, whatever order they were found in.
 */
function strongestClaimLinks(links: readonly ClaimPairLink[], idOf: (num: number) => string, limit: number): ClaimPairLink[] {
  const byFact = new Map<string, ClaimPairLink[]>();
  for (const link of links) {
    const fact = `${link.aClaim}|${link.relation}|${link.counted ?? ''}|${link.copy ? 'copy' : ''}`;
    const group = byFact.get(fact);
    if (group) group.push(link);
    else byFact.set(fact, [link]);
  }
  const strongestFirst = (x: ClaimPairLink, y: ClaimPairLink) =>
    y.similarity - x.similarity ||
    idOf(x.b).localeCompare(idOf(y.b)) ||
    x.bClaim - y.bClaim ||
    (x.counted ?? '').localeCompare(y.counted ?? '');
  return [...byFact.values()].flatMap((group) => (group.length <= limit ? group : [...group].sort(strongestFirst).slice(0, limit)));
}
