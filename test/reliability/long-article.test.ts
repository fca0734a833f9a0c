import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { analyseText } from '../../src/nlp/text/index.js';
import { readArticleText } from '../../src/pipeline/article-text.js';
import { startInProcessWorkers, type InProcessWorkers } from '../../src/pipeline/in-process.js';
import { articleJobId, openQueue } from '../../src/pipeline/queues.js';
import { createRedis } from '../../src/pipeline/redis.js';
import type { QueueSettings } from '../../src/config.js';
import { FailureRecordSchema, EnrichedRecordSchema } from '../../src/schema/record.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';

const seeds = ['000_4b730099a6eb1bd4.txt', '001_fd7158c5eb4e29a6.txt', '002_41286b5b96cfbe56.txt', '003_babe8bcfe08ac5d2.txt'].map((name) => readFileSync(join('seeds', name), 'utf8'));
const MB = 1024 * 1024;

/** A pipeline (in-process workers on real Redis) and an ingest with the given settings. */
function pipeline(name: string, settings: QueueSettings) {
  const out = tempDir(`${name}-out`);
  const inbox = tempDir(`${name}-in`);
  const connection = createRedis(testRedisUrl());
  let workers: InProcessWorkers;
  let ingestor: Ingestor;
  return {
    out,
    inbox,
    connection,
    async start() {
      workers = await startInProcessWorkers({ redisUrl: testRedisUrl(), settings, logger: quietLogger, outDir: out });
      ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * MB, highWater: 1000, pollMs: 100 });
    },
    ingest(file: string) {
      return ingestor.ingestFile(file, null);
    },
    async stop() {
      await ingestor.close();
      await workers.close();
      connection.disconnect();
    },
  };
}

describe('an article beyond the per-article limits', () => {
  const settings = testSettings('long-article');
  const run = pipeline('long-article', settings);
  beforeAll(() => run.start());
  afterAll(() => run.stop());

  it('ends a 4.8 MB article as a failure record at the ingest while the articles beside it are written', async () => {
    // One article of 4.8 MB (under the 5 MiB file limit): the seeds repeated.
    let text = '';
    while (Buffer.byteLength(text) < 4.8 * MB) text += `${seeds.join('\n\n')}\n\n`;
    expect(Buffer.byteLength(text)).toBeLessThan(5 * MB);
    const big = join(run.inbox, 'big.txt');
    writeFileSync(big, text);
    const small = seeds.map((seed, n) => {
      const path = join(run.inbox, `small-${n}.txt`);
      writeFileSync(path, seed);
      return path;
    });
    const [bigSummary, ...smallSummaries] = await Promise.all([run.ingest(big), ...small.map((path) => run.ingest(path))]);
    expect(smallSummaries.map((summary) => summary.ok)).toEqual([1, 1, 1, 1]);
    for (const summary of smallSummaries) {
      const record = EnrichedRecordSchema.parse(JSON.parse(readFileSync(join(run.out, 'articles', `${summary.recordIds[0] ?? ''}.json`), 'utf8')));
      expect(seeds).toContain(record.text);
      // The text's one copy in Redis goes once the record is written.
      expect(await readArticleText(run.connection, settings.prefix, record.id)).toBeNull();
    }

    expect(bigSummary.failed).toBe(1);
    const [failedFile, ...others] = readdirSync(join(run.out, 'failed'));
    expect(others).toEqual([]);
    const id = (failedFile ?? '').replace(/\.json$/, '');
    expect(existsSync(join(run.out, 'articles', `${id}.json`))).toBe(false);
    const failure = FailureRecordSchema.parse(JSON.parse(readFileSync(join(run.out, 'failed', `${id}.json`), 'utf8')));
    expect(failure.stage).toBe('ingest');
    expect(failure.error.message).toContain(`the article has ${text.length} characters, over the limit of 200000 (KHABAR_MAX_ARTICLE_CHARS)`);
    // It never entered the chain: no job and no text of it in Redis.
    const first = openQueue('tokenise', run.connection, settings);
    expect(await first.getJob(articleJobId(id))).toBeUndefined();
    await first.close();
    expect(await readArticleText(run.connection, settings.prefix, id)).toBeNull();
  });
});

describe('an article beyond the token limit', () => {
  const maxTokens = 300;
  const settings = testSettings('many-tokens', { articleLimits: { maxChars: 200_000, maxTokens } });
  const run = pipeline('many-tokens', settings);
  beforeAll(() => run.start());
  afterAll(() => run.stop());

  it('fails at the tokenise stage with the count and the limit, at once, while a short article is written', async () => {
    const long = seeds[1] ?? '';
    const tokens = analyseText(long).tokens.length;
    expect(tokens).toBeGreaterThan(maxTokens);
    const short = 'قال وزير التربية إن الحكومة ستفتتح مئة مدرسة جديدة في المحافظات الجنوبية خلال العام المقبل.';
    expect(analyseText(short).tokens.length).toBeLessThan(maxTokens);
    writeFileSync(join(run.inbox, 'long.txt'), long);
    writeFileSync(join(run.inbox, 'short.txt'), short);
    const [longSummary, shortSummary] = await Promise.all([run.ingest(join(run.inbox, 'long.txt')), run.ingest(join(run.inbox, 'short.txt'))]);
    expect(shortSummary.ok).toBe(1);
    expect(longSummary.failed).toBe(1);
    const [failedFile, ...others] = readdirSync(join(run.out, 'failed'));
    expect(others).toEqual([]);
    const failure = FailureRecordSchema.parse(JSON.parse(readFileSync(join(run.out, 'failed', failedFile ?? ''), 'utf8')));
    expect(failure.stage).toBe('tokenise');
    expect(failure.error.message).toBe(`the article has ${tokens} tokens, over the limit of ${maxTokens} (KHABAR_MAX_ARTICLE_TOKENS)`);
    // No retry changes an article's length: it failed on its first attempt.
    expect(failure.attempts).toBe(1);
    expect(await readArticleText(run.connection, settings.prefix, failure.id)).toBeNull();
  });
});
