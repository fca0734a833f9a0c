import type { Alert } from '../../alerts/watch.js';
import type { FeedSpec, FeedState } from '../../feeds/feed-spec.js';
import { html, pathSegment, type SafeHtml } from '../html.js';
import { arabic, dirOf, page, when } from './layout.js';

/** One alert as a table row (also pushed live to open /alerts pages). */
export function alertRow(alert: Alert): SafeHtml {
  return html`<tr data-alert="${alert.alertId}">
  <td class="when">${when(alert.at)}</td>
  <td dir="${dirOf(alert.watchLabel ?? alert.watchValue)}">${alert.watchLabel ? arabic(alert.watchLabel) : html`${alert.watchKind} ${arabic(alert.watchValue)}`}</td>
  <td class="title" dir="${dirOf(alert.title)}"><a href="/records/${pathSegment(alert.articleId)}">${arabic(alert.title, alert.articleId)}</a></td>
  <td dir="${dirOf(alert.source)}">${arabic(alert.source)}</td>
  <td dir="${dirOf(alert.reason)}">${arabic(alert.reason)}${alert.snippets.length > 0 ? html`<ul class="plain">${alert.snippets.slice(0, 2).map((snippet) => html`<li dir="${dirOf(snippet.text)}">${arabic(snippet.text)}</li>`)}</ul>` : ''}</td>
</tr>`;
}

export function alertsPage(alerts: readonly Alert[], watches: number, lastId: string): SafeHtml {
  return page({
    title: 'Alerts',
    body: html`<h1>Alerts <span id="live-status" class="live" aria-live="polite">static</span></h1>
<p class="muted">${watches} watch(es) (<code>khabar watch add</code>); each article raises at most one alert per watch. Newest first; new alerts appear here as they are raised.</p>
<div class="scroll"><table class="alerts" data-alerts-live="/alerts/events?after=${encodeURIComponent(lastId)}"><thead><tr><th>raised</th><th>watch</th><th>article</th><th>source</th><th>why</th></tr></thead><tbody>${alerts.map(alertRow)}</tbody></table></div>
${alerts.length === 0 ? html`<p class="empty">No alerts yet.</p>` : ''}`,
  });
}

export interface FeedRow {
  spec: FeedSpec;
  state: FeedState;
}

export function feedsPage(feeds: readonly FeedRow[], now: number): SafeHtml {
  return page({
    title: 'Feeds',
    body: html`<h1>Feeds</h1>
<p class="muted">Polled into the inbox (<code>khabar feeds add URL</code>). A feed that fails backs off: its interval doubled per failure, at most an hour.</p>
${feeds.length === 0
  ? html`<p class="empty">No feeds.</p>`
  : html`<div class="scroll"><table class="feeds"><thead><tr><th>outlet</th><th>feed</th><th>every</th><th>last poll</th><th>state</th><th>items taken</th></tr></thead><tbody>${feeds.map(({ spec, state }) => {
      const failing = state.failures > 0;
      return html`<tr data-feed="${spec.id}"${failing ? html` class="bad"` : ''}>
  <td dir="${dirOf(spec.name)}">${arabic(spec.name)}</td>
  <td class="mono">${spec.url}</td>
  <td>${spec.everySeconds} s</td>
  <td class="when">${when(state.lastPolledAt)}</td>
  <td>${failing ? html`<b>failing</b> ×${state.failures}: ${state.lastError ?? ''}<br>next try ${state.nextDueAt > now ? when(new Date(state.nextDueAt).toISOString()) : 'now'}` : (state.lastOutcome ?? 'not polled yet')}</td>
  <td>${state.itemsQueued}${state.pagesFailed > 0 ? html` <span class="muted">(${state.pagesFailed} pages failed)</span>` : ''}</td>
</tr>`;
    })}</tbody></table></div>`}`,
  });
}
