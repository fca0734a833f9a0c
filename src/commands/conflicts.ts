import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConflictsQuerySchema, listConflicts, queryProblems, type Conflict, type ConflictList, type ConflictSide } from '../dashboard/conflicts.js';
import { OutputReader } from '../dashboard/output-reader.js';

export interface ConflictsOptions {
  out: string;
  limit?: string;
  scan?: string;
  scope?: string;
  json?: boolean;
}

/**
 * `khabar conflicts`: every disagreement on a number between two articles of the output folder, as
 * the dashboard's /conflicts lists it. Reads only the output folder (no Redis), so it works on a
 * copy of a folder as well as beside a running pipeline.
 */
export async function conflictsCommand(options: ConflictsOptions, write: (text: string) => void = (text) => process.stdout.write(text)): Promise<void> {
  // The same schema as /api/conflicts: the CLI and the endpoint accept the same values.
  const query = ConflictsQuerySchema.safeParse(Object.fromEntries(Object.entries({ limit: options.limit, scan: options.scan, scope: options.scope }).filter(([, value]) => value !== undefined)), { reportInput: true });
  if (!query.success) throw new Error(`invalid option(s): ${queryProblems(query.error, (path) => `--${path}`).join('; ')}`);
  const outDir = resolve(options.out);
  // A mistyped --out would otherwise read as «0 conflicts», which a fact-checker could believe.
  if (!existsSync(outDir)) throw new Error(`no output folder at ${outDir}`);
  const list = await listConflicts(new OutputReader(outDir), query.data);
  write(options.json ? `${JSON.stringify({ query: query.data, ...list }, null, 2)}\n` : formatConflicts(list));
}

/** The list as plain text: one block per conflict, the later article (which found it) first. */
export function formatConflicts(list: ConflictList): string {
  const scanned = list.scanned < list.records ? `the newest ${list.scanned} of ${list.records} records` : `all ${list.records} record(s)`;
  const shown = list.total > list.conflicts.length ? `, the newest ${list.conflicts.length} shown` : '';
  return `${list.total} conflict(s) in ${scanned}${shown}\n${list.conflicts.map(block).join('')}`;
}

function block(conflict: Conflict): string {
  const stories = conflict.crossStory === true ? 'cross-story (in no story file)' : conflict.crossStory === false ? 'same story' : 'story unknown';
  return `\n${conflict.found.writtenAt}  ${stories}\n${side(conflict.found)}${side(conflict.other)}`;
}

function side(article: ConflictSide): string {
  const source = article.inOutput ? (article.source ?? article.file ?? '—') : 'not in this output folder';
  const numbers = article.numbers.length > 0 ? `${article.numbers.map((text) => `«${text}»`).join(' ')}  ` : '';
  return `  ${article.id}  ${article.title ?? '(no title)'}  [${source}]${article.storyId ? `  story ${article.storyId}` : ''}\n    claim ${article.claim + 1}: ${numbers}${article.text ?? '(claim text not available)'}\n`;
}
