import type { Redis } from 'ioredis';
import { pipelineKeys } from '../store/redis-keys.js';
import { getMarkers } from './markers.js';

/**
 * One copy of an article's original text while it travels the chain, keyed by article id, instead
 * of a copy in every stage's job data (issue 21). The first stage keeps it (its own job carries the
 * text from the ingest); later stages read it; the writer drops it once the record or failure file
 * and the "written" marker are down. A retried stage still finds it: it goes only after the marker,
 * and a stage that finds neither text nor marker fails (and, past its retries, becomes a failure
 * record) rather than guess. Kept as long as the markers at most, so an abandoned article's text
 * cannot stay in Redis for ever.
 */
const TEXT_TTL_SECONDS = 30 * 24 * 3600;

export async function keepArticleText(redis: Redis, prefix: string, articleId: string, text: string): Promise<void> {
  await redis.set(pipelineKeys.articleText(prefix, articleId), text, 'EX', TEXT_TTL_SECONDS);
}

export async function readArticleText(redis: Redis, prefix: string, articleId: string): Promise<string | null> {
  return redis.get(pipelineKeys.articleText(prefix, articleId));
}

export async function dropArticleText(redis: Redis, prefix: string, articleId: string): Promise<void> {
  await redis.del(pipelineKeys.articleText(prefix, articleId));
}

/**
 * The text a stage or the writer works on: the job's own (the first stage's job; kept in Redis here
 * for the later ones), else the kept copy. Null when the copy is gone because the article is written
 * already (a retry of a job whose hand-off went through before its worker died): nothing left to do.
 */
export async function articleTextFor(redis: Redis, prefix: string, record: { id: string; text?: string }): Promise<string | null> {
  if (record.text !== undefined) {
    await keepArticleText(redis, prefix, record.id, record.text);
    return record.text;
  }
  const kept = await readArticleText(redis, prefix, record.id);
  if (kept !== null) return kept;
  const [marker] = await getMarkers(redis, prefix, [record.id]);
  if (marker) return null;
  throw new Error(`the article's text is not in Redis (${pipelineKeys.articleText(prefix, record.id)}) and the article is not written: it expired or was deleted`);
}
