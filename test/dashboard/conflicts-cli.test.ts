import { beforeAll, describe, expect, it } from 'vitest';
import { conflictsCommand } from '../../src/commands/conflicts.js';
import type { EnrichedRecord } from '../../src/schema/record.js';
import { fixtureConflictPair, outputFolder } from '../helpers/conflicts.js';

/**
 * `khabar conflicts` on real records of two outlets' reports of one fire that disagree on the toll
 * (test/fixtures/dashboard-conflict, test/helpers/conflicts.ts): the list /conflicts shows, as text and JSON.
 * Under the event gate the pipeline writes such a pair in one story, so it is listed as «same story»
 * and the cross-story scope is empty.
 */
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
    ({ earlier, later } = await fixtureConflictPair());
    outDir = outputFolder('conflicts-cli', [earlier, later]);
  });

  it('prints each conflict with both articles, both numbers and whether they share a story', async () => {
    const text = await run();
    expect(text).toMatch(/^1 conflict\(s\) in all 2 record\(s\)\n/);
    expect(text).toContain('2026-01-01T12:01:00.000Z  same story');
    expect(text).not.toContain('cross-story');
    const laterAt = text.indexOf(`  ${later.id}  حريق سوق الشورجة في بغداد يودي بحياة 11 شخصا  [دجلة نيوز]`);
    const earlierAt = text.indexOf(`  ${earlier.id}  مقتل 9 أشخاص في حريق سوق الشورجة وسط بغداد  [الرافدين]`);
    expect(laterAt).toBeGreaterThan(0);
    expect(earlierAt).toBeGreaterThan(laterAt);
    expect(text.slice(laterAt, earlierAt)).toContain('«11 شخصا»');
    expect(text.slice(earlierAt)).toContain('«9 أشخاص»');
  });

  it('prints /api/conflicts\'s JSON with --json, and takes the same limits', async () => {
    const json = JSON.parse(await run({ json: true, limit: '5' })) as { query: unknown; total: number; conflicts: { found: { id: string }; other: { id: string; numbers: string[] } }[] };
    expect(json.query).toEqual({ limit: 5, scan: 5_000, scope: 'all' });
    expect(json.total).toBe(1);
    expect(json.conflicts[0]).toMatchObject({ found: { id: later.id }, crossStory: false, other: { id: earlier.id, numbers: ['9 أشخاص'] } });
    const crossOnly = JSON.parse(await run({ json: true, scope: 'cross-story', limit: '5' })) as { query: unknown; total: number; conflicts: unknown[] };
    expect(crossOnly).toMatchObject({ query: { limit: 5, scan: 5_000, scope: 'cross-story' }, total: 0, conflicts: [] });
  });

  it('refuses a bad option or a missing folder with a clear message', async () => {
    await expect(run({ limit: '0' })).rejects.toThrow(/--limit: /);
    await expect(run({ scope: 'everything' })).rejects.toThrow(/--scope: /);
    await expect(conflictsCommand({ out: `${outDir}-missing` }, () => {})).rejects.toThrow(/no output folder at /);
  });
});
