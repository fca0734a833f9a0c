import type { DedupLayer } from '../schema/dedup.js';
import type { Story } from '../schema/story.js';
import type { Sentence } from '../schema/text.js';
import type { DedupOptions } from '../nlp/dedup/params.js';
import { dedupOptions } from '../nlp/dedup/params.js';
import type { DedupToken } from '../nlp/dedup/shingles.js';
import type { DedupClaim, StoredClaimDigest } from '../nlp/dedup/claims.js';
import { MAX_INDEXED_CLAIM, claimIndexKeys, decodeClaimDigests, encodeClaimDigests, keyHash, quantitiesAgree, storedClaimKeys, toStoredDigest, wordSetSimilarity } from '../nlp/dedup/claims.js';
import { prepareArticle } from '../nlp/dedup/prepare.js';
import { estimateJaccard16 } from '../nlp/dedup/minhash.js';
import { sampleJaccard } from '../nlp/dedup/sample.js';
import { decodeArticleBlob, encodeArticleBlob, firstContentPositions, sentenceOfPosition, type SentenceSpan } from '../nlp/dedup/article-blob.js';
import { chainSentences, swapMatch, type SentenceMatch } from '../nlp/dedup/passages.js';
import { fmix32 } from '../nlp/dedup/hash.js';
import type { ClaimPairLink, PairLink } from '../nlp/dedup/links.js';
import { decodeClaimLink, decodePairLink, encodeClaimLink, encodePairLink } from '../nlp/dedup/links.js';
import { articleClaimTexts, buildStory, fillClaimTexts, quotedArticles, type ArticleClaimTexts, type StoryMember } from '../nlp/dedup/story.js';
import type { ArticleMeta, BucketEntry, DedupStore, StorySnapshot } from './dedup-store.js';
import { encodeMeta } from './dedup-store.js';

/** What the dedup stage reads of a record. */
export interface DedupInput {
  id: string;
  text: string;
  tokens: readonly DedupToken[];
  sentences: readonly Pick<Sentence, 'start' | 'end'>[];
  entities?: ReadonlyArray<{ entityId: string }>;
  claims?: readonly DedupClaim[];
  /** ISO 8601, or null when unknown. */
  publishedAt: string | null;
  sourceName: string | null;
}

export interface DedupResult {
  layer: DedupLayer;
  /** The story as it stands after this article (for the writer). */
  story: Story;
  /** Stories that this article's links merged into `story` (the writer leaves a tombstone for each). */
  mergedStories: Array<{ storyId: string; mergedInto: string }>;
}

/** What the per-article step returns: the record's layer and what the writer needs to know of the story. */
export interface DedupStep {
  layer: DedupLayer;
  storyId: string;
  /** The story's version right after this step (grows whenever the story changes). */
  storyVersion: number;
  /** Number of articles in the story right after this step. */
  storySize: number;
  /** Stories that this article's links merged into its story (the writer leaves a tombstone for each). */
  mergedStories: Array<{ storyId: string; mergedInto: string }>;
}

/** Where a story stands, read without its members or links. */
export interface StoryStatus {
  storyId: string;
  version: number;
  /** Number of articles in the story. */
  size: number;
}

/** The index's pairwise facts and stories, sorted: what two runs over the same articles must agree on. */
export interface DedupState {
  links: string[];
  stories: Array<{ storyId: string; members: string[] }>;
}

export interface DedupIndex {
  /** The per-article step (cost independent of the story's size): what the pipeline calls. */
  processArticle(input: DedupInput): Promise<DedupStep>;
  /** `processArticle` plus the whole story after it (O(story size): for analyse, evaluation, tests). */
  process(input: DedupInput): Promise<DedupResult>;
  /** The story with this id, or the story it was merged into; null for an id never seen. */
  getStory(storyId: string): Promise<Story | null>;
  /** Id, version and size of the story with this id (or the story it was merged into), without building it. */
  storyStatus(storyId: string): Promise<StoryStatus | null>;
  /** Number of articles indexed. */
  size(): Promise<number>;
  /** Every link and story (reads the whole index: for tests and evaluation, not for the pipeline). */
  dumpState(): Promise<DedupState>;
  /**
   * Up to `limit` stories merged away whose tombstone no writer has confirmed yet, each with the
   * story it now belongs to (followed to today's root). Call `tombstonesWritten` once they are written.
   */
  pendingTombstones(limit?: number): Promise<Array<{ storyId: string; mergedInto: string }>>;
  tombstonesWritten(storyIds: readonly string[]): Promise<void>;
}

