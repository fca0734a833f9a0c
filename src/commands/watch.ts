import { z } from 'zod';
import { loadWatches } from '../alerts/alert-worker.js';
import { AlertSchema, WatchSchema, watchIdOf, type Watch } from '../alerts/watch.js';
import { AlertStore } from '../store/alert-store.js';
import { commandContext, onShutdownSignal, parseOption, releaseRedis, type CommandContext } from './context.js';

export interface WatchAddOptions {
  entity?: string;
  keyword?: string;
  speaker?: string;
  minCheckworthiness?: string;
  webhook?: string;
  label?: string;
}

/**
 * `khabar watch add (--entity ID | --keyword WORDS | --speaker ID) [--min-checkworthiness X] [--webhook URL] [--label TEXT]`:
 * every record written from now on that matches raises one alert (dashboard /alerts, `khabar alerts`, the webhook).
 */
export async function watchAddCommand(options: WatchAddOptions): Promise<void> {
  const given = (['entity', 'keyword', 'speaker'] as const).filter((kind) => options[kind] !== undefined);
  if (given.length !== 1) throw new Error('give exactly one of --entity ID, --keyword WORDS, --speaker ID');
  const kind = given[0] ?? 'keyword';
  const value = options[kind] ?? '';
  const min = options.minCheckworthiness === undefined ? null : parseOption('--min-checkworthiness', z.coerce.number().min(0).max(1), options.minCheckworthiness);
  const draft = { kind, value: value.trim(), minCheckworthiness: min, webhook: options.webhook ?? null };
  const watch: Watch = parseOption('watch', WatchSchema, { id: watchIdOf(draft), ...draft, label: options.label ?? null, createdAt: new Date().toISOString() });
  await withStore('watch-add', async (store, ctx) => {
    if (watch.webhook && !ctx.env.KHABAR_WEBHOOK_SECRET) throw new Error('a webhook needs KHABAR_WEBHOOK_SECRET (16+ characters): alerts are never sent unsigned');
    await store.putWatch(watch.id, watch);
    process.stdout.write(`${watch.id}  ${describe(watch)}\n`);
  });
}

export async function watchListCommand(options: { json?: boolean }): Promise<void> {
  await withStore('watch-list', async (store, ctx) => {
    const watches = await loadWatches(store, ctx.logger);
    if (options.json) return void process.stdout.write(`${JSON.stringify(watches, null, 2)}\n`);
    if (watches.length === 0) process.stdout.write('no watches: add one with `khabar watch add --entity ID | --keyword WORDS | --speaker ID`\n');
    for (const watch of watches) process.stdout.write(`${watch.id}  ${describe(watch)}\n`);
  });
}

export async function watchRemoveCommand(id: string): Promise<void> {
  await withStore('watch-remove', async (store) => {
    if (!(await store.removeWatch(id))) throw new Error(`no watch ${id}`);
    process.stdout.write(`removed ${id}\n`);
  });
}

/** `khabar alerts [--limit N] [--follow] [--json]`: the newest alerts; with --follow, each new one as it is raised. */
export async function alertsCommand(options: { limit: number; follow?: boolean; json?: boolean }): Promise<void> {
  const ctx = await commandContext({ mayStartRedis: options.follow ? false : 'from-data', name: 'alerts' });
  const connection = ctx.connect();
  const store = new AlertStore(connection, ctx.settings.prefix);
  const print = (raw: unknown) => {
    const alert = AlertSchema.safeParse(raw);
    if (!alert.success) return void process.stderr.write('khabar: an alert in Redis does not parse (skipped)\n');
    const a = alert.data;
    process.stdout.write(options.json ? `${JSON.stringify(a)}\n` : `${a.at}  ${a.watchLabel ?? `${a.watchKind} ${a.watchValue}`}  ${a.title ?? a.articleId}  (${a.source ?? '—'})  ${a.reason}\n`);
  };
  try {
    const latest = await store.latest(options.limit);
    for (const { alert } of [...latest].reverse()) print(alert);
    if (!options.follow) return;
    let last = latest[0]?.id ?? '$';
    let stopped = false;
    onShutdownSignal(ctx.logger, async () => { stopped = true; }, 5_000);
    while (!stopped) {
      for (const entry of await store.after(last, 2_000)) {
        last = entry.id;
        print(entry.alert);
      }
    }
  } finally {
    connection.disconnect();
    if (!options.follow) await releaseRedis(ctx);
  }
}

function describe(watch: Watch): string {
  const min = watch.minCheckworthiness !== null ? ` check-worthiness ≥ ${watch.minCheckworthiness}` : '';
  return `${watch.kind} ${watch.value}${min}${watch.webhook ? ` → ${watch.webhook}` : ''}${watch.label ? `  (${watch.label})` : ''}`;
}

async function withStore(name: string, body: (store: AlertStore, ctx: CommandContext) => Promise<void>): Promise<void> {
  const ctx = await commandContext({ mayStartRedis: true, name });
  const connection = ctx.connect();
  try {
    await body(new AlertStore(connection, ctx.settings.prefix), ctx);
  } finally {
    connection.disconnect();
    await releaseRedis(ctx);
  }
}
