/**
 * Worker thread of the dedup index-size benchmark: generates the article stream and runs the
 * stages before dedup on it (untimed work), so the main thread spends its core on dedup alone.
 * Pull-based: the parent asks for a batch, gets `{ records }`, and `{ done: true }` at the end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { StageName } from '../../src/schema/record.js';
import { generateArticles, readSaudiNewsNet, toRecord, type BenchArticle, type CorpusName } from '../corpus/index.js';
import { splitSeed, type SeedDocument } from '../corpus/seeds.js';
import { benchStage, initStages } from './chain.js';

interface UpstreamWorkerData {
  count: number;
  stages: StageName[];
  corpus: CorpusName;
}

/** Every how many real articles one becomes raw material for the generated continuation. */
const SOURCE_EVERY = 5;

/**
 * SaudiNewsNet first when chosen (the real thing, ~29,800 articles), then generated articles. The
 * continuation is made from SaudiNewsNet articles (one in five, as the generator's source documents)
 * rather than from the five seeds: generated stories then have the length and variety of real news,
 * where seed-made ones are all ~800-token rewrites of one event (unlike a real 100,000-article index).
 */
function* articleStream(corpus: CorpusName, count: number): Generator<BenchArticle> {
  let yielded = 0;
  const sources: SeedDocument[] = [];
  if (corpus === 'saudinewsnet') {
    for (const article of readSaudiNewsNet({ limit: count })) {
      if (yielded % SOURCE_EVERY === 0) {
        const document = splitSeed(article.id, `${article.title}\n\n${article.text}`);
        if (document.paragraphs.length > 0) sources.push(document);
      }
      yield article;
      yielded++;
    }
  }
  if (yielded < count) yield* generateArticles(count - yielded, {}, sources.length > 0 ? sources : undefined);
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('upstream-worker runs as a worker thread');
  const { count, stages, corpus } = workerData as UpstreamWorkerData;
  const definitions = [];
  for (const name of stages) {
    const found = await benchStage(name);
    if (found) definitions.push(found.definition);
  }
  const { processors, names, skipped } = await initStages(definitions);
  port.postMessage({ ready: true, names, skipped });
  const stream = articleStream(corpus, count);
  port.on('message', (message: { batch: number }) => {
    void (async () => {
      const records = [];
      for (let i = 0; i < message.batch; i++) {
        const next = stream.next();
        if (next.done) break;
        let record = toRecord(next.value);
        for (const process_ of processors) record = await process_(record);
        records.push(record);
      }
      port.postMessage(records.length > 0 ? { records } : { done: true });
    })();
  });
}

main().catch((error: unknown) => {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
});
