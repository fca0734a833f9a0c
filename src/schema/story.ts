import { z } from 'zod';

/** Why two articles of a story are linked (a symmetric fact about the pair). */
export const StoryLinkKindSchema = z.enum(['exact', 'near-duplicate', 'reused-passage', 'similar-content']);

export const StoryArticleSchema = z.object({
  id: z.string(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** The article's title as its record gives it; null when it has none or its record is not written yet. */
  title: z.string().nullable().optional(),
});

/** An entity that the story is about: named in many of its articles, above all in titles and leads. */
export const StoryEntitySchema = z.object({
  /** The canonical entity id (the records' `entities[].entityId`). */
  entityId: z.string(),
  /** Its canonical name. */
  name: z.string(),
  type: z.enum(['PER', 'ORG', 'LOC', 'MISC']),
  /** How many of the story's articles name it. */
  articles: z.number().int().positive(),
});

export const StoryLinkSchema = z.object({
  kind: StoryLinkKindSchema,
  /** The pair, smaller id first. */
  a: z.string(),
  b: z.string(),
  /** Estimated Jaccard (near duplicates: of word 5-gram shingles; similar content: weighted Jaccard of the two event sketches, src/nlp/dedup/event.ts); 1 for exact copies. */
  similarity: z.number().min(0).max(1),
  /** Reused passages: [start, end) in a's text and in b's text (UTF-16 offsets into each original text). */
  passage: z.object({ aStart: z.number().int(), aEnd: z.number().int(), bStart: z.number().int(), bEnd: z.number().int() }).optional(),
});

export const StoryClaimSchema = z.object({
  articleId: z.string(),
  /** Index into that article's `claims`. */
  claim: z.number().int().nonnegative(),
  /**
   * The claim as written, quoted from the article's record; null while that record is not written
   * yet (the story's next rewrite fills it in). The index keeps no claim text.
   */
  text: z.string().nullable(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const StoryQuantitySchema = StoryClaimSchema.extend({
  value: z.number(),
  valueMax: z.number().nullable(),
  approx: z.boolean(),
  /** The number as written («نحو 50 هجوما»); null like `text`. */
  quantityText: z.string().nullable(),
});

export const StorySchema = z.object({
  storyId: z.string(),
  /** Grows whenever the story changes; the writer never replaces a file with an older version. */
  version: z.number().int().nonnegative(),
  mergedInto: z.null(),
  articles: z.array(StoryArticleSchema),
  /** The title of the story's most central article (the one most linked to the others); null before any title is known. */
  headline: z.string().nullable().optional(),
  /** The entities the story is about, most salient first (at most 8). */
  keyEntities: z.array(StoryEntitySchema).optional(),
  sources: z.array(z.string()),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  /**
   * Links between members, sorted by (a, b, kind, passage start); a pair with several reused passages
   * is listed once per passage. Capped (`maxStoryLinks` in the dedup options, 256 by default) so that
   * a story of a text reprinted by hundreds of outlets keeps a small file: `linkCount` says how many
   * the story holds, and each article's own record lists its links in full.
   */
  links: z.array(StoryLinkSchema),
  /** How many links the story holds (`links` lists at most the first `maxStoryLinks` of them). */
  linkCount: z.number().int().nonnegative().optional(),
  /**
   * Claims that two or more articles carry (same speaker and similar content, or the same count).
   * A group lists at most `maxStoryQuotes` claims (32 by default, sorted by article id); `claimCount`
   * is present when it holds more. `sources` is always complete.
   */
  corroboratedClaims: z.array(
    z.object({ claims: z.array(StoryClaimSchema).min(2), claimCount: z.number().int().min(2).optional(), sources: z.array(z.string()) }),
  ),
  /**
   * The same counted thing with values that disagree beyond their stated approximation. Lists at most
   * `maxStoryQuotes` values (sorted by article id); `valueCount` is present when there are more.
   */
  conflicts: z.array(
    z.object({
      counted: z.string(),
      values: z.array(StoryQuantitySchema).min(2),
      valueCount: z.number().int().min(2).optional(),
      /** Why these values were compared (same counted noun and unit, same subject, same event) and why they disagree, in a sentence. */
      reason: z.string().optional(),
    }),
  ),
});
export type Story = z.infer<typeof StorySchema>;

/** What output/stories/<storyId>.json holds once the story has been merged into another. */
export const StoryTombstoneSchema = z.object({
  storyId: z.string(),
  mergedInto: z.string(),
});
export type StoryTombstone = z.infer<typeof StoryTombstoneSchema>;

export const StoryFileSchema = z.union([StorySchema, StoryTombstoneSchema]);
export type StoryFile = z.infer<typeof StoryFileSchema>;
