import { lstat, open, stat } from 'node:fs/promises';
import { InputRejectedError } from './errors.js';
import { sameSignature, signatureOf, type FileSignature } from './settle.js';

/** How many times a file that changes while it is read is waited for and read again before it is refused. */
export const MAX_READS = 10;

/** The file changed while it was read (a writer still at it): the ingest waits for it and reads it again. */
export class FileChangedError extends Error {
  constructor(path: string) {
    super(`${path} changed while it was read`);
    this.name = 'FileChangedError';
  }
}

/** What a symbolic link points at, as far as can be told without following it anywhere. */
async function describeLink(path: string): Promise<string> {
  try {
    await stat(path);
    return 'a symbolic link';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'a symbolic link loop (ELOOP)';
    if (code === 'ENOENT') return 'a dangling symbolic link (its target does not exist)';
    return `a symbolic link whose target cannot be reached (${code ?? 'unknown error'})`;
  }
}

/**
 * An input file's bytes and its signature, compared before and after the read (on the handle and
 * on the path): a writer that appended or replaced it meanwhile makes it a FileChangedError, or on
 * the last read allowed a rejection. Links and anything but a regular file are refused unread.
 */
export async function readInputFile(path: string, maxBytes: number, lastRead: boolean): Promise<{ bytes: Uint8Array; signature: FileSignature }> {
  const info = await lstat(path);
  if (info.isSymbolicLink()) throw new InputRejectedError(`${await describeLink(path)}: symbolic links are not followed (the target may lie outside the inbox)`, 'symlink');
  if (!info.isFile()) throw new InputRejectedError('not a regular file', 'unsupported');
  if (info.size > maxBytes) {
    throw new InputRejectedError(`the file is ${info.size} bytes, above the limit of ${maxBytes} (KHABAR_MAX_FILE_BYTES)`, 'too-large');
  }
  const handle = await open(path, 'r');
  try {
    const before = signatureOf(await handle.stat());
    const bytes = new Uint8Array(await handle.readFile());
    const after = signatureOf(await handle.stat());
    if (sameSignature(before, after) && bytes.length === after.size && sameSignature(after, signatureOf(await lstat(path)))) return { bytes, signature: after };
    if (lastRead) throw new InputRejectedError(`the file kept changing while it was read (${MAX_READS} reads): write it elsewhere and rename it into the inbox`, 'unreadable');
    throw new FileChangedError(path);
  } finally {
    await handle.close();
  }
}
