import { z } from 'zod';
import { SpanSchema, TextSpanSchema } from './span.js';

/** Why a stretch of the original text is not article prose (kept in `text`, skipped by the NLP). */
export const BoilerplateKindSchema = z.enum([
  'share-residue', // «مشاركة :», «شارك», social button labels
  'read-more', // «اقرأ المزيد» and the list of links under it
  'stray-latin', // a single Latin letter alone on a line (icon-font residue)
  'repeated-headline', // a headline line repeated verbatim
  'other',
]);
export const BoilerplateSpanSchema = SpanSchema.extend({ kind: BoilerplateKindSchema });
export type BoilerplateSpan = z.infer<typeof BoilerplateSpanSchema>;

export const SentenceSchema = SpanSchema.extend({
  /** 0-based paragraph index (paragraphs are separated by line breaks). */
  paragraph: z.number().int().nonnegative(),
});
export type Sentence = z.infer<typeof SentenceSchema>;

export const TokenKindSchema = z.enum([
  'word', // Arabic word
  'latin', // Latin-script word
  'number', // digits, with separators/decimals, any script
  'punct',
  'url',
  'email',
  'hashtag',
  'mention',
  'emoji',
  'symbol',
]);
export type TokenKind = z.infer<typeof TokenKindSchema>;

export const TokenFlagSchema = z.enum([
  'mixed-script', // a Latin letter inside an Arabic word (typo such as «ويrول»)
  'boilerplate', // the token lies inside a boilerplate span
]);

export const TokenSchema = TextSpanSchema.extend({
  kind: TokenKindSchema,
  /** Normalised form: no diacritics or tatweel, alef variants → ا, ى → ي, NFKC, ASCII digits, Latin lower-case. */
  norm: z.string(),
  /** Search key: `norm` with ة → ه (for matching only). */
  key: z.string(),
  /** Clitic segmentation in the D3 style, normalised: «بالقرب» → ["ب", "ال", "قرب"]. One element for non-words. */
  segments: z.array(z.string()).min(1),
  /** The stem (the segment that is neither proclitic nor enclitic), normalised. */
  stem: z.string(),
  /** Offsets of the stem (plus nothing else) in the original text; equal to the token's for unsegmented tokens. */
  stemStart: z.number().int().nonnegative(),
  stemEnd: z.number().int().nonnegative(),
  /** 0-based index of the sentence that holds the token. */
  sentence: z.number().int().nonnegative(),
  flags: z.array(TokenFlagSchema).optional(),
});
export type Token = z.infer<typeof TokenSchema>;

/** Metadata that the text itself states (the container's own metadata, when present, takes precedence). */
export const TextMetadataSchema = z.object({
  title: TextSpanSchema.nullable(),
  subtitles: z.array(TextSpanSchema),
  /** Dateline city, e.g. «بغداد» in «بغداد - …». */
  dateline: TextSpanSchema.nullable(),
  /** News agency named in the text, canonical Arabic name in `name`. */
  agency: TextSpanSchema.extend({ name: z.string() }).nullable(),
  /** Publication date (and time) stated in the text, ISO 8601: `2021-07-13` or `2021-07-13T23:41:00Z` (the text gives no zone, so a time is recorded as UTC). */
  published: TextSpanSchema.extend({ iso: z.string() }).nullable(),
});
export type TextMetadata = z.infer<typeof TextMetadataSchema>;

/** Everything the tokenise stage adds to a record. */
export const TextLayerSchema = z.object({
  metadata: TextMetadataSchema,
  boilerplate: z.array(BoilerplateSpanSchema),
  sentences: z.array(SentenceSchema),
  tokens: z.array(TokenSchema),
});
export type TextLayer = z.infer<typeof TextLayerSchema>;

/** The text's language as its letters tell it (src/nlp/text/language.ts): a script share, not a language model. */
export const TextLanguageSchema = z.object({
  /** `ar` when at least half the letters are Arabic script; `other` when most are another script; `none` without letters. */
  code: z.enum(['ar', 'other', 'none']),
  /** Share of the text's letters that are Arabic script, 0–1 (two decimals). */
  arabicShare: z.number().min(0).max(1),
  /** The Unicode script most letters are in (`Arabic`, `Latin`, `Cyrillic`…; `Other` for the rest), null without letters. */
  script: z.string().nullable(),
});
export type TextLanguage = z.infer<typeof TextLanguageSchema>;

/** Something about the input the user should know although a record was written. */
export const RecordWarningSchema = z.object({
  /** `not-arabic`: the text is not (mostly) Arabic, so the Arabic NLP layers are empty or meaningless. */
  code: z.enum(['not-arabic']),
  message: z.string(),
});
export type RecordWarning = z.infer<typeof RecordWarningSchema>;
