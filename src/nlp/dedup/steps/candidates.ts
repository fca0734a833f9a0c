import type { DedupOptions } from '../params.js';
import type { PreparedArticle } from '../prepare.js';
import type { StoredClaimDigest } from '../claims.js';
import { MAX_INDEXED_CLAIM, claimIndexKeys, decodeClaimDigests, keyHash } from '../claims.js';
import { fmix32 } from '../murmur.js';
import type { SentenceMatch } from '../passages.js';
import type { BucketEntry, RegisterResult } from '../index-store.js';

const FINGERPRINT_SHARD_SALT = 0x7f4a7c15;
const EVENT_SHARD_SALT = 0x3c6ef372;

/** The article's bucket entries, in kind order; the entry indexes where fingerprints and claims keys start. */
export interface ArticleEntries {
  entries: BucketEntry[];
  firstFingerprint: number;
  firstClaimEntry: number;
}

/** A shared passage fingerprint, before the other side's sentence is known (found from its stored blob). */
export type PendingMatch = Omit<SentenceMatch, 'otherSentence'>;

/** A claim stored by another article under one of this article's claims keys, with its digest. */
export interface ClaimPosting {
  num: number;
  digest: StoredClaimDigest;
}

/** What the register step's lookups found, sorted by what each can become. */
export interface Candidates {
  exact: Set<number>;
  near: Set<number>;
  topic: Set<number>;
  /** Shared fingerprints by other article. */
  matchesByOther: Map<number, PendingMatch[]>;
  /** Claims stored under this article's keys, once each (keyed `num:claim`). */
  claimPostings: Map<string, ClaimPosting>;
}

/** The claims index key of a speaker or counted thing as a bucket entry: kind 'C', the claim's number as the position. */
function claimEntry(key: string, claim: number): BucketEntry {
  const hash = keyHash(key);
  return { kind: 'C', shard: hash, field: fmix32(hash ^ 0x2545f491), position: claim };
}

/** Everything the article is filed under: content hash, near-duplicate bands, event keys, passage fingerprints, claims keys. */
export function articleEntries(prepared: PreparedArticle): ArticleEntries {
  const entries: BucketEntry[] = [];
  if (prepared.content.length > 0) {
    entries.push({ kind: 'X', shard: parseInt(prepared.contentHash.slice(0, 8), 16), field: parseInt(prepared.contentHash.slice(8, 16), 16) });
  }
  for (const [high, low] of prepared.nearBands) entries.push({ kind: 'N', shard: high, field: low });
  for (const key of prepared.eventKeys) entries.push({ kind: 'T', shard: fmix32(key ^ EVENT_SHARD_SALT), field: key });
  const firstFingerprint = entries.length;
  for (const fingerprint of prepared.fingerprints) {
    entries.push({ kind: 'P', shard: fmix32(fingerprint.hash ^ FINGERPRINT_SHARD_SALT), field: fingerprint.hash, position: fingerprint.position });
  }
  const firstClaimEntry = entries.length;
  for (const digest of prepared.claims) {
    if (digest.claim > MAX_INDEXED_CLAIM) continue;
    for (const key of claimIndexKeys(digest)) entries.push(claimEntry(key, digest.claim));
  }
  return { entries, firstFingerprint, firstClaimEntry };
}

/** Sorts the register step's bucket members and postings into candidates (the article itself appears in its own buckets on a retry). */
/**
 * What the index held when the article was first indexed: the articles numbered before it. A first
 * run sees no other (register and lookup are one atomic step, and later articles get later numbers);
 * a rerun of the same article (a retried job, `khabar run` retrying an article's whole chain) also
 * finds the articles indexed since, which link to it from their side. Without this cut a rerun gave
 * the article links its first run never had, and a claim link twice (once from each side).
 */
export function asFirstIndexed(registered: RegisterResult): RegisterResult {
  if (!registered.existed) return registered;
  const self = registered.num;
  const members = new Map([...registered.members].map(([entry, nums]) => [entry, nums.filter((num) => num < self)] as const));
  const postings = new Map([...registered.postings].map(([entry, list]) => [entry, list.filter((posting) => posting.num < self)] as const));
  return { ...registered, members, postings };
}

