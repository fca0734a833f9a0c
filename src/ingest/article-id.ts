import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { ArticleDraft } from './readers.js';

/**
 * The article id: 16 hex digits of SHA-256 over where the article comes from and its text. The same
 * file dropped twice gives the same id (one record); the same text from two outlets gives two ids
 * (two records, which dedup marks as copies). Never a file name: no user path reaches the output.
 */
export function articleId(draft: ArticleDraft, filePath: string): string {
  const sourceKey =
    draft.sourceName || draft.url
      ? `${draft.sourceName ?? ''}|${draft.url ?? ''}`
      : `${basename(filePath)}#${draft.line ?? 0}`;
  return createHash('sha256').update(sourceKey).update('\u0000').update(draft.text).digest('hex').slice(0, 16);
}

/** An id for an input that never became an article (a rejected file or line). */
export function rejectedInputId(filePath: string, bytes: Uint8Array | null, line: number | null): string {
  const hash = createHash('sha256').update(basename(filePath)).update('\u0000').update(String(line ?? 0)).update('\u0000');
  if (bytes) hash.update(bytes);
  return hash.digest('hex').slice(0, 16);
}
