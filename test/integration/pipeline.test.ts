import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import iconv from 'iconv-lite';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrichedRecordSchema, FailureRecordSchema } from '../../src/schema/record.js';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { summaryLine } from '../../src/ingest/summary-line.js';
import { watchInbox, type InboxWatcher } from '../../src/ingest/watcher.js';
import { startInProcessWorkers, type InProcessWorkers } from '../../src/pipeline/in-process.js';
import { firstQueue } from '../../src/pipeline/stage-chain.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { testRedisUrl } from '../helpers/redis.js';
import { recordQuotes } from '../../src/pipeline/story-files/index.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';

const SEEDS = readdirSync('seeds').filter((name) => name.endsWith('.txt')).map((name) => resolve('seeds', name));

async function waitFor<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('pipeline through real Redis and real workers', () => {
  const settings = testSettings('pipeline');
  const outDir = tempDir('out');
  const connection = createRedis(testRedisUrl());
  let workers: InProcessWorkers;
  let ingestor: Ingestor;

  beforeAll(async () => {
    workers = await startInProcessWorkers({ redisUrl: testRedisUrl(), settings, logger: quietLogger, outDir });
    ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 1000, pollMs: 100 });
  });

  afterAll(async () => {
    await ingestor.close();
    await workers.close();
    connection.disconnect();
  });

  it('turns the five seeds into five valid records with offsets into the original text', async () => {
    const summaries = await Promise.all(SEEDS.map((seed) => ingestor.ingestFile(seed, null)));
    expect(summaries.map((s) => s.ok)).toEqual([1, 1, 1, 1, 1]);
    const files = readdirSync(join(outDir, 'articles')).filter((name) => name.endsWith('.json'));
    expect(files).toHaveLength(5);
    for (const file of files) {
      const record = EnrichedRecordSchema.parse(JSON.parse(readFileSync(join(outDir, 'articles', file), 'utf8')));
      const original = readFileSync(SEEDS.find((seed) => seed.endsWith(record.source.file ?? '?')) ?? '', 'utf8');
      expect(record.text).toBe(original);
      expect(record.tokens.length).toBeGreaterThan(100);
      for (const token of record.tokens) expect(record.text.slice(token.start, token.end)).toBe(token.text);
      expect(Object.keys(record.pipeline.stages)).toContain('tokenise');
      expect(file).toBe(`${record.id}.json`);
      // Beside it, the few KB of its claims that story files quote (read by flushes instead of the record).
      expect(JSON.parse(readFileSync(join(outDir, '.quotes', file), 'utf8'))).toEqual(recordQuotes(record));
      expect(record.claims?.length).toBeGreaterThan(0);
    }
    // Seeds given as paths are read once and never moved.
    for (const seed of SEEDS) expect(existsSync(seed)).toBe(true);
  });

  it('processes the same file twice into one record', async () => {
    const before = readdirSync(join(outDir, 'articles')).length;
    const seed = SEEDS[0] ?? '';
    const [first, second] = await Promise.all([ingestor.ingestFile(seed, null), ingestor.ingestFile(seed, null)]);
    const third = await ingestor.ingestFile(seed, null);
    expect((first?.ok ?? 0) + (second?.ok ?? 0)).toBeLessThanOrEqual(1);
    expect(third.ok).toBe(1);
    expect(readdirSync(join(outDir, 'articles')).length).toBe(before);
  });

  it('says which records an earlier run wrote, and writes again those missing from the output folder when asked', async () => {
    // Every seed went through in the first test: a second ingest finds them finished before.
    const again = await Promise.all(SEEDS.map((seed) => ingestor.ingestFile(seed, null)));
    expect(again.map((s) => [s.ok, s.earlier])).toEqual(SEEDS.map(() => [1, 1]));
    expect(summaryLine(again, 'out')).toBe('khabar: 5 record(s) in out/articles (0 written now, 5 already processed by an earlier run and left as they were), 0 failure(s)');

    // Two records deleted (as when a user deletes output/): `run`'s rule processes exactly those again.
    const articles = join(outDir, 'articles');
    const removed = readdirSync(articles).filter((name) => name.endsWith('.json')).sort().slice(0, 2);
    const before = new Map(readdirSync(articles).map((name) => [name, readFileSync(join(articles, name), 'utf8')]));
    for (const name of removed) rmSync(join(articles, name));
    const redoing = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 1000, pollMs: 100, redoWhen: (id) => !existsSync(join(articles, `${id}.json`)) });
    try {
      const redone = await Promise.all(SEEDS.map((seed) => redoing.ingestFile(seed, null)));
      expect(redone.reduce((sum, s) => sum + s.ok, 0)).toBe(5);
      expect(redone.reduce((sum, s) => sum + s.earlier, 0)).toBe(3);
      expect(summaryLine(redone, 'out')).toMatch(/^khabar: 5 record\(s\) in out\/articles \(2 written now, 3 already processed/);
    } finally {
      await redoing.close();
    }
    for (const name of removed) {
      const record = EnrichedRecordSchema.parse(JSON.parse(readFileSync(join(articles, name), 'utf8')));
      expect(`${record.id}.json`).toBe(name);
      // The same text through the same pipeline: the same record, apart from when it was made and
      // its links to other articles. A record holds the links found when it was processed
      // (src/nlp/dedup/README.md): an article that the first run processed after this one (the
      // order of five concurrent jobs) is in the index now, so the redone record may find links the
      // first one could not, but never loses one, and stays in the same story.
      const old = EnrichedRecordSchema.parse(JSON.parse(before.get(name) ?? '{}'));
      const withoutLinks = (r: typeof record) => ({
        ...r,
        pipeline: null,
        source: { ...r.source, ingestedAt: null },
        dedup: r.dedup ? { ...r.dedup, storyReason: null, nearDuplicates: null, reusedPassages: null, claimLinks: null } : null,
      });
      expect(withoutLinks(record)).toEqual(withoutLinks(old));
      expect(record.dedup?.claimLinks).toEqual(expect.arrayContaining(old.dedup?.claimLinks ?? []));
      expect(record.dedup?.reusedPassages).toEqual(expect.arrayContaining(old.dedup?.reusedPassages ?? []));
      expect(record.dedup?.nearDuplicates).toEqual(expect.arrayContaining(old.dedup?.nearDuplicates ?? []));
    }
  });

  it('ends a job with invalid data as a failure record instead of dropping it', async () => {
    const queue = new Queue(firstQueue(), { connection, prefix: settings.prefix });
    await queue.add('article', { kind: 'record', record: { id: 'feedfacefeedface', text: 42 } }, { jobId: 'article-feedfacefeedface', attempts: 2 });
    await queue.close();
    const path = join(outDir, 'failed', 'feedfacefeedface.json');
    await waitFor('the failure record', () => existsSync(path));
    const failure = FailureRecordSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(failure.stage).toBe(firstQueue());
    expect(failure.error.message).toMatch(/invalid job data/);
  });

  describe('the watched inbox', () => {
    const inbox = tempDir('inbox');
    let watcher: InboxWatcher;

    beforeAll(async () => {
      watcher = await watchInbox(inbox, ingestor, quietLogger);
      await watcher.ready;
    });
    afterAll(async () => watcher.close());

    it('fails malformed JSON, empty and binary files with a reason, and reads windows-1256', async () => {
      writeFileSync(join(inbox, 'broken.json'), '{"text": "بغداد - سقط صاروخ",');
      writeFileSync(join(inbox, 'empty.txt'), '');
      writeFileSync(join(inbox, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
      const legacyText = 'بغداد - قال مسؤول عراقي إن صاروخين سقطا قرب مطار بغداد الدولي مساء الثلاثاء.\n\nوأضاف أن الهجوم لم يسفر عن إصابات.';
      writeFileSync(join(inbox, 'legacy-1256.txt'), iconv.encode(legacyText, 'windows-1256'));

      const failedDir = join(inbox, '.failed');
      const doneDir = join(inbox, '.done');
      await waitFor('three failed files', () => existsSync(failedDir) && readdirSync(failedDir).filter((n) => !n.endsWith('.error.json')).length === 3);
      await waitFor('the windows-1256 file to finish', () => existsSync(join(doneDir, 'legacy-1256.txt')));
      const reasons = Object.fromEntries(
        ['broken.json', 'empty.txt', 'image.txt'].map((name) => [name, JSON.parse(readFileSync(join(failedDir, `${name}.error.json`), 'utf8')).reason as string]),
      );
      expect(reasons['broken.json']).toMatch(/malformed JSON/);
      expect(reasons['empty.txt']).toMatch(/empty/);
      expect(reasons['image.txt']).toMatch(/binary|NUL/);
      const records = readdirSync(join(outDir, 'articles')).map((name) => JSON.parse(readFileSync(join(outDir, 'articles', name), 'utf8')) as { text: string; source: { file: string } });
      const legacy = records.find((record) => record.source.file === 'legacy-1256.txt');
      expect(legacy?.text).toBe(legacyText);
    });

    it('does not follow a symlink that points outside the inbox', async () => {
      const outside = join(tempDir('outside'), 'secret.txt');
      writeFileSync(outside, 'سري للغاية: لا يقرأ');
      symlinkSync(outside, join(inbox, 'link.txt'));
      const report = join(inbox, '.failed', 'link.txt.error.json');
      await waitFor('the symlink to be rejected', () => existsSync(report));
      expect(JSON.parse(readFileSync(report, 'utf8')).reason).toMatch(/symbolic link/);
      expect(readFileSync(outside, 'utf8')).toBe('سري للغاية: لا يقرأ');
    });

    it('gives one record when the same file is dropped twice', async () => {
      const seed = SEEDS[1] ?? '';
      const before = readdirSync(join(outDir, 'articles')).length;
      copyFileSync(seed, join(inbox, 'again.txt'));
      await waitFor('the first drop to finish', () => existsSync(join(inbox, '.done', 'again.txt')));
      const afterFirst = readdirSync(join(outDir, 'articles')).length;
      copyFileSync(seed, join(inbox, 'again.txt'));
      await waitFor('the second drop to finish', () => existsSync(join(inbox, '.done', 'again.2.txt')));
      expect(afterFirst).toBe(before + 1);
      expect(readdirSync(join(outDir, 'articles')).length).toBe(afterFirst);
    });
  });
});
