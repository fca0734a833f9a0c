import { mkdir, readdir, rename, rm, stat, writeFile, open, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** output/articles/<id>.json: ids are hex hashes, so no user-controlled name reaches the output folder. */
export function recordPath(outDir: string, id: string): string {
  return join(outDir, 'articles', `${safeId(id)}.json`);
}

/**
 * output/.quotes/<id>.json: an article's claims as story files quote them (text and quantities, a few
 * KB), beside its record (hundreds of KB, mostly tokens). A story flush reads one for each quoted
 * member, so a 1,000-article story reads a few MB instead of the records' ~230 MB. A cache of the
 * writer's: deleting it only makes flushes read the records again.
 */
export function quotesPath(outDir: string, id: string): string {
  return join(outDir, '.quotes', `${safeId(id)}.json`);
}

export function failurePath(outDir: string, id: string): string {
  return join(outDir, 'failed', `${safeId(id)}.json`);
}

function safeId(id: string): string {
  if (!/^[0-9a-z-]{1,80}$/.test(id)) throw new Error(`refusing to write an output file for id "${id}"`);
  return id;
}

/**
 * An output file that could not be written (a full disk, a read-only or forbidden folder): the
 * message names the path and the system's code, e.g. "cannot write out/articles/x.json: ENOSPC (no
 * space left on device)", so that the log line and the failure record say what to fix.
 */
export class OutputWriteError extends Error {
  readonly code: string;
  constructor(readonly path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'EIO';
    const detail = (cause as Error).message.replace(/^[A-Z]+: /, '').replace(/, \w+( '.*')?$/, '');
    super(`cannot write ${path}: ${code} (${detail})`);
    this.name = 'OutputWriteError';
    this.code = code;
  }
}

/**
 * Writes JSON so that a reader never sees half a file: a temp file in the same folder, fsync, then
 * rename (atomic on POSIX). Two writers of the same path both succeed; the last rename wins whole.
 * Whatever fails (the write on a full disk, the fsync, the rename), the temp file goes: a full disk
 * once left 263 empty temp files behind. `compact`: one line, for records (issue 21: an article's
 * record indented was ~200 KB, mostly the token array one field a line, and serialising and writing
 * it was a good part of the writer's CPU).
 */
export async function writeJsonAtomic(path: string, value: unknown, options: { compact?: boolean } = {}): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // The JSON and its newline encoded straight into one buffer: `${json}\n` is a cons string that
  // the write flattens into a second copy of the whole text (~360 KB of V8 heap a record, issue 21).
  const json = String(options.compact ? JSON.stringify(value) : JSON.stringify(value, null, 2));
  const body = Buffer.allocUnsafe(Buffer.byteLength(json, 'utf8') + 1);
  body[body.write(json, 0, 'utf8')] = 0x0a;
  try {
    const handle = await openInFolder(dir, temp);
    try {
      await handle.writeFile(body);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw new OutputWriteError(path, error);
  }
}

/**
 * Folders this process has made or found: a recursive mkdir before every write was about a seventh of
 * the writer's file work (issue 21). A folder removed behind our back shows as ENOENT at the open:
 * it is made again and the open retried once.
 */
const knownFolders = new Set<string>();

async function openInFolder(dir: string, path: string): Promise<FileHandle> {
  if (!knownFolders.has(dir)) {
    await mkdir(dir, { recursive: true });
    knownFolders.add(dir);
  }
  try {
    return await open(path, 'w');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    knownFolders.delete(dir);
    await mkdir(dir, { recursive: true });
    knownFolders.add(dir);
    return await open(path, 'w');
  }
}

/** Plain write for small side files (e.g. `.error.json` beside a failed input). */
export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** Output files are `<id>.json`; anything else in the folder (temp files, editors' droppings) is not a record. */
export function isOutputFile(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.');
}

/**
 * Removes temp files that a writer killed between write and rename left behind (older than `ageMs`,
 * so a live writer's temp file is never touched). Returns how many it removed.
 */
export async function removeStaleTempFiles(dir: string, ageMs = 10 * 60_000): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!(name.startsWith('.') && name.endsWith('.tmp'))) continue;
    const path = join(dir, name);
    try {
      if (Date.now() - (await stat(path)).mtimeMs > ageMs) {
        await rm(path, { force: true });
        removed++;
      }
    } catch {
      // gone already (another writer cleaned it)
    }
  }
  return removed;
}
