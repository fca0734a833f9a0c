import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPrefix, testRedisUrl } from '../helpers/redis.js';
import { assertBuilt, startKhabar } from '../helpers/processes.js';
import { tempDir } from '../helpers/pipeline.js';
import { recordValidator, schemaValidator } from '../helpers/json-schema.js';

describe('khabar run --once seeds/ (the CLI as a user runs it)', () => {
  it('exits 0 after writing five records that the published JSON Schema accepts', async () => {
    assertBuilt();
    const out = tempDir('e2e-out');
    const inbox = tempDir('e2e-inbox');
    const env = { REDIS_URL: testRedisUrl(), KHABAR_PREFIX: testPrefix('e2e') };
    const run = startKhabar(['run', '--once', 'seeds/', '--out', out, '--inbox', inbox], env);
    const code = await run.exited;
    expect(code, run.output()).toBe(0);
    expect(run.output()).toMatch(/5 record\(s\) written/);
    const files = readdirSync(join(out, 'articles')).filter((name) => name.endsWith('.json'));
    expect(files).toHaveLength(5);
    const validate = recordValidator();
    const sources = new Set<string>();
    for (const file of files) {
      const record = JSON.parse(readFileSync(join(out, 'articles', file), 'utf8')) as { source: { file: string }; text: string };
      const result = validate(record);
      expect(result.valid, result.errors).toBe(true);
      expect(record.text).toBe(readFileSync(join('seeds', record.source.file), 'utf8'));
      sources.add(record.source.file);
    }
    expect([...sources].sort()).toEqual(readdirSync('seeds').filter((name) => name.endsWith('.txt')).sort());

    // Every record's story has its file; the registry lists the entities and where they occur.
    const records = files.map((file) => JSON.parse(readFileSync(join(out, 'articles', file), 'utf8')) as { id: string; dedup: { storyId: string }; entities: { entityId: string; canonical: string }[] });
    const storyFiles = readdirSync(join(out, 'stories'));
    for (const record of records) expect(storyFiles.some((name) => name.startsWith(record.dedup.storyId))).toBe(true);
    const validateStory = schemaValidator('story.schema.json');
    for (const name of storyFiles) {
      const result = validateStory(JSON.parse(readFileSync(join(out, 'stories', name), 'utf8')));
      expect(result.valid, `${name}: ${result.errors}`).toBe(true);
    }
    const listing = startKhabar(['entities', '--json', '--limit', '500'], env);
    expect(await listing.exited, listing.output()).toBe(0);
    const entities = JSON.parse(listing.output()) as { entityId: string; canonical: string; articleCount: number }[];
    const kadhimi = records.flatMap((record) => record.entities).find((entity) => entity.canonical.includes('الكاظمي'));
    expect(kadhimi, 'seed 004 names مصطفى الكاظمي').toBeDefined();
    const listed = entities.find((entity) => entity.entityId === kadhimi?.entityId);
    expect(listed?.articleCount).toBeGreaterThanOrEqual(2);
    const one = startKhabar(['entities', kadhimi?.entityId ?? '', '--json'], env);
    expect(await one.exited, one.output()).toBe(0);
    const detail = JSON.parse(one.output()) as { articles: string[] };
    const mentioning = records.filter((record) => record.entities.some((entity) => entity.entityId === kadhimi?.entityId)).map((record) => record.id);
    expect([...detail.articles].sort()).toEqual(mentioning.sort());
  });

  it('says how to get Redis when there is none, instead of crashing', async () => {
    const home = tempDir('no-redis-home');
    const status = startKhabar(['status'], { REDIS_URL: '', KHABAR_HOME: home });
    const code = await status.exited;
    expect(code).toBe(2);
    expect(status.output()).toMatch(/apt-get install redis-server/);
    expect(status.output()).toMatch(/REDIS_URL/);
  });
});
