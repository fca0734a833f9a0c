import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { startInProcessWorkers, type InProcessWorkers } from '../../src/pipeline/in-process.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { createDashboardApp, type DashboardApp } from '../../src/dashboard/server.js';
import { EnrichedRecordSchema, type EnrichedRecord } from '../../src/schema/record.js';
import { StoryFileSchema, type Story } from '../../src/schema/story.js';
import { writeStoryFile } from '../../src/pipeline/story-files/index.js';
import { drainQueues } from '../helpers/drain.js';
import { conflictPairDashboards, outputFolder } from '../helpers/conflicts.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';
import { conflictStory, withoutNewFields } from './story-fixture.js';

const SEED_000 = readFileSync('seeds/000_4b730099a6eb1bd4.txt', 'utf8');
const SEED_001 = readFileSync('seeds/001_fd7158c5eb4e29a6.txt', 'utf8');

/** The same text to the content hash, different bytes: a diacritic on every tenth word (as test/nlp/dedup/corpus.ts). */
function reTyped(text: string): string {
  let count = 0;
  return text.replace(/([\u0621-\u064a]{3,})/gu, (word) => (++count % 10 === 0 ? `${word}\u064e` : word));
}

/** Seed 000 with its middle paragraph dropped: a near copy. */
function nearCopy(text: string): string {
  const parts = text.split(/\n+/u).filter((line) => line.trim().length > 0);
  return parts.filter((_, index) => index !== Math.floor(parts.length / 2)).join('\n\n');
}

/**
 * Four articles from four outlets: seed 000, a wire reprint of it hours later, a near copy the next
 * day, and seed 001 two days after that (another story, the newest). The titles keep their
 * diacritics and quotation marks: the pages must show them as written.
 */
const ARTICLES = [
  { title: 'تعثر مفاوضات فيينا', source: 'العرب', publishedAt: '2021-07-12T10:00:00Z', text: SEED_000 },
  { title: 'مفاوضاتُ فيينا «تتعثّر»', source: 'رويترز', publishedAt: '2021-07-12T15:30:00Z', text: reTyped(SEED_000) },
  { title: 'فيينا: تعثر المفاوضات & الميليشيات', source: 'الشرق', publishedAt: '2021-07-13T08:00:00Z', text: nearCopy(SEED_000) },
  { title: 'خبر من يوم آخر', source: 'الحياة', publishedAt: '2021-07-15T09:00:00Z', text: SEED_001 },
];

const escaped = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function readStories(outDir: string): Story[] {
  return readdirSync(join(outDir, 'stories'))
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .map((name) => StoryFileSchema.parse(JSON.parse(readFileSync(join(outDir, 'stories', name), 'utf8'))))
    .filter((file): file is Story => file.mergedInto === null);
}

function readRecords(outDir: string): EnrichedRecord[] {
  return readdirSync(join(outDir, 'articles'))
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .map((name) => EnrichedRecordSchema.parse(JSON.parse(readFileSync(join(outDir, 'articles', name), 'utf8'))));
}

