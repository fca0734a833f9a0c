import type { DedupOptions } from '../params.js';
import type { ClaimDigest, StoredClaimDigest } from '../claims.js';
import { quantitiesAgree, storedClaimKeys, toStoredDigest, wordSetSimilarity } from '../claims.js';
import { encodeClaimLink, type ClaimPairLink } from '../links.js';
import type { ClaimPosting } from './candidates.js';

type ClaimOptions = Pick<DedupOptions, 'claimSimilarity' | 'claimNumericContext' | 'approxTolerance'>;

/** The links between one claim of this article and one stored claim: the speaker's corroboration, and per counted thing agreement or conflict. */
function linksBetween(self: number, mine: ClaimDigest, mineStored: StoredClaimDigest, otherNum: number, theirs: StoredClaimDigest, options: ClaimOptions): ClaimPairLink[] {
  const links: ClaimPairLink[] = [];
  const contentSimilarity = wordSetSimilarity(mineStored.words, theirs.words);
  if (mineStored.speakerHash !== null && theirs.kind === 'attributed' && mineStored.speakerHash === theirs.speakerHash && contentSimilarity >= options.claimSimilarity) {
    links.push({ a: self, aClaim: mine.claim, b: otherNum, bClaim: theirs.claim, relation: 'corroborates', similarity: contentSimilarity, counted: null });
  }
  const sameContext = contentSimilarity >= options.claimNumericContext;
  for (const [j, quantity] of (sameContext ? mine.quantities : []).entries()) {
    const counted = mineStored.quantities[j]!.countedHash;
    for (const other of theirs.quantities.filter((q) => q.countedHash === counted)) {
      links.push({
        a: self,
        aClaim: mine.claim,
        b: otherNum,
        bClaim: theirs.claim,
        relation: quantitiesAgree(quantity, other, options.approxTolerance) ? 'corroborates' : 'conflicts',
        similarity: 1,
        counted: quantity.countedKey,
        aQuantity: { value: quantity.value, valueMax: quantity.valueMax, approx: quantity.approx },
        bQuantity: { value: other.value, valueMax: other.valueMax, approx: other.approx },
      });
    }
  }
  return links;
}

/**
 * Claims seen before: same speaker and similar content, or the same counted thing. A stored claim is
 * compared only with this article's claims that share one of its index keys (the others can neither
 * corroborate nor contradict it); word sets are built once per claim. One link per fact, at most
 * `claimLinksPerFact` per fact of each claim of this article (see `strongestClaimLinks`).
 */
export function claimLinks(self: number, claims: readonly ClaimDigest[], postings: Iterable<ClaimPosting>, idOf: (num: number) => string, options: ClaimOptions & Pick<DedupOptions, 'claimLinksPerFact'>): ClaimPairLink[] {
  // This article's claims hashed once, as the stored ones are.
  const myStored = claims.map(toStoredDigest);
  const myClaimsByKey = new Map<string, number[]>();
  myStored.forEach((stored, i) => {
    for (const key of storedClaimKeys(stored)) myClaimsByKey.set(key, [...(myClaimsByKey.get(key) ?? []), i]);
  });
  const found: ClaimPairLink[] = [];
  for (const { num: otherNum, digest: theirs } of [...postings].sort((x, y) => x.num - y.num || x.digest.claim - y.digest.claim)) {
    const sharing = new Set<number>();
    for (const key of storedClaimKeys(theirs)) for (const i of myClaimsByKey.get(key) ?? []) sharing.add(i);
    // In the order of this article's claims, as a full comparison would find them.
    for (const i of [...sharing].sort((x, y) => x - y)) found.push(...linksBetween(self, claims[i]!, myStored[i]!, otherNum, theirs, options));
  }
  // One link per fact (two quantities of one claim can name the same counted thing).
  const unique = [...new Map(found.map((link) => [encodeClaimLink(link).field, link])).values()];
  // A claim repeated by 200 reprints would otherwise add 200.
  return strongestClaimLinks(unique, idOf, options.claimLinksPerFact);
}

/**
 * The links an article keeps per fact of each claim of its own (the speaker's corroborations; per
 * counted thing, agreements and conflicts, so a conflict is never crowded out by agreements): the
 * highest similarity, then the smallest other id and claim; at most `limit` per fact. A function of
 * the set of links found, whatever order they were found in.
 */
function strongestClaimLinks(links: readonly ClaimPairLink[], idOf: (num: number) => string, limit: number): ClaimPairLink[] {
  const byFact = new Map<string, ClaimPairLink[]>();
  for (const link of links) {
    const fact = `${link.aClaim}|${link.relation}|${link.counted ?? ''}`;
    const group = byFact.get(fact);
    if (group) group.push(link);
    else byFact.set(fact, [link]);
  }
  const strongestFirst = (x: ClaimPairLink, y: ClaimPairLink) =>
    y.similarity - x.similarity || idOf(x.b).localeCompare(idOf(y.b)) || x.bClaim - y.bClaim || (x.counted ?? '').localeCompare(y.counted ?? '');
  return [...byFact.values()].flatMap((group) => (group.length <= limit ? group : [...group].sort(strongestFirst).slice(0, limit)));
}
