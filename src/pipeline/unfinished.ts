import { relative } from 'node:path';
import type { Redis } from 'ioredis';
import { allQueues } from './stage-chain.js';
import { articleJobId, failureJobId } from './queues.js';

/** An input that has not ended in records or failure records: its unfinished articles (null: not queued yet). */
export interface UnfinishedInput {
  path: string;
  articleIds: string[] | null;
}

/** The most files a report lists line by line (the rest are counted). */
export const REPORT_MAX_FILES = 1_000;

/**
 * Where each article stands, read with plain reads of BullMQ's job hashes (no script: a Redis out of
 * memory refuses scripts that may write, but still answers reads): the furthest queue that holds its
 * job, and whether that job waits, has started, failed or completed. `null` when Redis does not answer.
 */
export async function locateArticles(redis: Redis, prefix: string, ids: readonly string[]): Promise<Map<string, string> | null> {
  const queues = [...allQueues()].reverse();
  const probes = ids.flatMap((id) => [
    { id, where: 'write (failure record)', key: `${prefix}:write:${failureJobId(id)}` },
    ...queues.map((queue) => ({ id, where: queue, key: `${prefix}:${queue}:${articleJobId(id)}` })),
  ]);
  const pipeline = redis.pipeline();
  for (const probe of probes) pipeline.hmget(probe.key, 'processedOn', 'finishedOn', 'failedReason', 'timestamp');
  let replies: [Error | null, unknown][] | null;
  try {
    replies = await pipeline.exec();
  } catch {
    return null;
  }
  if (!replies) return null;
  const located = new Map<string, string>();
  probes.forEach((probe, index) => {
    if (located.has(probe.id)) return;
    const [error, fields] = replies[index] ?? [null, null];
    if (error || !Array.isArray(fields)) return;
    const [processedOn, finishedOn, failedReason, timestamp] = fields as (string | null)[];
    if (timestamp === null || timestamp === undefined) return; // no such job in this queue
    const state = finishedOn ? (failedReason ? `failed (${failedReason.slice(0, 120)})` : 'done, not handed on') : processedOn ? 'started' : 'waiting';
    located.set(probe.id, `${state} in ${probe.where}`);
  });
  return located;
}

/** The report's lines: one per unfinished input, saying where its articles stand. */
export function unfinishedLines(inputs: readonly UnfinishedInput[], located: Map<string, string> | null): string[] {
  const lines = inputs.slice(0, REPORT_MAX_FILES).map((input) => {
    const name = displayName(input.path);
    if (input.articleIds === null) return `  ${name}: not queued`;
    const places = new Map<string, number>();
    for (const id of input.articleIds) {
      const place = located === null ? 'stage unknown (Redis did not answer)' : located.get(id) ?? 'in no queue';
      places.set(place, (places.get(place) ?? 0) + 1);
    }
    const parts = [...places].map(([place, count]) => (input.articleIds?.length === 1 ? place : `${count} ${place}`));
    return `  ${name}: ${input.articleIds.length === 1 ? '' : `${input.articleIds.length} article(s): `}${parts.join(', ')}`;
  });
  if (inputs.length > REPORT_MAX_FILES) lines.push(`  … and ${inputs.length - REPORT_MAX_FILES} more file(s)`);
  return lines;
}

/** Paths inside the working directory as relative paths, others as they are. */
function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}
