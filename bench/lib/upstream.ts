import { Worker } from 'node:worker_threads';
import type { RecordInProgress, StageName } from '../../src/schema/record.js';
import type { CorpusName } from '../corpus/index.js';

type Message = { ready: true; names: string[]; skipped: string[] } | { records: RecordInProgress[] } | { done: true } | { error: string };

/**
 * The article stream (SaudiNewsNet first when chosen, then generated) with the stages before dedup already run, produced by a worker
 * thread (the second core) one batch ahead of the consumer.
 */
export async function upstreamStream(count: number, stages: StageName[], corpus: CorpusName, batch = 50): Promise<{ names: string[]; skipped: string[]; records: AsyncGenerator<RecordInProgress>; close: () => Promise<void> }> {
  // Under tsx this file is .ts and a worker thread does not inherit tsx's loader: the worker
  // registers it first (tsx/esm/api), then imports its entry. Built, the sibling is plain .js.
  const typescript = import.meta.url.endsWith('.ts');
  const entry = new URL(`./upstream-worker.${typescript ? 'ts' : 'js'}`, import.meta.url);
  const worker = typescript
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true, workerData: { count, stages, corpus } })
    : new Worker(entry, { workerData: { count, stages, corpus } });
  const inbox: Message[] = [];
  let wake: (() => void) | null = null;
  worker.on('message', (message: Message) => {
    inbox.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    inbox.push({ error: error.message });
    wake?.();
  });
  const receive = async (): Promise<Message> => {
    while (inbox.length === 0) await new Promise<void>((resolve) => { wake = resolve; });
    wake = null;
    return inbox.shift() as Message;
  };
  const first = await receive();
  if ('error' in first) throw new Error(`upstream worker: ${first.error}`);
  if (!('ready' in first)) throw new Error('upstream worker: unexpected first message');
  async function* records(): AsyncGenerator<RecordInProgress> {
    worker.postMessage({ batch });
    for (;;) {
      const message = await receive();
      if ('error' in message) throw new Error(`upstream worker: ${message.error}`);
      if ('done' in message) return;
      if (!('records' in message)) continue;
      worker.postMessage({ batch }); // the next batch is made while these are consumed
      yield* message.records;
    }
  }
  return { names: first.names, skipped: first.skipped, records: records(), close: async () => { await worker.terminate(); } };
}
