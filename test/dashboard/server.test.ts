import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { createDashboardApp, type DashboardApp } from '../../src/dashboard/server.js';
import type { DashboardConfig } from '../../src/dashboard/config.js';
import { EnrichedRecordSchema, type EnrichedRecord } from '../../src/schema/record.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { allQueues } from '../../src/pipeline/stage-chain.js';
import { RedisEntityRegistry } from '../../src/store/entity-registry.js';
import { pipelineKeys } from '../../src/store/redis-keys.js';
import { defaultLinkingLexicon } from '../../src/nlp/ner/aliases.js';
import { phraseKey } from '../../src/nlp/ner/gazetteer.js';
import { linkArticleMentions } from '../../src/nlp/ner/linking.js';
import { quotesPath, recordPath } from '../../src/store/output.js';
import { analyseConflictFixture, conflictPairDashboards, outputFolder } from '../helpers/conflicts.js';
import { countedKey } from '../../src/nlp/dedup/claims.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';

const TOKEN = 'correct-horse-battery-staple';
const SCRIPT = '<script>alert("xss")</script>';
const IMG = '<img src=x onerror=alert(1)>';

/** An article whose title, source and text carry markup, with entity spans over the markup itself. */
async function hostileRecord(): Promise<EnrichedRecord> {
  const text = `بغداد - قال مسؤول ${SCRIPT} إن ${IMG} وصل إلى مطار بغداد الدولي.\n\nوأضاف أن الهجوم لم يسفر عن إصابات.`;
  const record = await analyse(text, { title: `عاجل ${SCRIPT}`, source: `وكالة ${IMG}`, file: 'evil<script>.txt' });
  const scriptAt = text.indexOf(SCRIPT);
  const imgAt = text.indexOf(IMG);
  return EnrichedRecordSchema.parse({
    ...record,
    entities: [
      { text: SCRIPT, start: scriptAt, end: scriptAt + SCRIPT.length, type: 'PER', entityId: 'per:"><script>x</script>', canonical: `${SCRIPT}`, confidence: 0.9 },
      { text: IMG, start: imgAt, end: imgAt + IMG.length, type: 'ORG', entityId: 'org:img', canonical: `"${IMG}`, confidence: 0.9 },
    ],
  });
}

function config(overrides: Partial<DashboardConfig>): DashboardConfig {
  return { host: '127.0.0.1', port: 0, token: null, readOnly: false, outDir: '', refreshMs: 2_000, ...overrides };
}

const basic = (secret: string) => `Basic ${Buffer.from(`operator:${secret}`).toString('base64')}`;

