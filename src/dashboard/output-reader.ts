import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EnrichedRecordSchema, FailureRecordSchema, type EnrichedRecord, type FailureRecord } from '../schema/record.js';
import { StoryFileSchema, type Story, type StoryFile } from '../schema/story.js';
import { countedKey } from '../nlp/dedup/claims.js';
import type { ArticleClaimTexts } from '../nlp/dedup/story.js';
import { RecordClaimTexts } from '../pipeline/story-files/index.js';

/** What the news list and the search need from a record, without its tokens. */
export interface RecordSummary {
  id: string;
  title: string | null;
  source: string | null;
  file: string | null;
  publishedAt: string | null;
  ingestedAt: string;
  storyId: string | null;
  /** entityId → canonical form and type, for the search and the entity page. */
  entities: { entityId: string; canonical: string; type: string; texts: string[] }[];
  /**
   * The `conflicts` claim links this record found, with its own claim quoted: the conflicts page
   * scans thousands of summaries and must not parse a record (hundreds of KB) again for each link.
   */
  conflicts: ConflictLinkSummary[];
  writtenAt: number;
}

/** A `conflicts` link as the record stores it (`dedup.claimLinks`), plus this side's claim. */
export interface ConflictLinkSummary {
  /** Index into this record's `claims`. */
  claim: number;
  otherId: string;
  /** Index into the other record's `claims`. */
  otherClaim: number;
  similarity: number;
  /** This record's claim as written; null when the index names no claim (a record edited by hand). */
  text: string | null;
  quantities: QuotedQuantity[];
}

/**
 * A number in a claim as the conflicts views quote it. `countedKey` (dedup's key of the counted
 * thing) is what pairs it with the other side's number: the link itself does not say which of the
 * claims' numbers disagree, only that two of the same counted thing do.
 */
export interface QuotedQuantity {
  text: string;
  countedKey: string;
  value: number;
  valueMax: number | null;
  approx: boolean;
}

/** What the stories list needs from a story file, without its links and quotes. */
export interface StorySummary {
  storyId: string;
  /** The story file's headline; null in files written before stories had one, or before any title was known. */
  headline: string | null;
  /** The earliest article by publication time (else the first listed), for a headline when the file has none. */
  earliest: { id: string; title: string | null } | null;
  articles: number;
  sources: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  conflicts: number;
  writtenAt: number;
}

export type LoadResult<T> = { status: 'ok'; value: T } | { status: 'missing' } | { status: 'invalid'; reason: string };

/** Ids in our output are hex hashes (stories: ids of the same alphabet); anything else is refused before touching the disk. */
const SAFE_ID = /^[0-9a-z-]{1,80}$/;

interface Cached<T> {
  mtimeMs: number;
  value: T;
}

/**
 * Reads the output folder (`articles/`, `failed/`, `stories/`) as the writer leaves it. Parsed
 * files are cached by modification time, so a page refresh re-reads only what changed.
 */
export class OutputReader {
  private readonly summaries = new Map<string, Cached<RecordSummary | null>>();
  /** storyId → the story it was merged into (null: a live story), by the story file's modification time. */
  private readonly storyMerges = new Map<string, Cached<string | null>>();
  /** storyId → its summary for the stories list (null: a tombstone or an invalid file). */
  private readonly storySummaries = new Map<string, Cached<StorySummary | null>>();
  private readonly claimTextSource: RecordClaimTexts;

  constructor(readonly outDir: string, private readonly maxCached = 20_000) {
    this.claimTextSource = new RecordClaimTexts(outDir);
  }

  /** Newest first by write time. */
  async latestRecords(limit: number): Promise<RecordSummary[]> {
    const files = await this.newestFiles('articles', limit);
    const out: RecordSummary[] = [];
    for (const file of files) {
      const summary = await this.summary(file.id, file.mtimeMs);
      if (summary) out.push(summary);
    }
    return out;
  }

  /** Summaries of the given records, in the order given (missing or invalid ones left out). */
  async recordsById(ids: readonly string[]): Promise<RecordSummary[]> {
    const out: RecordSummary[] = [];
    for (const id of ids) {
      if (!SAFE_ID.test(id)) continue;
      try {
        const { mtimeMs } = await stat(join(this.outDir, 'articles', `${id}.json`));
        const summary = await this.summary(id, mtimeMs);
        if (summary) out.push(summary);
      } catch {
        // Not written (yet) to this output folder.
      }
    }
    return out;
  }