export function sortCandidates(registered: RegisterResult, filed: ArticleEntries, prepared: PreparedArticle): Candidates {
  const self = registered.num;
  const candidates: Candidates = { exact: new Set(), near: new Set(), topic: new Set(), matchesByOther: new Map(), claimPostings: new Map() };
  for (const [entryIndex, members] of registered.members) {
    if (entryIndex >= filed.firstClaimEntry) continue;
    const kind = filed.entries[entryIndex]!.kind;
    const target = kind === 'X' ? candidates.exact : kind === 'N' ? candidates.near : candidates.topic;
    for (const member of members) if (member !== self) target.add(member);
  }
  for (const [entryIndex, postings] of registered.postings) {
    if (entryIndex >= filed.firstClaimEntry) continue;
    const fingerprint = prepared.fingerprints[entryIndex - filed.firstFingerprint]!;
    for (const posting of postings) {
      if (posting.num === self) continue;
      let list = candidates.matchesByOther.get(posting.num);
      if (!list) candidates.matchesByOther.set(posting.num, (list = []));
      list.push({ hash: fingerprint.hash, position: fingerprint.position, sentence: fingerprint.sentence, otherPosition: posting.position });
    }
  }
  collectClaimPostings(registered, filed, candidates.claimPostings);
  return candidates;
}

/** Claims under this article's keys, with their digests; a claim indexed under several keys (speaker, counted things) comes back once per key. */
function collectClaimPostings(registered: RegisterResult, filed: ArticleEntries, out: Map<string, ClaimPosting>): void {
  const digestsOf = new Map<number, StoredClaimDigest[]>();
  for (const [entryIndex, postings] of registered.postings) {
    if (entryIndex < filed.firstClaimEntry) continue;
    for (const posting of postings) {
      if (posting.num === registered.num || out.has(`${posting.num}:${posting.position}`)) continue;
      let digests = digestsOf.get(posting.num);
      if (!digests) digestsOf.set(posting.num, (digests = decodeClaimDigests(registered.claimDigests.get(posting.num) ?? Buffer.alloc(0))));
      const digest = digests.find((d) => d.claim === posting.position);
      if (digest) out.set(`${posting.num}:${posting.position}`, { num: posting.num, digest });
    }
  }
}

/**
 * How many other articles, dated within `windowSeconds` of this one, each of its event keys' buckets
 * holds: the document frequency of its heaviest features among recent reports (at most the bucket's
 * cap). Read from the register step's own lookup, so it costs no other read.
 */
export function eventKeyReports(registered: RegisterResult, filed: ArticleEntries, me: { publishedAt: number | null }, publishedAt: (num: number) => number | null, windowSeconds: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [entryIndex, members] of registered.members) {
    const entry = filed.entries[entryIndex];
    if (entry?.kind !== 'T') continue;
    let reports = 0;
    for (const member of members) {
      if (member === registered.num) continue;
      const at = publishedAt(member);
      if (me.publishedAt === null || at === null || Math.abs(at - me.publishedAt) <= windowSeconds) reports++;
    }
    out.set(entry.field, reports);
  }
  return out;
}

/** Others that share enough passage fingerprints to be worth reading. */
export function passageCandidates(matchesByOther: ReadonlyMap<number, readonly PendingMatch[]>, options: Pick<DedupOptions, 'passageMinFingerprints'>): number[] {
  return [...matchesByOther].filter(([, matches]) => matches.length >= options.passageMinFingerprints).map(([other]) => other);
}

/** Every article whose metadata the decisions read: the article itself and each candidate. */
export function articlesToRead(self: number, candidates: Candidates, options: Pick<DedupOptions, 'passageMinFingerprints'>): number[] {
  const wanted = new Set<number>([self, ...candidates.exact, ...candidates.near, ...candidates.topic, ...[...candidates.claimPostings.values()].map((p) => p.num)]);
  for (const other of passageCandidates(candidates.matchesByOther, options)) wanted.add(other);
  return [...wanted];
}
