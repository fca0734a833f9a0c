import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { EntityType } from '../schema/entities.js';
import type { ArticleEntity } from '../nlp/ner/linking.js';
import { projectPath } from '../paths.js';
import { entityRegistryKeys } from './redis-keys.js';

/** What the registry knows of one entity (across all articles). */
export interface EntityRecord {
  entityId: string;
  type: EntityType;
  /** Fullest form seen in any article. */
  canonical: string;
  /** Every surface form seen (clitics outside). */
  variants: string[];
  mentionCount: number;
  articleCount: number;
}

/**
 * The shared entity registry: gives each article's entities ids that are the same for the same
 * real-world entity across articles and workers, and remembers which article mentions which entity.
 * Resolution rules (both implementations), for an article's entities that have a name of more than
 * one word or are no person:
 *   1. a strong key (full form skeleton, alias group) already registered → that entity;
 *   2. a strong key that other articles only used as a partial form of exactly one entity → it;
 *   3. a partial form of this entity that was registered alone (an article said only «الكاظمي»),
 *      not shared with another full entity → that entity, which takes the fuller canonical form;
 *   4. otherwise a new entity with the article's proposed id (deterministic from its key).
 * Then the persons the article names by one word only (`bareKeys`: «الكاظمي», «كيم»), which are
 * partial forms of whoever bears them:
 *   1. its alias group, if registered → that entity;
 *   2. the one entity that has the word as a partial form (one «الكاظمي» known → him);
 *   3. when several have it, the one that shares the most of this article's other entities with the
 *      articles it was seen in, if at least one and at least twice as many as any other holder;
 *   4. otherwise the bare word's own entity (the same for every article where it stays unresolved),
 *      never the most frequent holder.
 * Resolving the same article twice returns the same ids and counts nothing twice.
 */
export interface EntityRegistry {
  resolveArticle(articleId: string, entities: readonly ArticleEntity[]): Promise<string[]>;
  getEntity(entityId: string): Promise<EntityRecord | null>;
  /** Article ids that mention the entity, oldest first. */
  listArticles(entityId: string): Promise<string[]>;
  /** Most-mentioned entities first. */
  listEntities(options?: { limit?: number; type?: EntityType }): Promise<EntityRecord[]>;
}

interface MemoryEntity {
  type: EntityType;
  canonical: string;
  words: number;
  mentions: number;
  variants: Set<string>;
  articles: Map<string, number>;
}

/** A holder must share at least this many entities, and this many times more than any other holder. */
export const CONTEXT_MIN_SHARED = 1;
export const CONTEXT_MARGIN = 2;

/** The holder the article's context points at (rule 3 for bare persons), or null. */
export function clearHolder(scores: ReadonlyArray<{ id: string; shared: number }>): string | null {
  const ranked = [...scores].sort((a, b) => b.shared - a.shared || a.id.localeCompare(b.id));
  const [best, second] = ranked;
  if (!best || best.shared < CONTEXT_MIN_SHARED) return null;
  return !second || best.shared >= CONTEXT_MARGIN * second.shared && best.shared > second.shared ? best.id : null;
}

/** In-process registry (used by `analyse()` and tests); `resolveArticleSync` for pure callers. */
export class MemoryEntityRegistry implements EntityRegistry {
  private readonly keys = new Map<string, string>();
  private readonly weak = new Map<string, Set<string>>();
  /** Bare person word → its own (unresolved) entity. */
  private readonly bare = new Map<string, string>();
  /** Person entity named in full → ids of the entities seen in its articles. */
  private readonly context = new Map<string, Set<string>>();
  private readonly entities = new Map<string, MemoryEntity>();
  private readonly articles = new Map<string, Map<string, string>>();
  private clock = 0;

  resolveArticleSync(articleId: string, entities: readonly ArticleEntity[]): string[] {
    const recorded = this.articles.get(articleId) ?? new Map<string, string>();
    this.articles.set(articleId, recorded);
    const now = this.clock++;
    const ids: string[] = new Array<string>(entities.length);
    // Entities named in full first: they are the context that resolves the bare persons.
    for (const bare of [false, true]) {
      const context = bare ? [...new Set(ids.filter((id) => id))] : [];
      entities.forEach((e, i) => {
        if ((e.bareKeys.length > 0) !== bare) return;
        const id = recorded.get(e.localKey) ?? (bare ? this.resolveBare(e, context) : this.resolve(e));
        if (!recorded.has(e.localKey)) this.register(articleId, e, id, now);
        recorded.set(e.localKey, id);
        ids[i] = id;
      });
    }
    const present = [...new Set(ids)];
    for (const id of present) {
      const entity = this.entities.get(id)!;
      if (entity.type !== 'PER' || entity.words < 2) continue;
      const seen = this.context.get(id) ?? new Set<string>();
      for (const other of present) if (other !== id) seen.add(other);
      this.context.set(id, seen);
    }
    return ids;
  }

