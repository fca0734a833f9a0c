// Reads the story gold set (test/fixtures/stories-gold/, README beside it): the articles as the
// ingest reads them plus our own annotation fields, and the true event of each. Parsing only: no
// story code runs here, so the set stays blind.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { JsonArticleSchema } from '../../../src/ingest/json-article.js';
import { resolve } from 'node:path';
import { projectRoot } from '../../../src/paths.js';

/** A gold set's folder: relative to the project root (as the npm scripts run), or absolute. */
const goldDir = (dir: string): string => resolve(projectRoot(), dir);

export const STORIES_GOLD_DIR = 'test/fixtures/stories-gold';

const IsoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not an ISO date');
const ArticleId = z.string().regex(/^sg-[0-9a-f]{8}$/, 'an id is sg- and 8 hex digits');
const EventId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an event id is kebab-case');

/** Our annotation fields on a JSONL line; the ingest ignores them (its schema strips unknown keys). */
export const GoldArticleSchema = z
  .object({
    id: ArticleId,
    source: z.string().min(1),
    url: z.string().url(),
    publishedAt: IsoDate,
    title: z.string().min(1),
    text: z.string().min(1),
    /** A word-for-word or near copy (wire reprint) of this earlier article. */
    copyOf: ArticleId.optional(),
    /** Reprints one or two paragraphs of this earlier article. */
    reusesPassagesOf: ArticleId.optional(),
    /** Carries this boilerplate background paragraph, shared with articles of other events. */
    sharedBackground: EventId.optional(),
    /** Other events the article mentions; its own event is the one it is mainly about. */
    alsoMentions: z.array(EventId).min(1).optional(),
  })
  .strict();
export type GoldArticle = z.infer<typeof GoldArticleSchema>;

export const Split = z.enum(['tune', 'heldout']);

export const GoldEventsSchema = z
  .object({
    articles: z.record(ArticleId, EventId),
    events: z.record(
      EventId,
      z
        .object({
          description: z.string().min(10),
          split: Split,
          first: IsoDate,
          last: IsoDate,
          articles: z.number().int().positive(),
          outlets: z.number().int().positive(),
          distractorGroups: z.array(z.string().min(1)).min(1).optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type GoldEvents = z.infer<typeof GoldEventsSchema>;

export interface GoldLine {
  line: number;
  /** What the ingest makes of the line (its own zod schema), or its error. */
  ingest: ReturnType<typeof JsonArticleSchema.safeParse>;
  gold: ReturnType<typeof GoldArticleSchema.safeParse>;
}

/** The lines of a gold set's articles.jsonl (`dir` relative to the project, default the story gold). */
export function readGoldLines(dir = STORIES_GOLD_DIR): GoldLine[] {
  const raw = readFileSync(resolve(goldDir(dir), 'articles.jsonl'), 'utf8');
  return raw
    .split('\n')
    .map((text, index) => ({ text, line: index + 1 }))
    .filter(({ text }) => text.trim() !== '')
    .map(({ text, line }) => {
      const value: unknown = JSON.parse(text);
      return { line, ingest: JsonArticleSchema.safeParse(value), gold: GoldArticleSchema.safeParse(value) };
    });
}

/** The articles, throwing on the first line that is not a gold article (the guard test reports each). */
export function readGoldArticles(dir = STORIES_GOLD_DIR): GoldArticle[] {
  return readGoldLines(dir).map(({ line, gold }) => {
    if (!gold.success) throw new Error(`articles.jsonl line ${line}: ${gold.error.message}`);
    return gold.data;
  });
}

export function readGoldEvents(dir = STORIES_GOLD_DIR): GoldEvents {
  return GoldEventsSchema.parse(JSON.parse(readFileSync(resolve(goldDir(dir), 'events.json'), 'utf8')));
}

/** Whitespace-separated words: how the README counts an article's length. */
export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export const paragraphs = (text: string): string[] => text.split(/\n\n+/).map((p) => p.trim()).filter(Boolean);
