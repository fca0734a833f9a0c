import type { DedupClaim } from './claims.js';
import { articleClaimTexts, type ArticleClaimTexts } from './story.js';

/**
 * Where story files get the text of the claims they quote: the index keeps none (it would be most of
 * its memory). `MemoryClaimTexts` remembers the claims of the articles one process indexed (analyse,
 * tests, evaluation); the pipeline's writer reads them from the records in the output directory.
 */
export interface ClaimTextSource {
  /** The claims of these articles, for those it knows. */
  claimTexts(articleIds: readonly string[]): Promise<Map<string, ArticleClaimTexts>>;
}

/** For a process that never builds a story (the dedup stage): remembers nothing. */
export const NO_CLAIM_TEXTS: ClaimTextSource = { claimTexts: () => Promise.resolve(new Map()) };

/** Remembers the claim texts of the last `limit` articles given to `remember` (in-process use). */
export class MemoryClaimTexts implements ClaimTextSource {
  private readonly texts = new Map<string, ArticleClaimTexts>();
  constructor(private readonly limit = 20_000) {}

  remember(articleId: string, claims: readonly DedupClaim[]): void {
    this.set(articleId, articleClaimTexts(claims));
  }

  set(articleId: string, texts: ArticleClaimTexts): void {
    this.texts.delete(articleId);
    this.texts.set(articleId, texts);
    // A Map iterates in insertion order: the first key is the least recently remembered.
    while (this.texts.size > this.limit) this.texts.delete(this.texts.keys().next().value!);
  }

  claimTexts(articleIds: readonly string[]): Promise<Map<string, ArticleClaimTexts>> {
    return Promise.resolve(new Map(articleIds.flatMap((id) => (this.texts.has(id) ? [[id, this.texts.get(id)!] as const] : []))));
  }
}
