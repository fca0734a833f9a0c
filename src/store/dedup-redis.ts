import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { projectPath } from '../paths.js';
import type { DedupOptions } from '../nlp/dedup/params.js';
import { dedupOptions } from '../nlp/dedup/params.js';
import { murmur32 } from '../nlp/dedup/murmur.js';
import { DedupEngine } from '../nlp/dedup/engine.js';
import type { ClaimTextSource } from '../nlp/dedup/claim-texts.js';
import type { ArticleMeta, DedupStore, LinkRequest, LinkStep, RegisterRequest, RegisterResult, StorySnapshot } from '../nlp/dedup/index-store.js';
import { packMarks } from '../nlp/dedup/story-marks.js';
import { decodeMeta, metaSlotSize } from '../nlp/dedup/meta-slot.js';
import { dedupIndexKeys } from './redis-keys.js';
import { decodeLinkList, decodeClaimPostings, decodeMembers, decodeNums, decodePostings, encodeEntries } from './dedup-store.js';

/** Layout of the Redis index (see README: memory per article depends on these). */
export interface RedisLayoutOptions {
  /**
   * Shards the table starts with (any whole number; 1,024 by default). An entry's shard comes from
   * its shard hash modulo this base and, as the table grows, from its field's 24 bits, so base and
   * field together tell entries apart by 24 + log2(base) bits.
   */
  shardsBase: number;
  /**
   * Fields a shard holds on average before the table splits one more shard (linear hashing). A shard
   * about to split holds up to twice the average, and must stay under Redis's
   * `hash-max-listpack-entries` (128) to stay a compact listpack.
   */
  shardLoad: number;
}

export const DEFAULT_LAYOUT: RedisLayoutOptions = { shardsBase: 1024, shardLoad: 48 };

/** `readMeta` reads a metadata block whole when it wants this many of its 256 slots. */
const WHOLE_BLOCK_FROM = 16;

function loadScript(name: string): string {
  const common = readFileSync(projectPath('src', 'store', 'lua', 'dedup-common.lua'), 'utf8');
  return `${common}\n${readFileSync(projectPath('src', 'store', 'lua', name), 'utf8')}`;
}

type ScriptName = 'register' | 'link' | 'story' | 'status' | 'lookup';
let scripts: Record<ScriptName, string> | null = null;
function luaScripts(): Record<ScriptName, string> {
  scripts ??= {
    register: loadScript('dedup-register.lua'),
    link: loadScript('dedup-link.lua'),
    story: loadScript('dedup-story.lua'),
    status: loadScript('dedup-status.lua'),
    lookup: loadScript('dedup-lookup.lua'),
  };
  return scripts;
}

type Reply = number | Buffer | null | Reply[];

/** Runs a script by its SHA, loading it on first use (and again after a SCRIPT FLUSH or a restart). */
class Script {
  private sha: string | null = null;
  constructor(private readonly source: string) {}
  async run(redis: Redis, args: Array<string | Buffer | number>): Promise<Reply> {
    if (this.sha) {
      try {
        return (await redis.callBuffer('EVALSHA', this.sha, 0, ...args)) as Reply;
      } catch (error) {
        if (!String(error).includes('NOSCRIPT')) throw error;
      }
    }
    this.sha = (await redis.script('LOAD', this.source)) as string;
    return (await redis.callBuffer('EVALSHA', this.sha, 0, ...args)) as Reply;
  }
}

