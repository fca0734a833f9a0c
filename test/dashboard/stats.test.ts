import { describe, expect, it } from 'vitest';
import { parseWorkerName, percentile, perMinuteSeries } from '../../src/dashboard/stats.js';

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
    const prevTS = Date.UTC(2026, 0, 1, 12, 28, 5); // last completion two minutes ago
    const series = perMinuteSeries([5, 3, 1], prevTS, now, 6);
    expect(series).toEqual([0, 1, 3, 5, 0, 0]);
    expect(perMinuteSeries([], 0, now, 3)).toEqual([0, 0, 0]);
  });
});
