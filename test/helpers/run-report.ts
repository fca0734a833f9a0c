import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stopKhabar, type KhabarProcess } from './processes.js';

/** Waits for a run to end; past `boundMs` it is stopped (the probes hung for ever), so the test fails on its exit code. */
export async function endsWithin(run: KhabarProcess, boundMs: number): Promise<number | null> {
  const timer = setTimeout(() => void stopKhabar(run, 5_000), boundMs);
  try {
    return await run.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** The input file names `khabar run` listed as unfinished when it stopped early (its report on stdout). */
export function reportedUnfinished(output: string): string[] {
  const at = output.indexOf('input file(s) unfinished');
  if (at < 0) return [];
  const lines = output.slice(at).split('\n').slice(1);
  const names: string[] = [];
  for (const line of lines) {
    const match = /^ {2}(.+?): /.exec(line);
    if (!match?.[1]) break;
    names.push(basename(match[1]));
  }
  return names;
}

/** The input file names of the records (or failure records) in an output folder's `articles` (or `failed`). */
export function sourcesIn(out: string, folder: 'articles' | 'failed'): string[] {
  const dir = join(out, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .map((name) => {
      const record = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { source?: { file: string | null }; origin?: { file: string | null } };
      return (folder === 'articles' ? record.source?.file : record.origin?.file) ?? '?';
    });
}

/**
 * Every input ends in exactly one place: a record, a failure record, or a line of the unfinished
 * report. Returns what breaks that (empty when it holds).
 */
export function accountingProblems(inputs: string[], out: string, output: string): string[] {
  const places = [...sourcesIn(out, 'articles'), ...sourcesIn(out, 'failed'), ...reportedUnfinished(output)];
  const problems: string[] = [];
  for (const input of inputs) {
    const count = places.filter((place) => place === input).length;
    if (count !== 1) problems.push(`${input}: in ${count} places`);
  }
  return problems;
}