  /**
   * Claim texts and numbers of the given records, from their quotes files (output/.quotes/, a few KB
   * each) else their records; cached (a record's claims never change: its id hashes its text).
   * Records not in this output folder are left out.
   */
  async claimTexts(ids: readonly string[]): Promise<Map<string, ArticleClaimTexts>> {
    return this.claimTextSource.claimTexts(ids.filter((id) => SAFE_ID.test(id)));
  }

  /**
   * The story a story id stands for now: a record keeps the story id it was written with, and that
   * story may since have been merged into another (its file is then a tombstone). Follows the
   * tombstones; an id with no story file (not written yet) stands for itself.
   */
  async currentStoryId(storyId: string): Promise<string> {
    let current = storyId;
    const seen = new Set<string>();
    while (!seen.has(current)) {
      seen.add(current);
      const mergedInto = await this.mergedInto(current);
      if (mergedInto === null) return current;
      current = mergedInto;
    }
    return current; // a cycle of tombstones (never written by the story writer): stop where it closes
  }

  async countFiles(folder: 'articles' | 'failed' | 'stories'): Promise<number> {
    return (await this.jsonFiles(folder)).length;
  }

  async record(id: string): Promise<LoadResult<EnrichedRecord>> {
    return this.load('articles', id, (value) => EnrichedRecordSchema.safeParse(value));
  }

  async story(storyId: string): Promise<LoadResult<StoryFile>> {
    return this.load('stories', storyId, (value) => StoryFileSchema.safeParse(value));
  }

  /**
   * Live stories (not the tombstones of merged ones) among the `scan` most recently changed story
   * files, summarised (cached by modification time, like the records).
   */
  async latestStories(scan: number): Promise<StorySummary[]> {
    const out: StorySummary[] = [];
    for (const file of await this.newestFiles('stories', scan)) {
      const cached = this.storySummaries.get(file.id);
      let value: StorySummary | null;
      if (cached && cached.mtimeMs === file.mtimeMs) value = cached.value;
      else {
        const loaded = await this.story(file.id);
        value = loaded.status === 'ok' && loaded.value.mergedInto === null ? summariseStory(loaded.value, file.mtimeMs) : null;
        if (this.storySummaries.size >= this.maxCached) this.storySummaries.delete(this.storySummaries.keys().next().value ?? '');
        this.storySummaries.set(file.id, { mtimeMs: file.mtimeMs, value });
      }
      if (value) out.push(value);
    }
    return out;
  }

  /** Failure records, newest first. */
  async latestFailures(limit: number): Promise<(FailureRecord & { writtenAt: number })[]> {
    const files = await this.newestFiles('failed', limit);
    const out: (FailureRecord & { writtenAt: number })[] = [];
    for (const file of files) {
      const loaded = await this.load('failed', file.id, (value) => FailureRecordSchema.safeParse(value));
      if (loaded.status === 'ok') out.push({ ...loaded.value, writtenAt: file.mtimeMs });
    }
    return out;
  }