describe('dashboard server (real Redis, real output files)', () => {
  const settings = testSettings('dashboard');
  const outDir = tempDir('dashboard-out');
  const connection = createRedis(testRedisUrl());
  const apps: DashboardApp[] = [];
  let record: EnrichedRecord;
  const open = (overrides: Partial<DashboardConfig>): DashboardApp => {
    const app = createDashboardApp({ connection, settings, logger: quietLogger, config: config({ outDir, ...overrides }) });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    record = await hostileRecord();
    mkdirSync(join(outDir, 'articles'), { recursive: true });
    writeFileSync(join(outDir, 'articles', `${record.id}.json`), JSON.stringify(record));
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    connection.disconnect();
  });

  describe('escaping (XSS)', () => {
    it('shows <script> and <img onerror> in an article as text on every page that shows it', async () => {
      const { app } = open({});
      const pages = [`/records/${record.id}`, '/news', '/', `/search?q=${encodeURIComponent('مطار')}`, `/search?q=${encodeURIComponent(SCRIPT)}`, '/entities/org%3Aimg', '/conflicts'];
      for (const path of pages) {
        const response = await app.request(path);
        expect(response.status, path).toBe(200);
        const body = await response.text();
        expect(body, path).not.toContain('<script>alert');
        expect(body, path).not.toContain('<img src=x');
        expect(body, path).not.toContain('"><script>');
      }
      const recordBody = await (await app.request(`/records/${record.id}`)).text();
      expect(recordBody).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
      expect(recordBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
      // The highlighted span is the markup itself, as text inside the entity mark.
      expect(recordBody).toMatch(/<a class="ent ent-PER" href="\/entities\/per%3A%22%3E%3Cscript%3Ex%3C%2Fscript%3E" title="PER: &lt;script&gt;[^"]*">&lt;script&gt;alert\(&quot;xss&quot;\)&lt;\/script&gt;<\/a>/);
      expect(recordBody).toContain('dir="rtl"');
    });

    it('sets the security headers, with no inline script allowed on our pages', async () => {
      const { app } = open({});
      const response = await app.request('/');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await response.text()).not.toMatch(/<script>(?!<\/script>)|<script [^>]*>[^<]/);
    });
  });

  describe('auth', () => {
    it('answers 401 without the token when bound to a non-loopback address, and serves with it', async () => {
      const { app } = open({ host: '0.0.0.0', token: TOKEN });
      for (const path of ['/', '/news', `/records/${record.id}`, '/metrics', '/queues', '/queues/api/queues', '/events']) {
        const response = await app.request(path);
        expect(response.status, path).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
      }
      expect((await app.request('/news', { headers: { authorization: basic('wrong-token-wrong-token') } })).status).toBe(401);
      expect((await app.request('/news', { headers: { authorization: basic(TOKEN) } })).status).toBe(200);
      expect((await app.request('/news', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    });

    it('refuses a write action (bull-board retry) without the token, even on loopback, when a token is set', async () => {
      const { app } = open({ token: TOKEN });
      expect((await app.request('/news')).status).toBe(200);
      const retry = await app.request('/queues/api/queues/tokenise/retry/failed', { method: 'PUT' });
      expect(retry.status).toBe(401);
      const clean = await app.request('/queues/api/queues/tokenise/clean/completed', { method: 'PUT' });
      expect(clean.status).toBe(401);
      const withToken = await app.request('/queues/api/queues/tokenise/retry/failed', { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(withToken.status).toBe(200);
    });

    it('refuses every write action with 405 in read-only mode', async () => {
      const { app } = open({ readOnly: true, token: TOKEN });
      const response = await app.request('/queues/api/queues/tokenise/retry/failed', { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(405);
      expect((await app.request('/queues/api/queues/tokenise/clean/completed', { method: 'PUT' })).status).toBe(401);
      const noToken = open({ readOnly: true });
      expect((await noToken.app.request('/queues/api/queues/tokenise/retry/failed', { method: 'PUT' })).status).toBe(405);
    });

    it('refuses a cross-site write on loopback without a token', async () => {
      const { app } = open({});
      const response = await app.request('http://127.0.0.1:3000/queues/api/queues/tokenise/retry/failed', { method: 'PUT', headers: { origin: 'https://evil.example', host: '127.0.0.1:3000' } });
      expect(response.status).toBe(403);
    });
  });

  describe('failures', () => {
    it('lists a failed job with its reason, its file and a bull-board link, and a failure record from the output folder', async () => {
      const failingSettings = testSettings('dashboard-failures');
      const queue = new Queue('tokenise', { connection, prefix: failingSettings.prefix });
      const workerConnection = createRedis(testRedisUrl());
      const worker = new Worker('tokenise', async () => {
        throw new UnrecoverableError('tokeniser choked on <b>bold</b>');
      }, { connection: workerConnection, prefix: failingSettings.prefix });
      try {
        await queue.add('article', { kind: 'record', record: { source: { file: 'bad<file>.txt' } } }, { jobId: 'abcabcabcabcabca' });
        for (let i = 0; i < 100 && (await queue.getFailedCount()) === 0; i++) await sleep(50);
        mkdirSync(join(outDir, 'failed'), { recursive: true });
        writeFileSync(
          join(outDir, 'failed', 'ffffeeeeddddcccc.json'),
          JSON.stringify({ id: 'ffffeeeeddddcccc', stage: 'ingest', error: { name: 'InputError', message: 'malformed JSON' }, attempts: 0, failedAt: new Date().toISOString(), origin: { file: 'broken.json', line: null } }),
        );
        const dashboard = createDashboardApp({ connection, settings: failingSettings, logger: quietLogger, config: config({ outDir }), queueNames: ['tokenise'] });
        apps.push(dashboard);
        const body = await (await dashboard.app.request('/')).text();
        expect(body).toContain('<a href="/queues/queue/tokenise/abcabcabcabcabca">tokenise</a>');
        expect(body).toContain('tokeniser choked on &lt;b&gt;bold&lt;/b&gt;');
        expect(body).toContain('bad&lt;file&gt;.txt');
        expect(body).toContain('InputError: malformed JSON');
        expect(body).toContain('broken.json');
      } finally {
        await worker.close();
        await queue.close();
        workerConnection.disconnect();
      }
    });
  });

  describe('entity page', () => {
    it('lists the articles the entity registry names, and falls back to the records without one', async () => {
      const registry = {
        getEntity: async (entityId: string) => (entityId === 'loc:baghdad' ? { entityId, type: 'LOC', canonical: 'بغداد', variants: ['بغداد', 'وبغداد'] } : null),
        listArticles: async () => [record.id, '1111111111111111'],
        listEntities: async () => [],
      };
      const withRegistry = createDashboardApp({ connection, settings, logger: quietLogger, config: config({ outDir }), entities: registry });
      apps.push(withRegistry);
      const page = await (await withRegistry.app.request('/entities/loc%3Abaghdad')).text();
      expect(page).toContain('From the entity registry: 2 article(s) mention it, 1 of them in this output folder.');
      expect(page).toContain(`/records/${record.id}`);
      const fallback = await open({}).app.request('/entities/org%3Aimg');
      expect(await fallback.text()).toContain('(no entity registry)');
      expect((await withRegistry.app.request('/entities/per%3Anobody')).status).toBe(404);
    });
  });

  describe('entity page on the real Redis registry', () => {
    it('finds the ner stage\'s registry by default', async () => {
      const registry = new RedisEntityRegistry(connection, pipelineKeys.entityRegistry(settings.prefix));
      const mention = { text: 'مطار بغداد الدولي', start: 0, end: 17, type: 'LOC' as const, confidence: 0.9, words: phraseKey('مطار بغداد الدولي').split(' ') };
      const [airport] = await registry.resolveArticle(record.id, linkArticleMentions([mention], defaultLinkingLexicon()).entities);
      const body = await (await open({}).app.request(`/entities/${encodeURIComponent(airport ?? '')}`)).text();
      expect(body).toContain('From the entity registry: 1 article(s) mention it.');
      expect(body).toContain('مطار بغداد الدولي');
      expect(body).toContain(`/records/${record.id}`);
    });
  });

  describe('operations', () => {
    it('streams the overview as server-sent events: a JSON snapshot and the rendered fragment', async () => {
      const { app } = open({});
      const response = await app.request('/events');
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = response.body!.getReader();
      let text = '';
      while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
      const [eventLine, dataLine] = text.split('\n');
      expect(eventLine).toBe('event: overview');
      const message = JSON.parse((dataLine ?? '').replace(/^data: /, '')) as { snapshot: { stages: { name: string }[] }; html: string };
      expect(message.snapshot.stages.map((stage) => stage.name)).toEqual(allQueues());
      expect(message.html).toContain('data-stage="tokenise"');
      expect(message.html).not.toContain('<script>alert');
    });

    it('exports Prometheus metrics from its own registry', async () => {
      const { app } = open({});
      const response = await app.request('/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/plain/);
      const body = await response.text();
      expect(body).toMatch(/khabar_queue_jobs\{queue="tokenise",state="waiting"\} 0/);
      expect(body).toMatch(/khabar_ingest_articles\{outcome="written"\} 1/);
      expect(body).toContain('# TYPE khabar_stage_processing_seconds histogram');
      expect(body).toContain('# TYPE khabar_stage_jobs_completed_total counter');
      expect(body).not.toContain('process_cpu'); // not prom-client's global default metrics
    });

    it('reports Redis reachable and no workers seen (503) on /healthz without open access to the rest', async () => {
      const { app } = open({ host: '0.0.0.0', token: TOKEN });
      const response = await app.request('/healthz');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, redis: true, workers: { tokenise: 0, write: 0 } });
    });

    it('answers 503 within seconds (instead of hanging) when Redis does not answer', async () => {
      const nowhere = createRedis('redis://127.0.0.1:1', { lazyConnect: false });
      nowhere.on('error', () => {});
      const down = createDashboardApp({ connection: nowhere, settings, logger: quietLogger, config: config({ outDir }), queueNames: ['tokenise'] });
      try {
        const health = await down.app.request('/healthz');
        expect(health.status).toBe(503);
        expect(await health.json()).toMatchObject({ ok: false, redis: false });
        const overview = await down.app.request('/');
        expect(overview.status).toBe(503);
        expect(await overview.text()).toContain('Redis is not answering');
        // Pages that only read the output folder still work.
        expect((await down.app.request(`/records/${record.id}`)).status).toBe(200);
      } finally {
        await down.close().catch(() => {});
        nowhere.disconnect();
      }
    });

    it('says so instead of failing when there are no stories, and 404s an unknown record', async () => {
      const { app } = open({});
      const stories = await app.request('/stories');
      expect(stories.status).toBe(200);
      expect(await stories.text()).toContain('No stories yet');
      expect((await app.request('/records/0000000000000000')).status).toBe(404);
      expect((await app.request('/records/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    });
  });
});

/**
 * Two outlets' reports of one market fire disagree on the toll, 9 against 11 (test/fixtures/dashboard-conflict,
 * test/helpers/conflicts.ts). Numbers are compared only between articles one same-event link joins, so
 * the pipeline writes such a pair in one story; a cross-story pair is what a dashboard sees when one
 * record was written before its story was merged into the other's (the merge test below).
 */
describe('conflicts between outlets (real records of two reports of one event)', () => {
  const dashboards = conflictPairDashboards('dashboard-conflicts');
  const open = (outDir: string) => dashboards.open(outDir);
  let earlier: EnrichedRecord;
  let later: EnrichedRecord;
  beforeAll(() => {
    ({ earlier, later } = dashboards.pair());
  });

  const folder = (name: string, options = { quotes: true }) => outputFolder(name, [earlier, later], options);

  it('starts from what the write path leaves: the link on the later record only, the two in one story', () => {
    expect(later.dedup?.claimLinks.filter((link) => link.relation === 'conflicts')).toEqual([expect.objectContaining({ otherId: earlier.id })]);
    expect(earlier.dedup?.claimLinks.filter((link) => link.otherId === later.id)).toEqual([]);
    expect(later.dedup?.storyId).toBe(earlier.dedup?.storyId);
  });

  it('lists the conflict on /conflicts with both articles, both claims and both numbers, in the same story', async () => {
    const app = open(folder('conflicts-page'));
    const response = await app.request('/conflicts');
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('<a href="/conflicts">Conflicts</a>');
    expect(body).toContain(`href="/records/${earlier.id}"`);
    expect(body).toContain(`href="/records/${later.id}"`);
    expect(body).toContain('>مقتل 9 أشخاص في حريق سوق الشورجة وسط بغداد</bdi>');
    expect(body).toContain('>حريق سوق الشورجة في بغداد يودي بحياة 11 شخصا</bdi>');
    expect(body).toContain('>الرافدين</bdi>');
    expect(body).toContain('>دجلة نيوز</bdi>');
    expect(body).toContain('<b><bdi class="ar" lang="ar" dir="rtl">9 أشخاص</bdi></b>');
    expect(body).toContain('<b><bdi class="ar" lang="ar" dir="rtl">11 شخصا</bdi></b>');
    expect(body).toContain('وأسفر عن مقتل 9 أشخاص في حريق سوق الشورجة');
    expect(body).toContain('أعلنت مديرية الدفاع المدني العراقية مقتل 11 شخصا في حريق سوق الشورجة');
    expect(body).toContain('<span class="muted">same story</span>');
    expect(body).not.toContain('<span class="tag cross-story">cross-story</span>');
    expect(body).toContain('Looked through all 2 records in the output folder. 1 conflict.');
  });

  it('shows the conflict on both articles\' pages, also on the earlier one whose record does not hold the link', async () => {
    const app = open(folder('conflicts-records'));
    for (const [self, other] of [[earlier, later], [later, earlier]] as const) {
      const body = await (await app.request(`/records/${self.id}`)).text();
      const section = body.slice(body.indexOf('<h2>Conflicting reports</h2>'));
      expect(section, self.id).toContain(`href="/records/${other.id}"`);
      expect(section, self.id).toContain('9 أشخاص');
      expect(section, self.id).toContain('11 شخصا');
      expect(section, self.id).toContain('same story');
      expect(section, self.id).not.toContain('cross-story');
      // This article's own number comes first (its claim), the other's after the other's link.
      const [mine, theirs] = self === earlier ? ['9 أشخاص', '11 شخصا'] : ['11 شخصا', '9 أشخاص'];
      expect(section.indexOf(mine)).toBeLessThan(section.indexOf(`href="/records/${other.id}"`));
      expect(section.indexOf(`href="/records/${other.id}"`)).toBeLessThan(section.indexOf(theirs, section.indexOf(`href="/records/${other.id}"`)));
    }
    const earlierPage = await (await app.request(`/records/${earlier.id}`)).text();
    expect(earlierPage).toContain('<span class="tag">the other article</span>');
  });

  it('serves the same list as JSON on /api/conflicts', async () => {
    const app = open(folder('conflicts-api'));
    const response = await app.request('/api/conflicts?limit=10');
    expect(response.status).toBe(200);
    const json = (await response.json()) as { query: unknown; total: number; scanned: number; records: number; conflicts: Array<Record<string, unknown>> };
    expect(json).toMatchObject({ query: { limit: 10, scan: 5_000, scope: 'all' }, total: 1, scanned: 2, records: 2 });
    expect(json.conflicts).toEqual([
      {
        found: expect.objectContaining({ id: later.id, inOutput: true, title: 'حريق سوق الشورجة في بغداد يودي بحياة 11 شخصا', source: 'دجلة نيوز', storyId: later.dedup?.storyId, numbers: ['11 شخصا'], writtenAt: '2026-01-01T12:01:00.000Z' }),
        other: expect.objectContaining({ id: earlier.id, inOutput: true, title: 'مقتل 9 أشخاص في حريق سوق الشورجة وسط بغداد', source: 'الرافدين', storyId: earlier.dedup?.storyId, numbers: ['9 أشخاص'] }),
        counted: [countedKey('شخصا')],
        crossStory: false,
        similarity: 1,
      },
    ]);
    const crossOnly = (await (await app.request('/api/conflicts?scope=cross-story')).json()) as { total: number; conflicts: unknown[] };
    expect(crossOnly).toMatchObject({ total: 0, conflicts: [] });
    const crossPage = await (await app.request('/conflicts?scope=cross-story')).text();
    expect(crossPage).toContain('No conflicting numbers found across stories.');
  });

  it('answers 400 with the problem on a bad query, as JSON and as a page', async () => {
    const app = open(folder('conflicts-bad-query'));
    const cases: [string, RegExp][] = [
      ['limit=0', /^limit: /],
      ['limit=abc', /^limit: /],
      ['limit=2.5', /^limit: /],
      ['limit=100000', /^limit: /],
      ['scan=-1', /^scan: /],
      ['scope=everything', /^scope: /],
      ['limt=5', /unknown parameter\(s\) limt/],
    ];
    for (const [query, problem] of cases) {
      const response = await app.request(`/api/conflicts?${query}`);
      expect(response.status, query).toBe(400);
      const json = (await response.json()) as { error: string; problems: string[] };
      expect(json.error).toBe('invalid query');
      expect(json.problems.some((line) => problem.test(line)), `${query}: ${json.problems.join('; ')}`).toBe(true);
    }
    const page = await app.request('/conflicts?limit=%3Cscript%3E');
    expect(page.status).toBe(400);
    const body = await page.text();
    expect(body).toContain('<h1>Bad request</h1>');
    expect(body).not.toContain('<script>');
  });

  it('bounds the scan to the newest records and says so', async () => {
    const app = open(folder('conflicts-scan'));
    const body = await (await app.request('/conflicts?scan=1')).text();
    // The newest record is the one that holds the link: the conflict is still found.
    expect(body).toContain('Looked through the newest 1 of 2 records in the output folder. 1 conflict.');
    expect(body).toContain('9 أشخاص');
    const onEarlier = await (await app.request(`/records/${earlier.id}`)).text();
    expect(onEarlier).not.toContain('newest 1 of');
  });

  it('quotes the other side from its record when its quotes file is gone', async () => {
    const dir = folder('conflicts-no-quotes', { quotes: false });
    const body = await (await open(dir).request('/conflicts')).text();
    expect(body).toContain('9 أشخاص');
    expect(body).toContain('وأسفر عن مقتل 9 أشخاص في حريق سوق الشورجة');
  });

  it('flags a pair cross-story when the records name two stories, and counts it as one story once a story file says the earlier one was merged', async () => {
    // The earlier record as it reads when it was written before its story was merged into the later
    // article's (its record keeps the old story id; only the story file says where the story went).
    // The pipeline under the event gate writes this pair in one story, so the merged-away id is made here.
    const oldStoryId = 'f'.repeat(16);
    expect(oldStoryId).not.toBe(later.dedup?.storyId);
    const earlierBeforeMerge: EnrichedRecord = { ...earlier, dedup: earlier.dedup ? { ...earlier.dedup, storyId: oldStoryId } : earlier.dedup };
    const dir = outputFolder('conflicts-merged', [earlierBeforeMerge, later]);
    const app = open(dir);
    expect(await (await app.request('/conflicts')).text()).toContain('<span class="tag cross-story">cross-story</span>');
    expect(((await (await app.request('/api/conflicts?scope=cross-story')).json()) as { total: number }).total).toBe(1);
    mkdirSync(join(dir, 'stories'), { recursive: true });
    writeFileSync(join(dir, 'stories', `${oldStoryId}.json`), JSON.stringify({ storyId: oldStoryId, mergedInto: later.dedup?.storyId }));
    const body = await (await app.request('/conflicts')).text();
    expect(body).toContain('<span class="muted">same story</span>');
    expect(body).not.toContain('cross-story</span>');
    const json = (await (await app.request('/api/conflicts?scope=cross-story')).json()) as { total: number };
    expect(json.total).toBe(0);
    expect((await (await app.request('/api/conflicts')).json()) as { conflicts: { other: { storyId: string } }[] }).toMatchObject({ conflicts: [{ other: { storyId: later.dedup?.storyId } }] });
  });

  it('lists a disagreement once when both records hold it (an article processed again by an older khabar)', async () => {
    // An article processed again against the same dedup index now sees only the articles indexed
    // before it, as its first run did: a, run again, holds no link to b.
    const rerun = await analyseConflictFixture('a');
    expect(rerun.id).toBe(earlier.id);
    expect(rerun.dedup?.claimLinks.filter((link) => link.otherId === later.id)).toEqual([]);
    // Before that, a rerun found b in the index and both records held the link (a second `khabar run`
    // on the same Redis after deleting the output folder): such output folders are still read.
    const laterLink = later.dedup?.claimLinks.find((link) => link.relation === 'conflicts');
    if (!laterLink || !earlier.dedup) throw new Error('the fixture pair holds a conflict on the later record');
    const again: EnrichedRecord = {
      ...earlier,
      dedup: { ...earlier.dedup, claimLinks: [...earlier.dedup.claimLinks, { claim: laterLink.otherClaim, otherId: later.id, otherClaim: laterLink.claim, relation: 'conflicts', similarity: laterLink.similarity }] },
    };
    const app = open(outputFolder('conflicts-both-sides', [later, again]));
    const json = (await (await app.request('/api/conflicts')).json()) as { total: number; conflicts: { found: { id: string }; other: { id: string } }[] };
    expect(json.total).toBe(1);
    // Shown as its newest finding: the record written last.
    expect(json.conflicts).toMatchObject([{ found: { id: again.id }, other: { id: later.id } }]);
    for (const id of [again.id, later.id]) {
      const body = await (await app.request(`/records/${id}`)).text();
      expect(body.slice(body.indexOf('<h2>Conflicting reports</h2>')).split('</tr>').length - 1, id).toBe(2); // the header row and one conflict
    }
  });

  it('still lists the conflict, marked as such, when the earlier article is not in the output folder', async () => {
    const dir = folder('conflicts-missing-other');
    rmSync(recordPath(dir, earlier.id));
    rmSync(quotesPath(dir, earlier.id));
    const body = await (await open(dir).request('/conflicts')).text();
    expect(body).toContain('not in this output folder');
    expect(body).toContain(`claim ${(later.dedup?.claimLinks.find((link) => link.relation === 'conflicts')?.otherClaim ?? 0) + 1} (its quotes file and record are not in this output folder)`);
    expect(body).toContain('11 شخصا');
    // The other side's story is unknown without its record.
    expect(body).toContain("(an article's story is not known)");
  });
});
