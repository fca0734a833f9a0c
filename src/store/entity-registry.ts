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
 * Resolution rules (both implementations):
 *   1. a strong key (full form skeleton, alias group) already registered → that entity;
 *   2. a strong key that other articles only used as a partial form of exactly one entity → it;
 *   3. a partial form of this entity that was registered alone (an article said only «الكاظمي»),
 *      not shared with another full entity → that entity, which takes the fuller canonical form;
 *   4. otherwise a new entity with the article's proposed id (deterministic from its key).
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

/** In-process registry (used by `analyse()` and tests); `resolveArticleSync` for pure callers. */
export class MemoryEntityRegistry implements EntityRegistry {
  private readonly keys = new Map<string, string>();
  private readonly weak = new Map<string, Set<string>>();
  private readonly entities = new Map<string, MemoryEntity>();
  private readonly articles = new Map<string, Map<string, string>>();
  private clock = 0;

  resolveArticleSync(articleId: string, entities: readonly ArticleEntity[]): string[] {
    const recorded = this.articles.get(articleId) ?? new Map<string, string>();
    this.articles.set(articleId, recorded);
    const now = this.clock++;
    return entities.map((e) => {
      const known = recorded.get(e.localKey);
      if (known) return known;
      const id = this.resolve(e);
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
      if (entity.words < e.words) {
        entity.canonical = e.canonical;
        entity.words = e.words;
      }
      entity.mentions += e.mentionCount;
      for (const v of e.variants) entity.variants.add(v);
      if (!entity.articles.has(articleId)) entity.articles.set(articleId, now);
      this.entities.set(id, entity);
      recorded.set(e.localKey, id);
      return id;
    });
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
      const id = this.keys.get(k);
      if (!id) continue;
      const words = this.entities.get(id)?.words ?? 0;
      const others = [...(this.weak.get(k) ?? [])].filter((other) => other !== id);
      if (words < e.words && others.length === 0) return id;
    }
    let id = e.proposedId;
    for (let n = 2; this.entities.has(id); n++) id = `${e.proposedId}-${n}`;
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
      variants: e.variants,
      mentionCount: e.mentionCount,
      proposedId: e.proposedId,
    }));
    // cjson turns an empty array into an object; the script only iterates, so that is harmless.
    const args = [this.prefix, articleId, JSON.stringify(payload), String(Date.now())];
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