const FINGERPRINT_SHARD_SALT = 0x7f4a7c15;

function epochSeconds(iso: string | null): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return Math.floor(ms / 1000);
}

function isoOf(seconds: number | null): string | null {
  return seconds === null ? null : new Date(seconds * 1000).toISOString();
}

/**
 * Where story files get the text of the claims they quote: the index keeps none (it would be most of
 * its memory). `MemoryClaimTexts` remembers the claims of the articles one process indexed (analyse,
 * tests, evaluation); the pipeline's writer reads them from the records in the output directory.
 */
export interface ClaimTextSource {
  /** The claims of these articles, for those it knows. */
  claimTexts(articleIds: readonly string[]): Promise<Map<string, ArticleClaimTexts>>;
}

/** For a process that never builds a story (the dedup stage): remembers nothing. */
export const NO_CLAIM_TEXTS: ClaimTextSource = { claimTexts: () => Promise.resolve(new Map()) };

/** Remembers the claim texts of the last `limit` articles given to `remember` (in-process use). */
export class MemoryClaimTexts implements ClaimTextSource {
  private readonly texts = new Map<string, ArticleClaimTexts>();
  constructor(private readonly limit = 20_000) {}

  remember(articleId: string, claims: readonly DedupClaim[]): void {
    this.set(articleId, articleClaimTexts(claims));
  }

  set(articleId: string, texts: ArticleClaimTexts): void {
    this.texts.delete(articleId);
    this.texts.set(articleId, texts);
    // A Map iterates in insertion order: the first key is the least recently remembered.
    while (this.texts.size > this.limit) this.texts.delete(this.texts.keys().next().value!);
  }

  claimTexts(articleIds: readonly string[]): Promise<Map<string, ArticleClaimTexts>> {
    return Promise.resolve(new Map(articleIds.flatMap((id) => (this.texts.has(id) ? [[id, this.texts.get(id)!] as const] : []))));
  }
}

/** The claims index key of a speaker or counted thing as a bucket entry: kind 'C', the claim's number as the position. */
function claimEntry(key: string, claim: number): BucketEntry {
  const hash = keyHash(key);
  return { kind: 'C', shard: hash, field: fmix32(hash ^ 0x2545f491), position: claim };
}

/**
 * The dedup logic, over any `DedupStore`: prepares the article (pure), runs the atomic
 * insert-and-query step, verifies the candidates it returns, then runs the atomic link step.
 */
export class DedupEngine implements DedupIndex {
  readonly options: DedupOptions;
  protected readonly store: DedupStore;

  /** Where `getStory` quotes claim texts from (see `ClaimTextSource`). */
  readonly claimSource: ClaimTextSource;
  /** Without a source of its own, the index remembers the claims it is given (in-process use). */
  private readonly remembered: MemoryClaimTexts | null;

  constructor(store: DedupStore, options: Partial<DedupOptions> = {}, claimSource?: ClaimTextSource) {
    this.store = store;
    this.options = dedupOptions(options);
    const remembered = claimSource ? null : new MemoryClaimTexts();
    this.remembered = remembered;
    this.claimSource = claimSource ?? remembered!;
  }

