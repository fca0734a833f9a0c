import { html, pathSegment, type SafeHtml } from '../html.js';
import type { RecordSummary } from '../output-reader.js';
import { arabic, page, when } from './layout.js';

export function recordRows(records: readonly RecordSummary[]): SafeHtml {
  return html`<table class="news"><thead><tr><th>title</th><th>source</th><th>date</th><th>story</th></tr></thead><tbody>${records.map(
    (record) => html`<tr>
  <td><a href="/records/${pathSegment(record.id)}">${arabic(record.title, record.id)}</a></td>
  <td>${arabic(record.source, record.file ?? '—')}</td>
  <td>${when(record.publishedAt ?? record.ingestedAt)}</td>
  <td>${record.storyId ? html`<a class="mono" href="/stories/${pathSegment(record.storyId)}">${record.storyId.slice(0, 12)}</a>` : html`<span class="muted">—</span>`}</td>
</tr>`,
  )}</tbody></table>`;
}

export function newsPage(records: readonly RecordSummary[]): SafeHtml {
  return page({
    title: 'News',
    body: html`<h1>Latest records</h1>${records.length === 0 ? html`<p class="empty">No records yet.</p>` : recordRows(records)}`,
  });
}
