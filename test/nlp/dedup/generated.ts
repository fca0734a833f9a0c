import { createHash } from 'node:crypto';
import type { DedupInput } from '../../../src/nlp/dedup/index-contract.js';
import { generatedArticles } from '../../../bench/corpus/rotations.js';
import { seedInput } from './seeds.js';

/**
 * `count` near-copies of the five seeds (`generatedArticles`: paragraphs rotated, a numbered
 * correction line), a minute apart from 40 outlets: a few big stories, as when a wire text is reprinted
 * by many outlets.
 */
export function reprintedStories(count: number): DedupInput[] {
  const start = Date.parse('2021-07-14T00:00:00.000Z');
  return generatedArticles(count).map((text, i) =>
    seedInput(
      { file: `${String(i % 5).padStart(3, '0')}_generated`, id: createHash('sha256').update(text).digest('hex').slice(0, 16), text },
      { publishedAt: new Date(start + i * 60_000).toISOString(), sourceName: `outlet-${i % 40}` },
    ),
  );
}
