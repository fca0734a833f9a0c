import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { analyse } from '../../src/analyse.js';
import type { EnrichedRecord } from '../../src/schema/record.js';
import { recordPath } from '../../src/store/output.js';
import { addRecordInput, mergeInputsIntoRecord, readRecordInputs, writeRecordWithInputs } from '../../src/store/record-inputs.js';
import { tempDir } from '../helpers/pipeline.js';
import { testPrefix, testRedis } from '../helpers/redis.js';

describe('record inputs: every file behind one record, merged by concurrent writers', () => {
  let redis: Redis;
  let record: EnrichedRecord;

  beforeAll(async () => {
    redis = testRedis();
    record = await analyse(readFileSync('seeds/001_fd7158c5eb4e29a6.txt', 'utf8'), { source: 'الشرق', url: 'https://example.invalid/1', file: 'first.json' });
  });
  afterAll(() => redis.disconnect());

  const written = (outDir: string): EnrichedRecord => JSON.parse(readFileSync(recordPath(outDir, record.id), 'utf8')) as EnrichedRecord;

  it('a copy is a copy only when another input came first and it is new', async () => {
    const prefix = testPrefix('inputs-copy');
    expect(await addRecordInput(redis, prefix, record.id, { file: 'first.json', line: null })).toEqual({ copy: false });
    expect(await addRecordInput(redis, prefix, record.id, { file: 'first.json', line: null })).toEqual({ copy: false });
    expect(await addRecordInput(redis, prefix, record.id, { file: 'feed.jsonl', line: 3 })).toEqual({ copy: true });
    expect(await readRecordInputs(redis, prefix, record.id)).toHaveLength(2);
  });

  it('loses no file when record writes (retries) and copies\' merges race on one record', async () => {
    const prefix = testPrefix('inputs-race');
    const outDir = tempDir('inputs-race');
    const own = { file: 'first.json', line: null };
    await addRecordInput(redis, prefix, record.id, own);
    // Before the record exists a merge has nothing to rewrite: the record's writer reads the set.
    await addRecordInput(redis, prefix, record.id, { file: 'early.json', line: null });
    expect(await mergeInputsIntoRecord(redis, prefix, outDir, record.id)).toBe(false);

    const copies = Array.from({ length: 24 }, (_, n) => ({ file: `copy-${String(n).padStart(2, '0')}.jsonl`, line: n + 1 }));
    await Promise.all([
      ...copies.map(async (copy) => {
        await addRecordInput(redis, prefix, record.id, copy);
        await mergeInputsIntoRecord(redis, prefix, outDir, record.id);
      }),
      writeRecordWithInputs(redis, prefix, outDir, record, own),
      writeRecordWithInputs(redis, prefix, outDir, record, own), // a retried record job
    ]);
    const files = written(outDir).inputs?.map((input) => input.file);
    expect(files).toEqual(['copy-00.jsonl', ...copies.slice(1).map((copy) => copy.file), 'early.json', 'first.json'].sort());
    expect(files).toHaveLength(26);

    // Idempotent: a retry writes the same bytes; a merge with nothing new leaves the file alone.
    const bytes = readFileSync(recordPath(outDir, record.id), 'utf8');
    await writeRecordWithInputs(redis, prefix, outDir, record, own);
    expect(readFileSync(recordPath(outDir, record.id), 'utf8')).toBe(bytes);
    expect(await mergeInputsIntoRecord(redis, prefix, outDir, record.id)).toBe(false);
    // Everything else in the record is what the writer wrote.
    const { inputs: _inputs, ...rest } = written(outDir);
    const { inputs: _own, ...analysed } = record;
    expect(rest).toEqual(analysed);
  });

  it('a copy\'s merge never puts back an older record that a redo replaced meanwhile', async () => {
    const prefix = testPrefix('inputs-redo');
    const outDir = tempDir('inputs-redo');
    const own = { file: 'first.json', line: null };
    await addRecordInput(redis, prefix, record.id, own);
    await writeRecordWithInputs(redis, prefix, outDir, record, own);
    // The redo (its record missing from another output folder, or a retry after new links were
    // found) writes a newer record while copies keep arriving.
    const redone: EnrichedRecord = { ...record, title: `${record.title ?? ''} (redone)` };
    const copies = Array.from({ length: 24 }, (_, n) => ({ file: `late-${String(n).padStart(2, '0')}.json`, line: null }));
    await Promise.all([
      ...copies.map(async (copy) => {
        await addRecordInput(redis, prefix, record.id, copy);
        await mergeInputsIntoRecord(redis, prefix, outDir, record.id);
      }),
      writeRecordWithInputs(redis, prefix, outDir, redone, own),
    ]);
    expect(written(outDir).title).toBe(redone.title);
    expect(written(outDir).inputs).toHaveLength(25);
  });
});
