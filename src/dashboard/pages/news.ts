import { html, pathSegment, type SafeHtml } from '../html.js';
import type { RecordSummary } from '../output-reader.js';
import { arabic, dirOf, page, when } from './layout.js';

export function recordRows(records: readonly RecordSummary[]): SafeHtml {
  return html`<table class="news"><thead><tr><th>title</th><th>source</th><th>date</th><th>story</th></tr></thead><tbody>${records.map(
    (record) => html`<tr>
  <td class="title" dir="${dirOf(record.title)}"><a href="/records/${pathSegment(record.id)}">${arabic(record.title, record.id)}</a></td>
  <td dir="${dirOf(record.source)}">${arabic(record.source, record.file ?? '—')}</td>
  <td class="when">${when(record.publishedAt ?? record.ingestedAt)}</td>
  <td>${record.storyId ? html`<a class="mono" href="/stories/${pathSegment(record.storyId)}">${record.storyId.slice(0, 12)}</a>` : html`<span class="muted">—</span>`}</td>
</tr>`,
  )}</tbody></table>`;
}

/** When the news happened as far as we know: its publication time, else when we took it in. */
const newsTime = (record: RecordSummary): number => Date.parse(record.publishedAt ?? record.ingestedAt) || 0;

/** Newest news first, by publication time (the order files were written in says little about it). */
export function byNewsTime(records: readonly RecordSummary[]): RecordSummary[] {
  return [...records].sort((a, b) => newsTime(b) - newsTime(a) || b.writtenAt - a.writtenAt || a.id.localeCompare(b.id));
}

/** `which`: what the records are («most recently written records, newest publication first»). */
export function newsPage(records: readonly RecordSummary[], which = 'most recently written records, newest publication first'): SafeHtml {
  return page({
    title: 'News',
    body: html`<h1>Latest news</h1>${records.length === 0
      ? html`<p class="empty">No records yet.</p>`
      : html`<p class="muted">The ${records.length} ${which}.</p><div class="scroll">${recordRows(byNewsTime(records))}</div>`}`,
  });
}
