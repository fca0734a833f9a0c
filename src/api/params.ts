import { z } from 'zod';

/**
 * The read API's parameters, one zod schema a route: the router parses every request with them
 * (unknown parameters are refused, so a typo is a 400, not a silently ignored filter) and the
 * OpenAPI document is generated from them.
 */

const MAX_LIMIT = 100;
const limit = z.coerce.number().int().min(1).max(MAX_LIMIT).default(20).meta({ description: `items a page (1-${MAX_LIMIT})` });
const cursor = z.string().min(1).max(600).optional().meta({ description: 'the previous page\'s nextCursor' });
/** A date or a date-time with its zone: `2021-07-13` or `2021-07-13T08:00:00Z`. */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional();
const name = z.string().trim().min(1).max(200);

export const ArticlesParams = z.strictObject({
  entity: name.optional().meta({ description: 'an entity id (entities[].entityId in a record)' }),
  outlet: name.optional().meta({ description: 'the outlet (record.source.name), exactly' }),
  from: instant.meta({ description: 'published (else ingested) at or after' }),
  to: instant.meta({ description: 'published (else ingested) before' }),
  q: name.optional().meta({ description: 'Arabic text search; spelling variants (alef, ya, ta marbuta, diacritics, clitics) meet' }),
  limit,
  cursor,
});

export const ArticleIdParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/, 'an article id is 16 lower-case hex digits') });

export const EntitiesParams = z.strictObject({
  q: name.meta({ description: 'a name, in any spelling' }),
  limit,
});

const entityId = z.string().min(1).max(200);
export const EntityIdParams = z.strictObject({ id: entityId });
export const RangeParams = z.strictObject({ from: instant, to: instant });

export const ClaimsParams = z.strictObject({
  speaker: entityId.meta({ description: 'the speaker\'s entity id' }),
  from: instant,
  to: instant,
  limit,
  cursor,
});

export const StoriesParams = z.strictObject({ limit, cursor });
export const StoryIdParams = z.strictObject({ id: z.string().regex(/^[0-9a-z-]{1,80}$/, 'a story id is lower-case letters, digits and dashes') });
export const NoParams = z.strictObject({});

/** Cursors are opaque to clients: base64url JSON of where the page ended, checked on the way back in. */
export const TimeCursorSchema = z.strictObject({ at: z.iso.datetime({ offset: true }), id: z.string().max(200) });
export const SearchCursorSchema = z.strictObject({ score: z.number(), id: z.string().max(200), ref: z.iso.datetime({ offset: true }) });
export const ClaimCursorSchema = z.strictObject({ at: z.iso.datetime({ offset: true }), id: z.string().max(200), claim: z.number().int().nonnegative() });

export function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export class BadRequest extends Error {
  constructor(message: string, readonly issues: string[] = []) {
    super(message);
    this.name = 'BadRequest';
  }
}

export function decodeCursor<T>(text: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new BadRequest('cursor: not a cursor this API gave out');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BadRequest('cursor: not a cursor this API gave out for this query');
  return parsed.data;
}
