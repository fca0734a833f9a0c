import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { recordId } from '../pipeline/new-record.js';
import type { ArticleDraft } from './readers.js';

/** The id of an article read from `filePath`: the one rule of src/pipeline/new-record.ts (`analyse()` uses it too). */
export function articleId(draft: ArticleDraft, filePath: string): string {
  return recordId({ ...draft, file: filePath });
}

/** An id for an input that never became an article (a rejected file or line). */
export function rejectedInputId(filePath: string, bytes: Uint8Array | null, line: number | null): string {
  const hash = createHash('sha256').update(basename(filePath)).update('\u0000').update(String(line ?? 0)).update('\u0000');
  if (bytes) hash.update(bytes);
  return hash.digest('hex').slice(0, 16);
}