  /**
   * The per-article step: index the article, verify its candidates, record its links (at most
   * `maxLinksPerArticle` pair links) and join its story. Costs O(candidates + the article's own links
   * and claims), not O(story size): the story itself is not read (see `getStory`).
   */
  async processArticle(input: DedupInput): Promise<DedupStep> {
    if (!/^[0-9a-f]{16}$/.test(input.id)) throw new Error(`dedup: article id must be 16 hex digits, got "${input.id}"`);
    const options = this.options;
    const prepared = prepareArticle(input, options);
    const publishedAt = epochSeconds(input.publishedAt);

    const entries: BucketEntry[] = [];
    if (prepared.content.length > 0) {
      entries.push({ kind: 'X', shard: parseInt(prepared.contentHash.slice(0, 8), 16), field: parseInt(prepared.contentHash.slice(8, 16), 16) });
    }
    for (const [high, low] of prepared.nearBands) entries.push({ kind: 'N', shard: high, field: low });
    for (const [high, low] of prepared.topicBands) entries.push({ kind: 'T', shard: high, field: low });
    const firstFingerprint = entries.length;
    for (const fingerprint of prepared.fingerprints) {
      entries.push({ kind: 'P', shard: fmix32(fingerprint.hash ^ FINGERPRINT_SHARD_SALT), field: fingerprint.hash, position: fingerprint.position });
    }
    const firstClaimEntry = entries.length;
    for (const digest of prepared.claims) {
      if (digest.claim > MAX_INDEXED_CLAIM) continue;
      for (const key of claimIndexKeys(digest)) entries.push(claimEntry(key, digest.claim));
    }
    if (input.claims && input.claims.length > 0) this.remembered?.remember(input.id, input.claims);

    const registered = await this.store.register({
      id: input.id,
      meta: encodeMeta(input.id, publishedAt, prepared.contentHash, prepared.sample.values.length, prepared.sample.level, prepared.topicSignature),
      sample: encodeArticleBlob({
        contentLength: prepared.content.length,
        sentences: prepared.sentences,
        firstPositions: firstContentPositions(prepared.sentences, prepared.content),
        sample: prepared.sample,
        claims: encodeClaimDigests(prepared.claims),
      }),
      source: input.sourceName,
      entries,
    });
    const self = registered.num;

    // Candidates by kind (the article itself appears in its own buckets on a retry).
    const exactCandidates = new Set<number>();
    const nearCandidates = new Set<number>();
    const topicCandidates = new Set<number>();
    for (const [entryIndex, members] of registered.members) {
      if (entryIndex >= firstClaimEntry) continue;
      const kind = entries[entryIndex]!.kind;
      const target = kind === 'X' ? exactCandidates : kind === 'N' ? nearCandidates : topicCandidates;
      for (const member of members) if (member !== self) target.add(member);
    }
    // Shared fingerprints by other article; the other side's sentence is found from its stored blob (below).
    const matchesByOther = new Map<number, Array<Omit<SentenceMatch, 'otherSentence'>>>();
    for (const [entryIndex, postings] of registered.postings) {
      if (entryIndex >= firstClaimEntry) continue;
      const fingerprint = prepared.fingerprints[entryIndex - firstFingerprint]!;
      for (const posting of postings) {
        if (posting.num === self) continue;
        let list = matchesByOther.get(posting.num);
        if (!list) matchesByOther.set(posting.num, (list = []));
        list.push({ hash: fingerprint.hash, position: fingerprint.position, sentence: fingerprint.sentence, otherPosition: posting.position });
      }
    }
    // Claims stored under this article's keys, with their digests; a claim indexed under several
    // keys (speaker, counted things) comes back once per key.
    const claimPostings = new Map<string, { num: number; digest: StoredClaimDigest }>();
    const digestsOf = new Map<number, StoredClaimDigest[]>();
    for (const [entryIndex, postings] of registered.postings) {
      if (entryIndex < firstClaimEntry) continue;
      for (const posting of postings) {
        if (posting.num === self || claimPostings.has(`${posting.num}:${posting.position}`)) continue;
        let digests = digestsOf.get(posting.num);
        if (!digests) digestsOf.set(posting.num, (digests = decodeClaimDigests(registered.claimDigests.get(posting.num) ?? Buffer.alloc(0))));
        const digest = digests.find((d) => d.claim === posting.position);
        if (digest) claimPostings.set(`${posting.num}:${posting.position}`, { num: posting.num, digest });
      }
    }

    const wanted = new Set<number>([self, ...exactCandidates, ...nearCandidates, ...topicCandidates, ...[...claimPostings.values()].map((p) => p.num)]);
    for (const [other, matches] of matchesByOther) if (matches.length >= options.passageMinFingerprints) wanted.add(other);
    const metas = await this.store.readMeta([...wanted]);
    const me = metas.get(self)!;
    const idToNum = new Map([...metas.values()].map((m) => [m.id, m.num]));
    const meta = (num: number): ArticleMeta => {
      const found = metas.get(num);
      if (!found) throw new Error(`dedup: index has no metadata for article #${num}`);
      return found;
    };

    const pairLinks: PairLink[] = [];
    // 1. Exact copies: same content hash (checked on the stored hash, not just the bucket).
    const exactGroup = [...exactCandidates].filter((num) => meta(num).contentHash === me.contentHash);
    for (const other of exactGroup) pairLinks.push({ kind: 'exact', a: self, b: other, similarity: 1, passages: [] });
    const representative = [me, ...exactGroup.map(meta)].sort(
      (x, y) => (x.publishedAt ?? Infinity) - (y.publishedAt ?? Infinity) || x.id.localeCompare(y.id),
    )[0]!;

    // 2. Near duplicates: LSH candidates verified on the stored shingle samples.
    const nearDuplicates: DedupLayer['nearDuplicates'] = [];
    const nearSet = new Set<number>();
    const toVerify = [...nearCandidates].filter((num) => !exactGroup.includes(num));
    const samples = await this.store.readSamples(toVerify.map(meta));
    for (const other of [...exactGroup, ...toVerify]) {
      const them = meta(other);
      const similarity = exactGroup.includes(other) ? 1 : sampleJaccard(prepared.sample, decodeArticleBlob(samples.get(other) ?? Buffer.alloc(0), them.sampleLevel).sample);
      if (similarity < options.nearThreshold) continue;
      nearSet.add(other);
      nearDuplicates.push({ id: meta(other).id, similarity: round4(similarity) });
      if (!exactGroup.includes(other)) pairLinks.push({ kind: 'near-duplicate', a: self, b: other, similarity, passages: [] });
    }
    nearDuplicates.sort((x, y) => x.id.localeCompare(y.id));

    // 3. Reused passages, between articles that are not copies of each other as a whole.
    const reusedPassages: DedupLayer['reusedPassages'] = [];
    const substantialPassages = new Set<number>();
    const passageOthers = [...matchesByOther].filter(([other, matches]) => !nearSet.has(other) && matches.length >= options.passageMinFingerprints).map(([other]) => other);
    const blobs = await this.store.readSamples(passageOthers.map(meta));
    for (const other of passageOthers) {
      const otherId = meta(other).id;
      const theirs = decodeArticleBlob(blobs.get(other) ?? Buffer.alloc(0), meta(other).sampleLevel);
      const matches: SentenceMatch[] = matchesByOther.get(other)!.map((match) => ({ ...match, otherSentence: sentenceOfPosition(theirs.firstPositions, match.otherPosition) }));
      // Chained from the article with the smaller id: the same passages whichever came second.
      const flip = otherId < input.id;
      const chainOptions = { minFingerprints: options.passageMinFingerprints, minTokens: options.passageMinTokens, shingleSize: options.passageShingle };
      const runs = flip
        ? chainSentences(matches.map(swapMatch), chainOptions).map((run) => ({ ...run, first: run.otherFirst, last: run.otherLast, otherFirst: run.first, otherLast: run.last }))
        : chainSentences(matches, chainOptions);
      const spanOf = (sentences: readonly SentenceSpan[], first: number, last: number): [number, number] | null => {
        const from = sentences[first];
        const to = sentences[last];
        return from && to ? [from.start, to.end] : null;
      };
      const passages = runs.flatMap((run) => {
        const mine = spanOf(prepared.sentences, run.first, run.last);
        const their = spanOf(theirs.sentences, run.otherFirst, run.otherLast);
        return mine && their ? [{ start: mine[0], end: mine[1], otherStart: their[0], otherEnd: their[1] }] : [];
      });
      if (passages.length === 0) continue;
      for (const passage of passages) reusedPassages.push({ otherId, start: passage.start, end: passage.end, otherStart: passage.otherStart, otherEnd: passage.otherEnd });
      const selfFirst = self < other;
      if (runs.some((run) => run.tokens >= options.passageJoinTokens)) substantialPassages.add(other);
      pairLinks.push({
        kind: 'reused-passage',
        a: self,
        b: other,
        similarity: 0,
        passages: passages.map((p) =>
          selfFirst
            ? { aStart: p.start, aEnd: p.end, bStart: p.otherStart, bEnd: p.otherEnd }
            : { aStart: p.otherStart, aEnd: p.otherEnd, bStart: p.start, bEnd: p.end },
        ),
      });
    }
    reusedPassages.sort((x, y) => x.otherId.localeCompare(y.otherId) || x.start - y.start);
    const passageSet = new Set(pairLinks.filter((l) => l.kind === 'reused-passage').map((l) => l.b));

    // 4. Similar content (entities and content words) within the time window.
    const windowSeconds = options.topicWindowHours * 3600;
    for (const other of topicCandidates) {
      if (nearSet.has(other) || passageSet.has(other)) continue;
      const them = meta(other);
      if (me.publishedAt === null || them.publishedAt === null || Math.abs(me.publishedAt - them.publishedAt) > windowSeconds) continue;
      const similarity = estimateJaccard16(me.topicSignature, them.topicSignature);
      if (similarity >= options.topicThreshold) pairLinks.push({ kind: 'similar-content', a: self, b: other, similarity, passages: [] });
    }

    // At most K pair links per article: a function of the candidate set, not of the order they came in.
    const kept = strongestLinks(pairLinks, (num) => meta(num).id, options.maxLinksPerArticle);
    pairLinks.length = 0;
    pairLinks.push(...kept);
    const keptOthers = new Set(kept.map((link) => link.b));
    const keptNearDuplicates = nearDuplicates.filter((near) => keptOthers.has(idToNum.get(near.id)!));
    const keptPassages = reusedPassages.filter((passage) => keptOthers.has(idToNum.get(passage.otherId)!));

    // 5. Claims seen before: same speaker and similar content, or the same counted thing.
    // A stored claim is compared only with this article's claims that share one of its index keys
    // (the others can neither corroborate nor contradict it); word sets are built once per claim.
    const claimLinks: ClaimPairLink[] = [];
    const myClaimsByKey = new Map<string, number[]>();
    // This article's claims hashed once, as the stored ones are.
    const myStored = prepared.claims.map(toStoredDigest);
    myStored.forEach((stored, i) => {
      for (const key of storedClaimKeys(stored)) myClaimsByKey.set(key, [...(myClaimsByKey.get(key) ?? []), i]);
    });
    for (const { num: otherNum, digest: theirs } of [...claimPostings.values()].sort((x, y) => x.num - y.num || x.digest.claim - y.digest.claim)) {
      const sharing = new Set<number>();
      for (const key of storedClaimKeys(theirs)) for (const i of myClaimsByKey.get(key) ?? []) sharing.add(i);
      if (sharing.size === 0) continue;
      // In the order of this article's claims, as a full comparison would find them.
      for (const i of [...sharing].sort((x, y) => x - y)) {
        const mine = prepared.claims[i]!;
        const mineStored = myStored[i]!;
        const contentSimilarity = wordSetSimilarity(mineStored.words, theirs.words);
        if (mineStored.speakerHash !== null && theirs.kind === 'attributed' && mineStored.speakerHash === theirs.speakerHash) {
          if (contentSimilarity >= options.claimSimilarity) {
            claimLinks.push({ a: self, aClaim: mine.claim, b: otherNum, bClaim: theirs.claim, relation: 'corroborates', similarity: contentSimilarity, counted: null });
          }
        }
        const sameContext = contentSimilarity >= options.claimNumericContext;
        for (const [j, quantity] of (sameContext ? mine.quantities : []).entries()) {
          const counted = mineStored.quantities[j]!.countedHash;
          for (const other of theirs.quantities.filter((q) => q.countedHash === counted)) {
            const agree = quantitiesAgree(quantity, other, options.approxTolerance);
            claimLinks.push({
              a: self,
              aClaim: mine.claim,
              b: otherNum,
              bClaim: theirs.claim,
              relation: agree ? 'corroborates' : 'conflicts',
              similarity: 1,
              counted: quantity.countedKey,
              aQuantity: { value: quantity.value, valueMax: quantity.valueMax, approx: quantity.approx },
              bQuantity: { value: other.value, valueMax: other.valueMax, approx: other.approx },
            });
          }
        }
      }
    }

    // One link per fact (two quantities of one claim can name the same counted thing).
    const uniqueClaimLinks = [...new Map(claimLinks.map((link) => [encodeClaimLink(link).field, link])).values()];
    // At most K links per fact of each claim of this article (a claim repeated by 200 reprints would otherwise add 200).
    const keptClaimLinks = strongestClaimLinks(uniqueClaimLinks, (num) => meta(num).id, options.claimLinksPerFact);
    claimLinks.length = 0;
    claimLinks.push(...keptClaimLinks);

    const step = await this.store.link({
      num: self,
      links: [
        ...pairLinks.map((link) => ({
          other: link.b,
          joinsStory: joinsStory(link, me, meta(link.b), windowSeconds) && (link.kind !== 'reused-passage' || substantialPassages.has(link.b)),
          ...encodePairLink(link),
        })),
        ...claimLinks.map((link) => ({ other: self, joinsStory: false, ...encodeClaimLink(link) })),
      ],
    });
    const stepMetas = await this.store.readMeta([step.root, ...step.mergedAway]);
    const storyId = stepMetas.get(step.root)!.id;
    const mergedStories = step.mergedAway.map((num) => ({ storyId: stepMetas.get(num)!.id, mergedInto: storyId }));

    const strongest = pairLinks.some((l) => l.kind === 'exact')
      ? 'exact'
      : keptNearDuplicates.length > 0
        ? 'near-duplicate'
        : keptPassages.length > 0
          ? 'reused-passage'
          : pairLinks.some((l) => l.kind === 'similar-content')
            ? 'similar-content'
            : 'new';
    const layer: DedupLayer = {
      contentHash: prepared.contentHash,
      storyId,
      storyReason: strongest,
      exactDuplicateOf: representative.num === self ? null : representative.id,
      nearDuplicates: keptNearDuplicates,
      reusedPassages: keptPassages,
      claimLinks: claimLinks
        .map((link) => ({ claim: link.aClaim, otherId: meta(link.b).id, otherClaim: link.bClaim, relation: link.relation, similarity: round4(link.similarity) }))
        .sort((x, y) => x.claim - y.claim || x.otherId.localeCompare(y.otherId) || x.otherClaim - y.otherClaim),
    };
    return { layer, storyId, storyVersion: step.version, storySize: step.size, mergedStories };
  }

