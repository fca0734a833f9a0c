import { html, type SafeHtml } from '../html.js';
import type { RecordSummary } from '../output-reader.js';
import { recordRows } from './news.js';
import { arabic, page } from './layout.js';

export interface EntityView {
  entityId: string;
  canonical: string;
  type: string;
  /** The spellings seen in articles. */
  variants: string[];
  articles: RecordSummary[];
  /** Where the list came from (the entity registry, or a scan of the latest records). */
  basis: string;
}

export function entityPage(entity: EntityView): SafeHtml {
  return page({
    title: entity.canonical,
    body: html`<h1><span class="ent ent-${entity.type}">${arabic(entity.canonical)}</span> <span class="tag">${entity.type}</span></h1>
<p class="mono muted">${entity.entityId}</p>
<p>Written as: ${entity.variants.map((variant) => html`<span class="tag">${arabic(variant)}</span> `)}</p>
<h2>${entity.articles.length} article${entity.articles.length === 1 ? '' : 's'} mention it</h2>
<p class="muted">${entity.basis}</p>
${recordRows(entity.articles)}`,
  });
}
