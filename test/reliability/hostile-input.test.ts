import { existsSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync, writeSync, closeSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { InputRejectedError } from '../../src/ingest/errors.js';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { readArticles } from '../../src/ingest/readers.js';
import { watchInbox, type InboxWatcher } from '../../src/ingest/watcher.js';
import { startInProcessWorkers, type InProcessWorkers } from '../../src/pipeline/in-process.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';

const seed = readFileSync('seeds/002_41286b5b96cfbe56.txt', 'utf8');

async function waitFor(what: string, probe: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('hostile and broken input in the inbox', () => {
  const settings = testSettings('hostile');
  const out = tempDir('hostile-out');
  const inbox = tempDir('hostile-inbox');
  const connection = createRedis(testRedisUrl());
  let workers: InProcessWorkers;
  let ingestor: Ingestor;
  let watcher: InboxWatcher;

  const failedReason = (name: string): string | null => {
    const path = join(inbox, '.failed', `${name}.error.json`);
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { reason: string }).reason : null;
  };
  const done = (name: string) => existsSync(join(inbox, '.done', name));
  const records = () => (existsSync(join(out, 'articles')) ? readdirSync(join(out, 'articles')).map((file) => JSON.parse(readFileSync(join(out, 'articles', file), 'utf8')) as { text: string; source: { file: string } }) : []);

  beforeAll(async () => {
    workers = await startInProcessWorkers({ redisUrl: testRedisUrl(), settings, logger: quietLogger, outDir: out });
    ingestor = new Ingestor({ connection, settings, logger: quietLogger, maxFileBytes: 5 * 1024 * 1024, highWater: 1000, pollMs: 100 });
    watcher = await watchInbox(inbox, ingestor, quietLogger);
    await watcher.ready;
  });
  afterAll(async () => {
    await watcher.close();
    await ingestor.close();
    await workers.close();
    connection.disconnect();
  });

  it('rejects empty, binary, damaged UTF-8 and oversized files with a reason', async () => {
    writeFileSync(join(inbox, 'empty.txt'), '');
    writeFileSync(join(inbox, 'garbage.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const utf8 = Buffer.from(seed, 'utf8');
    writeFileSync(join(inbox, 'damaged.txt'), Buffer.concat([utf8.subarray(0, 1000), Buffer.from([0xc3, 0x28]), utf8.subarray(1000)]));
    // A 50 MB file, made sparse so the test does not write 50 MB: the size check rejects it unread.
    const big = join(inbox, 'huge.txt');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 50 * 1024 * 1024);
    for (const name of ['empty.txt', 'garbage.txt', 'damaged.txt', 'huge.txt']) await waitFor(name, () => failedReason(name) !== null);
    expect(failedReason('empty.txt')).toMatch(/empty/);
    expect(failedReason('garbage.txt')).toMatch(/binary|NUL/);
    expect(failedReason('damaged.txt')).toMatch(/invalid UTF-8 at byte/);
    expect(failedReason('huge.txt')).toMatch(/above the limit of 5242880/);
  });

  it('rejects JSON with wrong types and lets one bad JSONL line fail alone', async () => {
    writeFileSync(join(inbox, 'types.json'), JSON.stringify({ text: 12, title: { ar: 'عنوان' }, publishedAt: true }));
    const good = (n: number) => JSON.stringify({ text: `${seed}\n\nالنسخة ${n}`, source: 'وكالة الاختبار', url: `https://example.org/${n}` });
    writeFileSync(join(inbox, 'feed.jsonl'), [good(1), '{"text": 5}', good(2), 'not json at all'].join('\n'));
    await waitFor('types.json', () => failedReason('types.json') !== null);
    expect(failedReason('types.json')).toMatch(/text/);
    await waitFor('feed.jsonl', () => done('feed.jsonl'));
    const report = JSON.parse(readFileSync(join(inbox, '.done', 'feed.jsonl.error.json'), 'utf8')) as { ok: number; failed: number; rejected: { line: number }[] };
    expect(report.ok).toBe(2);
    expect(report.rejected.map((entry) => entry.line)).toEqual([2, 4]);
    expect(records().filter((record) => record.source.file === 'feed.jsonl')).toHaveLength(2);
  });

  it('reads the article out of HTML with scripts, and rejects an enormous DOM with a reason', async () => {
    const body = seed.split(/\n+/).filter((line) => line.trim()).slice(3, 9).map((p) => `<p>${p}</p>`).join('');
    writeFileSync(join(inbox, 'page.html'), `<html><head><script>document.write("<p>حقن</p>")</script></head><body><article>${body}</article><script>steal()</script></body></html>`);
    writeFileSync(join(inbox, 'dom.html'), `<html><body>${'<div><span>x</span></div>'.repeat(150_000)}</body></html>`);
    await waitFor('page.html', () => done('page.html'));
    const page = records().find((record) => record.source.file === 'page.html');
    expect(page?.text).not.toContain('steal()');
    expect(page?.text).not.toContain('حقن');
    await waitFor('dom.html', () => failedReason('dom.html') !== null || done('dom.html'), 120_000);
    expect(failedReason('dom.html')).toMatch(/page could not be read|no article text/);
  });

  it('handles names in Arabic, with spaces and with "..", never using them as output paths', async () => {
    const names = ['خبر عاجل من بغداد.txt', 'report ..final.txt', 'تقرير..نهائي.txt'];
    names.forEach((name, i) => writeFileSync(join(inbox, name), `${seed}\n\nنسخة الاسم ${i}`));
    for (const name of names) await waitFor(name, () => done(name));
    for (const file of readdirSync(join(out, 'articles'))) expect(file).toMatch(/^[0-9a-f]{16}\.json$/);
    for (const name of names) expect(records().some((record) => record.source.file === name)).toBe(true);
  });

  it('does not follow a symlink out of the inbox, and waits for a file still being written', async () => {
    const secret = join(tempDir('hostile-outside'), 'passwd.txt');
    writeFileSync(secret, 'سر');
    symlinkSync(secret, join(inbox, 'sneaky.txt'));
    await waitFor('sneaky.txt', () => failedReason('sneaky.txt') !== null);
    expect(failedReason('sneaky.txt')).toMatch(/symbolic link/);

    const slow = join(inbox, 'slow.txt');
    const fd = openSync(slow, 'w');
    const half = Math.floor(seed.length / 2);
    writeSync(fd, seed.slice(0, half));
    await sleep(250); // shorter than the watcher's stability window
    writeSync(fd, `${seed.slice(half)}\n\nاكتملت الكتابة`);
    closeSync(fd);
    await waitFor('slow.txt', () => done('slow.txt'));
    const record = records().find((entry) => entry.source.file === 'slow.txt');
    expect(record?.text.endsWith('اكتملت الكتابة')).toBe(true);
  });
});

describe('property: nothing thrown at the readers or analyse() escapes as a crash', () => {
  it('readers either read or reject with InputRejectedError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('a.txt', 'a.json', 'a.jsonl', 'a.html', 'a.bin'), (bytes, name) => {
        try {
          const result = readArticles(bytes, name);
          for (const entry of result.entries) if (!entry.ok) expect(entry.error).toBeInstanceOf(InputRejectedError);
        } catch (error) {
          expect(error).toBeInstanceOf(InputRejectedError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('analyse() never throws on non-empty Unicode and its offsets point into the text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }).filter((text) => text.trim() !== ''), async (text) => {
        const record = await analyse(text);
        expect(record.text).toBe(text);
        for (const token of record.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
        for (const entity of record.entities ?? []) expect(text.slice(entity.start, entity.end)).toBe(entity.text);
        for (const claim of record.claims ?? []) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
      }),
      { numRuns: 150 },
    );
  });
});
