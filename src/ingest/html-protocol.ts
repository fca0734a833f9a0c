import { z } from 'zod';
import { REJECTION_CODES } from './errors.js';

/** What crosses between the ingest and its HTML threads (html-pool.ts, html-thread.ts); parsed on both sides. */
export const HtmlRequestSchema = z.object({ id: z.number().int().nonnegative(), html: z.string() });
export type HtmlRequest = z.infer<typeof HtmlRequestSchema>;

const DraftSchema = z.object({
  text: z.string(),
  title: z.string().nullable(),
  sourceName: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  line: z.number().int().positive().nullable(),
});

/** A page read (its one article), or refused with the reason and InputRejectedError code. */
export const HtmlReplySchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), draft: DraftSchema }),
  z.object({ id: z.number().int(), ok: z.literal(false), message: z.string(), code: z.enum(REJECTION_CODES) }),
]);
export type HtmlReply = z.infer<typeof HtmlReplySchema>;
