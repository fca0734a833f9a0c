import { z } from 'zod';
import { ApiErrorSchema } from '../schema/api.js';
import type { ApiRoute } from './routes.js';

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema (zod's own generator, draft 2020-12 as OpenAPI 3.1 takes it). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Parameters from a route's params object: the `{name}`s of its path are path parameters, the rest query. */
function parameters(route: ApiRoute): JsonSchema[] {
  const object = jsonSchema(route.params, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  const inPath = new Set([...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));
  return Object.entries(object.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return {
      name,
      in: inPath.has(name) ? 'path' : 'query',
      required: inPath.has(name) || (object.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** The OpenAPI 3.1 document of the read API, generated from the routes' zod schemas (served at /api/openapi.json). */
export function openApiDocument(routes: readonly ApiRoute[], version: string): JsonSchema {
  const paths: Record<string, JsonSchema> = {};
  const error = { content: { 'application/json': { schema: jsonSchema(ApiErrorSchema, 'output') } } };
  for (const route of routes) {
    paths[`/api${route.path}`] = {
      get: {
        summary: route.summary,
        parameters: parameters(route),
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } },
          400: { description: 'A parameter is missing, unknown or invalid; `error` says which and why', ...error },
          ...(route.path.includes('{') ? { 404: { description: 'No such item', ...error } } : {}),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'khabar read API', version, description: 'Articles, entities, claims and stories from the record store (PostgreSQL, or the output folder).' },
    paths,
  };
}
