import { resolve } from 'node:path';
import { EXPORT_KINDS, ExportFormatSchema, exportLines, exportRows } from '../api/export.js';
import { BadRequest } from '../api/params.js';
import { loadEnv } from '../config.js';
import { openRecordReader } from '../store/open-reader.js';
import { z } from 'zod';
import { parseOption } from './context.js';

export interface ExportOptions {
  format: string;
  out: string;
  entity?: string;
  outlet?: string;
  from?: string;
  to?: string;
  q?: string;
  speaker?: string;
  max?: string;
}

/**
 * `khabar export articles|claims|entities --format csv|jsonl [query]`: what the query selects, streamed
 * to stdout from the record store (PostgreSQL with KHABAR_DATABASE_URL, else the output folder).
 */
export async function exportCommand(kindArg: string, options: ExportOptions): Promise<void> {
  const kind = parseOption('kind', z.enum(EXPORT_KINDS), kindArg);
  const format = parseOption('--format', ExportFormatSchema, options.format);
  const query = Object.fromEntries(Object.entries({ entity: options.entity, outlet: options.outlet, from: options.from, to: options.to, q: options.q, speaker: options.speaker, max: options.max }).filter(([, value]) => value !== undefined));
  const reader = openRecordReader({ databaseUrl: loadEnv().KHABAR_DATABASE_URL, outDir: resolve(options.out) });
  try {
    const rows = exportRows(reader, kind, query);
    for await (const chunk of exportLines(rows, kind, format)) {
      if (!process.stdout.write(chunk)) await new Promise((done) => process.stdout.once('drain', done));
    }
  } catch (error) {
    if (error instanceof BadRequest) throw new Error(`export: ${error.message}`);
    throw error;
  } finally {
    await reader.close();
  }
}
