import { afterAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { EntityType } from '../../src/schema/entities.js';
import { defaultLinkingLexicon } from '../../src/nlp/ner/aliases.js';
import { phraseKey } from '../../src/nlp/ner/gazetteer.js';
import { linkArticleMentions, type ArticleEntity } from '../../src/nlp/ner/linking.js';
import { MemoryEntityRegistry, RedisEntityRegistry, type EntityRegistry } from '../../src/store/entity-registry.js';
import { testPrefix, testRedis } from '../helpers/redis.js';

/** An article's entities as prepareMentions would give them, from (text, type) mentions in order. */
function article(...items: Array<[string, EntityType]>): ArticleEntity[] {
  let at = 0;
  const mentions = items.map(([text, type]) => {
    const m = { text, start: at, end: at + text.length, type, confidence: 0.9, words: phraseKey(text).split(' ') };
    at += text.length + 5;
    return m;
  });
  return linkArticleMentions(mentions, defaultLinkingLexicon()).entities;
}

const connections: Redis[] = [];
function redisRegistry(prefix = testPrefix('entities')): RedisEntityRegistry {
  const redis = testRedis();
  connections.push(redis);
  return new RedisEntityRegistry(redis, prefix);
}

afterAll(async () => {
  await Promise.all(connections.map((c) => c.quit()));
});

const implementations: Array<[string, () => EntityRegistry]> = [
  ['memory', () => new MemoryEntityRegistry()],
  ['redis', () => redisRegistry()],
];

describe.each(implementations)('%s entity registry', (_, make) => {
  it('links a family name in a later article to the person named in full earlier', async () => {
    const registry = make();
    const [kadhimi] = await registry.resolveArticle('a1', article(['مصطفى الكاظمي', 'PER'], ['الكاظمي', 'PER']));
    const [alone] = await registry.resolveArticle('a2', article(['الكاظمي', 'PER']));
    expect(alone).toBe(kadhimi);
    expect(await registry.listArticles(kadhimi!)).toEqual(['a1', 'a2']);
    const record = await registry.getEntity(kadhimi!);
    expect(record).toMatchObject({ type: 'PER', canonical: 'مصطفى الكاظمي', mentionCount: 3, articleCount: 2 });
    expect(record!.variants).toEqual(['الكاظمي', 'مصطفى الكاظمي']);
  });

  it('a short-form-only entity grows into the full name when a later article gives it (ترمب → دونالد ترامب)', async () => {
    const registry = make();
    const [short] = await registry.resolveArticle('b1', article(['ترمب', 'PER']));
    const [full] = await registry.resolveArticle('b2', article(['دونالد ترامب', 'PER']));
    expect(full).toBe(short);
    expect((await registry.getEntity(full!))!.canonical).toBe('دونالد ترامب');
  });

  it('aliases and spelling variants meet across articles', async () => {
    const registry = make();
    const [isis1] = await registry.resolveArticle('c1', article(['تنظيم الدولة الإسلامية', 'ORG']));
    const [isis2] = await registry.resolveArticle('c2', article(['داعش', 'ORG']));
    const [mcgurk1] = await registry.resolveArticle('c3', article(['بريت ماكغورك', 'PER']));
    const [mcgurk2] = await registry.resolveArticle('c4', article(['بريت مكغورك', 'PER']));
    const [khamenei1] = await registry.resolveArticle('c5', article(['علي خامنئي', 'PER']));
    const [khamenei2] = await registry.resolveArticle('c6', article(['علي خامئني', 'PER']));
    expect(isis2).toBe(isis1);
    expect(mcgurk2).toBe(mcgurk1);
    expect(khamenei2).toBe(khamenei1);
    expect(new Set([isis1, mcgurk1, khamenei1]).size).toBe(3);
  });

  it('does not merge different people who share a family name, nor guess between them', async () => {
    const registry = make();
    const [saddam] = await registry.resolveArticle('d1', article(['صدام حسين', 'PER']));
    const [fuad] = await registry.resolveArticle('d2', article(['فؤاد حسين', 'PER']));
    const [husseinAlone] = await registry.resolveArticle('d3', article(['حسين', 'PER']));
    expect(fuad).not.toBe(saddam);
    expect(husseinAlone).not.toBe(saddam);
    expect(husseinAlone).not.toBe(fuad);
  });

  it('keeps a bare family name with several holders and no telling context apart from all of them', async () => {
    const registry = make();
    const [jongUn] = await registry.resolveArticle('k1', article(['كيم جونغ أون', 'PER'], ['موسكو', 'LOC']));
    await registry.resolveArticle('k2', article(['كيم جونغ أون', 'PER'], ['موسكو', 'LOC']));
    const [dongChol] = await registry.resolveArticle('k3', article(['كيم دونغ تشول', 'PER'], ['واشنطن', 'LOC']));
    const [bare1] = await registry.resolveArticle('k4', article(['كيم', 'PER'], ['سيول', 'LOC']));
    const [bare2] = await registry.resolveArticle('k5', article(['كيم', 'PER'], ['طوكيو', 'LOC']));
    expect(new Set([jongUn, dongChol, bare1]).size).toBe(3);
    // Unresolved, the bare word is one entity of its own, not a new id per article.
    expect(bare2).toBe(bare1);
    expect((await registry.getEntity(bare1!))!.canonical).toBe('كيم');
  });

  it('links a bare family name to the holder the article\'s other entities point at', async () => {
    const registry = make();
    // Entities come fullest first: [كيم جونغ أون, فلاديمير بوتين, موسكو].
    const [jongUn, , moscow] = await registry.resolveArticle('m1', article(['كيم جونغ أون', 'PER'], ['موسكو', 'LOC'], ['فلاديمير بوتين', 'PER']));
    const [dongChol] = await registry.resolveArticle('m2', article(['كيم دونغ تشول', 'PER'], ['واشنطن', 'LOC']));
    const [kimInMoscow, moscowAgain] = await registry.resolveArticle('m3', article(['كيم', 'PER'], ['موسكو', 'LOC']));
    const [kimInWashington] = await registry.resolveArticle('m4', article(['كيم', 'PER'], ['واشنطن', 'LOC']));
    expect(moscowAgain).toBe(moscow);
    expect(kimInMoscow).toBe(jongUn);
    expect(kimInWashington).toBe(dongChol);
  });

  it('a bare name first seen alone grows into the one full name, then stays apart once a second holder appears', async () => {
    const registry = make();
    const [bare] = await registry.resolveArticle('g1', article(['الكاظمي', 'PER']));
    const [mustafa] = await registry.resolveArticle('g2', article(['مصطفى الكاظمي', 'PER'], ['بغداد', 'LOC']));
    const [hassan] = await registry.resolveArticle('g3', article(['حسن الكاظمي', 'PER'], ['الشارقة', 'LOC']));
    const [unclear] = await registry.resolveArticle('g4', article(['الكاظمي', 'PER']));
    const [inBaghdad] = await registry.resolveArticle('g5', article(['الكاظمي', 'PER'], ['بغداد', 'LOC']));
    expect(mustafa).toBe(bare);
    expect(hassan).not.toBe(mustafa);
    expect(new Set([unclear, mustafa, hassan]).size).toBe(3);
    expect(inBaghdad).toBe(mustafa);
    expect((await registry.getEntity(unclear!))!.canonical).toBe('الكاظمي');
  });

  it('an entity that grew from a bare name into a full name does not grow again into a longer one', async () => {
    const registry = make();
    const [bare] = await registry.resolveArticle('h1', article(['الكاظمي', 'PER']));
    const [mustafa] = await registry.resolveArticle('h2', article(['مصطفى الكاظمي', 'PER']));
    const [other] = await registry.resolveArticle('h3', article(['حسن علي الكاظمي', 'PER']));
    expect(mustafa).toBe(bare);
    expect(other).not.toBe(mustafa);
    expect((await registry.getEntity(mustafa!))!.canonical).toBe('مصطفى الكاظمي');
  });

  it('is idempotent: the same article twice gives the same ids and counts nothing twice', async () => {
    const registry = make();
    const entities = article(['مصطفى الكاظمي', 'PER'], ['بغداد', 'LOC'], ['الكاظمي', 'PER']);
    const first = await registry.resolveArticle('e1', entities);
    const again = await registry.resolveArticle('e1', entities);
    expect(again).toEqual(first);
    expect((await registry.getEntity(first[0]!))!.mentionCount).toBe(2);
    expect(await registry.listArticles(first[1]!)).toEqual(['e1']);
  });

  it('lists entities by mentions, optionally by type', async () => {
    const registry = make();
    await registry.resolveArticle('f1', article(['بغداد', 'LOC'], ['بغداد', 'LOC'], ['مصطفى الكاظمي', 'PER']));
    await registry.resolveArticle('f2', article(['بغداد', 'LOC'], ['الأمم المتحدة', 'ORG']));
    const all = await registry.listEntities({ limit: 10 });
    expect(all[0]).toMatchObject({ canonical: 'بغداد', mentionCount: 3, articleCount: 2 });
    expect(all).toHaveLength(3);
    const people = await registry.listEntities({ type: 'PER' });
    expect(people.map((e) => e.canonical)).toEqual(['مصطفى الكاظمي']);
    expect(await registry.listEntities({ limit: 1 })).toHaveLength(1);
    expect(await registry.getEntity('per:0000000000000000')).toBeNull();
  });
});

describe('redis entity registry shared by many workers', () => {
  it('agrees on one id when many connections resolve articles about the same entity at once', async () => {
    const prefix = testPrefix('entities-concurrent');
    const workers = Array.from({ length: 8 }, () => redisRegistry(prefix));
    const ids = await Promise.all(
      workers.map((registry, k) =>
        // Half the articles name him in full, half by family name only: whichever lands first, one id.
        registry.resolveArticle(`w${k}`, article(k % 2 === 0 ? ['مصطفى الكاظمي', 'PER'] : ['الكاظمي', 'PER'], ['بغداد', 'LOC'])),
      ),
    );
    expect(new Set(ids.map((r) => r[0])).size).toBe(1);
    expect(new Set(ids.map((r) => r[1])).size).toBe(1);
    const record = await workers[0]!.getEntity(ids[0]![0]!);
    expect(record).toMatchObject({ canonical: 'مصطفى الكاظمي', mentionCount: 8, articleCount: 8 });
    expect((await workers[3]!.listArticles(ids[0]![0]!)).sort()).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7']);
  });

  it('gives the same ids as the in-memory registry for the same sequence of articles', async () => {
    const sequence: ArticleEntity[][] = [
      article(['الكاظمي', 'PER'], ['واشنطن', 'LOC']),
      article(['مصطفى الكاظمي', 'PER'], ['الحشد الشعبي', 'ORG'], ['الحشد', 'ORG']),
      article(['الحشد', 'ORG'], ['داعش', 'ORG']),
      article(['صدام حسين', 'PER'], ['فؤاد حسين', 'PER'], ['حسين', 'PER']),
      article(['حسين', 'PER'], ['واشنطن', 'LOC']),
      article(['حسين', 'PER'], ['الحشد', 'ORG']),
      article(['كيم جونغ أون', 'PER'], ['كيم', 'PER']),
      article(['كيم', 'PER'], ['بغداد', 'LOC']),
    ];
    const memory = new MemoryEntityRegistry();
    const redis = redisRegistry();
    for (const [k, entities] of sequence.entries()) {
      expect(await redis.resolveArticle(`s${k}`, entities)).toEqual(await memory.resolveArticle(`s${k}`, entities));
    }
  });
});
