import { z } from 'zod';

/** A half-open range `[start, end)` of UTF-16 code units into the record's original `text`. */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof SpanSchema>;

/** A span that also carries the exact characters it covers (`text.slice(start, end)`). */
export const TextSpanSchema = SpanSchema.extend({ text: z.string() });
export type TextSpan = z.infer<typeof TextSpanSchema>;
