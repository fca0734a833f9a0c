import { describe, expect, it } from 'vitest';
import { fitName, reportName } from '../../../src/ingest/inbox-files.js';

describe('file names in .done/ and .failed/', () => {
  it('keeps a name that fits, and shortens one that does not to its start, a hash and its extension', () => {
    expect(fitName('خبر.txt', 255)).toBe('خبر.txt');
    const long = `${'خ'.repeat(126)}.txt`; // 256 bytes
    const fitted = fitName(long, 255);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(255);
    expect(fitted).toMatch(/^خ+~[0-9a-f]{10}\.txt$/);
    expect(fitted).not.toContain('\ufffd'); // cut between characters, never inside one
  });

  it('gives two long names that share their first 200 bytes two different report names', () => {
    const a = `${'x'.repeat(230)}-first.html`;
    const b = `${'x'.repeat(230)}-second.html`;
    expect(reportName(a)).not.toBe(reportName(b));
    for (const name of [a, b]) {
      expect(reportName(name)).toMatch(/^x+~[0-9a-f]{10}\.html\.error\.json$/);
      expect(Buffer.byteLength(reportName(name))).toBeLessThanOrEqual(225);
    }
    expect(reportName('short.txt')).toBe('short.txt.error.json');
  });
});
