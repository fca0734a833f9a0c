import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyse } from '../analyse.js';
import { readArticles } from '../ingest/readers.js';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** `khabar analyse <file|->`: the whole chain in this process, the record(s) as JSON on stdout. */
export async function analyseCommand(input: string, options: { format?: string }): Promise<void> {
  const bytes = input === '-' ? await readStdin() : new Uint8Array(readFileSync(input));
  const name = input === '-' ? `stdin.${options.format ?? 'txt'}` : basename(input);
  const { entries } = readArticles(bytes, name);
  const records = [];
  for (const entry of entries) {
    if (!entry.ok) {
      process.stderr.write(`khabar: line ${entry.line ?? '-'} skipped: ${entry.error.message}\n`);
      process.exitCode = 1;
      continue;
    }
    const { draft } = entry;
    records.push(await analyse(draft.text, { title: draft.title, source: draft.sourceName, url: draft.url, publishedAt: draft.publishedAt, file: input === '-' ? null : name, line: draft.line }));
  }
  process.stdout.write(`${JSON.stringify(records.length === 1 ? records[0] : records, null, 2)}\n`);
}
