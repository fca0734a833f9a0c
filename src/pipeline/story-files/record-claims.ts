import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { MemoryClaimTexts, type ClaimTextSource } from '../../nlp/dedup/claim-texts.js';
import { articleClaimTexts, type ArticleClaimTexts } from '../../nlp/dedup/story.js';
import { quotesPath, recordPath } from '../../store/output.js';

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

/**
 * Claim texts from the records in the output directory (output/articles/<id>.json): the writer that
 * rebuilds a story file is the one that writes the records, so it can always read them. A record not
 * written yet (or unreadable) is simply not returned: its quotes stay null until the next rewrite.
 * Records never change once written (an id is a hash of the text), so parsed claims are cached.
 */
export class RecordClaimTexts implements ClaimTextSource {
  private readonly cache: MemoryClaimTexts;

  constructor(
    private readonly outDir: string,
    cacheSize = 5_000,
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

  /** The article's quotes file, else (written before quotes files, or deleted) its record. */
  private async read(id: string): Promise<ArticleClaimTexts | null> {
    return (await readClaims(quotesPath(this.outDir, id))) ?? readClaims(recordPath(this.outDir, id));
  }
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

/** What output/.quotes/<id>.json holds for a record: the fields of its claims that story files quote. */
export function recordQuotes(record: { claims?: ReadonlyArray<{ text: string; quantities: ReadonlyArray<{ text: string; counted: string | null; unit: string | null; value?: number }> }> }): z.infer<typeof RecordClaimsSchema> {
  return {
    claims: (record.claims ?? []).map((claim) => ({
      text: claim.text,
      quantities: claim.quantities.map(({ text, counted, unit, value }) => ({ text, counted, unit, ...(value === undefined ? {} : { value }) })),
    })),
  };
}
