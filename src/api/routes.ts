import { z } from 'zod';
import { ArticleSummarySchema, ClaimItemSchema, EntityDetailSchema, EntitySummarySchema, StoryDetailSchema, StorySummarySchema, pageOf } from '../schema/api.js';
import { EnrichedRecordSchema } from '../schema/record.js';
import { queryTerms } from '../nlp/text/query-terms.js';
import type { RecordReader } from '../store/record-reader.js';
import { nameKey } from '../store/name-key.js';
import {
  ArticleIdParams, ArticlesParams, BadRequest, ClaimCursorSchema, ClaimsParams, EntitiesParams, EntityIdParams, RangeParams,
  SearchCursorSchema, StoriesParams, StoryIdParams, TimeCursorSchema, decodeCursor, encodeCursor,
} from './params.js';

/** One route of the read API: its parameters (query and path together) and its answer, both zod. */
export interface ApiRoute<P extends z.ZodType = z.ZodType> {
  /** OpenAPI style: `/articles/{id}`. */
  path: string;
  summary: string;
  params: P;
  response: z.ZodType;
  /** null: 404. */
  handle(reader: RecordReader, params: z.output<P>): Promise<unknown>;
}

const route = <P extends z.ZodType>(definition: ApiRoute<P>): ApiRoute => definition as unknown as ApiRoute;

const page = <T>(items: T[], next: object | null) => ({ items, nextCursor: next ? encodeCursor(next) : null });

export const API_ROUTES: readonly ApiRoute[] = [
  route({
    path: '/articles',
    summary: 'Articles by entity, outlet, time range and text, newest first (text search: best match and most recent first)',
    params: ArticlesParams,
    response: pageOf(ArticleSummarySchema),
    async handle(reader, params) {
      let terms: string[][] | undefined;
      if (params.q !== undefined) {
        terms = queryTerms(params.q);
        if (terms.length === 0) throw new BadRequest('q: no word to search for');
      }
      const cursor = terms ? decodeCursor(params.cursor, SearchCursorSchema) : decodeCursor(params.cursor, TimeCursorSchema);
      const result = await reader.articles({ entity: params.entity, outlet: params.outlet, from: params.from, to: params.to, terms, limit: params.limit, cursor });
      return page(result.items, result.next);
    },
  }),
  route({
    path: '/articles/{id}',
    summary: 'One article\'s enriched record',
    params: ArticleIdParams,
    response: EnrichedRecordSchema,
    handle: (reader, params) => reader.article(params.id),
  }),
  route({
    path: '/entities',
    summary: 'Entities whose name, in any of its spellings, is like q (pg_trgm)',
    params: EntitiesParams,
    response: z.object({ items: z.array(EntitySummarySchema) }),
    async handle(reader, params) {
      const key = nameKey(params.q);
      if (key === '') throw new BadRequest('q: no name to search for');
      return { items: await reader.entitiesByName(key, params.limit) };
    },
  }),
  route({
    path: '/entities/{id}',
    summary: 'An entity with its variants and its mentions per day',
    params: EntityIdParams.extend(RangeParams.shape),
    response: EntityDetailSchema,
    handle: (reader, params) => reader.entity(params.id, { from: params.from, to: params.to }),
  }),
  route({
    path: '/claims',
    summary: 'Claims by one speaker, newest first, with their quantities',
    params: ClaimsParams,
    response: pageOf(ClaimItemSchema),
    async handle(reader, params) {
      const result = await reader.claims({ speaker: params.speaker, from: params.from, to: params.to, limit: params.limit, cursor: decodeCursor(params.cursor, ClaimCursorSchema) });
      return page(result.items, result.next);
    },
  }),
  route({
    path: '/stories',
    summary: 'Stories, most recently active first',
    params: StoriesParams,
    response: pageOf(StorySummarySchema),
    async handle(reader, params) {
      const result = await reader.stories({ limit: params.limit, cursor: decodeCursor(params.cursor, TimeCursorSchema) });
      return page(result.items, result.next);
    },
  }),
  route({
    path: '/stories/{id}',
    summary: 'A story with its articles, corroborations and conflicts',
    params: StoryIdParams,
    response: StoryDetailSchema,
    handle: (reader, params) => reader.story(params.id),
  }),
];
