// The news pages as a newsroom reads them (issue 23, item 5): Arabic content right-to-left in every
// cell and item that holds it, the news newest publication first, an entities index, and no request
// to any host but ours (bull-board's font link). Real records from analyse() on seed text, real
// Redis for the entity registry and the queues.
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { loadNerModel } from '../../src/models/ner.js';
import { prepareMentions, resolveEntityIds } from '../../src/nlp/ner/index.js';
import { createDashboardApp, type DashboardApp } from '../../src/dashboard/server.js';
import { withoutFontHost } from '../../src/dashboard/bull-board.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { RedisEntityRegistry } from '../../src/store/entity-registry.js';
import { pipelineKeys } from '../../src/store/redis-keys.js';
import type { EnrichedRecord } from '../../src/schema/record.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';

const SEED = readFileSync(join('seeds', '000_4b730099a6eb1bd4.txt'), 'utf8');
const SECOND = readFileSync(join('seeds', '001_fd7158c5eb4e29a6.txt'), 'utf8');

/** The `<tr>…</tr>` rows of the first table with this class. */
function rows(body: string, tableClass: string): string[] {
  const table = body.slice(body.indexOf(`<table class="${tableClass}">`));
  return table.slice(table.indexOf('<tbody>'), table.indexOf('</tbody>')).split('</tr>').filter((row) => row.includes('<tr>'));
}