  /**
   * `processArticle`, then the whole story as it stands right after (`getStory`): a convenience for
   * `analyse()`, evaluation and tests. Building the story costs O(story size); the pipeline's dedup
   * stage needs only the layer and the merged stories, so it should call `processArticle`.
   */
  async process(input: DedupInput): Promise<DedupResult> {
    const step = await this.processArticle(input);
    const story = await this.getStory(step.storyId);
    if (!story) throw new Error(`dedup: story ${step.storyId} vanished from the index`);
    return { layer: step.layer, story, mergedStories: step.mergedStories };
  }

  /** The story with its quotes' texts from `claimSource` (null for articles it does not know). */
  async getStory(storyId: string): Promise<Story | null> {
    const num = await this.store.lookupId(storyId);
    if (num === null) return null;
    const story = await this.storyFrom(await this.store.storyOf(num));
    const quoted = quotedArticles(story);
    return quoted.length === 0 ? story : fillClaimTexts(story, await this.claimSource.claimTexts(quoted));
  }

  async storyStatus(storyId: string): Promise<StoryStatus | null> {
    const num = await this.store.lookupId(storyId);
    if (num === null) return null;
    const status = await this.store.storyStatus(num);
    const root = status.root === num ? storyId : (await this.store.readMeta([status.root])).get(status.root)!.id;
    return { storyId: root, version: status.version, size: status.size };
  }

