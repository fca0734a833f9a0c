import { ENTITY_TYPES } from '../../src/nlp/ner/tags.js';

export interface TypeScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

/** Chunks of an IOB2 string sequence as "type:first:last" (a stray I-X opens a chunk, as conlleval does). */
function chunkSet(tags: readonly string[]): string[] {
  const chunks: string[] = [];
  let openType: string | null = null;
  let openStart = 0;
  const close = (end: number): void => {
    if (openType !== null) chunks.push(`${openType}:${openStart}:${end}`);
    openType = null;
  };
  tags.forEach((tag, i) => {
    const prefix = tag[0];
    const type = tag.slice(2);
    if (tag === 'O') {
      close(i - 1);
    } else if (prefix === 'B' || openType !== type) {
      close(i - 1);
      openType = type;
      openStart = i;
    }
  });
  close(tags.length - 1);
  return chunks;
}

function score(correct: number, gold: number, predicted: number): TypeScore {
  const precision = predicted === 0 ? 0 : (100 * correct) / predicted;
  const recall = gold === 0 ? 0 : (100 * correct) / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
}

/** conlleval: exact span and type over IOB2 sequences; per type and overall (micro). */
export function conllEval(gold: ReadonlyArray<readonly string[]>, predicted: ReadonlyArray<readonly string[]>): Record<string, TypeScore> {
  const counts: Record<string, { gold: number; predicted: number; correct: number }> = {};
  for (const type of [...ENTITY_TYPES, 'overall']) counts[type] = { gold: 0, predicted: 0, correct: 0 };
  gold.forEach((goldTags, s) => {
    const goldChunks = chunkSet(goldTags);
    const predictedChunks = chunkSet(predicted[s] ?? []);
    const goldSet = new Set(goldChunks);
    for (const chunk of goldChunks) {
      const type = chunk.split(':')[0]!;
      counts[type]!.gold++;
      counts.overall!.gold++;
    }
    for (const chunk of predictedChunks) {
      const type = chunk.split(':')[0]!;
      counts[type]!.predicted++;
      counts.overall!.predicted++;
      if (goldSet.has(chunk)) {
        counts[type]!.correct++;
        counts.overall!.correct++;
      }
    }
  });
  const result: Record<string, TypeScore> = {};
  for (const [type, c] of Object.entries(counts)) result[type] = score(c.correct, c.gold, c.predicted);
  return result;
}
