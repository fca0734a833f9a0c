// Watchlists and alerts (issue 23, item 2) on real Redis and a real webhook receiver on loopback that
// refuses each alert's first two deliveries: a watch on an entity and one on a keyword over the seeds
// and 1,000 generated articles raise exactly one alert per matching article and watch, even when
// every record is queued for matching twice (a writer retried), and each alert reaches the webhook
// once, signed, on its third try.
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { loadWatches, startAlertWorkers, signWebhook, type RunningAlertWorkers } from '../../src/alerts/alert-worker.js';
import { alertViewOf, matchWatch } from '../../src/alerts/match.js';
import { ALERTS_QUEUE, queueAlertMatch } from '../../src/alerts/queue-match.js';
import { AlertSchema, WatchSchema, watchIdOf, type Alert } from '../../src/alerts/watch.js';
import { createRedis } from '../../src/pipeline/redis.js';
import type { EnrichedRecord } from '../../src/schema/record.js';
import { AlertStore } from '../../src/store/alert-store.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, testSettings } from '../helpers/pipeline.js';
import { waitFor } from '../helpers/wait.js';

const SECRET = 'a-test-secret-of-32-characters!!';
const PEOPLE = ['مصطفى الكاظمي', 'فؤاد حسين', 'محمد شياع السوداني', 'إسماعيل قاآني', 'أنتوني بلينكن'];
const PLACES = ['بغداد', 'أربيل', 'البصرة', 'الموصل', 'كركوك'];
/** Sentences with and without the keyword («الانتخابات», also with clitics: «وللانتخابات», «بالانتخابات»). */
const TOPICS = ['إن الحكومة ماضية في التحضير للانتخابات المبكرة', 'إن الاتفاق النفطي سيوقع الأسبوع المقبل', 'إن اللجنة بحثت ملف الانتخابات البرلمانية', 'إن الأمن مستتب في المحافظة', 'إن المفوضية أعلنت موعد الانتخابات'];

function generated(n: number): { text: string; title: string } {
  const person = PEOPLE[n % PEOPLE.length] ?? '';
  const place = PLACES[Math.floor(n / 5) % PLACES.length] ?? '';
  const topic = TOPICS[Math.floor(n / 25) % TOPICS.length] ?? '';
  return {
    title: `${place}: تصريحات جديدة (${n})`,
    text: `${place} - قال ${person} يوم الاثنين ${topic}، مشيرا إلى أن الاجتماع رقم ${n} عقد بحضور ممثلين عن الكتل السياسية.\n\nوأضاف أن المرحلة المقبلة تتطلب تعاون الجميع.`,
  };
}