  async size(): Promise<number> {
    return this.store.count();
  }

  async pendingTombstones(limit = 100): Promise<Array<{ storyId: string; mergedInto: string }>> {
    const nums = await this.store.pendingTombstones(limit);
    if (nums.length === 0) return [];
    const roots = new Map<number, number>();
    for (const num of nums) roots.set(num, (await this.store.storyStatus(num)).root);
    const metas = await this.store.readMeta([...new Set([...nums, ...roots.values()])]);
    return nums.flatMap((num) => {
      const [story, root] = [metas.get(num), metas.get(roots.get(num)!)];
      return story && root && story.num !== root.num ? [{ storyId: story.id, mergedInto: root.id }] : [];
    });
  }

  async tombstonesWritten(storyIds: readonly string[]): Promise<void> {
    const nums: number[] = [];
    for (const id of storyIds) {
      const num = await this.store.lookupId(id);
      if (num !== null) nums.push(num);
    }
    await this.store.clearTombstones(nums);
  }

  async dumpState(): Promise<DedupState> {
    const count = await this.store.count();
    const all = Array.from({ length: count }, (_, i) => i);
    const metas = await this.store.readMeta(all);
    const roots = new Map<number, StorySnapshot>();
    const links = new Set<string>();
    for (const num of all) {
      const snapshot = await this.store.storyOf(num);
      if (roots.has(snapshot.root)) continue;
      roots.set(snapshot.root, snapshot);
      for (const [field, value] of snapshot.fields) {
        const pair = decodePairLink(field, value);
        if (pair) {
          const [a, b] = [metas.get(pair.a)!.id, metas.get(pair.b)!.id].sort();
          const passages = pair.passages.length > 0 ? ` passages=${pair.passages.length}` : '';
          links.add(`${pair.kind} ${a} ${b} ${pair.similarity.toFixed(4)}${passages}`);
          continue;
        }
        const claim = decodeClaimLink(field, value);
        if (claim) {
          const sides = [`${metas.get(claim.a)!.id}#${claim.aClaim}`, `${metas.get(claim.b)!.id}#${claim.bClaim}`].sort();
          links.add(`claim-${claim.relation} ${sides.join(' ')} ${claim.counted ?? ''}`.trim());
        }
      }
    }
    const stories = [...roots.values()]
      .map((snapshot) => ({ storyId: metas.get(snapshot.root)!.id, members: snapshot.members.map((num) => metas.get(num)!.id).sort() }))
      .sort((x, y) => x.storyId.localeCompare(y.storyId));
    return { links: [...links].sort(), stories };
  }

