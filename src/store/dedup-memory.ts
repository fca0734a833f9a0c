import type { DedupOptions } from '../nlp/dedup/params.js';
import { dedupOptions } from '../nlp/dedup/params.js';
import { DedupEngine } from '../nlp/dedup/engine.js';
import type { ClaimTextSource } from '../nlp/dedup/claim-texts.js';
import { blobClaims } from '../nlp/dedup/article-blob.js';
import type { ArticleMeta, DedupStore, LinkRequest, LinkStep, RegisterRequest, RegisterResult, StorySnapshot } from '../nlp/dedup/index-store.js';
import { decodeMeta } from '../nlp/dedup/meta-slot.js';
import { marksAllowOneStory, unionMarks, type StoryMarks } from '../nlp/dedup/story-marks.js';
import { decodeClaimPostings, decodePostings, encodeClaimPosting, encodePosting } from './dedup-store.js';
import { DEFAULT_LAYOUT, type RedisLayoutOptions } from './dedup-redis.js';

/**
 * The in-process twin of the Redis index: the same two steps with the same rules (a bucket is
 * identified as in Redis by its kind, its shard hash modulo the table's base and its field's 24 bits;
 * the same caps over the whole index; union by smallest id), on Maps. Each step runs synchronously, so it is
 * as atomic within one process as the Lua scripts are in Redis. For `analyse()` and benchmarks.
 */
export class MemoryDedupStore implements DedupStore {
  private readonly ids = new Map<string, number>();
  private readonly metas: Buffer[] = [];
  private readonly samples: Buffer[] = [];
  private readonly sources: string[] = [];
  private readonly buckets = new Map<string, number[] | Buffer[] | null>();
  private readonly parents: number[] = [];
  private readonly tombstones = new Set<number>();
  private readonly stories = new Map<number, StoryRecord>();
  /** The links each article found (as in Redis, kept on the article, not on its story). */
  private readonly links = new Map<number, Map<string, string>>();

  constructor(
    private readonly options: DedupOptions,
    private readonly layout: RedisLayoutOptions = DEFAULT_LAYOUT,
  ) {}

  register(request: RegisterRequest): Promise<RegisterResult> {
    let num = this.ids.get(request.id);
    const existed = num !== undefined;
    if (num === undefined) {
      num = this.metas.length;
      this.ids.set(request.id, num);
      const meta = Buffer.from(request.meta);
      if (request.source !== null && request.source !== '') {
        let index = this.sources.indexOf(request.source);
        if (index < 0) index = this.sources.push(request.source) - 1;
        meta.writeUInt16LE(index, 12);
      }
      this.metas.push(meta);
      this.samples.push(Buffer.from(request.sample));
      this.parents.push(num);
    }
    const members = new Map<number, number[]>();
    const postings = new Map<number, ReturnType<typeof decodePostings>>();
    const claimArticles = new Set<number>();
    request.entries.forEach((entry, entryIndex) => {
      // The same identity as in Redis: shard hash modulo the base (the rest of the address comes from
      // the field), and the field's low 3 bytes.
      const key = `${entry.kind}:${(entry.shard >>> 0) % this.layout.shardsBase}:${entry.field & 0xffffff}`;
      const bucket = this.buckets.get(key);
      if (entry.kind === 'C') {
        // A claims key keeps its `claimPostingsCap` most recent postings (oldest first).
        const list = bucket as Buffer[] | undefined;
        if (list) {
          const found = list.flatMap((raw) => decodeClaimPostings(raw));
          postings.set(entryIndex, [...(postings.get(entryIndex) ?? []), ...found]);
          for (const posting of found) if (posting.num !== num) claimArticles.add(posting.num);
        }
        if (!existed) {
          const posting = encodeClaimPosting(num, (entry.position ?? 0) % 256);
          if (!list) this.buckets.set(key, [posting]);
          else {
            while (list.length >= this.options.claimPostingsCap) list.shift();
            list.push(posting);
          }
        }
      } else if (entry.kind === 'P') {
        // A fingerprint held by more than `passageMaxPostings` articles is a stock phrase for good.
        const list = bucket as Buffer[] | null | undefined;
        if (list) postings.set(entryIndex, [...(postings.get(entryIndex) ?? []), ...list.flatMap((raw) => decodePostings(raw))]);
        if (!existed && list !== null) {
          if (!list) this.buckets.set(key, [encodePosting(num, entry)]);
          else if (list.length >= this.options.passageMaxPostings) this.buckets.set(key, null);
          else list.push(encodePosting(num, entry));
        }
      } else {
        // Copy, near-duplicate and event buckets keep their `bucketCap` most recent members.
        const list = bucket as number[] | undefined;
        if (list) members.set(entryIndex, [...(members.get(entryIndex) ?? []), ...list]);
        if (!existed) {
          if (!list) this.buckets.set(key, [num]);
          else {
            while (list.length >= this.options.bucketCap) list.shift();
            list.push(num);
          }
        }
      }
    });
    const claimDigests = new Map([...claimArticles].map((other) => [other, blobClaims(this.samples[other] ?? Buffer.alloc(0))]));
    return Promise.resolve({ num, existed, members, postings, claimDigests });
  }

