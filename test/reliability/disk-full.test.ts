import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPrefix, testRedisUrl } from '../helpers/redis.js';
import { tempDir } from '../helpers/pipeline.js';
import { writeGeneratedArticles } from '../../bench/corpus/rotations.js';
import { assertBuilt, startKhabar, stopKhabar } from '../helpers/processes.js';
import { tempFilesUnder, unwritableOut } from '../helpers/unwritable-out.js';
import { endsWithin } from '../helpers/run-report.js';

const countJson = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json') && !name.startsWith('.')).length : 0);

describe('an output folder that refuses writes (a full disk)', () => {
  it('khabar run --once ends with the cause logged, every article accounted for, and no temp file left', async () => {
    assertBuilt();
    const COUNT = 30;
    const out = unwritableOut(2048);
    const inputs = tempDir('full-in');
    writeGeneratedArticles(inputs, COUNT);
    const run = startKhabar(['run', '--once', inputs, '--out', out.path, '--inbox', tempDir('full-inbox')], {
      REDIS_URL: testRedisUrl(),
      KHABAR_PREFIX: testPrefix('full'),
      KHABAR_ATTEMPTS: '2',
      KHABAR_BACKOFF_MS: '200',
      KHABAR_SHUTDOWN_TIMEOUT_MS: '3000',
    });
    try {
      const code = await endsWithin(run, 150_000);
      const output = run.output();
      expect(code, output.slice(-3000)).toBe(1);
      expect(output).toContain(out.code);
      expect(output).toContain(`cannot write ${out.path}/`);
      const closing = /(\d+) record\(s\) written[^\n]*?(\d+) failure\(s\)/.exec(output);
      expect(closing, output.slice(-2000)).not.toBeNull();
      const written = Number(closing?.[1]);
      const failed = Number(closing?.[2]);
      expect(written + failed).toBe(COUNT);
      expect(failed).toBeGreaterThan(0);
      if (out.code === 'ENOSPC') expect(countJson(join(out.path, 'articles'))).toBe(written);
      expect(tempFilesUnder(out.path)).toEqual([]);
    } finally {
      await stopKhabar(run, 5_000);
      out.cleanup();
    }
  }, 200_000);
});
