import { z } from 'zod';

const optionalText = z.string().nullish();

/** A date we can place in time; stored as ISO 8601. */
const DateText = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a date (use ISO 8601, e.g. 2021-07-13T23:41:00Z)')
  .transform((value) => new Date(value).toISOString());

/**
 * One article as a JSON object. `text` is the body; `content` and `body` are accepted for it (the
 * names SaudiNewsNet and many scrapers use), and `date`/`published_at` for `publishedAt`.
 */
export const JsonArticleSchema = z
  .object({
    text: optionalText,
    content: optionalText,
    body: optionalText,
    title: optionalText,
    source: optionalText,
    url: optionalText,
    publishedAt: DateText.nullish(),
    published_at: DateText.nullish(),
    date: DateText.nullish(),
  })
  .superRefine((value, ctx) => {
    const body = value.text ?? value.content ?? value.body;
    if (typeof body !== 'string' || body.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'an article needs a non-empty "text" (or "content") string', path: ['text'] });
    }
  })
  .transform((value) => ({
    text: (value.text ?? value.content ?? value.body) as string,
    title: value.title ?? null,
    sourceName: value.source ?? null,
    url: value.url ?? null,
    publishedAt: value.publishedAt ?? value.published_at ?? value.date ?? null,
  }));
