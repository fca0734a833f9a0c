import type { Insertable } from 'kysely';
import type { EnrichedRecord } from '../../schema/record.js';
import { documentTerms } from '../../nlp/text/search-terms.js';
import { nameKey } from '../name-key.js';
import { tsvectorLiteral } from './tsvector.js';
import type { ArticleLinksTable, ArticlesTable, ClaimLinksTable, ClaimsTable, EntitiesTable, EntityVariantsTable, MentionsTable, QuantitiesTable } from './tables.js';

/** What one record becomes in the tables: pure, so a retry computes the same rows. */
export interface RecordRows {
  article: Insertable<ArticlesTable>;
  entities: Insertable<EntitiesTable>[];
  variants: Insertable<EntityVariantsTable>[];
  mentions: Insertable<MentionsTable>[];
  claims: Insertable<ClaimsTable>[];
  quantities: Insertable<QuantitiesTable>[];
  articleLinks: Insertable<ArticleLinksTable>[];
  claimLinks: Insertable<ClaimLinksTable>[];
  story: { id: string; reason: string } | null;
  mergedStories: { storyId: string; mergedInto: string }[];
}

/** An ISO date PostgreSQL will take, or null (a date the text states may be only partly readable). */
function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function entityRows(record: EnrichedRecord, at: string): Pick<RecordRows, 'entities' | 'variants' | 'mentions'> {
  const entities = new Map<string, Insertable<EntitiesTable>>();
  const variants = new Map<string, Insertable<EntityVariantsTable>>();
  const mentions = (record.entities ?? []).map((mention, idx) => {
    const known = entities.get(mention.entityId);
    if (!known || mention.canonical.length > known.canonical.length) entities.set(mention.entityId, { id: mention.entityId, type: mention.type, canonical: mention.canonical });
    for (const variant of [mention.text, mention.canonical]) variants.set(`${mention.entityId}\u0000${variant}`, { entity_id: mention.entityId, variant, key: nameKey(variant) });
    return { article_id: record.id, idx, entity_id: mention.entityId, start: mention.start, end: mention.end, text: mention.text, confidence: mention.confidence, at };
  });
  // Sorted: concurrent writers take the shared entity rows' locks in one order, so they never deadlock.
  const byId = <T extends { id?: string; entity_id?: string; variant?: string }>(a: T, b: T) => `${a.id ?? a.entity_id}\u0000${a.variant ?? ''}` < `${b.id ?? b.entity_id}\u0000${b.variant ?? ''}` ? -1 : 1;
  return { entities: [...entities.values()].sort(byId), variants: [...variants.values()].sort(byId), mentions };
}

function claimRows(record: EnrichedRecord, at: string): Pick<RecordRows, 'claims' | 'quantities'> {
  const claims: Insertable<ClaimsTable>[] = [];
  const quantities: Insertable<QuantitiesTable>[] = [];
  (record.claims ?? []).forEach((claim, idx) => {
    claims.push({
      article_id: record.id, idx, kind: claim.kind, start: claim.start, end: claim.end, text: claim.text,
      cue: claim.cue?.text ?? null, cue_start: claim.cue?.start ?? null, cue_end: claim.cue?.end ?? null,
      speaker_entity_id: claim.speaker?.entityId ?? null, speaker_text: claim.speaker?.text ?? null, speaker_anonymous: claim.speaker?.anonymous ?? null,
      content_start: claim.content?.start ?? null, content_end: claim.content?.end ?? null, content_text: claim.content?.text ?? null,
      quote: claim.quote, checkworthiness: claim.checkworthiness, at,
    });
    claim.quantities.forEach((quantity, q) => {
      quantities.push({
        article_id: record.id, claim_idx: idx, idx: q, kind: quantity.kind ?? null, value: quantity.value, value_max: quantity.valueMax,
        approx: quantity.approx, unit: quantity.unit, counted: quantity.counted, start: quantity.start, end: quantity.end, text: quantity.text,
      });
    });
  });
  return { claims, quantities };
}

function linkRows(record: EnrichedRecord): Pick<RecordRows, 'articleLinks' | 'claimLinks'> {
  const dedup = record.dedup;
  if (!dedup) return { articleLinks: [], claimLinks: [] };
  const links: Omit<Insertable<ArticleLinksTable>, 'idx' | 'article_id'>[] = [];
  if (dedup.exactDuplicateOf) links.push({ other_id: dedup.exactDuplicateOf, kind: 'exact', similarity: 1, start: null, end: null, other_start: null, other_end: null });
  for (const near of dedup.nearDuplicates) links.push({ other_id: near.id, kind: 'near-duplicate', similarity: near.similarity, start: null, end: null, other_start: null, other_end: null });
  for (const passage of dedup.reusedPassages) {
    links.push({ other_id: passage.otherId, kind: 'reused-passage', similarity: 0, start: passage.start, end: passage.end, other_start: passage.otherStart, other_end: passage.otherEnd });
  }
  return {
    articleLinks: links.map((link, idx) => ({ article_id: record.id, idx, ...link })),
    claimLinks: dedup.claimLinks.map((link, idx) => ({
      article_id: record.id, idx, claim_idx: link.claim, other_id: link.otherId, other_claim: link.otherClaim, relation: link.relation, similarity: link.similarity,
    })),
  };
}

export function recordRows(record: EnrichedRecord, mergedStories: readonly { storyId: string; mergedInto: string }[] = []): RecordRows {
  const publishedAt = isoOrNull(record.source.publishedAt) ?? isoOrNull(record.metadata.published?.iso);
  const ingestedAt = isoOrNull(record.source.ingestedAt) ?? new Date(0).toISOString();
  const at = publishedAt ?? ingestedAt;
  const article: Insertable<ArticlesTable> = {
    id: record.id, source: record.source.name, source_file: record.source.file, url: record.source.url, title: record.title,
    published_at: publishedAt, ingested_at: ingestedAt, at, language: record.language?.code ?? null, text: record.text,
    record: JSON.stringify(record),
    search: tsvectorLiteral(documentTerms(record.tokens, record.metadata.title)),
  };
  return {
    article,
    ...entityRows(record, at),
    ...claimRows(record, at),
    ...linkRows(record),
    story: record.dedup ? { id: record.dedup.storyId, reason: record.dedup.storyReason } : null,
    mergedStories: [...mergedStories].sort((a, b) => (a.storyId < b.storyId ? -1 : 1)),
  };
}
