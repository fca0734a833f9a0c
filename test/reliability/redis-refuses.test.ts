import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnRedisServer } from '../../src/pipeline/redis-server.js';
import { testPrefix, testRedisUrl } from '../helpers/redis.js';
import { tempDir } from '../helpers/pipeline.js';
import { writeGeneratedArticles } from '../../bench/corpus/rotations.js';
import { assertBuilt, startKhabar, stopKhabar } from '../helpers/processes.js';
import { accountingProblems, endsWithin, reportedUnfinished } from '../helpers/run-report.js';

describe('a run that cannot finish stops with its cause and a report of what is unfinished', () => {
  it('Redis out of memory (maxmemory 5mb, noeviction): one clear error, a bounded log, exit 4, every input accounted for', async () => {
    assertBuilt();
    const COUNT = 300;
    const redis = await spawnRedisServer({ dir: tempDir('oom-redis'), appendonly: false, extraArgs: ['--maxmemory', '5mb'] });
    const inputs = writeGeneratedArticles(tempDir('oom-in'), COUNT);
    const out = tempDir('oom-out');
    const run = startKhabar(['run', '--once', ...inputs, '--out', out, '--inbox', tempDir('oom-inbox')], {
      REDIS_URL: redis.url,
      KHABAR_PREFIX: testPrefix('oom'),
      KHABAR_SHUTDOWN_TIMEOUT_MS: '3000',
    });
    try {
      const code = await endsWithin(run, 180_000);
      const output = run.output();
      // The cause line comes before the (long) list of unfinished inputs: show both when it fails.
      const why = `${output.split('\n').filter((line) => line.includes('stopping')).join('\n')}\n…\n${output.slice(-1500)}`;
      expect(code, why).toBe(4);
      expect(output).toMatch(/Redis refuses writes: OOM command not allowed[^\n]*maxmemory/);
      // The probe logged 739k "worker error" lines (1 GB) in 100 s.
      expect(output.split('\n').filter((line) => line.includes('worker error')).length).toBeLessThan(100);
      expect(output.length).toBeLessThan(2_000_000);
      expect(reportedUnfinished(output).length).toBeGreaterThan(0);
      expect(accountingProblems(inputs.map((file) => basename(file)), out, output)).toEqual([]);
    } finally {
      await stopKhabar(run, 5_000);
      await redis.stop();
    }
  }, 240_000);

  it('--deadline: the run stops its workers when it passes, lists every unfinished input, and exits 3', async () => {
    assertBuilt();
    const COUNT = 60;
    const inputs = writeGeneratedArticles(tempDir('deadline-in'), COUNT);
    const out = tempDir('deadline-out');
    const started = Date.now();
    const run = startKhabar(['run', '--once', ...inputs, '--out', out, '--inbox', tempDir('deadline-inbox'), '--deadline', '4'], {
      REDIS_URL: testRedisUrl(),
      KHABAR_PREFIX: testPrefix('deadline'),
      KHABAR_SHUTDOWN_TIMEOUT_MS: '3000',
    });
    const code = await endsWithin(run, 90_000);
    const output = run.output();
    expect(code, output.slice(-3000)).toBe(3);
    expect(output).toContain('the deadline of 4 s passed');
    expect(Date.now() - started).toBeLessThan(60_000);
    const unfinished = reportedUnfinished(output);
    expect(unfinished.length).toBeGreaterThan(0);
    expect(output).toMatch(/: (waiting|started|done, not handed on) in (tokenise|ner|claims|dedup|write)|: not queued/);
    expect(accountingProblems(inputs.map((file) => basename(file)), out, output)).toEqual([]);
  }, 120_000);
});
