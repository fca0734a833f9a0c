import { z } from 'zod';

export const ReusedPassageSchema = z.object({
  otherId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  otherStart: z.number().int().nonnegative(),
  otherEnd: z.number().int().nonnegative(),
});

export const ClaimLinkSchema = z.object({
  /** Index into this record's `claims`. */
  claim: z.number().int().nonnegative(),
  otherId: z.string(),
  otherClaim: z.number().int().nonnegative(),
  relation: z.enum(['corroborates', 'conflicts']),
  similarity: z.number().min(0).max(1),
});

export const DedupLayerSchema = z.object({
  contentHash: z.string(),
  storyId: z.string(),
  /** Why the article joined its story: the strongest link found. */
  storyReason: z.enum(['new', 'exact', 'near-duplicate', 'reused-passage', 'similar-content']),
  exactDuplicateOf: z.string().nullable(),
  nearDuplicates: z.array(z.object({ id: z.string(), similarity: z.number().min(0).max(1) })),
  reusedPassages: z.array(ReusedPassageSchema),
  claimLinks: z.array(ClaimLinkSchema),
});
export type DedupLayer = z.infer<typeof DedupLayerSchema>;
