import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { Ingestor } from '../../src/ingest/ingestor.js';
import { watchInbox } from '../../src/ingest/watcher.js';
import { startInProcessWorkers, type InProcessWorkers } from '../../src/pipeline/in-process.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';
import { waitFor } from '../helpers/wait.js';

const paragraphs = readFileSync('seeds/001_fd7158c5eb4e29a6.txt', 'utf8').split(/\n+/).filter((line) => line.trim() !== '');


describe('an inbox file that changes after it was read and queued', () => {
  const settings = testSettings('changed-after-read');
  const out = tempDir('changed-out');
  const inbox = tempDir('changed-inbox');
  const connection = createRedis(testRedisUrl());
  const logLines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => logLines.push(line) });
  const ingestor = new Ingestor({ connection, settings, logger, maxFileBytes: 5 * 1024 * 1024, highWater: 1000, pollMs: 100 });
  const tokenise = new Queue('tokenise', { connection, prefix: settings.prefix });
  let workers: InProcessWorkers | null = null;

  afterAll(async () => {
    await workers?.close();
    await ingestor.close();
    await tokenise.close();
    connection.disconnect();
  });

  it('is read again before it moves to .done/, so the text added after the first read is not lost', async () => {
    const watcher = await watchInbox(inbox, ingestor, logger);
    try {
      await watcher.ready;
      const path = join(inbox, 'grows-later.txt');
      const first = `${paragraphs.slice(0, 3).join('\n\n')}\n\n`;
      writeFileSync(path, first);
      // No workers yet: the first version is read and queued, and waits there.
      await waitFor('the first version queued', async () => (await tokenise.getWaitingCount()) === 1);
      appendFileSync(path, `${paragraphs.slice(3, 6).join('\n\n')}\n\n`);
      workers = await startInProcessWorkers({ redisUrl: testRedisUrl(), settings, logger: quietLogger, outDir: out });
      await waitFor('grows-later.txt in .done/', () => existsSync(join(inbox, '.done', 'grows-later.txt')));
      const whole = readFileSync(join(inbox, '.done', 'grows-later.txt'), 'utf8');
      expect(whole.length).toBeGreaterThan(first.length);
      const texts = readdirSync(join(out, 'articles')).map((file) => (JSON.parse(readFileSync(join(out, 'articles', file), 'utf8')) as { text: string }).text);
      // The whole file has its record; the first version's record stays, a record of what was there then.
      expect(texts.sort((a, b) => a.length - b.length)).toEqual([first, whole]);
      expect(logLines.some((line) => line.includes('"file":"grows-later.txt"') && line.includes('changed after it was read'))).toBe(true);
    } finally {
      await watcher.close();
    }
  });
});
