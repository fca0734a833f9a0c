import { createHash } from 'node:crypto';
import { mkdir, rename, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { writeJsonAtomic } from '../store/output.js';

export const DONE_DIR = '.done';
export const FAILED_DIR = '.failed';

/** A file name's limit on Linux and macOS file systems (bytes of one path component). */
const MAX_NAME_BYTES = 255;
const REPORT_SUFFIX = '.error.json';
/**
 * The report's own name must leave room for the temp name writeJsonAtomic writes first
 * (`.<name>.<pid>.<8 hex>.tmp`, up to 25 bytes more): a 240-byte input name failed with ENAMETOOLONG
 * there, and the file stayed in the inbox to fail again on every restart.
 */
const MAX_REPORT_NAME_BYTES = MAX_NAME_BYTES - 30;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8, cut between characters (never inside one). */
function utf8Prefix(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * `name` if it fits in `maxBytes`, else its start, `~`, 10 hex digits of its SHA-256 and its
 * extension: still unique (the hash is of the whole name) and traceable (the start reads the same).
 */
export function fitName(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name, 'utf8') <= maxBytes) return name;
  const hash = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 10);
  const rawExt = extname(name);
  const ext = Buffer.byteLength(rawExt, 'utf8') <= 16 ? rawExt : '';
  const room = maxBytes - Buffer.byteLength(`~${hash}${ext}`, 'utf8');
  return `${utf8Prefix(name.slice(0, name.length - ext.length), room)}~${hash}${ext}`;
}

/** A free name in `dir` for `name`: the name itself, else `stem.2.ext`, `stem.3.ext`, … (nothing is overwritten), each within the name limit. */
async function freeName(dir: string, name: string): Promise<string> {
  if (!(await exists(join(dir, name)))) return name;
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = fitName(`${stem}.${n}${ext}`, MAX_NAME_BYTES);
    if (!(await exists(join(dir, candidate)))) return candidate;
  }
}

/** Where the reason for `storedName` goes: `<name>.error.json`, shortened (start + hash) when that would be too long a name. */
export function reportName(storedName: string): string {
  return `${fitName(storedName, MAX_REPORT_NAME_BYTES - REPORT_SUFFIX.length)}${REPORT_SUFFIX}`;
}

/**
 * Moves an inbox file to `inbox/.done/` or `inbox/.failed/` (with its report beside it, named by
 * `reportName`; the report names the file as it was and as it is stored). Nothing is deleted.
 */
export async function settleInboxFile(
  inboxDir: string,
  filePath: string,
  outcome: 'done' | 'failed',
  errorReport: Record<string, unknown> | null,
): Promise<string> {
  const dir = join(inboxDir, outcome === 'done' ? DONE_DIR : FAILED_DIR);
  await mkdir(dir, { recursive: true });
  const name = await freeName(dir, basename(filePath));
  const target = join(dir, name);
  // The reason is on disk (whole) before the file appears beside it.
  if (errorReport !== null) await writeJsonAtomic(join(dir, reportName(name)), name === basename(filePath) ? errorReport : { ...errorReport, storedAs: name });
  await rename(filePath, target);
  return target;
}
