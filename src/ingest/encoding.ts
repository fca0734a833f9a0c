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
 * Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or windows-1256 (legacy
 * Arabic). Anything else (binary data, another legacy code page) is rejected with the reason.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new InputRejectedError('the file is empty', 'empty');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
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
