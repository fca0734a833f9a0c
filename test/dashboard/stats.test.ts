import { describe, expect, it } from 'vitest';
import { parseWorkerName, percentile, perMinuteSeries } from '../../src/dashboard/stats.js';
import { processingMs } from '../../src/dashboard/snapshot.js';

describe('overview figures', () => {
  it('reads host, pid, concurrency and start from a khabar worker name, host colons and all', () => {
    expect(parseWorkerName('ingest-box:4242:c8:1763766000000')).toEqual({ host: 'ingest-box', pid: 4242, concurrency: 8, since: '2025-11-21T23:00:00.000Z', name: 'ingest-box:4242:c8:1763766000000' });
    expect(parseWorkerName('fe80::1:77:c2:1763766000000')).toMatchObject({ host: 'fe80::1', pid: 77, concurrency: 2 });
    expect(parseWorkerName('some-other-worker')).toMatchObject({ host: 'some-other-worker', pid: null, concurrency: null, since: null });
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('lines BullMQ per-minute counts up with the clock, idle minutes as zeros, oldest first', () => {
    const now = Date.UTC(2026, 0, 1, 12, 30, 20);
    // Last point pushed at 12:28:05; 4 jobs finished since (all in minute 12:28); points before: 12:27 → 5, 12:26 → 3, 12:25 → 1.
    const meta = { count: 20, prevTS: Date.UTC(2026, 0, 1, 12, 28, 5), prevCount: 16 };
    expect(perMinuteSeries([5, 3, 1], meta, now, 7)).toEqual([0, 1, 3, 5, 4, 0, 0]);
    // Five jobs in the current minute, the first ever: no point pushed yet.
    expect(perMinuteSeries([], { count: 5, prevTS: now - 1_000, prevCount: 0 }, now, 3)).toEqual([0, 0, 5]);
    expect(perMinuteSeries([], { count: 0, prevTS: 0, prevCount: 0 }, now, 3)).toEqual([0, 0, 0]);
  });

  it('takes a job\'s processing time from its return value, else from its timestamps', () => {
    expect(processingMs({ returnvalue: { articleId: 'a', ms: 12.5, next: 'write' }, processedOn: 1_000, finishedOn: 1_100 })).toBe(12.5);
    expect(processingMs({ returnvalue: null, processedOn: 1_000, finishedOn: 1_040 })).toBe(40);
    expect(processingMs({ returnvalue: 'done' })).toBeNull();
  });
});
