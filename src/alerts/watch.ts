import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * A watch: what an analyst wants to hear about. `entity`: an entity id of the registry (every
 * spelling of the person, organisation or place); `keyword`: words matched on our normalised forms
 * (alef, ya, ta marbuta and diacritics folded, clitics split: «الانتخابات» finds «وللانتخابات»);
 * `speaker`: claims made by that entity. `minCheckworthiness`: only articles with a claim at least
 * that check-worthy that involves the watched thing.
 */
export const WatchKindSchema = z.enum(['entity', 'keyword', 'speaker']);
export type WatchKind = z.infer<typeof WatchKindSchema>;

export const WatchSchema = z.strictObject({
  id: z.string().regex(/^w-[0-9a-f]{12}$/),
  kind: WatchKindSchema,
  value: z.string().trim().min(1).max(200),
  minCheckworthiness: z.number().min(0).max(1).nullable(),
  /** Where alerts are POSTed (signed with KHABAR_WEBHOOK_SECRET); null: dashboard and `khabar alerts` only. */
  webhook: z.string().url().refine((url) => /^https?:\/\//.test(url), 'a webhook is an http(s) URL').nullable(),
  label: z.string().max(200).nullable(),
  createdAt: z.string(),
});
export type Watch = z.infer<typeof WatchSchema>;

/** The same watch (kind, value, threshold, webhook) added twice is one watch. */
export function watchIdOf(watch: Pick<Watch, 'kind' | 'value' | 'minCheckworthiness' | 'webhook'>): string {
  const key = JSON.stringify([watch.kind, watch.value.trim(), watch.minCheckworthiness, watch.webhook]);
  return `w-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/** What a record is matched on: small, so it travels as job data from the writer to the alerts worker. */
export const AlertViewSchema = z.strictObject({
  articleId: z.string().min(1),
  title: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  entities: z.array(z.strictObject({ entityId: z.string(), canonical: z.string(), type: z.string(), start: z.number().int(), end: z.number().int() })),
  claims: z.array(
    z.strictObject({
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      checkworthiness: z.number(),
      speakerEntityId: z.string().nullable(),
      speaker: z.string().nullable(),
    }),
  ),
  /** Each word of the title (offsets -1) and of the text: its search key, its stem's, and where it is. */
  words: z.array(z.tuple([z.string(), z.string(), z.number().int(), z.number().int()])),
});
export type AlertView = z.infer<typeof AlertViewSchema>;

/** One alert: a watch matched an article, and why. */
export const AlertSchema = z.strictObject({
  alertId: z.string(),
  watchId: z.string(),
  watchKind: WatchKindSchema,
  watchValue: z.string(),
  watchLabel: z.string().nullable(),
  articleId: z.string(),
  title: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** In words: what matched («entity مصطفى الكاظمي, 4 mentions»). */
  reason: z.string(),
  /** The matching passages (a claim, or the sentence around a mention), with offsets into the article's text. */
  snippets: z.array(z.strictObject({ text: z.string(), start: z.number().int(), end: z.number().int() })).max(5),
  at: z.string(),
});
export type Alert = z.infer<typeof AlertSchema>;
