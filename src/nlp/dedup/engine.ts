import type { Story } from '../../schema/story.js';
import type { DedupOptions } from './params.js';
import { dedupOptions } from './params.js';
import { encodeClaimDigests } from './claims.js';
import { prepareArticle, type PreparedArticle } from './prepare.js';
import { encodeArticleBlob, firstContentPositions } from './article-blob.js';
import { buildStory, fillClaimTexts, quotedArticles, type StoryMember } from './story.js';
import { MemoryClaimTexts, type ClaimTextSource } from './claim-texts.js';
import type { ArticleMeta, BucketEntry, DedupStore, MetaOf, RegisterRequest, StorySnapshot } from './index-store.js';
import { encodeMeta } from './meta-slot.js';
import { sampleByte } from './sample.js';
import type { DedupIndex, DedupInput, DedupResult, DedupState, DedupStep, MergedStory, StoryStatus } from './index-contract.js';
import { dumpIndexState } from './index-state.js';
import { MemorySummaries, articleSummary, leadEndOf, summariseStory, type ArticleSummarySource } from './story-summary.js';
import { articleEntries, articlesToRead, eventKeyReports, passageCandidates, sortCandidates, asFirstIndexed } from './steps/candidates.js';
import { rarityOf } from './event.js';
import { exactCopies } from './steps/exact-copies.js';
import { nearDuplicates, nearToVerify } from './steps/near-duplicates.js';
import { reusedPassages } from './steps/reused-passages.js';
import { unlikeBesidePassages } from './steps/passage-context.js';
import { similarContent } from './steps/similar-content.js';
import { claimLinks, sameEventOthers } from './steps/claim-links.js';
import { utcDay } from './conflict-rules.js';
import { linkRequest, strongestLinks } from './steps/story-links.js';
import { keptFacts, recordLayer } from './steps/record-layer.js';

function epochSeconds(iso: string | null): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return Math.floor(ms / 1000);
}

/** The mentions that can name a key entity (with their type, name and offset). */
function namedEntities(entities: DedupInput['entities']) {
  return (entities ?? []).flatMap((e) => (e.type !== undefined && e.canonical !== undefined && e.start !== undefined ? [{ entityId: e.entityId, canonical: e.canonical, type: e.type, start: e.start }] : []));
}

function isoOf(seconds: number | null): string | null {
  return seconds === null ? null : new Date(seconds * 1000).toISOString();
}

/** The register step's request: the article's metadata slot, its blob and every entry it is filed under. */
function registerRequest(input: DedupInput, prepared: PreparedArticle, entries: BucketEntry[]): RegisterRequest {
  return {
    id: input.id,
    meta: encodeMeta(input.id, epochSeconds(input.publishedAt), prepared.contentHash, prepared.sample.values.length, sampleByte(prepared.sample), prepared.eventSketch),
    sample: encodeArticleBlob({
      contentLength: prepared.content.length,
      sentences: prepared.sentences,
      firstPositions: firstContentPositions(prepared.sentences, prepared.content),
      sample: prepared.sample,
      claims: encodeClaimDigests(prepared.claims),
    }),
    source: input.sourceName,
    entries,
  };
}

function metaOf(metas: ReadonlyMap<number, ArticleMeta>): MetaOf {
  return (num) => {
    const found = metas.get(num);
    if (!found) throw new Error(`dedup: index has no metadata for article #${num}`);
    return found;
  };
}

/**
 * The dedup decisions, over any `DedupStore` (src/store/: Redis with Lua scripts, or in process):
 * prepares the article (pure), runs the atomic insert-and-query step, verifies the candidates it
 * returns (steps/), then runs the atomic link step. Each step's decision is a pure function of what
 * the store returned; the store alone changes the index, atomically.
 */
export class DedupEngine implements DedupIndex {
  readonly options: DedupOptions;
  protected readonly store: DedupStore;

  /** Where `getStory` quotes claim texts from (see `ClaimTextSource`). */
  readonly claimSource: ClaimTextSource;
  /** Without a source of its own, the index remembers the claims it is given (in-process use). */
  private readonly remembered: MemoryClaimTexts | null;
  /** Where the story's headline, key entities and titles come from: the claim source when it knows them, else (in process) what the index was given. */
  private readonly summaries: ArticleSummarySource | null;
  private readonly rememberedSummaries: MemorySummaries | null;

