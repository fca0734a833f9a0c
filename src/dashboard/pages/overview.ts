import { html, pathSegment, type SafeHtml } from '../html.js';
import type { RecordSummary } from '../output-reader.js';
import type { OverviewSnapshot, StageSnapshot } from '../snapshot.js';
import { arabic, dirOf, page, when } from './layout.js';

/** A 60-minute sparkline as inline SVG (no script, no chart library). */
function sparkline(values: readonly number[], label: string): SafeHtml {
  const max = Math.max(1, ...values);
  const width = 120;
  const height = 28;
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map((value, index) => `${(index * step).toFixed(1)},${(height - (value / max) * height).toFixed(1)}`).join(' ');
  return html`<svg class="spark" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" role="img" aria-label="${label}"><polyline points="${points}"/></svg>`;
}

function ms(value: number | null): string {
  if (value === null) return '—';
  return value < 10 ? `${value.toFixed(2)} ms` : value < 1000 ? `${value.toFixed(0)} ms` : `${(value / 1000).toFixed(2)} s`;
}

function stageBox(stage: StageSnapshot, index: number): SafeHtml {
  const lastHour = stage.completedPerMinute.reduce((sum, n) => sum + n, 0);
  const lastMinute = stage.completedPerMinute.at(-1) ?? 0;
  return html`<article class="stage" data-stage="${stage.name}">
  <h2><span class="step">${index + 1}</span> <a href="/queues/queue/${pathSegment(stage.name)}">${stage.name}</a></h2>
  <dl class="counts">
    <div><dt>waiting</dt><dd data-count="waiting">${stage.counts.waiting}</dd></div>
    <div><dt>active</dt><dd data-count="active">${stage.counts.active}</dd></div>
    <div><dt>completed</dt><dd data-count="completed">${stage.counts.completed}</dd></div>
    <div class="${stage.counts.failed > 0 ? 'bad' : ''}"><dt>failed</dt><dd data-count="failed">${stage.counts.failed}</dd></div>
    <div><dt>delayed</dt><dd data-count="delayed">${stage.counts.delayed}</dd></div>
  </dl>
  <div class="throughput">
    ${sparkline(stage.completedPerMinute, `${stage.name}: jobs completed per minute over the last hour`)}
    <p><b>${lastMinute}</b>/min now · <b>${lastHour}</b> in the last hour</p>
  </div>
  <p class="timing">p50 <b>${ms(stage.processingMs.p50)}</b> · p95 <b>${ms(stage.processingMs.p95)}</b> <span class="muted">(${stage.processingMs.samples} jobs)</span></p>
  ${stage.through.jobs > 0
    ? html`<p class="through" data-through="${stage.through.jobs}">${stage.through.jobs} of these jobs ran the article through every stage and its write in one process (<code>khabar run</code>); median ${Object.entries(stage.through.stepP50).map(([step, value], n) => html`${n > 0 ? ' · ' : ''}${step} <b>${ms(value)}</b>`)}</p>`
    : ''}
  <details class="workers" ${stage.workers.length > 0 ? 'open' : ''}>
    <summary>${stage.workers.length} worker process${stage.workers.length === 1 ? '' : 'es'}</summary>
    ${stage.workers.length === 0 ? html`<p class="bad">no worker is serving this queue</p>` : ''}
    <ul>${stage.workers.map((worker) => html`<li><span class="mono">${worker.host}</span> pid <b>${worker.pid ?? '?'}</b> ×${worker.concurrency ?? '?'} <span class="muted">since ${when(worker.since)}</span></li>`)}</ul>
  </details>
</article>`;
}

/** The part of the overview that updates live: server-rendered here and pushed whole over /events. */
export function overviewFragment(snapshot: OverviewSnapshot, latest: readonly RecordSummary[]): SafeHtml {
  return html`<p class="updated">updated <time datetime="${snapshot.at}">${when(snapshot.at)}</time> · <b data-total="records">${snapshot.output.records}</b> records written · <b>${snapshot.output.failures}</b> failure records</p>
<section class="stages" aria-label="Pipeline stages in order">${snapshot.stages.map(stageBox)}</section>
<div class="columns">
<section class="latest" aria-label="Latest articles">
  <h2>Latest articles</h2>
  ${latest.length === 0 ? html`<p class="muted">No records yet: drop files into the inbox.</p>` : html`<ol class="records">${latest.map((record) => html`<li dir="${dirOf(record.title)}"><a href="/records/${pathSegment(record.id)}">${arabic(record.title, record.id)}</a> <span class="muted">${record.source ? arabic(record.source) : record.file ?? ''} · <bdi>${when(record.publishedAt ?? record.ingestedAt)}</bdi></span></li>`)}</ol>`}
</section>
<section class="failures" aria-label="Latest failures">
  <h2>Latest failures</h2>
  ${snapshot.failures.length === 0
    ? html`<p class="muted">No failures.</p>`
    : html`<table><thead><tr><th>stage</th><th>reason</th><th>file</th><th>when</th></tr></thead><tbody>${snapshot.failures.map(
        (failure) => html`<tr><td>${failure.queueLink ? html`<a href="${failure.queueLink}">${failure.stage}</a>` : failure.stage}</td><td class="reason">${failure.reason}</td><td class="mono">${failure.file ?? '—'}</td><td>${when(failure.at)}</td></tr>`,
      )}</tbody></table>`}
</section>
</div>`;
}

export function overviewPage(snapshot: OverviewSnapshot, latest: readonly RecordSummary[]): SafeHtml {
  return page({
    title: 'Pipeline',
    body: html`<h1>Pipeline <span id="live-status" class="live" aria-live="polite">static</span></h1>
<div id="overview" data-live="/events">${overviewFragment(snapshot, latest)}</div>`,
  });
}
