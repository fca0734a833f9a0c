import { basename } from 'node:path';
import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/pipeline.js';
import { writeGeneratedArticles } from '../../bench/corpus/rotations.js';
import { assertBuilt, startKhabar, stopKhabar } from '../helpers/processes.js';
import { sourcesIn } from '../helpers/run-report.js';

const embedded = (home: string) => ({ REDIS_URL: '', KHABAR_HOME: home, KHABAR_SHUTDOWN_TIMEOUT_MS: '3000' });
const seedFiles = readdirSync('seeds').filter((name) => name.endsWith('.txt')).sort();

describe('two khabar runs in one install folder', () => {
  it('a second run on the live run\'s Redis refuses, naming it; beside it on its own Redis, each run writes only its own folder', async () => {
    assertBuilt();
    const COUNT = 40;
    const home = tempDir('two-home');
    const inputsA = writeGeneratedArticles(tempDir('two-in-a'), COUNT);
    const outA = tempDir('two-out-a');
    const outB = tempDir('two-out-b');
    const first = startKhabar(['run', '--once', ...inputsA, '--out', outA, '--inbox', tempDir('two-inbox-a')], embedded(home));
    try {
      const deadline = Date.now() + 60_000;
      while (!first.output().includes('"khabar running"') && Date.now() < deadline) await sleep(100);

      // The probe: the same folder, another --out, while the first run is live.
      const second = startKhabar(['run', '--once', 'seeds/', '--out', outB, '--inbox', tempDir('two-inbox-b')], embedded(home));
      expect(await second.exited, second.output()).toBe(2);
      expect(second.output()).toContain(`pid ${first.child.pid}`);
      expect(second.output()).toContain(outA);
      expect(second.output()).not.toMatch(/record\(s\) written/);
      expect(sourcesIn(outB, 'articles')).toEqual([]);

      // The way the message points to: its own Redis (KHABAR_HOME), at the same time as the first.
      const beside = startKhabar(['run', '--once', 'seeds/', '--out', outB, '--inbox', tempDir('two-inbox-c')], embedded(tempDir('two-home-2')));
      const [codeA, codeB] = await Promise.all([first.exited, beside.exited]);
      expect(codeB, beside.output().slice(-2000)).toBe(0);
      expect(codeA, first.output().slice(-2000)).toBe(0);
      expect(beside.output()).toContain(`5 record(s) written to ${outB}/articles`);
      expect(sourcesIn(outB, 'articles').sort()).toEqual(seedFiles);
      expect(sourcesIn(outA, 'articles').sort()).toEqual(inputsA.map((file) => basename(file)).sort());
    } finally {
      await stopKhabar(first, 10_000);
    }
  }, 240_000);
});
