// Reads the story gold set (test/fixtures/stories-gold/, README beside it) for `npm run eval:stories`:
// each article as the ingest reads it (its own zod schema) and the true event of each, with its split.
// The guard test keeps its own, stricter loader (test/nlp/dedup/stories-gold.ts): scripts do not import tests.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { JsonArticleSchema } from '../../src/ingest/json-article.js';
import { resolve } from 'node:path';
import { projectRoot } from '../../src/paths.js';

/** A gold set's folder: relative to the project root (as the npm scripts run), or absolute. */
const goldDir = (dir: string): string => resolve(projectRoot(), dir);

export const STORIES_GOLD_DIR = 'test/fixtures/stories-gold';

export const SplitSchema = z.enum(['tune', 'heldout']);
export type Split = z.infer<typeof SplitSchema>;

const GoldLineSchema = z.object({ id: z.string().regex(/^sg-[0-9a-f]{8}$/), url: z.string().url() }).passthrough();

const EventsSchema = z.object({
  articles: z.record(z.string(), z.string()),
  events: z.record(z.string(), z.object({ split: SplitSchema }).passthrough()),
});

export interface GoldArticle {
  goldId: string;
  event: string;
  article: z.output<typeof JsonArticleSchema>;
}

/** The articles of one split, in publication order (then by id, so runs repeat exactly). */
export function readGoldSplit(split: Split, dir = STORIES_GOLD_DIR): GoldArticle[] {
  const events = EventsSchema.parse(JSON.parse(readFileSync(resolve(goldDir(dir), 'events.json'), 'utf8')));
  const lines = readFileSync(resolve(goldDir(dir), 'articles.jsonl'), 'utf8').split('\n').filter((line) => line.trim() !== '');
  const articles: GoldArticle[] = [];
  for (const [index, line] of lines.entries()) {
    const value: unknown = JSON.parse(line);
    const { id } = GoldLineSchema.parse(value);
    const event = events.articles[id];
    if (event === undefined) throw new Error(`articles.jsonl line ${index + 1}: ${id} has no event in events.json`);
    const eventInfo = events.events[event];
    if (!eventInfo) throw new Error(`events.json: event ${event} is not described`);
    if (eventInfo.split !== split) continue;
    articles.push({ goldId: id, event, article: JsonArticleSchema.parse(value) });
  }
  const time = (a: GoldArticle) => Date.parse(a.article.publishedAt ?? '') || 0;
  return articles.sort((a, b) => time(a) - time(b) || (a.goldId < b.goldId ? -1 : a.goldId > b.goldId ? 1 : 0));
}
