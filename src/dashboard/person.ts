import type { EnrichedRecord } from '../schema/record.js';
import type { OutputReader } from './output-reader.js';

/** One statement a person made, as the person page lists it. */
export interface PersonClaim {
  articleId: string;
  title: string | null;
  source: string | null;
  publishedAt: string | null;
  cue: string | null;
  /** What was said (the content span, else the claim's sentence). */
  content: string;
  /** The numbers given in it, as written. */
  numbers: string[];
}

export interface PersonView {
  /** Mentions per day (publication date, else the day the record was written), oldest first. */
  timeline: { day: string; mentions: number; articles: number }[];
  claims: PersonClaim[];
  /** Records read, and how many of the entity's articles there were (the page reads the newest few hundred). */
  read: number;
  of: number;
  /** Said under the claims when the list is cut otherwise (the record store's newest claims). */
  note?: string;
}

/** How many of a person's articles the page reads in full (newest first). */
export const PERSON_RECORDS_READ = 300;

function claimsBy(record: EnrichedRecord, entityId: string): PersonClaim[] {
  const claims = record.claims ?? [];
  return claims.flatMap((claim, index) => {
    if (claim.speaker?.entityId !== entityId) return [];
    // Numbers the claims reader tied to this statement (numeric claims it carries) and its own.
    const tied = claims.filter((other) => other.attributedTo === index).flatMap((other) => other.quantities);
    const numbers = [...new Set([...claim.quantities, ...tied].map((quantity) => quantity.text))];
    return [{ articleId: record.id, title: record.title, source: record.source.name, publishedAt: record.source.publishedAt, cue: claim.cue?.text ?? null, content: claim.content?.text ?? claim.text, numbers }];
  });
}

/**
 * A person's page beyond the entity page: mentions per day and every claim they made (cue, date,
 * outlet, the numbers they gave), read from the records of the articles that mention them.
 */
export async function loadPerson(output: OutputReader, entityId: string, articleIds: readonly string[]): Promise<PersonView> {
  const days = new Map<string, { mentions: number; articles: number }>();
  const claims: PersonClaim[] = [];
  let read = 0;
  for (const id of articleIds.slice(-PERSON_RECORDS_READ)) {
    const loaded = await output.record(id);
    if (loaded.status !== 'ok') continue;
    const record = loaded.value;
    read++;
    const mentions = (record.entities ?? []).filter((entity) => entity.entityId === entityId).length;
    const day = (record.source.publishedAt ?? record.source.ingestedAt).slice(0, 10);
    const entry = days.get(day) ?? { mentions: 0, articles: 0 };
    entry.mentions += mentions;
    entry.articles += 1;
    days.set(day, entry);
    claims.push(...claimsBy(record, entityId));
  }
  claims.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  return { timeline: [...days].map(([day, counts]) => ({ day, ...counts })).sort((a, b) => a.day.localeCompare(b.day)), claims, read, of: articleIds.length };
}
