import { mkdir, rename, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { writeJsonAtomic } from '../store/output.js';

export const DONE_DIR = '.done';
export const FAILED_DIR = '.failed';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A free name in `dir` for `name`: the name itself, else `stem.2.ext`, `stem.3.ext`, … (nothing is overwritten). */
async function freeName(dir: string, name: string): Promise<string> {
  if (!(await exists(join(dir, name)))) return name;
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem}.${n}${ext}`;
    if (!(await exists(join(dir, candidate)))) return candidate;
  }
}

/** Moves an inbox file to `inbox/.done/` or `inbox/.failed/` (with `<name>.error.json` beside it). Nothing is deleted. */
export async function settleInboxFile(
  inboxDir: string,
  filePath: string,
  outcome: 'done' | 'failed',
  errorReport: unknown | null,
): Promise<string> {
  const dir = join(inboxDir, outcome === 'done' ? DONE_DIR : FAILED_DIR);
  await mkdir(dir, { recursive: true });
  const name = await freeName(dir, basename(filePath));
  const target = join(dir, name);
  // The reason is on disk (whole) before the file appears beside it.
  if (errorReport !== null) await writeJsonAtomic(join(dir, `${name}.error.json`), errorReport);
  await rename(filePath, target);
  return target;
}
