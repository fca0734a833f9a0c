import { readFileSync, readdirSync } from 'node:fs';
import { projectPath } from '../../../src/paths.js';

/** The five seed articles, by file name prefix ("000" … "004"). */
export function seeds(): Map<string, string> {
  const dir = projectPath('seeds');
  const out = new Map<string, string>();
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) out.set(f.slice(0, 3), readFileSync(`${dir}/${f}`, 'utf8'));
  return out;
}

export function seed(prefix: string): string {
  const text = seeds().get(prefix);
  if (text === undefined) throw new Error(`no seed ${prefix}`);
  return text;
}
