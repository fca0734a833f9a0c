import { z } from 'zod';
import type { ArticleClaimTexts } from '../nlp/dedup/story.js';
import type { ConflictLinkSummary, OutputReader, RecordSummary } from './output-reader.js';
import { zodProblems } from '../schema/zod-errors.js';

/**
 * Every `conflicts` claim link in the output folder, seen from both articles. The dedup stage stores
 * a link only on the article that found it (the later one), and a story file lists conflicts only
 * among its own members; this module reads the links back from the records (their summaries, cached
 * by the reader) so that one list, and each article's page, show every disagreement on both sides.
 * Read-side only: nothing here writes to the output folder or to Redis.
 */

/** How many of the newest records a conflicts view looks through, at most (the search's bound too). */
export const CONFLICT_SCAN_LIMIT = 5_000;

/** `/conflicts` and `/api/conflicts` query parameters. Unknown ones are refused: a misspelt `limt` should not silently show 200. */
export const ConflictsQuerySchema = z.strictObject({
  /** How many conflicts to list (newest first). */
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
  /** How many of the newest records to look through. */
  scan: z.coerce.number().int().min(1).max(CONFLICT_SCAN_LIMIT).default(CONFLICT_SCAN_LIMIT),
  /** `cross-story`: only the pairs that no story file lists (the two articles are in different stories). */
  scope: z.enum(['all', 'cross-story']).default('all'),
});
export type ConflictsQuery = z.infer<typeof ConflictsQuerySchema>;

/** The query's problems, one line each (`limit: Too big: expected number to be <=1000`). */
export function queryProblems(error: z.ZodError, name?: (path: string) => string): string[] {
  return zodProblems(error, { root: 'query', keyNoun: 'parameter', ...(name ? { name } : {}) });
}

export interface ConflictSide {
  id: string;
  /** False when the record is not in this output folder (deleted, or not written yet). */
  inOutput: boolean;
  title: string | null;
  source: string | null;
  /** The input file's name (what the pages show when the source has no name). */
  file: string | null;
  publishedAt: string | null;
  /** The story the article is in now (after merges); null when unknown. */
  storyId: string | null;
  /** Index into the article's `claims`. */
  claim: number;
  /** The claim as written; null when neither its quotes file nor its record could be read. */
  text: string | null;
  /** The numbers as written that count the disagreeing thing («2500 جندي أميركي»). */
  numbers: string[];
}

export interface Conflict {
  /** The later article: its dedup found the link and its record stores it. */
  found: ConflictSide & { writtenAt: string };
  /** The earlier article the link points at (its own record does not mention the link). */
  other: ConflictSide;
  /** Dedup's keys of the counted things both claims number («جند مرك»): what they disagree about. */
  counted: string[];
  /** True when the two articles are in different stories (no story file lists the pair); null when a story is unknown. */
  crossStory: boolean | null;
  similarity: number;
}

export interface ConflictList {
  conflicts: Conflict[];
  /** Conflicts found in the scanned records (before `limit`). */
  total: number;
  /** Records looked through (the newest ones), and how many the output folder holds. */
  scanned: number;
  records: number;
  /** What was looked through, in words, when not the output folder's newest records (PostgreSQL). */
  basis?: string;
}

interface FoundLink {
  finder: RecordSummary;
  link: ConflictLinkSummary;
}

/** The `/conflicts` list: the newest `limit` conflicts among the newest `scan` records. */
export async function listConflicts(reader: OutputReader, query: ConflictsQuery): Promise<ConflictList> {
  const summaries = await reader.latestRecords(query.scan);
  const links = summaries.flatMap((finder) => finder.conflicts.map((link) => ({ finder, link })));
  const resolved = await withStories(reader, links, summaries);
  const matching = query.scope === 'cross-story' ? resolved.filter((entry) => entry.crossStory === true) : resolved;
  return {
    conflicts: await quoted(reader, matching.slice(0, query.limit)),
    total: matching.length,
    scanned: summaries.length,
    records: await reader.countFiles('articles'),
  };
}

/**
 * The conflicts one article is part of, on either side: the links its record holds, and the links
 * later records (among the newest `scan`) found pointing at it. Null when the record is unknown.
 */
export async function conflictsOf(reader: OutputReader, recordId: string, scan = CONFLICT_SCAN_LIMIT): Promise<ConflictList | null> {
  const summaries = await reader.latestRecords(scan);
  const own = summaries.find((summary) => summary.id === recordId) ?? (await reader.recordsById([recordId]))[0];
  if (!own) return null;
  const links: FoundLink[] = [
    ...own.conflicts.map((link) => ({ finder: own, link })),
    ...summaries.filter((summary) => summary.id !== recordId).flatMap((finder) => finder.conflicts.filter((link) => link.otherId === recordId).map((link) => ({ finder, link }))),
  ];
  const resolved = await withStories(reader, links, [...summaries, own]);
  return { conflicts: await quoted(reader, resolved), total: resolved.length, scanned: summaries.length, records: await reader.countFiles('articles') };
}