  private async storyFrom(snapshot: StorySnapshot): Promise<Story> {
    const metas = await this.store.readMeta([...new Set([snapshot.root, ...snapshot.members])]);
    const members: StoryMember[] = snapshot.members.map((num) => {
      const meta = metas.get(num)!;
      return { num, id: meta.id, source: meta.source, publishedAt: isoOf(meta.publishedAt) };
    });
    return buildStory(metas.get(snapshot.root)!.id, snapshot.version, members, snapshot.fields, { links: this.options.maxStoryLinks, quotes: this.options.maxStoryQuotes });
  }
}

/**
 * Copies and near duplicates always put two articles in one story. A reused passage or similar
 * content does so only between articles dated within the story window of each other (when both
 * dates are known), and a passage only between different sources: an outlet's own template
 * paragraphs (a standard closing, a recurring notice) would otherwise chain its unrelated articles
 * into one story (on 20,000 SaudiNewsNet articles, one story of 2,729, mostly through such passages).
 * The fact is still recorded on the article's story either way. A function of the pair alone, so
 * order does not matter.
 */
function joinsStory(link: PairLink, a: ArticleMeta, b: ArticleMeta, windowSeconds: number): boolean {
  if (link.kind === 'exact' || link.kind === 'near-duplicate') return true;
  if (a.publishedAt !== null && b.publishedAt !== null && Math.abs(a.publishedAt - b.publishedAt) > windowSeconds) return false;
  if (link.kind === 'reused-passage' && a.source !== null && a.source === b.source) return false;
  return true;
}