  /** Failure counts by the stage that failed (ingest, tokenise, …, write). */
  async failureCountsByStage(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const failure of await this.latestFailures(Number.MAX_SAFE_INTEGER)) counts[failure.stage] = (counts[failure.stage] ?? 0) + 1;
    return counts;
  }

  private async load<T>(folder: string, id: string, parse: (value: unknown) => { success: true; data: T } | { success: false; error: { message: string } }): Promise<LoadResult<T>> {
    if (!SAFE_ID.test(id)) return { status: 'missing' };
    let text: string;
    try {
      text = await readFile(join(this.outDir, folder, `${id}.json`), 'utf8');
    } catch {
      return { status: 'missing' };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { status: 'invalid', reason: `not JSON: ${(error as Error).message}` };
    }
    const parsed = parse(json);
    return parsed.success ? { status: 'ok', value: parsed.data } : { status: 'invalid', reason: parsed.error.message };
  }

  private async mergedInto(storyId: string): Promise<string | null> {
    if (!SAFE_ID.test(storyId)) return null;
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(join(this.outDir, 'stories', `${storyId}.json`))).mtimeMs;
    } catch {
      return null;
    }
    const cached = this.storyMerges.get(storyId);
    if (cached && cached.mtimeMs === mtimeMs) return cached.value;
    const loaded = await this.story(storyId);
    const value = loaded.status === 'ok' ? loaded.value.mergedInto : null;
    if (this.storyMerges.size >= this.maxCached) this.storyMerges.delete(this.storyMerges.keys().next().value ?? '');
    this.storyMerges.set(storyId, { mtimeMs, value });
    return value;
  }

  private async summary(id: string, mtimeMs: number): Promise<RecordSummary | null> {
    const cached = this.summaries.get(id);
    if (cached && cached.mtimeMs === mtimeMs) return cached.value;
    const loaded = await this.record(id);
    const value = loaded.status === 'ok' ? summarise(loaded.value, mtimeMs) : null;
    if (this.summaries.size >= this.maxCached) this.summaries.delete(this.summaries.keys().next().value ?? '');
    this.summaries.set(id, { mtimeMs, value });
    return value;
  }

  private async jsonFiles(folder: string): Promise<string[]> {
    try {
      const names = await readdir(join(this.outDir, folder));
      // Temp files of the atomic writer start with a dot; they are never read.
      return names.filter((name) => name.endsWith('.json') && !name.startsWith('.'));
    } catch {
      return [];
    }
  }

  private async newestFiles(folder: string, limit: number): Promise<{ id: string; mtimeMs: number }[]> {
    const names = await this.jsonFiles(folder);
    const stamped = await Promise.all(
      names.map(async (name) => {
        try {
          return { id: name.slice(0, -'.json'.length), mtimeMs: (await stat(join(this.outDir, folder, name))).mtimeMs };
        } catch {
          return null;
        }
      }),
    );
    return stamped
      .filter((entry): entry is { id: string; mtimeMs: number } => entry !== null)
      .sort((a, b) => b.mtimeMs - a.mtimeMs || a.id.localeCompare(b.id))
      .slice(0, limit);
  }
}

function summariseStory(story: Story, writtenAt: number): StorySummary {
  const dated = story.articles.filter((article) => article.publishedAt !== null);
  const earliest = dated.reduce<(typeof story.articles)[number] | undefined>((best, article) => (!best || (article.publishedAt ?? '') < (best.publishedAt ?? '') ? article : best), undefined) ?? story.articles[0];
  return {
    storyId: story.storyId,
    headline: story.headline ?? null,
    earliest: earliest ? { id: earliest.id, title: earliest.title ?? null } : null,
    articles: story.articles.length,
    sources: story.sources,
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
    conflicts: story.conflicts.length,
    writtenAt,
  };
}

function summarise(record: EnrichedRecord, writtenAt: number): RecordSummary {
  const entities = new Map<string, RecordSummary['entities'][number]>();
  for (const mention of record.entities ?? []) {
    const known = entities.get(mention.entityId);
    if (!known) entities.set(mention.entityId, { entityId: mention.entityId, canonical: mention.canonical, type: mention.type, texts: [mention.text] });
    else if (!known.texts.includes(mention.text)) known.texts.push(mention.text);
  }
  return {
    id: record.id,
    title: record.title,
    source: record.source.name ?? record.agency,
    file: record.source.file,
    publishedAt: record.source.publishedAt,
    ingestedAt: record.source.ingestedAt,
    storyId: record.dedup?.storyId ?? null,
    entities: [...entities.values()],
    conflicts: conflictLinks(record),
    writtenAt,
  };
}

function conflictLinks(record: EnrichedRecord): ConflictLinkSummary[] {
  return (record.dedup?.claimLinks ?? [])
    .filter((link) => link.relation === 'conflicts')
    .map((link) => {
      const claim = record.claims?.[link.claim];
      return {
        claim: link.claim,
        otherId: link.otherId,
        otherClaim: link.otherClaim,
        similarity: link.similarity,
        text: claim?.text ?? null,
        quantities: (claim?.quantities ?? []).map((quantity) => ({
          text: quantity.text,
          // The same key dedup compared the numbers by (src/nlp/dedup/claims.ts).
          countedKey: countedKey(quantity.counted ?? quantity.unit ?? ''),
          value: quantity.value,
          valueMax: quantity.valueMax,
          approx: quantity.approx,
        })),
      };
    });
}
