import type { EnrichedRecord } from '../../schema/record.js';
import type { Claim } from '../../schema/claims.js';
import { html, pathSegment, type SafeHtml } from '../html.js';
import { highlightText, recordMarks } from '../highlight.js';
import type { ConflictList } from '../conflicts.js';
import { recordConflictsSection } from './conflicts.js';
import { arabic, dirOf, formatNumber as number, page, when } from './layout.js';

const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

function claimRow(claim: Claim, index: number): SafeHtml {
  const speaker = claim.speaker
    ? claim.speaker.entityId
      ? html`<a href="/entities/${pathSegment(claim.speaker.entityId)}">${arabic(claim.speaker.text)}</a>`
      : html`${arabic(claim.speaker.text)}${claim.speaker.anonymous ? html` <span class="tag">anonymous${claim.speaker.kind ? html`: ${arabic(claim.speaker.kind)}` : ''}</span>` : ''}`
    : html`<span class="muted">—</span>`;
  // «وأوضح المصدر»: the speaker named earlier in full (when it is not this very span).
  const antecedent = claim.speaker?.antecedent;
  const refersTo = antecedent && antecedent.start !== claim.speaker?.start ? html`<br><span class="muted">= ${arabic(antecedent.text)}</span>` : '';
  const numbers = claim.quantities.map(
    (q) => html`<li dir="${dirOf(q.text)}">${arabic(q.text)} = <b>${number(q.value)}${q.valueMax !== null ? html`–${number(q.valueMax)}` : ''}</b>${q.approx ? ' (approx.)' : ''}${q.counted ? html` ${arabic(q.counted)}` : q.unit ? html` ${arabic(q.unit)}` : ''}</li>`,
  );
  return html`<tr>
  <td>${index + 1}</td>
  <td>${claim.kind}${claim.quote ? html`<br><span class="muted">${claim.quote}</span>` : ''}</td>
  <td dir="${dirOf(claim.speaker?.text)}">${speaker}${refersTo}</td>
  <td dir="${dirOf(claim.cue?.text)}">${claim.cue ? arabic(claim.cue.text) : html`<span class="muted">—</span>`}</td>
  <td dir="${dirOf(claim.content?.text ?? claim.text)}">${arabic(claim.content?.text ?? claim.text)}</td>
  <td dir="${dirOf(claim.quantities[0]?.text)}">${numbers.length > 0 ? html`<ul class="plain">${numbers}</ul>` : html`<span class="muted">—</span>`}</td>
  <td>${claim.checkworthiness.toFixed(2)}</td>
</tr>`;
}

/** `conflicts`: the conflicts this article is part of, on either side (`conflictsOf`); no section without it. */
export function recordPage(record: EnrichedRecord, conflicts?: ConflictList): SafeHtml {
  const entities = record.entities;
  const claims = record.claims;
  const dedup = record.dedup;
  const stages = Object.entries(record.pipeline.stages);
  return page({
    title: record.title ?? record.id,
    body: html`<article class="record">
<h1 dir="${record.title ? dirOf(record.title) : 'ltr'}">${arabic(record.title, record.id)}</h1>
<dl class="meta">
  <div><dt>source</dt><dd dir="${dirOf(record.source.name ?? record.agency)}">${arabic(record.source.name ?? record.agency, '—')}</dd></div>
  <div><dt>published</dt><dd>${when(record.source.publishedAt)}</dd></div>
  <div><dt>dateline</dt><dd dir="${dirOf(record.dateline)}">${arabic(record.dateline)}</dd></div>
  <div><dt>file</dt><dd class="mono">${record.source.file ?? '—'}</dd></div>
  <div><dt>story</dt><dd>${dedup ? html`<a class="mono" href="/stories/${pathSegment(dedup.storyId)}">${dedup.storyId}</a> <span class="muted">(${dedup.storyReason})</span>` : html`<span class="muted">not deduplicated yet</span>`}</dd></div>
  <div><dt>id</dt><dd class="mono">${record.id}</dd></div>
  <div><dt>stages</dt><dd>${stages.map(([name, run]) => html`<span class="tag">${name} ${run.ms.toFixed(1)} ms</span> `)}</dd></div>
</dl>
${entities === undefined
  ? html`<p class="muted">No entity layer in this record (the ner stage was not in the chain).</p>`
  : html`<p class="legend">${ENTITY_TYPES.map((type) => html`<span class="ent ent-${type}">${type}</span> `)}<span class="reused">reused passage</span> · ${entities.length} entity mentions</p>`}
<div class="article-text ar" lang="ar" dir="rtl">${highlightText(record.text, recordMarks(record))}</div>
<section>
  <h2>Claims</h2>
  ${claims === undefined
    ? html`<p class="muted">No claims layer in this record.</p>`
    : claims.length === 0
      ? html`<p class="muted">No claims found.</p>`
      : html`<div class="scroll"><table class="claims"><thead><tr><th>#</th><th>kind</th><th>speaker</th><th>cue</th><th>content</th><th>numbers</th><th>check</th></tr></thead><tbody>${claims.map(claimRow)}</tbody></table></div>`}
</section>
${dedup
  ? html`<section>
  <h2>Across sources</h2>
  ${dedup.exactDuplicateOf ? html`<p>Exact copy of <a class="mono" href="/records/${pathSegment(dedup.exactDuplicateOf)}">${dedup.exactDuplicateOf}</a></p>` : ''}
  ${dedup.nearDuplicates.length > 0 ? html`<p>Near duplicates: ${dedup.nearDuplicates.map((near) => html`<a class="mono" href="/records/${pathSegment(near.id)}">${near.id}</a> (${near.similarity.toFixed(2)}) `)}</p>` : ''}
  <p>${dedup.reusedPassages.length} reused passage(s), ${dedup.claimLinks.length} claim link(s) to other articles.</p>
</section>`
  : ''}
${conflicts ? recordConflictsSection(record.id, conflicts) : ''}
</article>`,
  });
}
