// The dashboard's news pages read through the record store (issue 22): the same checks on
// PostgreSQL (the default there, with an empty output folder, so nothing can come from files) and
// on the output folder's reader. Real records from analyse() on the seeds and the conflict
// fixture's two reports of one fire, saved as the write stage saves them; real Redis for the
// dashboard's queues, real PostgreSQL started by the test.
import { readFileSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { createDashboardApp, type DashboardApp } from '../../src/dashboard/server.js';
import { createRedis } from '../../src/pipeline/redis.js';
import type { EnrichedRecord } from '../../src/schema/record.js';
import { StorySchema } from '../../src/schema/story.js';
import { FolderRecordReader } from '../../src/store/folder-reader.js';
import { migrateToLatest, openDb, type Db } from '../../src/store/pg/db.js';
import { pgRecordReader } from '../../src/store/pg/reader.js';
import { saveRecord } from '../../src/store/pg/save.js';
import type { RecordReader } from '../../src/store/record-reader.js';
import { recordPath, writeJsonAtomic } from '../../src/store/output.js';
import { analyseConflictFixture } from '../helpers/conflicts.js';
import { useTestPostgres } from '../helpers/postgres.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';
import { testRedisUrl } from '../helpers/redis.js';

const postgres = useTestPostgres();
const settings = testSettings('store-pages');
const connection = createRedis(testRedisUrl());
let db: Db;
const records: EnrichedRecord[] = [];
let fire: { earlier: EnrichedRecord; later: EnrichedRecord };
const readers = {} as Record<'postgres' | 'folder', RecordReader>;
const apps = {} as Record<'postgres' | 'folder', DashboardApp>;

beforeAll(async () => {
  db = openDb(postgres().url, { max: 4 });
  await migrateToLatest(db);
  const out = tempDir('store-pages-out');
  const inputs = readdirSync('seeds').filter((name) => name.endsWith('.txt')).sort();
  for (const [i, name] of inputs.entries()) {
    records.push(await analyse(readFileSync(join('seeds', name), 'utf8'), { file: name, source: `outlet-${i % 2}`, publishedAt: `2021-07-1${i}T08:00:00Z` }));
  }
  fire = { earlier: await analyseConflictFixture('a'), later: await analyseConflictFixture('b') };
  records.push(fire.earlier, fire.later);
  for (const [i, record] of records.entries()) {
    await saveRecord(db, record);
    await writeJsonAtomic(recordPath(out, record.id), record);
    const at = new Date(Date.UTC(2026, 0, 1, 12, i));
    utimesSync(recordPath(out, record.id), at, at);
  }
  readers.postgres = pgRecordReader(db);
  readers.folder = new FolderRecordReader(out);
  const config = (outDir: string) => ({ host: '127.0.0.1', port: 0, token: null, readOnly: false, outDir, refreshMs: 2_000 });
  // PostgreSQL's dashboard gets an empty output folder: whatever its pages show came from the database.
  apps.postgres = createDashboardApp({ connection, settings, logger: quietLogger, config: config(tempDir('store-pages-empty')), records: readers.postgres });
  apps.folder = createDashboardApp({ connection, settings, logger: quietLogger, config: config(out), records: readers.folder, newsFrom: 'store' });
}, 180_000);

afterAll(async () => {
  await Promise.all(Object.values(apps).map((app) => app.close()));
  await db?.destroy();
  connection.disconnect();
});

async function page(backend: 'postgres' | 'folder', path: string): Promise<{ status: number; body: string }> {
  const response = await apps[backend].app.request(path);
  return { status: response.status, body: await response.text() };
}

const linkedIds = (body: string): string[] => [...body.matchAll(/href="\/records\/([0-9a-f]{16})"/g)].map((match) => match[1] as string);

describe('the records PostgreSQL holds are the records the folder holds', () => {
  it('uses PostgreSQL for the news pages by default, and the folder only when asked', () => {
    expect(readers.postgres.backend).toBe('postgres');
    expect(readers.folder.backend).toBe('folder');
  });
});

describe.each(['postgres', 'folder'] as const)('news pages through the %s record store', (backend) => {
  it('lists every record on /news, newest publication first, each linked to its page', async () => {
    const news = await page(backend, '/news');
    expect(news.status).toBe(200);
    const byTime = [...records].sort((a, b) => (b.source.publishedAt ?? '').localeCompare(a.source.publishedAt ?? '') || (a.id < b.id ? 1 : -1));
    expect(linkedIds(news.body)).toEqual(byTime.map((record) => record.id));
    expect(news.body).toContain(`The ${records.length} newest records in the record store`);
  });

  it('shows a record with its text and claims, and its conflict from both sides', async () => {
    for (const [self, other] of [[fire.earlier, fire.later], [fire.later, fire.earlier]] as const) {
      const shown = await page(backend, `/records/${self.id}`);
      expect(shown.status).toBe(200);
      expect(shown.body).toContain('class="article-text ar"');
      const section = shown.body.slice(shown.body.indexOf('<h2>Conflicting reports</h2>'));
      expect(section, self.id).toContain(`href="/records/${other.id}"`);
      expect(section, self.id).toContain('9 أشخاص');
      expect(section, self.id).toContain('11 شخصا');
      expect(section, self.id).toContain('same story');
    }
    expect((await page(backend, '/records/0000000000000000')).status).toBe(404);
  });

  it('lists the fire\'s 9 against 11 on /conflicts, in one story, and as JSON', async () => {
    const list = await page(backend, '/conflicts');
    expect(list.status).toBe(200);
    expect(list.body).toContain('<b><bdi class="ar" lang="ar" dir="rtl">9 أشخاص</bdi></b>');
    expect(list.body).toContain('<b><bdi class="ar" lang="ar" dir="rtl">11 شخصا</bdi></b>');
    expect(list.body).toContain('<span class="muted">same story</span>');
    expect(list.body).toContain('Read from the record store');
    const json = (await (await apps[backend].app.request('/api/conflicts?scope=cross-story')).json()) as { total: number };
    expect(json.total).toBe(0);
    const all = (await (await apps[backend].app.request('/api/conflicts')).json()) as { total: number; conflicts: { found: { id: string }; other: { id: string }; counted: string[] }[] };
    expect(all.conflicts.filter((conflict) => conflict.found.id === fire.later.id && conflict.other.id === fire.earlier.id)).toHaveLength(1);
    expect(all.total).toBe(records.reduce((sum, record) => sum + (record.dedup?.claimLinks.filter((link) => link.relation === 'conflicts').length ?? 0), 0));
  });

  it('ranks entities by articles, with mentions and spellings, and filters by type', async () => {
    const mentions = records.flatMap((record) => (record.entities ?? []).map((mention) => ({ record: record.id, mention })));
    const articlesOf = (id: string) => new Set(mentions.filter((m) => m.mention.entityId === id).map((m) => m.record)).size;
    const top = await readers[backend].entityRanking({ limit: 5 });
    expect(top.length).toBe(5);
    for (const rank of top) {
      expect(rank.articles, rank.canonical).toBe(articlesOf(rank.id));
      expect(rank.mentions, rank.canonical).toBe(mentions.filter((m) => m.mention.entityId === rank.id).length);
    }
    expect(top.map((rank) => rank.articles)).toEqual([...top.map((rank) => rank.articles)].sort((a, b) => b - a));
    const index = await page(backend, '/entities?type=LOC&limit=50');
    expect(index.status).toBe(200);
    const locations = new Set(mentions.filter((m) => m.mention.type === 'LOC').map((m) => m.mention.entityId));
    const listed = [...index.body.matchAll(/href="\/entities\/([^"]+)"/g)].map((match) => decodeURIComponent(match[1] as string));
    expect(listed.length).toBe(Math.min(50, locations.size));
    for (const id of listed) expect(locations.has(id), id).toBe(true);
  });

  it('shows an entity with every article that names it, and a person with every claim they made', async () => {
    const kadhimi = records.flatMap((record) => record.entities ?? []).find((mention) => mention.canonical.includes('الكاظمي'));
    expect(kadhimi).toBeDefined();
    const entity = await page(backend, `/entities/${encodeURIComponent(kadhimi?.entityId as string)}`);
    expect(entity.status).toBe(200);
    const naming = records.filter((record) => record.entities?.some((mention) => mention.entityId === kadhimi?.entityId)).map((record) => record.id);
    expect(new Set(linkedIds(entity.body.slice(entity.body.indexOf('mention it</h2>'))))).toEqual(new Set(naming));

    const speakers = records.flatMap((record) => (record.claims ?? []).flatMap((claim) => (claim.speaker?.entityId ? [claim.speaker.entityId] : [])));
    const person = records.flatMap((record) => record.entities ?? []).find((mention) => mention.type === 'PER' && speakers.includes(mention.entityId));
    expect(person).toBeDefined();
    const personPage = await page(backend, `/entities/${encodeURIComponent(person?.entityId as string)}`);
    expect(personPage.status).toBe(200);
    expect(personPage.body).toContain('<h2>Mentions per day</h2>');
    const said = records.flatMap((record) => record.claims ?? []).filter((claim) => claim.speaker?.entityId === person?.entityId);
    expect(personPage.body).toContain(`What they said (${said.length})`);
    for (const claim of said) expect(personPage.body).toContain(claim.content?.text ?? claim.text);
    expect((await page(backend, '/entities/per:nobody')).status).toBe(404);
  });

  it('searches Arabic in any spelling, articles and names', async () => {
    const search = await page(backend, `/search?q=${encodeURIComponent('الكاظمى')}`);
    expect(search.status).toBe(200);
    const articles = search.body.slice(search.body.indexOf('<h2>Articles</h2>'));
    expect(new Set(linkedIds(articles))).toEqual(new Set(records.filter((record) => record.text.includes('الكاظمي')).map((record) => record.id)));
    const entities = search.body.slice(search.body.indexOf('<h2>Entities</h2>'), search.body.indexOf('<h2>Articles</h2>'));
    expect(entities).toContain('الكاظمي');
    expect(entities).toMatch(/[1-9]\d* article\(s\)/);
  });

  it('lists stories with outlets and conflicts', async () => {
    const stories = await page(backend, '/stories');
    expect(stories.status).toBe(200);
    const storyIds = new Set(records.flatMap((record) => (record.dedup ? [record.dedup.storyId] : [])));
    const listed = [...stories.body.matchAll(/href="\/stories\/([0-9a-z-]+)"/g)].map((match) => match[1]);
    expect(new Set(listed)).toEqual(storyIds);
    const fireRow = stories.body.slice(stories.body.indexOf(`/stories/${fire.later.dedup?.storyId}`)).split('</tr>')[0] as string;
    expect(fireRow).toContain('الرافدين');
    expect(fireRow).toContain('دجلة نيوز');
  });
});

describe('the overview on PostgreSQL', () => {
  it('lists the latest records written and counts them from the database (its output folder is empty)', async () => {
    const overview = await page('postgres', '/');
    expect(overview.status).toBe(200);
    expect(overview.body).toContain(`<b data-total="records">${records.length}</b> records written`);
    const latest = overview.body.slice(overview.body.indexOf('<section class="latest"'));
    // Saved in order, so the most recently written is the last saved.
    expect(linkedIds(latest).slice(0, 3)).toEqual([...records].reverse().slice(0, 3).map((record) => record.id));
  });
});

describe('a story page from PostgreSQL (no story file: built from its rows)', () => {
  it('has the story file\'s shape, with its members, links, key entities and the conflict', async () => {
    const storyId = fire.later.dedup?.storyId as string;
    const story = StorySchema.parse(await readers.postgres.storyFile(storyId));
    const members = records.filter((record) => record.dedup?.storyId === storyId);
    expect(story.articles.map((article) => article.id).sort()).toEqual(members.map((record) => record.id).sort());
    expect(story.keyEntities?.length).toBeGreaterThan(0);
    for (const key of story.keyEntities ?? []) {
      expect(key.articles, key.name).toBe(members.filter((record) => record.entities?.some((mention) => mention.entityId === key.entityId)).length);
      expect(key.articles, key.name).toBeGreaterThanOrEqual(2);
    }
    expect(story.conflicts).toHaveLength(1);
    expect(story.conflicts[0]?.values.map((value) => value.quantityText).sort()).toEqual(['11 شخصا', '9 أشخاص']);
    expect(story.links.length).toBe(members.reduce((sum, record) => sum + (record.dedup ? (record.dedup.exactDuplicateOf ? 1 : 0) + record.dedup.nearDuplicates.length + record.dedup.reusedPassages.length : 0), 0));
    const shown = await page('postgres', `/stories/${storyId}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toContain('table class="timeline"');
    for (const member of members) expect(shown.body).toContain(`href="/records/${member.id}"`);
    expect(shown.body).toContain('9 أشخاص');
    expect(shown.body).toContain('11 شخصا');
    expect((await page('postgres', '/stories/nosuchstory')).status).toBe(404);
  });

  it('redirects a merged story to the one it joined', async () => {
    await db.insertInto('stories').values({ id: 'merged-away', merged_into: fire.later.dedup?.storyId as string, articles: 0 }).execute();
    const response = await apps.postgres.app.request('/stories/merged-away');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/stories/${fire.later.dedup?.storyId}`);
  });
});
