import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../src/analyse.js';
import type { EnrichedRecord } from '../../src/schema/record.js';
import { quotesPath, recordPath } from '../../src/store/output.js';
import { recordQuotes } from '../../src/pipeline/story-files/index.js';
import { tempDir } from './pipeline.js';

/**
 * Seeds 000 and 004 give different troop numbers (2500 vs «نحو 5 آلاف»). Analysed in this order in
 * one process, the dedup stage links 004's claim to 000's as `conflicts` and stores the link on 004
 * only; the two stay in different stories, so no story file lists the pair.
 */
export async function seedConflictPair(): Promise<{ earlier: EnrichedRecord; later: EnrichedRecord }> {
  const earlier = await analyse(readFileSync('seeds/000_4b730099a6eb1bd4.txt', 'utf8'), { title: 'تعثر مفاوضات فيينا', source: 'العرب', file: '000.txt' });
  const later = await analyse(readFileSync('seeds/004_ec7f40ec6a560b24.txt', 'utf8'), { title: 'صواريخ الميليشيات رسائل إيرانية', source: 'الشرق', file: '004.txt' });
  return { earlier, later };
}

/**
 * An output folder as the writer leaves it: each record and (unless `quotes: false`) its quotes
 * file; records written a minute apart in the order given (2026-01-01 12:00, 12:01, … UTC).
 */
export function outputFolder(name: string, records: readonly EnrichedRecord[], options: { quotes: boolean } = { quotes: true }): string {
  const dir = tempDir(name);
  mkdirSync(join(dir, 'articles'), { recursive: true });
  if (options.quotes) mkdirSync(join(dir, '.quotes'), { recursive: true });
  for (const [offset, record] of records.entries()) {
    writeFileSync(recordPath(dir, record.id), JSON.stringify(record));
    if (options.quotes) writeFileSync(quotesPath(dir, record.id), JSON.stringify(recordQuotes(record)));
    const at = new Date(Date.UTC(2026, 0, 1, 12, offset));
    utimesSync(recordPath(dir, record.id), at, at);
  }
  return dir;
}