describe('news pages: direction, order, entities index, our own host only', () => {
  const settings = testSettings('news-pages');
  const outDir = tempDir('news-pages-out');
  const connection = createRedis(testRedisUrl());
  const apps: DashboardApp[] = [];
  const records: EnrichedRecord[] = [];
  const open = (withRegistry: boolean): DashboardApp => {
    const registry = new RedisEntityRegistry(connection, pipelineKeys.entityRegistry(withRegistry ? settings.prefix : `${settings.prefix}-empty`));
    const app = createDashboardApp({ connection, settings, logger: quietLogger, config: { host: '127.0.0.1', port: 0, token: null, readOnly: false, outDir, refreshMs: 2_000 }, entities: registry });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    mkdirSync(join(outDir, 'articles'), { recursive: true });
    const registry = new RedisEntityRegistry(connection, pipelineKeys.entityRegistry(settings.prefix));
    const model = loadNerModel();
    // Written in this order (the older news last), so a list in file order would be the wrong way round.
    const inputs = [
      { text: SECOND, title: '«الحشد» يرد على الضربات: سنواصل الرد', source: 'العرب', publishedAt: '2021-07-12T08:00:00Z' },
      { text: SEED, title: 'هجوم بطائرة مسيرة على مطار أربيل', source: 'Reuters عربي', publishedAt: '2021-07-14T10:00:00Z' },
      { text: `${SEED}\n\nتحديث.`, title: 'AP: drone attack on Erbil airport', source: null, publishedAt: '2021-07-10T06:00:00Z' },
      { text: 'بغداد - قال وزير الخارجية العراقي فؤاد حسين يوم الجمعة إن 3 وفود أجنبية ستصل إلى بغداد الأسبوع المقبل لبحث التهدئة.\n\nوأضاف حسين في مؤتمر صحفي أن الحكومة تعمل مع 12 دولة على خفض التوتر في المنطقة.', title: 'فؤاد حسين: ثلاثة وفود أجنبية تصل بغداد', source: 'الشرق', publishedAt: '2021-07-09T09:00:00Z' },
    ];
    let mtime = Date.now() / 1000 - 100;
    for (const input of inputs) {
      const record = await analyse(input.text, { ...(input.title ? { title: input.title } : {}), ...(input.source ? { source: input.source } : {}), publishedAt: input.publishedAt, file: 'x.txt' });
      // What the ner stage does with the shared registry, so the records' ids are the registry's.
      const prepared = prepareMentions({ tokens: record.tokens ?? [], sentences: record.sentences ?? [] }, record.text, model);
      const ids = await registry.resolveArticle(record.id, prepared.entities);
      expect(ids.length).toBeGreaterThan(0);
      // The claims stage runs after ner in the pipeline and so names speakers by the registry's ids: do the same here.
      const linked = resolveEntityIds(prepared, ids);
      const renamed = new Map((record.entities ?? []).map((entity, i) => [entity.entityId, linked[i]?.entityId ?? entity.entityId]));
      const claims = (record.claims ?? []).map((claim) => (claim.speaker?.entityId ? { ...claim, speaker: { ...claim.speaker, entityId: renamed.get(claim.speaker.entityId) ?? claim.speaker.entityId } } : claim));
      Object.assign(record, { entities: linked, claims });
      const path = join(outDir, 'articles', `${record.id}.json`);
      writeFileSync(path, JSON.stringify(record));
      utimesSync(path, mtime, (mtime += 10));
      records.push(record);
    }
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    connection.disconnect();
  });

  it('lists the news newest publication first, whatever order the records were written in', async () => {
    const body = await (await open(true).app.request('/news')).text();
    const order = rows(body, 'news').map((row) => /href="\/records\/([0-9a-f]{16})"/.exec(row)?.[1]);
    expect(order).toEqual([records[1]!.id, records[0]!.id, records[2]!.id, records[3]!.id]);
  });

  it('gives every cell that holds an Arabic title or source dir="rtl", and a Latin or missing one dir="auto"', async () => {
    const body = await (await open(true).app.request('/news')).text();
    const [newest, older, untitled] = rows(body, 'news');
    expect(newest).toContain('<td class="title" dir="rtl"><a href=');
    expect(newest).toContain('<bdi class="ar" lang="ar" dir="rtl">هجوم بطائرة مسيرة على مطار أربيل</bdi>');
    expect(newest).toContain('<td dir="auto"><bdi dir="auto">Reuters عربي</bdi></td>');
    // A title that opens with a quote mark is still Arabic: the mark stays at its right-hand start.
    expect(older).toContain('<td class="title" dir="rtl">');
    expect(older).toContain('>«الحشد» يرد على الضربات: سنواصل الرد</bdi>');
    expect(untitled).toContain('<td class="title" dir="auto">');
    expect(untitled).toContain('<bdi dir="auto">AP: drone attack on Erbil airport</bdi>');
  });

  it('serves an entities index from the registry, most mentioned first, filtered by a validated type', async () => {
    const { app } = open(true);
    const body = await (await app.request('/entities')).text();
    const listed = rows(body, 'entities');
    expect(listed.length).toBeGreaterThan(3);
    const counts = listed.map((row) => [...row.matchAll(/<td>(\d+)<\/td>/g)].map((match) => Number(match[1])));
    const mentions = counts.map(([n]) => n ?? 0);
    expect(mentions).toEqual([...mentions].sort((a, b) => b - a));
    expect(Math.max(...counts.map(([, articles]) => articles ?? 0))).toBe(4); // a place named in all four records
    for (const [n, articles] of counts) expect(n).toBeGreaterThanOrEqual(articles ?? Infinity);
    for (const row of listed) expect(row).toMatch(/<td class="title" dir="rtl"><a class="ent ent-(PER|ORG|LOC|MISC)" href="\/entities\/[^"]+"><bdi class="ar" lang="ar" dir="rtl">/);
    const places = rows(await (await app.request('/entities?type=LOC')).text(), 'entities');
    expect(places.length).toBeGreaterThan(0);
    for (const row of places) expect(row).toContain('ent-LOC');
    const bad = await app.request('/entities?type=PERSON');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('type');
  });

  it('counts the entities in the records when the registry names none', async () => {
    const body = await (await open(false).app.request('/entities?type=PER')).text();
    expect(body).toContain('the entity registry lists none');
    const listed = rows(body, 'entities');
    expect(listed.length).toBeGreaterThan(0);
    for (const row of listed) expect(row).toContain('ent-PER');
  });

  it('gives a person a page with mentions per day and every claim they made, with cue, date, outlet and numbers', async () => {
    const spoken = records.flatMap((record) => (record.claims ?? []).filter((claim) => claim.speaker?.entityId && (record.entities ?? []).some((entity) => entity.entityId === claim.speaker?.entityId && entity.type === 'PER')).map((claim) => ({ record, claim })));
    expect(spoken.length).toBeGreaterThan(0);
    const { claim } = spoken[0]!;
    const personId = claim.speaker?.entityId ?? '';
    const body = await (await open(true).app.request(`/entities/${encodeURIComponent(personId)}`)).text();
    expect(body).toContain('<h2>Mentions per day</h2>');
    const days = records.filter((record) => (record.entities ?? []).some((entity) => entity.entityId === personId)).map((record) => record.source.publishedAt?.slice(0, 10));
    for (const day of new Set(days)) expect(body).toContain(`<td class="when">${day}</td>`);
    const said = spoken.filter((entry) => entry.claim.speaker?.entityId === personId);
    expect(body).toContain(`<h2>What they said (${said.length})</h2>`);
    expect(body).toContain(`<td dir="rtl"><bdi class="ar" lang="ar" dir="rtl">${claim.cue?.text}</bdi></td>`);
    for (const quantity of said.flatMap((entry) => entry.claim.quantities)) expect(body).toContain(`>${quantity.text}</bdi></li>`);
  });

  it('serves bull-board without its Google Fonts link, under a CSP that allows no other host', async () => {
    const response = await open(true).app.request('/queues');
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('__UI_CONFIG__');
    expect(body).not.toMatch(/https?:\/\//);
    expect(response.headers.get('content-security-policy')).not.toMatch(/https?:/);
    expect(withoutFontHost('<link href="https://fonts.googleapis.com/css2?family=X" rel="stylesheet">\n<link href="static/a.css" rel="stylesheet">')).toBe('<link href="static/a.css" rel="stylesheet">');
  });
});
