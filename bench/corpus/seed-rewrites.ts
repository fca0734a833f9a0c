import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordInProgress, StageName } from '../../src/schema/record.js';
import { stageDefinition } from '../../src/pipeline/stage-chain.js';
import { initStage } from '../lib/chain.js';
import { toRecord } from './article.js';

/**
 * The seeds rewritten `count` times (the same scheme as the soak test's corpus: paragraphs rotated, a
 * numbered line added), each run through the `upstream` stages: long articles in five big stories.
 */
export async function* seedRewrites(count: number, upstream: readonly StageName[]): AsyncGenerator<RecordInProgress> {
  const seeds = readdirSync('seeds').filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(join('seeds', name), 'utf8'));
  const stages = await Promise.all(upstream.map(async (name) => initStage(stageDefinition(name))));
  for (let i = 0; i < count; i++) {
    const [title = '', ...body] = seeds[i % seeds.length]!.split(/\n\s*\n/);
    const shift = Math.floor(i / seeds.length) % Math.max(body.length, 1);
    const text = `${title}\n\n${[...body.slice(shift), ...body.slice(0, shift)].join('\n\n')}\n\nتصحيح رقم ${i + 1}: حدثت هذه النسخة من الخبر.`;
    const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
    let record = toRecord({ id, title, text, source: `outlet-${i % 7}`, publishedAt: new Date(Date.UTC(2021, 6, 1) + i * 60_000).toISOString() });
    for (const stage of stages) record = await stage(record);
    yield record;
  }
}
