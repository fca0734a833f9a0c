import type { Redis } from 'ioredis';
import type { RecordInProgress, StageName } from '../../src/schema/record.js';
import type { StageDefinition } from '../../src/pipeline/stage-definition.js';

/**
 * Until a stage is registered in src/pipeline/stage-chain.ts, the benchmarks time its pure API directly
 * (what the stage worker will call): ner `tagEntities` (or `tagMentions`) with `loadNerModel()`,
 * claims `extractClaims`, dedup `MemoryDedupIndex` / `RedisDedupIndex`. The modules are loaded by
 * computed specifiers and checked at run time, so a module that has not landed (or whose API
 * moved) makes that stage "not built yet" instead of breaking the build of bench/.
 */

type Loose = Record<string, unknown>;

async function load(specifier: string): Promise<Loose | null> {
  try {
    return (await import(specifier)) as Loose;
  } catch {
    return null;
  }
}

function fn(module: Loose | null, name: string): ((...args: unknown[]) => unknown) | null {
  const value = module?.[name];
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown) : null;
}

type Ctor = new (...args: unknown[]) => { process(input: unknown): Promise<unknown> };

function ctor(module: Loose | null, name: string): Ctor | null {
  const value = module?.[name];
  return typeof value === 'function' ? (value as Ctor) : null;
}

/** Specifiers relative to this file: the same from bench/lib (tsx) and dist/bench/lib (built). */
const MODULES = {
  nerApi: '../../src/nlp/ner/index.js',
  nerModel: '../../src/models/ner.js',
  claimsApi: '../../src/nlp/claims/index.js',
  dedupIndex: '../../src/store/dedup-index.js',
};

async function nerDirect(): Promise<StageDefinition | null> {
  const api = await load(MODULES.nerApi);
  const models = await load(MODULES.nerModel);
  const tagEntities = fn(api, 'tagEntities');
  const tagMentions = fn(api, 'tagMentions');
  const loadNerModel = fn(models, 'loadNerModel');
  if (!loadNerModel || (!tagEntities && !tagMentions)) return null;
  return {
    name: 'ner',
    concurrency: 1,
    async init() {
      const model = loadNerModel();
      return async (record) => {
        const layer = { tokens: record.tokens ?? [], sentences: record.sentences ?? [] };
        if (tagEntities) return { ...record, entities: tagEntities(layer, record.text, model) as RecordInProgress['entities'] };
        tagMentions?.(layer, record.text, model);
        return record;
      };
    },
  };
}

async function claimsDirect(): Promise<StageDefinition | null> {
  const extractClaims = fn(await load(MODULES.claimsApi), 'extractClaims');
  if (!extractClaims) return null;
  return {
    name: 'claims',
    concurrency: 1,
    async init() {
      return async (record) => {
        const layer = extractClaims({ text: record.text, tokens: record.tokens ?? [], sentences: record.sentences ?? [], entities: record.entities ?? [], publishedAt: record.source.publishedAt }) as Pick<RecordInProgress, 'claims' | 'dates'>;
        return { ...record, claims: layer.claims, dates: layer.dates };
      };
    },
  };
}

async function dedupDirect(): Promise<StageDefinition | null> {
  const module = await load(MODULES.dedupIndex);
  const Memory = ctor(module, 'MemoryDedupIndex');
  const RedisIndex = ctor(module, 'RedisDedupIndex');
  if (!Memory || !RedisIndex) return null;
  return {
    name: 'dedup',
    concurrency: 4,
    async init(resources) {
      const index = resources.redis ? new RedisIndex(resources.redis as Redis, resources.prefix) : new Memory();
      return async (record) => {
        const result = (await index.process({
          id: record.id,
          text: record.text,
          tokens: record.tokens ?? [],
          sentences: record.sentences ?? [],
          entities: record.entities ?? [],
          claims: record.claims ?? [],
          publishedAt: record.source.publishedAt,
          sourceName: record.source.name,
        })) as { layer?: RecordInProgress['dedup'] };
        return { ...record, dedup: result.layer };
      };
    },
  };
}

const DIRECT: Partial<Record<StageName, () => Promise<StageDefinition | null>>> = { ner: nerDirect, claims: claimsDirect, dedup: dedupDirect };

/** The stage through its pure API, or null when that API is not there (yet). */
export async function directStage(name: StageName): Promise<StageDefinition | null> {
  const make = DIRECT[name];
  return make ? make() : null;
}