  private register(articleId: string, e: ArticleEntity, id: string, now: number): void {
    for (const k of e.strongKeys) if (!this.keys.has(k)) this.keys.set(k, id);
    for (const k of e.weakKeys) {
      const set = this.weak.get(k) ?? new Set<string>();
      set.add(id);
      this.weak.set(k, set);
    }
    const entity = this.entities.get(id) ?? {
      type: e.type,
      canonical: e.canonical,
      words: 0,
      mentions: 0,
      variants: new Set<string>(),
      articles: new Map<string, number>(),
    };
    // A bare person that stayed unresolved is the bare word's own entity from now on.
    if (e.bareKeys.length > 0 && entity.words <= 1) for (const k of e.bareKeys) this.bare.set(k, id);
    if (entity.words < e.words) {
      entity.canonical = e.canonical;
      entity.words = e.words;
    }
    entity.mentions += e.mentionCount;
    for (const v of e.variants) entity.variants.add(v);
    if (!entity.articles.has(articleId)) entity.articles.set(articleId, now);
    this.entities.set(id, entity);
  }

  private resolve(e: ArticleEntity): string {
    for (const k of e.strongKeys) {
      const id = this.keys.get(k);
      if (id) return id;
    }
    for (const k of e.strongKeys) {
      const set = this.weak.get(k);
      if (set?.size === 1) return [...set][0]!;
    }
    for (const k of e.weakKeys) {
      const id = this.keys.get(k) ?? this.bareEntity(k);
      if (!id) continue;
      const words = this.entities.get(id)?.words ?? 0;
      const others = [...(this.weak.get(k) ?? [])].filter((other) => other !== id);
      if (words < e.words && others.length === 0) return id;
    }
    return this.freshId(e.proposedId, () => false);
  }

  private resolveBare(e: ArticleEntity, context: readonly string[]): string {
    for (const k of e.strongKeys) {
      const id = this.keys.get(k);
      if (id) return id;
    }
    const holders = new Set(e.bareKeys.flatMap((k) => [...(this.weak.get(k) ?? [])]));
    if (holders.size === 1) return [...holders][0]!;
    if (holders.size > 1) {
      const scores = [...holders].map((id) => ({ id, shared: context.filter((c) => this.context.get(id)?.has(c)).length }));
      const holder = clearHolder(scores);
      if (holder) return holder;
    }
    for (const k of e.bareKeys) {
      const id = this.bareEntity(k);
      if (id) return id;
    }
    // The bare word's id, unless an entity first seen under it has since grown into a full name.
    return this.freshId(e.proposedId, (id) => (this.entities.get(id)?.words ?? 0) <= 1);
  }

  /**
   * The bare word's own entity while it is still bare: once it has grown into a full name, that
   * person is a holder like any other, and must not grow again into another full name that shares
   * the word («هاري ستاك ساليفان» after «هاري لينكس»).
   */
  private bareEntity(key: string): string | undefined {
    const id = this.bare.get(key);
    return id !== undefined && (this.entities.get(id)?.words ?? 0) <= 1 ? id : undefined;
  }

  /** `proposedId`, or `-2`, `-3`, … : the first that is unused or `reusable`. */
  private freshId(proposedId: string, reusable: (id: string) => boolean): string {
    let id = proposedId;
    for (let n = 2; this.entities.has(id) && !reusable(id); n++) id = `${proposedId}-${n}`;
    return id;
  }

  async resolveArticle(articleId: string, entities: readonly ArticleEntity[]): Promise<string[]> {
    return this.resolveArticleSync(articleId, entities);
  }

  async getEntity(entityId: string): Promise<EntityRecord | null> {
    const e = this.entities.get(entityId);
    return e ? this.record(entityId, e) : null;
  }