export class RedisDedupStore implements DedupStore {
  private readonly register_: Script;
  private readonly link_: Script;
  private readonly story_: Script;
  private readonly status_: Script;
  private readonly lookup_: Script;
  private readonly slotSize: number;
  private readonly sourceNames = new Map<number, string>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: DedupOptions,
    private readonly layout: RedisLayoutOptions = DEFAULT_LAYOUT,
  ) {
    if (!Number.isInteger(layout.shardsBase) || layout.shardsBase < 1 || !(layout.shardLoad >= 1)) {
      throw new Error(`dedup: layout needs a whole shardsBase ≥ 1 and a shardLoad ≥ 1, got ${JSON.stringify(layout)}`);
    }
    const source = luaScripts();
    this.register_ = new Script(source.register);
    this.link_ = new Script(source.link);
    this.story_ = new Script(source.story);
    this.status_ = new Script(source.status);
    this.lookup_ = new Script(source.lookup);
    this.slotSize = metaSlotSize();
  }

  async register(request: RegisterRequest): Promise<RegisterResult> {
    const args: Array<string | Buffer | number> = [
      this.prefix,
      Buffer.from(request.id, 'hex'),
      request.meta,
      request.source ?? '',
      this.layout.shardsBase,
      this.layout.shardLoad,
      this.options.bucketCap,
      this.options.passageMaxPostings,
      this.slotSize,
      murmur32(request.id, 11),
      encodeEntries(request.entries),
      this.options.claimPostingsCap,
      request.sample,
    ];
    const reply = (await this.register_.run(this.redis, args)) as [number, number, Reply[], Reply[]];
    const [num, existed, hits, digestReplies] = reply;
    const members = new Map<number, number[]>();
    const postings = new Map<number, RegisterResult['postings'] extends Map<number, infer P> ? P : never>();
    for (let i = 0; i + 1 < hits.length; i += 2) {
      const entryIndex = hits[i] as number;
      const raw = hits[i + 1] as Buffer;
      const kind = request.entries[entryIndex]!.kind;
      if (kind === 'P') postings.set(entryIndex, [...(postings.get(entryIndex) ?? []), ...decodePostings(raw)]);
      else if (kind === 'C') postings.set(entryIndex, [...(postings.get(entryIndex) ?? []), ...decodeClaimPostings(raw)]);
      else members.set(entryIndex, [...(members.get(entryIndex) ?? []), ...decodeMembers(raw)]);
    }
    const claimDigests = new Map<number, Buffer>();
    for (let i = 0; i + 1 < digestReplies.length; i += 2) claimDigests.set(digestReplies[i] as number, (digestReplies[i + 1] as Buffer | null) ?? Buffer.alloc(0));
    return { num, existed: existed === 1, members, postings, claimDigests };
  }

  async link(request: LinkRequest): Promise<LinkStep> {
    const args: Array<string | number | Buffer> = [this.prefix, request.num, this.slotSize, packMarks(request.marks)];
    for (const link of request.links) args.push(link.other, link.joinsStory ? '1' : '0', packMarks(link.otherMarks), link.field, link.value);
    const [root, version, size, mergedAway] = (await this.link_.run(this.redis, args)) as [number, number, number, number[]];
    return { root, version, size, mergedAway };
  }

  async storyOf(num: number): Promise<StorySnapshot> {
    const [root, version, members, lists] = (await this.story_.run(this.redis, [this.prefix, num, this.slotSize])) as [number, number, Buffer, Buffer[]];
    const fields = new Map<string, string>();
    for (const list of lists) for (const [field, value] of decodeLinkList(list.toString('utf8'))) fields.set(field, value);
    return { root, version, members: decodeNums(members), fields, mergedAway: [] };
  }

  async storyStatus(num: number): Promise<Omit<LinkStep, 'mergedAway'>> {
    const [root, version, size] = (await this.status_.run(this.redis, [this.prefix, num])) as [number, number, number];
    return { root, version, size };
  }

  async readMeta(nums: readonly number[]): Promise<Map<number, ArticleMeta>> {
    const out = new Map<number, ArticleMeta>();
    if (nums.length === 0) return out;
    // A block (256 slots) from which many slots are wanted is read whole: a big story's members are
    // thousands of slots in a few blocks, and one GETRANGE each cost ~60 µs (3,099 members: 180 ms).
    const wantedPerBlock = new Map<number, number>();
    for (const num of nums) wantedPerBlock.set(Math.floor(num / 256), (wantedPerBlock.get(Math.floor(num / 256)) ?? 0) + 1);
    const wholeBlocks = [...wantedPerBlock].filter(([, wanted]) => wanted >= WHOLE_BLOCK_FROM).map(([block]) => block);
    const single = nums.filter((num) => (wantedPerBlock.get(Math.floor(num / 256)) ?? 0) < WHOLE_BLOCK_FROM);
    const pipeline = this.redis.pipeline();
    for (const block of wholeBlocks) pipeline.getBuffer(dedupIndexKeys.metaBlock(this.prefix, block));
    for (const num of single) {
      const offset = (num % 256) * this.slotSize;
      pipeline.getrangeBuffer(dedupIndexKeys.metaBlock(this.prefix, Math.floor(num / 256)), offset, offset + this.slotSize - 1);
    }
    const replies = ((await pipeline.exec()) ?? []).map(([error, value]) => {
      if (error) throw error;
      return (value as Buffer | null) ?? Buffer.alloc(0);
    });
    const blocks = new Map(wholeBlocks.map((block, i) => [block, replies[i]!]));
    const singles = new Map(single.map((num, i) => [num, replies[wholeBlocks.length + i]!]));
    const slots = nums.map((num) => {
      const block = blocks.get(Math.floor(num / 256));
      if (!block) return singles.get(num)!;
      const offset = (num % 256) * this.slotSize;
      return block.subarray(offset, offset + this.slotSize);
    });
    if (slots.some((slot) => slot.length >= 14 && slot.readUInt16LE(12) !== 0xffff && !this.sourceNames.has(slot.readUInt16LE(12)))) {
      const all = await this.redis.hgetall(dedupIndexKeys.sourceNames(this.prefix));
      for (const [index, name] of Object.entries(all)) this.sourceNames.set(Number(index), name);
    }
    nums.forEach((num, i) => {
      const slot = slots[i]!;
      if (slot.length < this.slotSize) return;
      out.set(num, decodeMeta(num, slot, (index) => this.sourceNames.get(index) ?? null));
    });
    return out;
  }

  async readSamples(metas: readonly ArticleMeta[]): Promise<Map<number, Buffer>> {
    const out = new Map<number, Buffer>();
    if (metas.length === 0) return out;
    const pipeline = this.redis.pipeline();
    for (const meta of metas) {
      pipeline.hgetBuffer(dedupIndexKeys.blobs(this.prefix, Math.floor(meta.num / 256)), String(meta.num % 256));
    }
    const replies = (await pipeline.exec()) ?? [];
    metas.forEach((meta, i) => {
      const [error, value] = replies[i]!;
      if (error) throw error;
      out.set(meta.num, (value as Buffer | null) ?? Buffer.alloc(0));
    });
    return out;
  }

  async lookupId(id: string): Promise<number | null> {
    if (!/^[0-9a-f]{16}$/.test(id)) return null;
    const num = (await this.lookup_.run(this.redis, [this.prefix, Buffer.from(id, 'hex'), murmur32(id, 11), this.layout.shardsBase])) as number;
    return num < 0 ? null : num;
  }

  async count(): Promise<number> {
    return Number((await this.redis.get(dedupIndexKeys.count(this.prefix))) ?? '0');
  }

  async pendingTombstones(limit: number): Promise<number[]> {
    return (await this.redis.srandmember(dedupIndexKeys.tombstones(this.prefix), limit)).map(Number);
  }

  async clearTombstones(nums: readonly number[]): Promise<void> {
    if (nums.length > 0) await this.redis.srem(dedupIndexKeys.tombstones(this.prefix), ...nums.map(String));
  }
}

/**
 * The dedup index in Redis, shared by every dedup worker: each article is one atomic register step
 * (insert and query together) and one atomic link step (Lua scripts in src/store/lua/).
 */
export class RedisDedupIndex extends DedupEngine {
  constructor(redis: Redis, prefix: string, options: Partial<DedupOptions> = {}, layout: RedisLayoutOptions = DEFAULT_LAYOUT, claimSource?: ClaimTextSource) {
    const engineOptions = dedupOptions(options);
    super(new RedisDedupStore(redis, prefix, engineOptions, layout), engineOptions, claimSource);
  }
}