describe('story pages on story files the real pipeline wrote (seeds, real Redis)', () => {
  const settings = testSettings('dashboard-stories');
  const outDir = tempDir('dashboard-stories-out');
  const connection = createRedis(testRedisUrl());
  let workers: InProcessWorkers;
  let dashboard: DashboardApp;
  let records: EnrichedRecord[];
  let stories: Story[];
  let vienna: Story;
  let other: Story;

  beforeAll(async () => {
    workers = await startInProcessWorkers({ redisUrl: testRedisUrl(), settings, logger: quietLogger, outDir });
    const inbox = tempDir('dashboard-stories-in');
    const file = join(inbox, 'articles.jsonl');
    writeFileSync(file, ARTICLES.map((article) => JSON.stringify(article)).join('\n'));
    const ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 1000, pollMs: 100 });
    expect((await ingestor.ingestFile(file, null)).ok).toBe(ARTICLES.length);
    await ingestor.close();
    await drainQueues(connection, settings);
    records = readRecords(outDir);
    stories = readStories(outDir);
    const idOf = (title: string) => records.find((record) => record.title === title)?.id;
    const storyOf = (title: string) => stories.find((story) => story.articles.some((article) => article.id === idOf(title)));
    vienna = storyOf(ARTICLES[0]!.title)!;
    other = storyOf(ARTICLES[3]!.title)!;
    dashboard = createDashboardApp({ connection, settings, logger: quietLogger, config: { host: '127.0.0.1', port: 0, token: null, readOnly: false, outDir, refreshMs: 2_000 } });
  }, 120_000);

  afterAll(async () => {
    await dashboard?.close();
    await workers?.close();
    connection.disconnect();
  });

  it('starts from what the pipeline wrote: the three reports of seed 000 in one story, seed 001 in another', () => {
    expect(records).toHaveLength(ARTICLES.length);
    expect(vienna.articles.map((article) => records.find((record) => record.id === article.id)?.source.name).sort()).toEqual(['الشرق', 'العرب', 'رويترز']);
    expect(other.storyId).not.toBe(vienna.storyId);
    expect(vienna.links.map((link) => link.kind)).toEqual(expect.arrayContaining(['exact', 'near-duplicate']));
  });

  it('lists stories by headline, newest news first, with outlets, article count, dates and conflicts', async () => {
    const response = await dashboard.app.request('/stories');
    expect(response.status).toBe(200);
    const body = await response.text();
    // The file's headline, else the title of the earliest article (from its record).
    const viennaHeadline = vienna.headline ?? ARTICLES[0]!.title;
    const otherHeadline = other.headline ?? ARTICLES[3]!.title;
    const link = (story: Story) => new RegExp(`<a href="/stories/${story.storyId}"><bdi class="ar" lang="ar" dir="rtl">([^<]*)</bdi></a>`);
    expect(body).toMatch(link(vienna));
    expect(body.match(link(vienna))?.[1]).toBe(escaped(viennaHeadline));
    expect(body.match(link(other))?.[1]).toBe(escaped(otherHeadline));
    // Headlines, not ids, as the links' text.
    for (const story of stories) expect(body).not.toContain(`>${story.storyId}<`);
    // Seed 001 ran two days after the last report of seed 000: listed first.
    expect(body.indexOf(`/stories/${other.storyId}`)).toBeLessThan(body.indexOf(`/stories/${vienna.storyId}`));
    const row = body.slice(body.indexOf(`/stories/${vienna.storyId}`)).split('</tr>')[0]!;
    for (const outlet of ['العرب', 'رويترز', 'الشرق']) expect(row).toContain(outlet);
    expect(row).toContain('<td>3</td>');
    expect(row).toContain('2021-07-12 10:00 UTC');
    expect(row).toContain('2021-07-13 08:00 UTC');
    expect(row).toContain(`<td>${vienna.conflicts.length}</td>`);
  });

  it('shows the headline right-to-left, the key entities, and the timeline by outlet and time with the kind of each link', async () => {
    const response = await dashboard.app.request(`/stories/${vienna.storyId}`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain(`<h1 class="headline ar" lang="ar" dir="rtl">${escaped(vienna.headline ?? ARTICLES[0]!.title)}</h1>`);

    // Key entities: the file's, or (a file without them) those named in two or more of its records; each links to its page.
    const members = records.filter((record) => vienna.articles.some((article) => article.id === record.id));
    const shown = [...body.matchAll(/<a class="ent ent-(PER|ORG|LOC|MISC)" href="\/entities\/([^"]+)"><bdi class="ar" lang="ar" dir="rtl">([^<]+)<\/bdi><\/a>/g)].map((match) => ({ type: match[1], entityId: decodeURIComponent(match[2]!), name: match[3] }));
    expect(shown.length).toBeGreaterThan(0);
    for (const entity of shown) {
      const naming = members.filter((record) => record.entities?.some((mention) => mention.entityId === entity.entityId && mention.type === entity.type));
      expect(naming.length, entity.name).toBeGreaterThanOrEqual(vienna.keyEntities ? 1 : 2);
    }
    if (vienna.keyEntities) expect(shown.map((entity) => entity.entityId)).toEqual(vienna.keyEntities.map((entity) => entity.entityId));

    // The outlets and the timeline's rows in publication order, each title as written, linking to its record.
    const outlets = body.slice(body.indexOf('<ol class="outlets"'), body.indexOf('</ol>', body.indexOf('<ol class="outlets"')));
    expect(['العرب', 'رويترز', 'الشرق'].map((outlet) => outlets.indexOf(outlet)).every((at, i, all) => at >= 0 && (i === 0 || at > all[i - 1]!))).toBe(true);
    const timeline = body.slice(body.indexOf('<table class="timeline">'), body.indexOf('</table>', body.indexOf('<table class="timeline">')));
    const rows = timeline.split('<tr id="article-').slice(1);
    expect(rows).toHaveLength(3);
    ARTICLES.slice(0, 3).forEach((article, i) => {
      const record = members.find((member) => member.title === article.title)!;
      expect(rows[i]).toContain(`<a href="/records/${record.id}"><bdi class="ar" lang="ar" dir="rtl">${escaped(article.title)}</bdi></a>`);
      expect(rows[i]).toContain(article.source);
    });
    // The reprint is a copy of the first report; the next day's text is a near copy of both.
    expect(rows[1]).toMatch(/data-kind="copy">copy of<\/span> <a href="#article-[0-9a-f]{16}"><bdi class="ar" lang="ar" dir="rtl">العرب<\/bdi>/);
    expect(rows[0]).toContain('data-kind="copy">copied by</span>');
    expect(rows[2]).toContain('data-kind="near copy">near copy of</span>');
    expect(body).not.toContain('<script>alert');
  });

  it('counts the reprint and the near copy as the same source as the first report when they corroborate a claim', async () => {
    const body = await (await dashboard.app.request(`/stories/${vienna.storyId}`)).text();
    const section = body.slice(body.indexOf('<section class="corroborated">'), body.indexOf('</section>', body.indexOf('<section class="corroborated">')));
    const independent = [...section.matchAll(/Carried independently by \d+ outlets?: (.*?)(?:<span class="muted">|<\/p>)/g)].map((match) => match[1]!);
    expect(independent).toHaveLength(vienna.corroboratedClaims.length);
    for (const outlets of independent) {
      expect(outlets).not.toContain('رويترز');
      expect(outlets).not.toContain('الشرق');
    }
    // Where a group quotes the reprint, the page says whose copy it is.
    const reprint = vienna.articles.find((article) => article.source === 'رويترز')!.id;
    const quotesReprint = vienna.corroboratedClaims.some((group) => group.claims.some((claim) => claim.articleId === reprint));
    const reprintQuotes = section.split('<li').filter((item) => item.includes(`<p class="quote-source"><a href="/records/${reprint}">`));
    expect(reprintQuotes.length > 0).toBe(quotesReprint);
    for (const item of reprintQuotes) expect(item).toMatch(/data-kind="copy">copy of<\/span> <a href="\/records\/[0-9a-f]{16}"><bdi class="ar" lang="ar" dir="rtl">العرب<\/bdi>/);
  });

  it('renders every story file the pipeline wrote, old fields or new', async () => {
    for (const story of stories) {
      const response = await dashboard.app.request(`/stories/${story.storyId}`);
      expect(response.status, story.storyId).toBe(200);
    }
  });
});

