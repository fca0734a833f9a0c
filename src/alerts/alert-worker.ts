import { createHmac } from 'node:crypto';
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { QueueSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { baseWorkerOptions, closeWithin } from '../pipeline/worker-common.js';
import { AlertStore } from '../store/alert-store.js';
import { matchWatch } from './match.js';
import { ALERTS_QUEUE } from './queue-match.js';
import { AlertSchema, AlertViewSchema, WatchSchema, type Alert, type Watch } from './watch.js';

/** Webhook deliveries: one job per alert with a webhook, retried with backoff until the receiver takes it. */
export const WEBHOOKS_QUEUE = 'webhooks';

const DeliveryJobSchema = z.strictObject({ url: z.string().url(), alert: AlertSchema });
const WEEK_SECONDS = 7 * 86_400;

/** The registered watches, parsed; one that does not parse is logged, not silently skipped. */
export async function loadWatches(store: AlertStore, logger?: Logger): Promise<Watch[]> {
  const watches: Watch[] = [];
  for (const [id, raw] of await store.watches()) {
    const parsed = WatchSchema.safeParse(raw);
    if (parsed.success) watches.push(parsed.data);
    else logger?.error({ watchId: id, err: parsed.error.message }, 'a watch does not parse: not matched (remove it and add it again)');
  }
  return watches;
}

/**
 * The signature a receiver checks: HMAC-SHA256 of `<timestamp>.<body>` with the shared secret, hex,
 * sent as `X-Khabar-Signature: sha256=<hex>` beside `X-Khabar-Timestamp` (the timestamp is signed so
 * a captured request cannot be replayed later under a new one).
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface AlertWorkersOptions {
  /** A connection of its own: closed when the workers stop. */
  connection: Redis;
  settings: QueueSettings;
  logger: Logger;
  /** KHABAR_WEBHOOK_SECRET; without it, webhook deliveries fail with that reason (never sent unsigned). */
  webhookSecret: string | null;
  /** First retry delay of a webhook delivery (doubles each time). */
  webhookBackoffMs?: number;
  webhookAttempts?: number;
}

export interface RunningAlertWorkers {
  /** Stops within about `timeoutMs` (default 5 s): a match or delivery cut short is retried, and raising an alert is idempotent. */
  close(timeoutMs?: number): Promise<void>;
}

async function deliver(job: Job, secret: string | null): Promise<{ status: number }> {
  const { url, alert } = DeliveryJobSchema.parse(job.data);
  if (!secret) throw new Error('KHABAR_WEBHOOK_SECRET is not set: webhooks are never sent unsigned');
  const body = JSON.stringify(alert);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-khabar-alert-id': alert.alertId, 'x-khabar-timestamp': timestamp, 'x-khabar-signature': signWebhook(secret, timestamp, body), 'x-khabar-attempt': String(job.attemptsMade + 1) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`webhook ${new URL(url).host} answered ${response.status}`);
  return { status: response.status };
}

/**
 * The alerts worker (match each written record against the watches; raise each alert once per
 * article and watch; queue its webhook) and the webhook worker (POST, signed, retried with backoff).
 */
export function startAlertWorkers(options: AlertWorkersOptions): RunningAlertWorkers {
  const { connection, settings, logger } = options;
  const store = new AlertStore(connection, settings.prefix);
  const webhooks = new Queue(WEBHOOKS_QUEUE, { connection, prefix: settings.prefix });
  let cached: { at: number; watches: Watch[] } | null = null;
  const watches = async () => {
    if (!cached || Date.now() - cached.at > 2_000) cached = { at: Date.now(), watches: await loadWatches(store, logger) };
    return cached.watches;
  };

  const matcher = new Worker(
    ALERTS_QUEUE,
    async (job) => {
      const view = AlertViewSchema.parse(job.data);
      let raised = 0;
      for (const watch of await watches()) {
        const match = matchWatch(view, watch);
        if (!match) continue;
        const alert: Alert = { alertId: `${watch.id}:${view.articleId}`, watchId: watch.id, watchKind: watch.kind, watchValue: watch.value, watchLabel: watch.label, articleId: view.articleId, title: view.title, source: view.source, url: view.url, publishedAt: view.publishedAt, ...match, at: new Date().toISOString() };
        if (await store.raiseOnce(watch.id, view.articleId, alert)) raised++;
        if (watch.webhook && !(await store.webhookQueued(watch.id, view.articleId))) {
          await webhooks.add('deliver', { url: watch.webhook, alert }, { jobId: `webhook-${watch.id}-${view.articleId}`, attempts: options.webhookAttempts ?? 10, backoff: { type: 'exponential', delay: options.webhookBackoffMs ?? 2_000 }, removeOnComplete: { age: WEEK_SECONDS }, removeOnFail: { age: 4 * WEEK_SECONDS } });
          await store.markWebhookQueued(watch.id, view.articleId);
        }
      }
      return { raised };
    },
    baseWorkerOptions(connection, settings, 2),
  );
  const sender = new Worker(WEBHOOKS_QUEUE, (job) => deliver(job, options.webhookSecret), baseWorkerOptions(connection, settings, 4));
  for (const worker of [matcher, sender]) worker.on('error', (error) => logger.warn({ stage: 'alerts', err: error.message }, 'alerts worker connection error'));
  sender.on('failed', (job, error) => {
    const final = job && job.attemptsMade >= (job.opts.attempts ?? 1);
    logger[final ? 'error' : 'warn']({ stage: 'alerts', alertId: (job?.data as { alert?: { alertId?: string } } | undefined)?.alert?.alertId, attempt: job?.attemptsMade, err: error.message }, final ? 'webhook delivery failed for good' : 'webhook delivery failed: retrying with backoff');
  });
  return {
    close: async (timeoutMs = 5_000) => {
      const within = Math.min(timeoutMs, settings.shutdownTimeoutMs);
      await Promise.all([closeWithin(matcher, within), closeWithin(sender, within)]);
      await webhooks.close();
      connection.disconnect();
    },
  };
}
