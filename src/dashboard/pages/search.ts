import { html, pathSegment, type SafeHtml } from '../html.js';
import type { RecordSummary } from '../output-reader.js';
import { recordRows } from './news.js';
import { arabic, dirOf, page } from './layout.js';

export interface SearchResults {
  query: string;
  records: RecordSummary[];
  entities: { entityId: string; canonical: string; type: string; articles: number }[];
}

export function searchPage(results: SearchResults): SafeHtml {
  return page({
    title: `Search: ${results.query}`,
    query: results.query,
    body: results.query.trim() === ''
      ? html`<h1>Search</h1><p class="muted">Type a title word or a name (Arabic or Latin).</p>`
      : html`<h1>Search: ${arabic(results.query)}</h1>
<section><h2>Entities</h2>${results.entities.length === 0
          ? html`<p class="muted">No entity matches.</p>`
          : html`<ul class="plain">${results.entities.map(
              (entity) => html`<li dir="${dirOf(entity.canonical)}"><a class="ent ent-${entity.type}" href="/entities/${pathSegment(entity.entityId)}">${arabic(entity.canonical)}</a> <span class="tag">${entity.type}</span> <span class="muted">${entity.articles} article(s)</span></li>`,
            )}</ul>`}</section>
<section><h2>Articles</h2>${results.records.length === 0 ? html`<p class="muted">No article matches.</p>` : recordRows(results.records)}</section>`,
  });
}
