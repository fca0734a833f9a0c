import { beforeAll, describe, expect, it } from 'vitest';
import { conflictsCommand } from '../../src/commands/conflicts.js';
import type { EnrichedRecord } from '../../src/schema/record.js';
import { outputFolder, seedConflictPair } from '../helpers/conflicts.js';

/** `khabar conflicts` on real records of seeds 000 and 004 (test/helpers/conflicts.ts): the list /conflicts shows, as text and JSON. */
describe('khabar conflicts', () => {
  let earlier: EnrichedRecord;
  let later: EnrichedRecord;
  let outDir: string;

  const run = async (options: Partial<Parameters<typeof conflictsCommand>[0]> = {}): Promise<string> => {
    let printed = '';
    await conflictsCommand({ out: outDir, ...options }, (text) => {
      printed += text;
    });
    return printed;
  };

  beforeAll(async () => {
    ({ earlier, later } = await seedConflictPair());
    outDir = outputFolder('conflicts-cli', [earlier, later]);
  });

  it('prints each conflict with both articles, both numbers and the cross-story flag', async () => {
    const text = await run();
    expect(text).toMatch(/^1 conflict\(s\) in all 2 record\(s\)\n/);
    expect(text).toContain('2026-01-01T12:01:00.000Z  cross-story (in no story file)');
    const laterAt = text.indexOf(`  ${later.id}  صواريخ الميليشيات رسائل إيرانية  [الشرق]`);
    const earlierAt = text.indexOf(`  ${earlier.id}  تعثر مفاوضات فيينا  [العرب]`);
    expect(laterAt).toBeGreaterThan(0);
    expect(earlierAt).toBeGreaterThan(laterAt);
    expect(text.slice(laterAt, earlierAt)).toContain('«نحو 5 آلاف جندي أمريكي»');
    expect(text.slice(earlierAt)).toContain('«2500 جندي أميركي»');
  });

  it('prints /api/conflicts\'s JSON with --json, and takes the same limits', async () => {
    const json = JSON.parse(await run({ json: true, scope: 'cross-story', limit: '5' })) as { query: unknown; total: number; conflicts: { found: { id: string }; other: { id: string; numbers: string[] } }[] };
    expect(json.query).toEqual({ limit: 5, scan: 5_000, scope: 'cross-story' });
    expect(json.total).toBe(1);
    expect(json.conflicts[0]).toMatchObject({ found: { id: later.id }, other: { id: earlier.id, numbers: ['2500 جندي أميركي'] } });
  });

  it('refuses a bad option or a missing folder with a clear message', async () => {
    await expect(run({ limit: '0' })).rejects.toThrow(/--limit: /);
    await expect(run({ scope: 'everything' })).rejects.toThrow(/--scope: /);
    await expect(conflictsCommand({ out: `${outDir}-missing` }, () => {})).rejects.toThrow(/no output folder at /);
  });
});