  link(request: LinkRequest): Promise<LinkStep> {
    const mergedAway: number[] = [];
    let changed = false;
    const pending: Array<[string, string]> = [];
    for (const link of request.links) {
      if (link.joinsStory) {
        const rootA = this.find(request.num);
        const rootB = this.find(link.other);
        // The story-level gates (story-marks.ts), as dedup-link.lua decides them.
        const marksA = this.marksOf(rootA, request.marks);
        const marksB = this.marksOf(rootB, link.otherMarks);
        if (rootA !== rootB && marksAllowOneStory(marksA, marksB)) {
          const [survivor, loser] = this.idOf(rootB) < this.idOf(rootA) ? [rootB, rootA] : [rootA, rootB];
          const kept = this.storyRecord(survivor);
          const gone = this.storyRecord(loser);
          const ownSingleton = loser === request.num && gone.members.length === 1;
          kept.members.push(...gone.members);
          kept.marks = unionMarks(marksA, marksB);
          this.stories.delete(loser);
          this.parents[loser] = survivor;
          mergedAway.push(loser);
          if (!ownSingleton) this.tombstones.add(loser);
          changed = true;
        }
      }
      pending.push([link.field, link.value]);
    }
    const root = this.find(request.num);
    const story = this.storyRecord(root);
    const fields = this.links.get(request.num) ?? new Map<string, string>();
    if (pending.length > 0) this.links.set(request.num, fields);
    for (const [field, value] of pending) {
      if (!fields.has(field)) {
        fields.set(field, value);
        changed = true;
      }
    }
    if (changed) story.version++;
    return Promise.resolve({ root, version: story.version, size: story.members.length, mergedAway });
  }

  storyOf(num: number): Promise<StorySnapshot> {
    const root = this.find(num);
    const story = this.stories.get(root);
    const members = story ? [...story.members] : [root];
    const fields = new Map<string, string>();
    for (const member of members) for (const [field, value] of this.links.get(member) ?? []) fields.set(field, value);
    return Promise.resolve({ root, version: story?.version ?? 0, members, fields, mergedAway: [] });
  }

  storyStatus(num: number): Promise<Omit<LinkStep, 'mergedAway'>> {
    const root = this.find(num);
    const story = this.stories.get(root);
    return Promise.resolve({ root, version: story?.version ?? 0, size: story?.members.length ?? 1 });
  }

  readMeta(nums: readonly number[]): Promise<Map<number, ArticleMeta>> {
    const out = new Map<number, ArticleMeta>();
    for (const num of nums) {
      const slot = this.metas[num];
      if (slot) out.set(num, decodeMeta(num, slot, (index) => this.sources[index] ?? null));
    }
    return Promise.resolve(out);
  }

  readSamples(metas: readonly ArticleMeta[]): Promise<Map<number, Buffer>> {
    return Promise.resolve(new Map(metas.map((meta) => [meta.num, this.samples[meta.num] ?? Buffer.alloc(0)])));
  }

  lookupId(id: string): Promise<number | null> {
    return Promise.resolve(this.ids.get(id) ?? null);
  }

  count(): Promise<number> {
    return Promise.resolve(this.metas.length);
  }

  pendingTombstones(limit: number): Promise<number[]> {
    return Promise.resolve([...this.tombstones].slice(0, limit));
  }

  clearTombstones(nums: readonly number[]): Promise<void> {
    for (const num of nums) this.tombstones.delete(num);
    return Promise.resolve();
  }

  private find(num: number): number {
    let root = num;
    while (this.parents[root] !== root) root = this.parents[root]!;
    let current = num;
    while (current !== root) {
      const up = this.parents[current]!;
      this.parents[current] = root;
      current = up;
    }
    return root;
  }

  private idOf(num: number): string {
    return this.metas[num]!.subarray(0, 8).toString('hex');
  }

  /** A story's marks: an article alone carries its own (the request's), a bigger story its kept set. */
  private marksOf(root: number, own: readonly number[]): StoryMarks {
    const story = this.stories.get(root);
    if (!story || story.members.length === 1) return [...own];
    return story.marks;
  }

  /** Singleton stories have no record until they are first linked (as in Redis). */
  private storyRecord(root: number): StoryRecord {
    let story = this.stories.get(root);
    if (!story) {
      story = { members: [root], version: 0, marks: null };
      this.stories.set(root, story);
    }
    return story;
  }
}

/** A story's members, version and marks (`null`: unknown; see story-marks.ts). */
interface StoryRecord {
  members: number[];
  version: number;
  marks: StoryMarks;
}

export class MemoryDedupIndex extends DedupEngine {
  constructor(options: Partial<DedupOptions> = {}, layout: RedisLayoutOptions = DEFAULT_LAYOUT, claimSource?: ClaimTextSource) {
    const engineOptions = dedupOptions(options);
    super(new MemoryDedupStore(engineOptions, layout), engineOptions, claimSource);
  }
}
