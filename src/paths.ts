import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | null = null;

/**
 * The package's root folder (the one holding package.json), found from this file's location so
 * that it is the same whether the code runs from `src/` (tsx, vitest) or from `dist/src/` (built).
 */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))) {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('khabar: cannot find the package root (package.json beside src/)');
    dir = parent;
  }
}

/** A path inside the package (data files ship under `src/`, read at run time from there). */
export function projectPath(...parts: string[]): string {
  return join(projectRoot(), ...parts);
}
