import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './pipeline.js';

/** An output folder whose writes fail for real: a full disk where we can mount one, else folders that are files. */
export interface UnwritableOut {
  path: string;
  /** The error code writes into it fail with. */
  code: 'ENOSPC' | 'ENOTDIR';
  cleanup(): void;
}

/**
 * As root with mount rights (CI containers, this machine): a tmpfs of `sizeKb`, so the first records
 * fit and then the disk is full (ENOSPC), as a 2 MB tmpfs was in the probe. Elsewhere: `articles`,
 * `failed`, `stories` and `.quotes` are plain files, so every output write fails (ENOTDIR), which no
 * permission bit can undo for root.
 */
export function unwritableOut(sizeKb: number): UnwritableOut {
  const path = tempDir('unwritable-out');
  if (process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'khabar-test-full', path]).status === 0) {
    return {
      path,
      code: 'ENOSPC',
      cleanup: () => {
        spawnSync('umount', ['-l', path]);
        rmSync(path, { recursive: true, force: true });
      },
    };
  }
  for (const folder of ['articles', 'failed', 'stories', '.quotes']) writeFileSync(join(path, folder), 'not a folder\n');
  return { path, code: 'ENOTDIR', cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Every file under `dir` whose name ends in `.tmp` (temp files a writer left behind). */
export function tempFilesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.tmp')) found.push(path);
    }
  };
  mkdirSync(dir, { recursive: true });
  walk(dir);
  return found;
}
