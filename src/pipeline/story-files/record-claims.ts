import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { MemoryClaimTexts, type ClaimTextSource } from '../../nlp/dedup/claim-texts.js';
import { articleClaimTexts, type ArticleClaimTexts } from '../../nlp/dedup/story.js';
import { quotesPath, recordPath } from '../../store/output.js';
import { articleSummary, leadEndOf, type ArticleSummary, type ArticleSummarySource } from '../../nlp/dedup/story-summary.js';

/** The part of a record that a story file quotes: its claims' texts and quantities (also the whole of its quotes file). */
const RecordClaimsSchema = z.object({
  claims: z
    .array(
      z.object({
        text: z.string(),
        // `value` tells which number a conflict quotes (optional: quotes files written before carry none).
        quantities: z.array(z.object({ text: z.string(), counted: z.string().nullable(), unit: z.string().nullable(), value: z.number().optional() })),
      }),
    )
    .default([]),
});

const EntityTypeSchema = z.enum(['PER', 'ORG', 'LOC', 'MISC']);

/** What a story needs of an article besides its claims (its headline, key entities, titles): in its quotes file… */
const QuotesSummarySchema = z.object({
  summary: z.object({
    title: z.string().nullable(),
    entities: z.array(z.object({ entityId: z.string(), name: z.string(), type: EntityTypeSchema, lead: z.boolean() })),
  }),
});

/** …or, for an output written before quotes files held it, in the record itself. */
const RecordSummarySchema = z.object({
  title: z.string().nullable().optional(),
  sentences: z.array(z.object({ end: z.number() })).default([]),
  entities: z.array(z.object({ entityId: z.string(), canonical: z.string(), type: EntityTypeSchema, start: z.number() })).default([]),
});

/**
 * Claim texts from the records in the output directory (output/articles/<id>.json): the writer that
 * rebuilds a story file is the one that writes the records, so it can always read them. A record not
 * written yet (or unreadable) is simply not returned: its quotes stay null until the next rewrite.
 * Records never change once written (an id is a hash of the text), so parsed claims are cached.
 */
export class RecordClaimTexts implements ClaimTextSource, ArticleSummarySource {
  private readonly cache: MemoryClaimTexts;
  private readonly summaryCache = new Map<string, ArticleSummary>();

  /**
   * 1,000 articles' claims and summaries a cache (5,000 before issue 21): a writer process holds two
   * of these (its event loop's and its flush thread's), and an article's claim texts are several KB,
   * so at 5,000 they grew a worker's RSS for its first 5,000 records. A story flush reads from disk
   * (in the flush thread) what a bigger story's older members no longer find here.
   */
  constructor(
    private readonly outDir: string,
    private readonly cacheSize = 1_000,
  ) {
    this.cache = new MemoryClaimTexts(cacheSize);
  }

  async claimTexts(articleIds: readonly string[]): Promise<Map<string, ArticleClaimTexts>> {
    const out = await this.cache.claimTexts(articleIds);
    for (const id of articleIds) {
      if (out.has(id)) continue;
      const texts = await this.read(id);
      if (!texts) continue;
      out.set(id, texts);
      this.cache.set(id, texts);
    }
    return out;
  }

  /** Titles and entities of these articles (the story's headline, key entities and titles), for those written. */
  async articleSummaries(articleIds: readonly string[]): Promise<Map<string, ArticleSummary>> {
    const out = new Map<string, ArticleSummary>();
    for (const id of articleIds) {
      const summary = this.summaryCache.get(id) ?? (await readSummary(quotesPath(this.outDir, id), recordPath(this.outDir, id)));
      if (!summary) continue;
      out.set(id, summary);
      this.summaryCache.set(id, summary);
      // Bounded like the claim cache: the oldest entry goes first.
      if (this.summaryCache.size > this.cacheSize) this.summaryCache.delete(this.summaryCache.keys().next().value!);
    }
    return out;
  }

  /** The article's quotes file, else (written before quotes files, or deleted) its record. */
  private async read(id: string): Promise<ArticleClaimTexts | null> {
    return (await readClaims(quotesPath(this.outDir, id))) ?? readClaims(recordPath(this.outDir, id));
  }
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

async function readSummary(quotes: string, record: string): Promise<ArticleSummary | null> {
  const fromQuotes = QuotesSummarySchema.safeParse(await readJson(quotes));
  if (fromQuotes.success) return fromQuotes.data.summary;
  const fromRecord = RecordSummarySchema.safeParse(await readJson(record));
  if (!fromRecord.success) return null;
  return articleSummary(fromRecord.data.title ?? null, fromRecord.data.entities, leadEndOf(fromRecord.data.sentences));
}

async function readClaims(path: string): Promise<ArticleClaimTexts | null> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = RecordClaimsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? articleClaimTexts(parsed.data.claims) : null;
  } catch {
    return null;
  }
}

/** What output/.quotes/<id>.json holds for a record: the fields of its claims that story files quote, and its summary (title, entities). */
export function recordQuotes(
  record: z.input<typeof RecordSummarySchema> & { claims?: ReadonlyArray<{ text: string; quantities: ReadonlyArray<{ text: string; counted: string | null; unit: string | null; value?: number }> }> },
): z.infer<typeof RecordClaimsSchema> & z.infer<typeof QuotesSummarySchema> {
  const { title, sentences, entities } = RecordSummarySchema.parse(record);
  return {
    summary: articleSummary(title ?? null, entities, leadEndOf(sentences)),
    claims: (record.claims ?? []).map((claim) => ({
      text: claim.text,
      quantities: claim.quantities.map(({ text, counted, unit, value }) => ({ text, counted, unit, ...(value === undefined ? {} : { value }) })),
    })),
  };
}
