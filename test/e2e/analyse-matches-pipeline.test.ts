import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testPrefix, testRedisUrl } from '../helpers/redis.js';
import { KHABAR_BIN, assertBuilt, startKhabar } from '../helpers/processes.js';
import { tempDir } from '../helpers/pipeline.js';

const run = promisify(execFile);

type Json = Record<string, unknown>;

/**
 * A record without what legitimately differs between two runs: `source.ingestedAt` and `pipeline`
 * (when, how long, which worker, `in-process` for analyse) and, of `dedup`, everything but the
 * content hash (story, reason, copies, near duplicates, passages and claim links are pairwise facts:
 * they depend on which other articles the index held, here five in the pipeline, one or four in each
 * `khabar analyse`).
 */
function comparable(record: Json): Json {
  const { pipeline: _pipeline, dedup, source, ...rest } = record as { pipeline: unknown; dedup: { contentHash: string }; source: Json } & Json;
  const { ingestedAt: _ingestedAt, ...sourceRest } = source;
  return { ...rest, source: sourceRest, dedup: { contentHash: dedup.contentHash } };
}

async function analyseFile(path: string): Promise<Json[]> {
  const { stdout } = await run(process.execPath, [KHABAR_BIN, 'analyse', path], { maxBuffer: 64 * 1024 * 1024 });
  const parsed = JSON.parse(stdout) as Json | Json[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

describe('khabar analyse FILE and the pipeline (khabar run --once)', () => {
  // Three CLI processes, each loading the models: a loaded machine needs more than the default minute.
  it('give each article of a text file and of a JSONL file the same id and the same record', async () => {
    assertBuilt();
    const seeds = readdirSync('seeds').filter((name) => name.endsWith('.txt')).sort();
    const seedText = (i: number) => readFileSync(join('seeds', seeds[i]!), 'utf8');
    const drop = tempDir('same-record-drop');
    copyFileSync(join('seeds', seeds[0]!), join(drop, seeds[0]!));
    // Without source or URL the id comes from the file name and line, so the same text on two lines
    // is two articles; with a source and URL it does not depend on the file.
    const lines = [
      { text: seedText(1) },
      { text: seedText(2), title: 'عنوان من الحاوية' },
      { text: seedText(1) },
      { text: seedText(3), source: 'وكالة الأنباء العراقية', url: 'https://example.invalid/news/1', publishedAt: '2021-07-13T23:41:00Z' },
    ];
    writeFileSync(join(drop, 'feed.jsonl'), `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);

    const analysed = [...(await analyseFile(join(drop, seeds[0]!))), ...(await analyseFile(join(drop, 'feed.jsonl')))];
    expect(analysed).toHaveLength(5);
    expect(new Set(analysed.map((record) => record.id)).size, 'the same text on two lines is two articles').toBe(5);

    const out = tempDir('same-record-out');
    const pipeline = startKhabar(['run', '--once', drop, '--out', out, '--inbox', tempDir('same-record-inbox')], { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: testPrefix('same-record') });
    expect(await pipeline.exited, pipeline.output()).toBe(0);
    expect(readdirSync(join(out, 'articles')).filter((name) => name.endsWith('.json'))).toHaveLength(5);

    for (const record of analysed) {
      const path = join(out, 'articles', `${String(record.id)}.json`);
      expect(existsSync(path), `the pipeline wrote no record ${String(record.id)} (${JSON.stringify(record.source)})`).toBe(true);
      const written = JSON.parse(readFileSync(path, 'utf8')) as Json;
      expect(comparable(written)).toEqual(comparable(record));
    }
  }, 180_000);
});
