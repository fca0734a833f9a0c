import { appendFileSync, existsSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync, writeSync, closeSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { InputRejectedError } from '../../src/ingest/errors.js';
import { reportName } from '../../src/ingest/inbox-files.js';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { readArticles } from '../../src/ingest/readers.js';
import { watchInbox, type InboxWatcher } from '../../src/ingest/watcher.js';
import { startInProcessWorkers, type InProcessWorkers } from '../../src/pipeline/in-process.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';
import { waitFor } from '../helpers/wait.js';

const seed = readFileSync('seeds/002_41286b5b96cfbe56.txt', 'utf8');

describe('hostile and broken input in the inbox', () => {
  const settings = testSettings('hostile');
  const out = tempDir('hostile-out');
  const inbox = tempDir('hostile-inbox');
  const connection = createRedis(testRedisUrl());
  let workers: InProcessWorkers;
  let ingestor: Ingestor;
  let watcher: InboxWatcher;
  // Warnings and errors the ingest logs, one JSON line each: a rejected file must say so in the log.
  const logLines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => logLines.push(line) });

  const failedReason = (name: string): string | null => {
    const path = join(inbox, '.failed', reportName(name));
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { reason: string }).reason : null;
  };
  const done = (name: string) => existsSync(join(inbox, '.done', name));
  const records = () => (existsSync(join(out, 'articles')) ? readdirSync(join(out, 'articles')).map((file) => JSON.parse(readFileSync(join(out, 'articles', file), 'utf8')) as { text: string; source: { file: string } }) : []);

  beforeAll(async () => {
    workers = await startInProcessWorkers({ redisUrl: testRedisUrl(), settings, logger: quietLogger, outDir: out });
    ingestor = new Ingestor({ connection, settings, logger, maxFileBytes: 5 * 1024 * 1024, highWater: 1000, pollMs: 100 });
    watcher = await watchInbox(inbox, ingestor, logger);
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

  it('reads deeply nested HTML in a thread within a time bound, and the files behind it do not wait for it', async () => {
    const depth = 45_000; // just under the 50,000-element cap: parsed, not refused unread
    writeFileSync(join(inbox, 'deep.html'), `<html><body>${'<div>'.repeat(depth)}<p>${seed.slice(0, 400)}</p>${'</div>'.repeat(depth)}</body></html>`);
    let worstLag = 0;
    let last = Date.now();
    const probe = setInterval(() => {
      const now = Date.now();
      worstLag = Math.max(worstLag, now - last - 50);
      last = now;
    }, 50);
    try {
      await sleep(1_500); // the deep page is being read before the others arrive
      const paragraphs = seed.split(/\n+/).filter((line) => line.trim() !== '').slice(0, 3);
      writeFileSync(join(inbox, 'after-deep.html'), `<html><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
      writeFileSync(join(inbox, 'after-deep.txt'), `${paragraphs.join('\n\n')}\n\nبعد الصفحة العميقة`);
      await waitFor('the files behind the deep page', () => done('after-deep.html') && done('after-deep.txt'));
      expect(failedReason('deep.html') ?? (done('deep.html') ? 'done' : null)).toBeNull();
      await waitFor('deep.html', () => failedReason('deep.html') !== null || done('deep.html'));
    } finally {
      clearInterval(probe);
    }
    expect(failedReason('deep.html')).toMatch(/could not be read within 10 s|page could not be read/);
    expect(worstLag).toBeLessThan(3_000);
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

  it('waits for slow writers: a line a second through one open handle for 6 s, and one reopened to append every 700 ms', async () => {
    const paragraphs = seed.split(/\n+/).filter((line) => line.trim() !== '').slice(0, 8);
    const heldOpen = async (path: string): Promise<void> => {
      const fd = openSync(path, 'w');
      writeSync(fd, `${paragraphs[0]}\n\n`);
      for (const paragraph of paragraphs.slice(1, 7)) {
        await sleep(1_000);
        writeSync(fd, `${paragraph}\n\n`);
      }
      closeSync(fd);
    };
    const reopened = async (path: string): Promise<void> => {
      for (const paragraph of paragraphs.slice(0, 7)) {
        appendFileSync(path, `${paragraph}\n\n`);
        await sleep(700);
      }
    };
    await Promise.all([heldOpen(join(inbox, 'trickle-open.txt')), reopened(join(inbox, 'trickle-append.txt'))]);
    const whole = paragraphs.slice(0, 7).map((paragraph) => `${paragraph}\n\n`).join('');
    for (const name of ['trickle-open.txt', 'trickle-append.txt']) {
      await waitFor(name, () => done(name));
      const written = records().filter((record) => record.source.file === name);
      expect(written.map((record) => record.text), name).toEqual([whole]);
      expect(readFileSync(join(inbox, '.done', name), 'utf8')).toBe(whole);
    }
  });

  it('writes the record of an English article with its language and a not-arabic warning, and logs the warning', async () => {
    const english = readFileSync('README.md', 'utf8').split('\n\n').slice(1, 3).join('\n\n');
    writeFileSync(join(inbox, 'english.txt'), english);
    await waitFor('english.txt', () => done('english.txt'));
    const record = records().find((entry) => entry.source.file === 'english.txt') as unknown as { language: unknown; warnings: { code: string }[] } | undefined;
    expect(record?.language).toEqual({ code: 'other', arabicShare: 0, script: 'Latin' });
    expect(record?.warnings.map((warning) => warning.code)).toEqual(['not-arabic']);
    expect(logLines.some((line) => line.includes('"file":"english.txt"') && line.includes('not Arabic text'))).toBe(true);
    const arabic = records().find((entry) => entry.source.file === 'page.html') as unknown as { language: { code: string }; warnings: unknown[] } | undefined;
    expect(arabic?.language.code).toBe('ar');
    expect(arabic?.warnings).toEqual([]);
  });

  it('moves a file with a 240-byte name to .failed/ with its reason under a shortened, traceable name', async () => {
    const long = `${'ن'.repeat(118)}.txt`; // 118 two-byte letters + ".txt": 240 bytes
    expect(Buffer.byteLength(long)).toBe(240);
    writeFileSync(join(inbox, long), '');
    // The report is written first, then the file moved beside it.
    await waitFor('the long name', () => failedReason(long) !== null && existsSync(join(inbox, '.failed', long)));
    expect(existsSync(join(inbox, long))).toBe(false);
    const report = reportName(long);
    expect(Buffer.byteLength(report)).toBeLessThanOrEqual(225);
    expect(report.startsWith('ننننن')).toBe(true);
    expect(JSON.parse(readFileSync(join(inbox, '.failed', report), 'utf8'))).toMatchObject({ file: long, reason: expect.stringMatching(/empty/) });
    expect(readdirSync(inbox).filter((name) => name.startsWith('ن'))).toEqual([]);
  });

  it('rejects symbolic link loops and dangling links with a log line, a .failed/ entry and a failure record each', async () => {
    symlinkSync('self-loop.txt', join(inbox, 'self-loop.txt'));
    symlinkSync('loop-b.txt', join(inbox, 'loop-a.txt'));
    symlinkSync('loop-a.txt', join(inbox, 'loop-b.txt'));
    symlinkSync('nowhere/at-all.txt', join(inbox, 'dangling.txt'));
    for (const name of ['self-loop.txt', 'loop-a.txt', 'loop-b.txt']) {
      await waitFor(name, () => failedReason(name) !== null);
      expect(failedReason(name)).toMatch(/symbolic link loop \(ELOOP\)/);
    }
    await waitFor('dangling.txt', () => failedReason('dangling.txt') !== null);
    expect(failedReason('dangling.txt')).toMatch(/dangling symbolic link/);
    const failures = () => readdirSync(join(out, 'failed')).map((file) => JSON.parse(readFileSync(join(out, 'failed', file), 'utf8')) as { origin: { file: string } });
    await waitFor('failure records', () => ['self-loop.txt', 'loop-a.txt', 'loop-b.txt', 'dangling.txt'].every((name) => failures().some((failure) => failure.origin.file === name)));
    for (const name of ['self-loop.txt', 'loop-a.txt', 'loop-b.txt', 'dangling.txt']) {
      expect(logLines.some((line) => line.includes(`"file":"${name}"`) && line.includes('file rejected')), name).toBe(true);
    }
  });

  it('refuses UTF-16 with a lone surrogate, with the byte offset, as damaged UTF-8 is refused', async () => {
    const body = Buffer.from(iconv.encode(seed, 'utf-16le'));
    body.writeUInt16LE(0xdc00, 40); // code unit 20 becomes half a character: byte 42 of the file
    writeFileSync(join(inbox, 'utf16-damaged.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    await waitFor('utf16-damaged.txt', () => failedReason('utf16-damaged.txt') !== null);
    expect(failedReason('utf16-damaged.txt')).toMatch(/invalid UTF-16LE at byte 42: a lone surrogate/);
    expect(records().some((record) => record.source.file === 'utf16-damaged.txt')).toBe(false);
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