const KIND_STRENGTH: Record<PairLink['kind'], number> = { exact: 0, 'near-duplicate': 1, 'reused-passage': 2, 'similar-content': 3 };

/**
 * The `limit` links an article keeps: strongest kind first (so the record's `storyReason` is
 * unchanged), then the highest similarity, then the smallest other id; a function of the set of
 * verified candidates, whatever order they were found in.
 */
function strongestLinks(links: readonly PairLink[], idOf: (num: number) => string, limit: number): PairLink[] {
  if (links.length <= limit) return [...links];
  return [...links]
    .sort((x, y) => KIND_STRENGTH[x.kind] - KIND_STRENGTH[y.kind] || y.similarity - x.similarity || idOf(x.b).localeCompare(idOf(y.b)))
    .slice(0, limit);
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
  return [...byFact.values()].flatMap((group) =>
    group.length <= limit
      ? group
      : [...group]
          .sort(
            (x, y) =>
              y.similarity - x.similarity ||
              idOf(x.b).localeCompare(idOf(y.b)) ||
              x.bClaim - y.bClaim ||
              (x.counted ?? '').localeCompare(y.counted ?? ''),
          )
          .slice(0, limit),
  );
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** Runs every article through the index one after the other (for benchmarks and evaluation). */
export async function indexCorpus(index: DedupIndex, inputs: Iterable<DedupInput> | AsyncIterable<DedupInput>): Promise<DedupResult[]> {
  const results: DedupResult[] = [];
  for await (const input of inputs) results.push(await index.process(input));
  return results;
}