describe('watchlists and alerts (real Redis, a webhook that fails twice)', () => {
  const settings = testSettings('alerts');
  const connection = createRedis(testRedisUrl());
  const store = new AlertStore(connection, settings.prefix);
  const deliveries: { alertId: string; attempt: number; ok: boolean; signatureValid: boolean }[] = [];
  const tries = new Map<string, number>();
  let server: Server;
  let webhook = '';
  let workers: RunningAlertWorkers;
  const records: EnrichedRecord[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const alertId = String(request.headers['x-khabar-alert-id']);
        const expected = signWebhook(SECRET, String(request.headers['x-khabar-timestamp']), body);
        const n = (tries.get(alertId) ?? 0) + 1;
        tries.set(alertId, n);
        const ok = n > 2;
        deliveries.push({ alertId, attempt: n, ok, signatureValid: request.headers['x-khabar-signature'] === expected && AlertSchema.safeParse(JSON.parse(body)).success });
        response.writeHead(ok ? 204 : 503).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    webhook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    for (const name of readdirSync('seeds').filter((file) => file.endsWith('.txt')).sort()) records.push(await analyse(readFileSync(join('seeds', name), 'utf8'), { file: name }));
    for (let n = 0; n < 1000; n++) {
      const { text, title } = generated(n);
      records.push(await analyse(text, { title, source: ['العرب', 'الشرق', 'رويترز'][n % 3] ?? 'العرب', publishedAt: new Date(Date.UTC(2026, 11, 1) + n * 60_000).toISOString() }));
    }
  }, 600_000);

  afterAll(async () => {
    await workers?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    connection.disconnect();
  });

  it('matches an entity by id, a keyword on normalised forms with clitics split, and a speaker', () => {
    const kadhimi = records[0]?.entities?.find((entity) => entity.canonical === 'مصطفى الكاظمي');
    expect(kadhimi).toBeDefined();
    const watch = (kind: 'entity' | 'keyword' | 'speaker', value: string, min: number | null = null) => WatchSchema.parse({ id: watchIdOf({ kind, value, minCheckworthiness: min, webhook: null }), kind, value, minCheckworthiness: min, webhook: null, label: null, createdAt: '2026-12-07T00:00:00Z' });
    const view = alertViewOf(records[0] as EnrichedRecord);
    expect(matchWatch(view, watch('entity', kadhimi?.entityId ?? ''))?.reason).toMatch(/^entity مصطفى الكاظمي: \d+ mention/);
    // «للانتخابات» (li + al + intikhabat) and «الانتخابات» are found by «انتخابات»; «إنتخابات» with another alef too.
    const ballot = alertViewOf(records[5] as EnrichedRecord);
    expect(matchWatch(ballot, watch('keyword', 'إنتخابات'))).not.toBeNull();
    expect(matchWatch(alertViewOf(records[5 + 25] as EnrichedRecord), watch('keyword', 'انتخابات'))).toBeNull();
    expect(matchWatch(ballot, watch('keyword', 'الانتخابات المبكرة'))).not.toBeNull();
    expect(matchWatch(ballot, watch('keyword', 'الانتخابات البرلمانية'))).toBeNull();
    const speaker = (records[5] as EnrichedRecord).claims?.find((claim) => claim.speaker?.entityId)?.speaker?.entityId;
    expect(speaker).toBeDefined();
    expect(matchWatch(ballot, watch('speaker', speaker ?? ''))?.reason).toMatch(/claim\(s\) by/);
    expect(matchWatch(ballot, watch('speaker', speaker ?? '', 1))).toBeNull(); // no claim is perfectly check-worthy
  });

  it('raises one alert per matching article and watch, over the seeds and 1,000 generated articles, each delivered once on its third try', async () => {
    const kadhimi = records[0]?.entities?.find((entity) => entity.canonical === 'مصطفى الكاظمي')?.entityId ?? '';
    const watches = [
      { kind: 'entity' as const, value: kadhimi, minCheckworthiness: null, webhook },
      { kind: 'keyword' as const, value: 'الانتخابات', minCheckworthiness: null, webhook },
    ].map((draft) => WatchSchema.parse({ ...draft, id: watchIdOf(draft), label: null, createdAt: new Date().toISOString() }));
    for (const watch of watches) await store.putWatch(watch.id, watch);
    expect(await loadWatches(store)).toHaveLength(2);

    // The truth, read off the records by other means: the entity's id among their entities; the
    // word «انتخابات» in their text, with whatever clitics.
    const entityTruth = new Set(records.filter((record) => record.entities?.some((entity) => entity.entityId === kadhimi)).map((record) => record.id));
    const keywordTruth = new Set(records.filter((record) => /(^|[^\p{L}])[وفبلك]*(ال|لل)?انتخابات/u.test(`${record.title ?? ''} ${record.text}`)).map((record) => record.id));
    expect(entityTruth.size).toBeGreaterThan(200);
    expect(keywordTruth.size).toBeGreaterThan(300);

    workers = startAlertWorkers({ connection: createRedis(testRedisUrl()), settings, logger: quietLogger, webhookSecret: SECRET, webhookBackoffMs: 20 });
    const queue = new Queue(ALERTS_QUEUE, { connection, prefix: settings.prefix });
    // Every record queued twice, as a writer killed after queueing and retried would.
    for (const record of records) await queueAlertMatch(queue, record);
    for (const record of records) await queueAlertMatch(queue, record);
    await queue.close();

    const expected = entityTruth.size + keywordTruth.size;
    await waitFor(`${expected} alerts`, async () => (await store.count()) >= expected, 300_000);
    await waitFor('every webhook delivered', () => new Set(deliveries.filter((d) => d.ok).map((d) => d.alertId)).size >= expected, 300_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // anything doubled would show by now

    const alerts = (await store.latest(10_000)).map(({ alert }) => AlertSchema.parse(alert) as Alert);
    expect(alerts).toHaveLength(expected);
    const ids = alerts.map((alert) => alert.alertId);
    expect(new Set(ids).size).toBe(ids.length);
    const [entityWatch, keywordWatch] = watches;
    expect(new Set(alerts.filter((alert) => alert.watchId === entityWatch?.id).map((alert) => alert.articleId))).toEqual(entityTruth);
    expect(new Set(alerts.filter((alert) => alert.watchId === keywordWatch?.id).map((alert) => alert.articleId))).toEqual(keywordTruth);

    const succeeded = deliveries.filter((delivery) => delivery.ok);
    expect(succeeded).toHaveLength(expected); // once each
    expect(new Set(succeeded.map((delivery) => delivery.alertId))).toEqual(new Set(ids));
    expect(succeeded.every((delivery) => delivery.attempt === 3)).toBe(true);
    expect(deliveries.every((delivery) => delivery.signatureValid)).toBe(true);
    expect(deliveries).toHaveLength(3 * expected);
  }, 900_000);

  it('signs with HMAC-SHA256 over the timestamp and the body', () => {
    const body = '{"a":1}';
    expect(signWebhook(SECRET, '1700000000', body)).toBe(`sha256=${createHmac('sha256', SECRET).update(`1700000000.${body}`).digest('hex')}`);
  });
});
