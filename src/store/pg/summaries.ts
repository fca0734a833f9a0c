import type { ArticleSummary } from '../../schema/api.js';

/** Rows as the readers select them, and their API shapes. */

export const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export interface ArticleRow {
  id: string;
  source: string | null;
  url: string | null;
  title: string | null;
  published_at: Date | null;
  at: Date;
  story_id: string | null;
  score?: number;
}

export function articleSummary(row: ArticleRow): ArticleSummary {
  return {
    id: row.id, source: row.source, url: row.url, title: row.title, publishedAt: iso(row.published_at), at: iso(row.at) as string,
    storyId: row.story_id, ...(row.score !== undefined ? { score: Number(row.score) } : {}),
  };
}