  async listArticles(entityId: string): Promise<string[]> {
    const e = this.entities.get(entityId);
    return e ? [...e.articles].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([id]) => id) : [];
  }

  async listEntities(options: { limit?: number; type?: EntityType } = {}): Promise<EntityRecord[]> {
    return [...this.entities]
      .filter(([, e]) => !options.type || e.type === options.type)
      .sort((a, b) => b[1].mentions - a[1].mentions || a[0].localeCompare(b[0]))
      .slice(0, options.limit ?? 100)
      .map(([id, e]) => this.record(id, e));
  }

  private record(entityId: string, e: MemoryEntity): EntityRecord {
    return {
      entityId,
      type: e.type,
      canonical: e.canonical,
      variants: [...e.variants].sort(),
      mentionCount: e.mentions,
      articleCount: e.articles.size,
    };
  }
}

let resolveScript: { source: string; sha: string } | null = null;

function loadResolveScript(): { source: string; sha: string } {
  if (!resolveScript) {
    const source = readFileSync(projectPath('src', 'store', 'lua', 'entity-resolve.lua'), 'utf8');
    resolveScript = { source, sha: createHash('sha1').update(source).digest('hex') };
  }
  return resolveScript;
}

/**
 * Registry in Redis, shared by every ner worker on every machine: one Lua script resolves and
 * records an article's entities atomically (src/store/lua/entity-resolve.lua). Keys live under
 * `prefix` (the script builds them from the prefix: a single Redis, not a cluster).
 */
export class RedisEntityRegistry implements EntityRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async resolveArticle(articleId: string, entities: readonly ArticleEntity[]): Promise<string[]> {
    if (entities.length === 0) return [];
    const script = loadResolveScript();
    const payload = entities.map((e) => ({
      localKey: e.localKey,
      type: e.type,
      canonical: e.canonical,
      words: e.words,
      strongKeys: e.strongKeys,
      weakKeys: e.weakKeys,
      bareKeys: e.bareKeys,
      variants: e.variants,
      mentionCount: e.mentionCount,
      proposedId: e.proposedId,
    }));
    // cjson turns an empty array into an object; the script only iterates, so that is harmless.
    const args = [this.prefix, articleId, JSON.stringify(payload), String(Date.now()), String(CONTEXT_MIN_SHARED), String(CONTEXT_MARGIN)];
    let result: unknown;
    try {
      result = await this.redis.evalsha(script.sha, 0, ...args);
    } catch (error) {
      if (!String(error).includes('NOSCRIPT')) throw error;
      result = await this.redis.eval(script.source, 0, ...args);
    }
    return JSON.parse(result as string) as string[];
  }

  async getEntity(entityId: string): Promise<EntityRecord | null> {
    const [hash, variants, articleCount] = await Promise.all([
      this.redis.hgetall(entityRegistryKeys.entity(this.prefix, entityId)),
      this.redis.smembers(entityRegistryKeys.variants(this.prefix, entityId)),
      this.redis.zcard(entityRegistryKeys.articles(this.prefix, entityId)),
    ]);
    if (!hash.type) return null;
    return {
      entityId,
      type: hash.type as EntityType,
      canonical: hash.canonical ?? '',
      variants: variants.sort(),
      mentionCount: Number(hash.mentions ?? 0),
      articleCount,
    };
  }

  async listArticles(entityId: string): Promise<string[]> {
    return this.redis.zrange(entityRegistryKeys.articles(this.prefix, entityId), 0, -1);
  }

  async listEntities(options: { limit?: number; type?: EntityType } = {}): Promise<EntityRecord[]> {
    const ids = await this.redis.zrevrange(entityRegistryKeys.ranking(this.prefix, options.type), 0, (options.limit ?? 100) - 1);
    if (ids.length === 0) return [];
    // One round trip for the whole page.
    const pipeline = this.redis.pipeline();
    for (const id of ids) {
      pipeline.hgetall(entityRegistryKeys.entity(this.prefix, id)).smembers(entityRegistryKeys.variants(this.prefix, id)).zcard(entityRegistryKeys.articles(this.prefix, id));
    }
    const replies = (await pipeline.exec()) ?? [];
    const records: EntityRecord[] = [];
    ids.forEach((entityId, k) => {
      const [hashReply, variantsReply, countReply] = replies.slice(3 * k, 3 * k + 3);
      const hash = (hashReply?.[1] ?? {}) as Record<string, string>;
      if (!hash.type) return;
      records.push({
        entityId,
        type: hash.type as EntityType,
        canonical: hash.canonical ?? '',
        variants: ((variantsReply?.[1] ?? []) as string[]).sort(),
        mentionCount: Number(hash.mentions ?? 0),
        articleCount: Number(countReply?.[1] ?? 0),
      });
    });
    return records;
  }
}
