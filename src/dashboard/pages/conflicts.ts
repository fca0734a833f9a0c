import type { Conflict, ConflictList, ConflictSide, ConflictsQuery } from '../conflicts.js';
import { html, pathSegment, type SafeHtml } from '../html.js';
import { arabic, count, dirOf, page, when } from './layout.js';

/** An article of a conflict: title linked to its record, source, date, story. */
function articleCell(side: ConflictSide): SafeHtml {
  const story = side.storyId ? html`<br><span class="muted">story</span> <a class="mono" href="/stories/${pathSegment(side.storyId)}">${side.storyId.slice(0, 12)}</a>` : '';
  return html`<a href="/records/${pathSegment(side.id)}">${arabic(side.title, side.id)}</a>
<br>${side.inOutput ? arabic(side.source, side.file ?? '—') : html`<span class="muted">not in this output folder</span>`}${side.publishedAt ? html` <span class="muted">${when(side.publishedAt)}</span>` : ''}${story}`;
}

/** What an article says: the claim as written and the numbers that disagree, as written. */
function claimCell(side: ConflictSide): SafeHtml {
  const numbers = side.numbers.length > 0 ? html`<ul class="plain">${side.numbers.map((text) => html`<li dir="${dirOf(text)}"><b>${arabic(text)}</b></li>`)}</ul>` : '';
  return html`${numbers}${arabic(side.text, `claim ${side.claim + 1} (its quotes file and record are not in this output folder)`)}`;
}

/** The direction of the cells above: that of the text they start with. */
const articleDir = (side: ConflictSide) => dirOf(side.title);
const claimDir = (side: ConflictSide) => dirOf(side.numbers[0] ?? side.text);

function storyCell(conflict: Conflict): SafeHtml {
  if (conflict.crossStory === true) return html`<span class="tag cross-story">cross-story</span><br><span class="muted">in no story file</span>`;
  if (conflict.crossStory === false) return html`<span class="muted">same story</span>`;
  return html`<span class="muted">unknown</span><br><span class="muted">(an article's story is not known)</span>`;
}

/** How much was looked through: a big output folder is scanned only in part. */
function basis(list: ConflictList): string {
  if (list.basis) return list.basis;
  const records = list.scanned < list.records ? `the newest ${list.scanned} of ${list.records} records` : `all ${count(list.records, 'record')}`;
  return `Looked through ${records} in the output folder.`;
}

export function conflictsPage(list: ConflictList, query: ConflictsQuery): SafeHtml {
  const scopeLink = (scope: ConflictsQuery['scope'], label: string) =>
    query.scope === scope ? html`<b>${label}</b>` : html`<a href="/conflicts?scope=${scope}${query.limit !== 200 ? `&limit=${query.limit}` : ''}">${label}</a>`;
  return page({
    title: 'Conflicts',
    body: html`<h1>Conflicting reports</h1>
<p>Claims of two articles that give different numbers for the same thing, newest first: every <code>conflicts</code> claim link the dedup stage found, shown from both articles. Cross-story pairs appear in no story file.</p>
<p>${scopeLink('all', 'All')} · ${scopeLink('cross-story', 'Cross-story only')} · <a href="/api/conflicts${query.scope === 'cross-story' ? '?scope=cross-story' : ''}">JSON</a></p>
<p class="muted">${basis(list)} ${count(list.total, 'conflict')}${query.scope === 'cross-story' ? ' across stories' : ''}${list.total > list.conflicts.length ? `; the newest ${list.conflicts.length} shown` : ''}.</p>
${list.conflicts.length === 0
  ? html`<p class="empty">No conflicting numbers found${query.scope === 'cross-story' ? ' across stories' : ''}.</p>`
  : html`<div class="scroll"><table class="conflicts"><thead><tr><th>found</th><th>later article</th><th>says</th><th>earlier article</th><th>says</th><th>stories</th></tr></thead><tbody>${list.conflicts.map(
      (conflict) => html`<tr>
  <td>${when(conflict.found.writtenAt)}</td>
  <td dir="${articleDir(conflict.found)}">${articleCell(conflict.found)}</td>
  <td dir="${claimDir(conflict.found)}">${claimCell(conflict.found)}</td>
  <td dir="${articleDir(conflict.other)}">${articleCell(conflict.other)}</td>
  <td dir="${claimDir(conflict.other)}">${claimCell(conflict.other)}</td>
  <td>${storyCell(conflict)}</td>
</tr>`,
    )}</tbody></table></div>`}`,
  });
}

/**
 * The record page's "Conflicting reports": each conflict from this article's side, whichever of the
 * two found it (its own record stores only the links it found).
 */
export function recordConflictsSection(recordId: string, list: ConflictList): SafeHtml {
  const rows = list.conflicts.map((conflict) => {
    const mine = conflict.found.id === recordId;
    const [here, there] = mine ? [conflict.found, conflict.other] : [conflict.other, conflict.found];
    return html`<tr>
  <td dir="${claimDir(here)}">${claimCell(here)}</td>
  <td dir="${articleDir(there)}">${articleCell(there)}</td>
  <td dir="${claimDir(there)}">${claimCell(there)}</td>
  <td>${mine ? 'this article' : html`<span class="tag">the other article</span>`}</td>
  <td>${storyCell(conflict)}</td>
</tr>`;
  });
  return html`<section class="conflicting-reports">
  <h2>Conflicting reports</h2>
  ${rows.length === 0
    ? html`<p class="muted">No other article gives different numbers for this article's claims.</p>`
    : html`<div class="scroll"><table class="conflicts"><thead><tr><th>this article says</th><th>other article</th><th>it says</th><th>link found by</th><th>stories</th></tr></thead><tbody>${rows}</tbody></table></div>`}
  <p class="muted">${list.scanned < list.records ? `Links found by later articles looked for among the newest ${list.scanned} of ${list.records} records. ` : ''}<a href="/conflicts">Every conflict</a></p>
</section>`;
}