/**
 * Two outlets' reports of one fire disagree on the toll (test/fixtures/dashboard-conflict,
 * test/helpers/conflicts.ts). The story the
 * real story builder makes of the two (story-fixture.ts), with a headline, key entities and a
 * reason as issue 25's story builder writes them, and the same file without those fields.
 */
describe('a story with a conflict (two reports of one event through analyse())', () => {
  const dashboards = conflictPairDashboards('dashboard-story-conflict');
  let earlier: EnrichedRecord;
  let later: EnrichedRecord;
  beforeAll(() => {
    ({ earlier, later } = dashboards.pair());
  });

  const open = async (story: Story) => {
    const outDir = outputFolder('dashboard-story', [earlier, later]);
    mkdirSync(join(outDir, 'stories'), { recursive: true });
    expect(await writeStoryFile(outDir, story)).toBe(true);
    return dashboards.open(outDir);
  };

  it('shows the headline, the key entities, the outlets in time order and the conflict with its reason', async () => {
    const story = conflictStory(earlier, later);
    expect(story.keyEntities?.length).toBeGreaterThan(0);
    expect(story.conflicts).toHaveLength(1);
    const body = await (await (await open(story)).request(`/stories/${story.storyId}`)).text();
    expect(body).toContain(`<h1 class="headline ar" lang="ar" dir="rtl">${story.headline}</h1>`);
    for (const entity of story.keyEntities ?? []) {
      expect(body).toContain(`<a class="ent ent-${entity.type}" href="/entities/${encodeURIComponent(entity.entityId)}"><bdi class="ar" lang="ar" dir="rtl">${entity.name}</bdi></a> <span class="muted" dir="ltr">${entity.type} · in ${entity.articles} of 2 articles</span>`);
    }
    // b (دجلة نيوز) is dated before a (الرافدين) in this story: the timeline follows the dates, not the ids or the analysis order.
    const timeline = body.slice(body.indexOf('<table class="timeline">'));
    expect(timeline.indexOf(later.title!)).toBeGreaterThan(0);
    expect(timeline.indexOf(later.title!)).toBeLessThan(timeline.indexOf(earlier.title!));
    const conflict = story.conflicts[0]!;
    expect(body).toContain(`<p class="reason" dir="rtl"><bdi class="ar" lang="ar" dir="rtl">${conflict.reason}</bdi></p>`);
    expect(body).toContain('9 أشخاص');
    expect(body).toContain('11 شخصا');
    expect(body).toContain('<b>9</b>');
    expect(body).toContain('<b>11</b>');
    expect(body).not.toContain('(approx.)');
  });

  it('renders a story file written before headlines, key entities, titles and reasons, with their fallbacks', async () => {
    const story = withoutNewFields(conflictStory(earlier, later));
    const app = await open(story);
    const body = await (await app.request(`/stories/${story.storyId}`)).text();
    // No headline in the file: the title of its earliest article (b, dated first), from its record.
    expect(body).toContain(`<h1 class="headline ar" lang="ar" dir="rtl">${later.title}</h1>`);
    expect(body).toContain('The title of its earliest article');
    expect(body).toContain("Counted from the articles' records");
    expect(body).toContain(`<a href="/records/${earlier.id}"><bdi class="ar" lang="ar" dir="rtl">${earlier.title}</bdi></a>`);
    const counted = story.conflicts[0]!.counted;
    expect(body).toContain(`<p class="reason" dir="auto">same counted thing: <bdi class="ar" lang="ar" dir="rtl">${counted}</bdi></p>`);
    const list = await (await app.request('/stories')).text();
    expect(list).toContain(`<a href="/stories/${story.storyId}"><bdi class="ar" lang="ar" dir="rtl">${later.title}</bdi></a>`);
  });

  it('escapes a headline, an entity name and a reason that carry markup', async () => {
    const script = '<script>alert("x")</script>';
    const story = conflictStory(earlier, later);
    const hostile: Story = {
      ...story,
      headline: `عاجل ${script}`,
      keyEntities: [{ entityId: 'per:"><script>', name: `<img src=x onerror=alert(1)>`, type: 'PER', articles: 2 }],
      conflicts: story.conflicts.map((conflict) => ({ ...conflict, reason: `سبب ${script}` })),
    };
    const app = await open(hostile);
    for (const path of [`/stories/${story.storyId}`, '/stories']) {
      const body = await (await app.request(path)).text();
      expect(body, path).not.toContain('<script>alert');
      expect(body, path).not.toContain('<img src=x');
      expect(body, path).toContain('عاجل &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
  });
});
