import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { EXPORT_KINDS, ExportFormatSchema, exportLines, exportRows } from './export.js';
import { zodProblems } from '../schema/zod-errors.js';
import type { RecordReader } from '../store/record-reader.js';
import { openApiDocument } from './openapi.js';
import { BadRequest } from './params.js';
import { API_ROUTES } from './routes.js';

/** `/articles/{id}` → `/articles/:id` (Hono's form). */
const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * The read API as a Hono app, mounted under /api by the dashboard. Every request's query and path
 * parameters go through the route's zod schema; a bad one is a 400 whose `error` names it and says why.
 */
/** The API's own version (what /api/openapi.json states): its routes and shapes, not the package's. */
export const API_VERSION = '1.0.0';

export function createApiApp(reader: RecordReader): Hono {
  const app = new Hono();
  const document = openApiDocument(API_ROUTES, API_VERSION);
  app.get('/openapi.json', (c) => c.json(document));
  app.get('/export/:file', (c) => {
    const [kind, format] = c.req.param('file').split('.');
    const parsedKind = z.enum(EXPORT_KINDS).safeParse(kind);
    const parsedFormat = ExportFormatSchema.safeParse(format);
    if (!parsedKind.success || !parsedFormat.success) return c.json({ error: `export: ask for {${EXPORT_KINDS.join(',')}}.{csv,jsonl}` }, 404);
    let rows: ReturnType<typeof exportRows>;
    try {
      rows = exportRows(reader, parsedKind.data, c.req.query());
    } catch (error) {
      if (error instanceof BadRequest) return c.json({ error: error.message }, 400);
      throw error;
    }
    c.header('Content-Type', parsedFormat.data === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="khabar-${parsedKind.data}.${parsedFormat.data}"`);
    return stream(c, async (out) => {
      for await (const chunk of exportLines(rows, parsedKind.data, parsedFormat.data)) await out.write(chunk);
    });
  });
  for (const route of API_ROUTES) {
    app.get(honoPath(route.path), async (c) => {
      // A repeated parameter is refused rather than one copy silently winning.
      const query = c.req.queries();
      const repeated = Object.entries(query).filter(([, values]) => values.length > 1).map(([name]) => name);
      if (repeated.length > 0) return c.json({ error: `${repeated.join(', ')}: given more than once` }, 400);
      const raw = { ...Object.fromEntries(Object.entries(query).map(([name, values]) => [name, values[0]])), ...c.req.param() };
      const parsed = route.params.safeParse(raw);
      if (!parsed.success) {
        const issues = zodProblems(parsed.error, { root: 'parameters' });
        return c.json({ error: issues.join('; '), issues }, 400);
      }
      try {
        const body = await route.handle(reader, parsed.data);
        if (body === null) return c.json({ error: `${c.req.path}: not found` }, 404);
        return c.json(body);
      } catch (error) {
        if (error instanceof BadRequest) return c.json({ error: error.message }, 400);
        throw error;
      }
    });
  }
  return app;
}
