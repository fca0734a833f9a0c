import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/ingest/encoding.js';
import { InputRejectedError } from '../../../src/ingest/errors.js';

const seed = readFileSync('seeds/003_babe8bcfe08ac5d2.txt', 'utf8');

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM to the same text', () => {
    const plain = decodeBytes(new Uint8Array(Buffer.from(seed, 'utf8')));
    const withBom = decodeBytes(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')])));
    expect(plain).toEqual({ text: seed, encoding: 'utf-8' });
    expect(withBom).toEqual({ text: seed, encoding: 'utf-8' });
  });

  it('reads UTF-16 little- and big-endian when a BOM says so', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(seed, 'utf-16be')]);
    expect(decodeBytes(new Uint8Array(le))).toEqual({ text: seed, encoding: 'utf-16le' });
    expect(decodeBytes(new Uint8Array(be))).toEqual({ text: seed, encoding: 'utf-16be' });
  });

  it('recognises windows-1256 Arabic and decodes it exactly', () => {
    // Seed 003 minus the characters cp1256 cannot hold (it has no “curly” Latin quotes issue here).
    const legacyText = seed.replace(/[^\u0600-\u06ff\s\d.,:()\-A-Za-z«»]/g, '');
    const bytes = iconv.encode(legacyText, 'windows-1256');
    const decoded = decodeBytes(new Uint8Array(bytes));
    expect(decoded.encoding).toBe('windows-1256');
    expect(decoded.text).toBe(legacyText);
    expect(decoded.text).toContain('رويترز');
  });

  it('rejects empty files, binary data and non-Arabic legacy bytes with a reason', () => {
    const reject = (bytes: number[]) => {
      try {
        decodeBytes(new Uint8Array(bytes));
      } catch (error) {
        expect(error).toBeInstanceOf(InputRejectedError);
        return (error as InputRejectedError).code;
      }
      throw new Error('expected a rejection');
    };
    expect(reject([])).toBe('empty');
    expect(reject([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])).toBe('binary');
    // Latin-1 French: invalid UTF-8, and as cp1256 it is not Arabic.
    expect(reject([...Buffer.from('Le pr', 'latin1'), 0xe9, ...Buffer.from('sident a d', 'latin1'), 0xe9, ...Buffer.from('clar', 'latin1'), 0xe9])).toBe('encoding');
  });
});

describe('damaged UTF-8', () => {
  it('is rejected with the offset, not misread as windows-1256 mojibake', () => {
    const good = Buffer.from(seed, 'utf8');
    const damaged = Buffer.concat([good.subarray(0, 301), Buffer.from([0xff]), good.subarray(301)]);
    let reason = '';
    try {
      decodeBytes(new Uint8Array(damaged));
    } catch (error) {
      reason = (error as Error).message;
    }
    expect(reason).toMatch(/invalid UTF-8 at byte 301/);
  });
});

describe('damaged UTF-16', () => {
  const reason = (bytes: Buffer): string => {
    try {
      decodeBytes(new Uint8Array(bytes));
    } catch (error) {
      expect(error).toBeInstanceOf(InputRejectedError);
      return (error as InputRejectedError).message;
    }
    return 'accepted';
  };
  // Seed 003 in UTF-16 with one code unit replaced by half a surrogate pair (a high surrogate alone).
  const units = (encoding: 'utf-16le' | 'utf-16be', bom: number[]) => {
    const body = Buffer.from(iconv.encode(seed, encoding));
    const at = 150; // code unit 150: byte 2 + 300 of the file
    if (encoding === 'utf-16le') body.writeUInt16LE(0xd83d, at * 2);
    else body.writeUInt16BE(0xd83d, at * 2);
    return Buffer.concat([Buffer.from(bom), body]);
  };

  it('is rejected at the lone surrogate with its byte offset, little- and big-endian', () => {
    expect(reason(units('utf-16le', [0xff, 0xfe]))).toMatch(/invalid UTF-16LE at byte 302: a lone surrogate/);
    expect(reason(units('utf-16be', [0xfe, 0xff]))).toMatch(/invalid UTF-16BE at byte 302: a lone surrogate/);
  });

  it('is rejected when a low surrogate stands alone or the file ends on half a code unit', () => {
    const lowAlone = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(iconv.encode('خبر', 'utf-16le')), Buffer.from([0x00, 0xdc]), Buffer.from(iconv.encode(' عاجل', 'utf-16le'))]);
    expect(reason(lowAlone)).toMatch(/at byte 8: a lone surrogate/);
    const cut = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(iconv.encode('خبر عاجل', 'utf-16le')), Buffer.from([0x41])]);
    expect(reason(cut)).toMatch(/odd number of bytes/);
  });

  it('still reads whole surrogate pairs (an emoji) in UTF-16', () => {
    const text = 'خبر عاجل 📰 من بغداد';
    expect(decodeBytes(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])))).toEqual({ text, encoding: 'utf-16le' });
  });
});