  constructor(store: DedupStore, options: Partial<DedupOptions> = {}, claimSource?: ClaimTextSource) {
    this.store = store;
    this.options = dedupOptions(options);
    const remembered = claimSource ? null : new MemoryClaimTexts();
    this.remembered = remembered;
    this.claimSource = claimSource ?? remembered!;
    this.rememberedSummaries = claimSource ? null : new MemorySummaries();
    this.summaries = claimSource && 'articleSummaries' in claimSource ? (claimSource as ClaimTextSource & ArticleSummarySource) : this.rememberedSummaries;
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
    const filed = articleEntries(prepared);
    if (input.claims && input.claims.length > 0) this.remembered?.remember(input.id, input.claims);
    this.rememberedSummaries?.set(input.id, articleSummary(input.title, namedEntities(input.entities), leadEndOf(input.sentences)));

    const registered = asFirstIndexed(await this.store.register(registerRequest(input, prepared, filed.entries)));
    const self = registered.num;
    const candidates = sortCandidates(registered, filed, prepared);
    const metas = await this.store.readMeta(articlesToRead(self, candidates, options));
    const meta = metaOf(metas);
    const idOf = (num: number) => meta(num).id;
    const me = meta(self);

    const exact = exactCopies(me, candidates.exact, meta);
    const toVerify = nearToVerify(candidates.near, exact.group);
    const near = nearDuplicates(self, prepared.sample, exact.group, toVerify, await this.store.readSamples(toVerify.map(meta)), meta, options);
    // Passages only between articles that are not copies of each other as a whole.
    const passageOthers = passageCandidates(candidates.matchesByOther, options).filter((other) => !near.others.has(other));
    const passages = reusedPassages(input.id, self, prepared, passageOthers, candidates.matchesByOther, await this.store.readSamples(passageOthers.map(meta)), meta, options);
    // The rarity of its event keys among the window's reports (`eventRarityScale`): the day's common words weigh less.
    const reports = eventKeyReports(registered, filed, me, (num) => meta(num).publishedAt, options.topicWindowHours * 3600);
    const rarity = new Map([...reports].map(([feature, count]) => [feature, rarityOf(count, options.eventRarityScale)]));
    const similar = similarContent(me, candidates.topic, new Set([...near.others, ...passages.others]), meta, options, rarity);
    // The pairs that share a passage, judged by their content too: a passage that does not join leaves the content's evidence (story-links.ts).
    const passageContent = new Map(similarContent(me, passages.others, near.others, meta, options, rarity).map((link) => [link.b, link.similarity]));
    // A paragraph two reports share past both leads, and nothing else alike, is context (story round 10).
    const unlike = unlikeBesidePassages(me, prepared, passages, meta, options);
    const substantial = new Set([...passages.substantial].filter((other) => !unlike.has(other)));
    const background = new Set([...passages.background, ...unlike]);
    // At most K pair links per article: a function of the candidate set, not of the order they came in.
    const pairLinks = strongestLinks([...exact.links, ...near.links, ...passages.links, ...similar], idOf, options.maxLinksPerArticle);
    // Before the K-link cut: a conflict needs a direct same-event link, however many links the article has.
    const sameEvent = sameEventOthers(me, [...exact.links, ...near.links, ...passages.links, ...similar], substantial, background, meta, options, passageContent);
    const claims = claimLinks(self, prepared.claims, candidates.claimPostings.values(), idOf, options, {
      sameEvent: (other) => !options.conflictSameEventOnly || sameEvent.has(other),
      // Either claim in a shared passage's sentences or the sentence either side of them (an edited
      // reprint): this article's claim beside the passage here, or the other's beside it there (the
      // earlier outlet's claim follows the paragraph the later one reprinted, reworded).
      // Both sides' sentences are already known: the runs' and the digests' (prepare.ts).
      sameSource: (other, claim, theirs) => {
        const beside = (at: number | null | undefined, first: number, last: number) => at !== null && at !== undefined && first - 1 <= at && at <= last + 1;
        return (passages.sentenceRuns.get(other) ?? []).some((run) => beside(claim.sentence, run.first, run.last) || beside(theirs.sentence, run.otherFirst, run.otherLast));
      },
      // A copy or near copy of this article, or a reprint of the passage that holds the claim, is one source with it.
      copied: (other, claim) =>
        exact.group.includes(other) ||
        near.others.has(other) ||
        passages.found.some((p) => p.otherId === idOf(other) && claim.start !== undefined && claim.end !== undefined && p.start <= claim.start && p.end >= claim.end),
      day: (num) => utcDay(meta(num).publishedAt),
      sameOutlet: (other) => me.source !== null && meta(other).source === me.source,
    });

    const step = await this.store.link(linkRequest(me, pairLinks, claims, substantial, background, meta, options, passageContent));
    const stepMetas = metaOf(await this.store.readMeta([step.root, ...step.mergedAway]));
    const storyId = stepMetas(step.root).id;
    const mergedStories = step.mergedAway.map((num) => ({ storyId: stepMetas(num).id, mergedInto: storyId }));
    const idToNum = new Map([...metas.values()].map((m) => [m.id, m.num]));
    const kept = keptFacts(pairLinks, near.found, passages.found, (id) => idToNum.get(id)!);
    const layer = recordLayer(self, { contentHash: prepared.contentHash, storyId, representative: exact.representative, pairLinks, ...kept, claimLinks: claims }, meta);
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
    const filled = quoted.length === 0 ? story : fillClaimTexts(story, await this.claimSource.claimTexts(quoted));
    return this.summaries ? summariseStory(filled, await this.summaries.articleSummaries(filled.articles.map((article) => article.id))) : filled;
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

  async pendingTombstones(limit = 100): Promise<MergedStory[]> {
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

  dumpState(): Promise<DedupState> {
    return dumpIndexState(this.store);
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

/** Runs every article through the index one after the other (for benchmarks and evaluation). */
export async function indexCorpus(index: DedupIndex, inputs: Iterable<DedupInput> | AsyncIterable<DedupInput>): Promise<DedupResult[]> {
  const results: DedupResult[] = [];
  for await (const input of inputs) results.push(await index.process(input));
  return results;
}