interface Resolved extends FoundLink {
  other: RecordSummary | null;
  foundStory: string | null;
  otherStory: string | null;
  crossStory: boolean | null;
}

/** Each conflict (newest first, once per pair of claims) with the other article's summary and both current stories. */
async function withStories(reader: OutputReader, links: readonly FoundLink[], known: readonly RecordSummary[]): Promise<Resolved[]> {
  const byId = new Map(known.map((summary) => [summary.id, summary]));
  // Links to records older than the scanned ones: their summaries are read (and cached) here.
  const missing = [...new Set(links.map(({ link }) => link.otherId).filter((id) => !byId.has(id)))];
  for (const summary of await reader.recordsById(missing)) byId.set(summary.id, summary);
  const stories = new Map<string, string>();
  const current = async (storyId: string | null): Promise<string | null> => {
    if (storyId === null) return null;
    let resolved = stories.get(storyId);
    if (resolved === undefined) {
      resolved = await reader.currentStoryId(storyId);
      stories.set(storyId, resolved);
    }
    return resolved;
  };
  const out: Resolved[] = [];
  for (const entry of newestFirstOncePerPair(links)) {
    const other = byId.get(entry.link.otherId) ?? null;
    const foundStory = await current(entry.finder.storyId);
    const otherStory = await current(other?.storyId ?? null);
    out.push({ ...entry, other, foundStory, otherStory, crossStory: foundStory === null || otherStory === null ? null : foundStory !== otherStory });
  }
  return out;
}

/**
 * Newest found first, each pair of claims once. Normally only the later article holds the link, but
 * an article processed again against a dedup index that already holds the other one (its output
 * folder deleted and the seeds run again on the same Redis) finds it too: both records then hold the
 * same disagreement, which is one conflict, shown as its newest finding.
 */
function newestFirstOncePerPair(links: readonly FoundLink[]): FoundLink[] {
  const sorted = [...links].sort(
    (a, b) =>
      b.finder.writtenAt - a.finder.writtenAt ||
      a.finder.id.localeCompare(b.finder.id) ||
      a.link.claim - b.link.claim ||
      a.link.otherId.localeCompare(b.link.otherId) ||
      a.link.otherClaim - b.link.otherClaim,
  );
  const seen = new Set<string>();
  return sorted.filter(({ finder, link }) => {
    const key = [`${finder.id}:${link.claim}`, `${link.otherId}:${link.otherClaim}`].sort().join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The claims of both sides quoted: this side from the summary, the other from its quotes file. */
async function quoted(reader: OutputReader, entries: readonly Resolved[]): Promise<Conflict[]> {
  const texts = await reader.claimTexts([...new Set(entries.map((entry) => entry.link.otherId))]);
  return entries.map((entry) => {
    const { finder, link, other } = entry;
    const otherClaim = texts.get(link.otherId)?.[link.otherClaim] ?? null;
    const numbers = disagreeingNumbers(link, otherClaim);
    return {
      found: {
        id: finder.id,
        inOutput: true,
        title: finder.title,
        source: finder.source,
        file: finder.file,
        publishedAt: finder.publishedAt,
        storyId: entry.foundStory,
        claim: link.claim,
        text: link.text,
        numbers: numbers.found,
        writtenAt: new Date(finder.writtenAt).toISOString(),
      },
      other: {
        id: link.otherId,
        inOutput: other !== null,
        title: other?.title ?? null,
        source: other?.source ?? null,
        file: other?.file ?? null,
        publishedAt: other?.publishedAt ?? null,
        storyId: entry.otherStory,
        claim: link.otherClaim,
        text: otherClaim?.text ?? null,
        numbers: numbers.other,
      },
      counted: numbers.counted,
      crossStory: entry.crossStory,
      similarity: link.similarity,
    };
  });
}

/** A counted thing's key names something only with two letters or more (dedup skips the others too). */
const comparable = (key: string): boolean => key.replace(/ /gu, '').length >= 2;

/**
 * The numbers of the counted thing(s) both claims state. The link does not record which of the
 * claims' numbers disagreed, so every pair of the same counted thing is shown (a claim rarely counts
 * one thing twice). Without the other claim, this side's comparable numbers are all it can show.
 */
export function disagreeingNumbers(link: ConflictLinkSummary, otherClaim: ArticleClaimTexts[number] | null): { counted: string[]; found: string[]; other: string[] } {
  const mine = link.quantities.filter((quantity) => comparable(quantity.countedKey));
  const theirs = otherClaim?.quantities.filter((quantity) => comparable(quantity.countedKey)) ?? [];
  const counted = [...new Set(mine.map((quantity) => quantity.countedKey))].filter((key) => theirs.some((quantity) => quantity.countedKey === key));
  if (counted.length === 0) return { counted: [], found: mine.map((quantity) => quantity.text), other: theirs.map((quantity) => quantity.text) };
  return {
    counted,
    found: mine.filter((quantity) => counted.includes(quantity.countedKey)).map((quantity) => quantity.text),
    other: theirs.filter((quantity) => counted.includes(quantity.countedKey)).map((quantity) => quantity.text),
  };
}
