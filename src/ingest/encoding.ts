import iconv from 'iconv-lite';
import { InputRejectedError } from './errors.js';

export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Share of characters that are C0/C1 controls other than tab, newline, carriage return, form feed. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || (code >= 0x7f && code < 0xa0)) controls++;
  }
  return controls / text.length;
}

/** Share of letters that are Arabic, among all letters: a windows-1256 guess must look like Arabic. */
function arabicLetterShare(text: string): number {
  let letters = 0;
  let arabic = 0;
  for (const char of text) {
    if (/\p{L}/u.test(char)) {
      letters++;
      if (/\p{Script=Arabic}/u.test(char)) arabic++;
    }
  }
  return letters === 0 ? 0 : arabic / letters;
}

/**
 * Share of bytes ≥ 0x80 that sit in well-formed UTF-8 multi-byte sequences. Arabic UTF-8 with one
 * broken byte scores near 1; real windows-1256 text (single high bytes) scores near 0. Without this
 * check a damaged UTF-8 file would "decode" as windows-1256 into Arabic-looking mojibake.
 */
function utf8SequenceShare(bytes: Uint8Array): number {
  let high = 0;
  let inSequences = 0;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const length = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 && byte <= 0xdf ? 2 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (valid) {
      high += length;
      inSequences += length;
      i += length;
    } else {
      high++;
      i++;
    }
  }
  return high === 0 ? 0 : inSequences / high;
}

/** Offset of the first byte where UTF-8 decoding breaks (for the error message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let end = 1024; ; end += 1024) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.min(end, bytes.length)), { stream: end < bytes.length });
    } catch {
      // Narrow down inside the failing block.
      for (let cut = Math.max(0, end - 1024); cut < Math.min(end, bytes.length); cut++) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, cut + 1), { stream: true });
        } catch {
          return cut;
        }
      }
      return Math.max(0, end - 1024);
    }
    if (end >= bytes.length) return bytes.length;
  }
}

/** Index of the first UTF-16 code unit that is half a surrogate pair, or -1 when every pair is whole. */
export function firstLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return i;
    }
  }
  return -1;
}

/**
 * UTF-16 after its BOM. A lone surrogate (half a character: a damaged or cut file) or an odd byte
 * count is refused as damaged UTF-8 is, with the byte offset: decoded as is, it became titles and
 * tokens with broken characters.
 */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) {
    throw new InputRejectedError(`invalid ${encoding.toUpperCase()} at byte ${bytes.length - 1}: an odd number of bytes (the file is cut or damaged)`, 'encoding');
  }
  const text = iconv.decode(Buffer.from(body), encoding);
  const lone = firstLoneSurrogate(text);
  if (lone >= 0) {
    throw new InputRejectedError(`invalid ${encoding.toUpperCase()} at byte ${2 + lone * 2}: a lone surrogate, half a character (the file is damaged UTF-16)`, 'encoding');
  }
  return { text, encoding };
}

/**
 * Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or windows-1256 (legacy
 * Arabic). Anything else (binary data, another legacy code page) is rejected with the reason.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new InputRejectedError('the file is empty', 'empty');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (bytes.includes(0)) {
    throw new InputRejectedError('the file holds NUL bytes: binary data, or UTF-16 without a byte-order mark', 'binary');
  }
  let text: string | null = null;
  try {
    text = utf8.decode(bytes); // drops a UTF-8 BOM
  } catch {
    text = null;
  }
  if (text !== null) {
    if (controlShare(text) > 0.01) throw new InputRejectedError('the file is mostly control characters: binary data, not text', 'binary');
    return { text, encoding: 'utf-8' };
  }
  if (utf8SequenceShare(bytes) > 0.8) {
    throw new InputRejectedError(`invalid UTF-8 at byte ${firstInvalidUtf8(bytes)} (the file is damaged UTF-8, not a legacy encoding)`, 'encoding');
  }
  const legacy = iconv.decode(Buffer.from(bytes), 'windows-1256');
  if (controlShare(legacy) > 0.01) throw new InputRejectedError('the file is neither UTF-8, UTF-16 nor windows-1256 text (binary data?)', 'binary');
  if (arabicLetterShare(legacy) < 0.3) {
    throw new InputRejectedError(
      'the file is not valid UTF-8, and read as windows-1256 it is not Arabic text; save it as UTF-8',
      'encoding',
    );
  }
  return { text: legacy, encoding: 'windows-1256' };
}
