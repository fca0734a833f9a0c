import { z } from 'zod';

/**
 * What crosses between the write worker and its story-flush thread (flusher.ts): the thread's
 * start data, a flush request and its reply. Parsed on both sides like any other boundary.
 */
export const FlushThreadDataSchema = z.object({
  /** Clonable ioredis options of the writer's own connection (host, port, auth, db, tls). */
  redis: z.object({
    host: z.string().optional(),
    port: z.number().int().optional(),
    path: z.string().optional(),
    username: z.string().optional(),
    password: z.string().optional(),
    db: z.number().int().optional(),
    family: z.number().int().optional(),
    tls: z.record(z.string(), z.unknown()).optional(),
  }),
  prefix: z.string().min(1),
  outDir: z.string().min(1),
  lockPrefix: z.string().min(1),
});
export type FlushThreadData = z.infer<typeof FlushThreadDataSchema>;

export const FlushRequestSchema = z.object({ id: z.number().int().nonnegative(), storyId: z.string().regex(/^[0-9a-f]{16}$/) });
export type FlushRequest = z.infer<typeof FlushRequestSchema>;

export const FlushReplySchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), wrote: z.boolean() }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: z.string() }),
]);
export type FlushReply = z.infer<typeof FlushReplySchema>;
