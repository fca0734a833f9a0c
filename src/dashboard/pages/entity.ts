import { html, pathSegment, type SafeHtml } from '../html.js';
import type { RecordSummary } from '../output-reader.js';
import { recordRows } from './news.js';
import type { PersonView } from '../person.js';
import { arabic, count, dirOf, page, when } from './layout.js';

export interface EntityView {
  entityId: string;
  canonical: string;
  type: string;
  /** The spellings seen in articles. */
  variants: string[];
  articles: RecordSummary[];
  /** Where the list came from (the entity registry, or a scan of the latest records). */
  basis: string;
  /** For a person: mentions per day and the claims they made. */
  person?: PersonView;
}

/** Mentions per day as a bar list (no chart library, no script). */
function timelineSection(person: PersonView): SafeHtml {
  const most = Math.max(1, ...person.timeline.map((day) => day.mentions));
  return html`<section class="person-timeline"><h2>Mentions per day</h2>${person.timeline.length === 0
    ? html`<p class="muted">No dated mention.</p>`
    : html`<table class="timeline-days"><thead><tr><th>day</th><th>mentions</th><th>articles</th><th></th></tr></thead><tbody>${person.timeline.map(
        (day) => html`<tr><td class="when">${day.day}</td><td>${day.mentions}</td><td>${day.articles}</td><td class="bar-cell"><span class="bar" style="width:${Math.round((100 * day.mentions) / most)}%"></span></td></tr>`,
      )}</tbody></table>`}</section>`;
}

function claimsSection(person: PersonView): SafeHtml {
  return html`<section class="person-claims"><h2>What they said (${person.claims.length})</h2>${person.claims.length === 0
    ? html`<p class="muted">No claim attributed to them in the articles read.</p>`
    : html`<div class="scroll"><table class="claims"><thead><tr><th>date</th><th>outlet</th><th>cue</th><th>said</th><th>numbers</th></tr></thead><tbody>${person.claims.map(
        (claim) => html`<tr>
  <td class="when"><a href="/records/${pathSegment(claim.articleId)}">${when(claim.publishedAt)}</a></td>
  <td dir="${dirOf(claim.source)}">${arabic(claim.source)}</td>
  <td dir="${dirOf(claim.cue)}">${arabic(claim.cue)}</td>
  <td dir="${dirOf(claim.content)}">${arabic(claim.content)}</td>
  <td dir="${dirOf(claim.numbers[0])}">${claim.numbers.length > 0 ? html`<ul class="plain">${claim.numbers.map((text) => html`<li dir="${dirOf(text)}">${arabic(text)}</li>`)}</ul>` : html`<span class="muted">—</span>`}</td>
</tr>`,
      )}</tbody></table></div>`}${person.read < person.of ? html`<p class="muted">Read the newest ${person.read} of ${person.of} articles.</p>` : ''}${person.note ? html`<p class="muted">${person.note}</p>` : ''}</section>`;
}

export function entityPage(entity: EntityView): SafeHtml {
  return page({
    title: entity.canonical,
    body: html`<h1 dir="${dirOf(entity.canonical)}"><span class="ent ent-${entity.type}">${arabic(entity.canonical)}</span> <span class="tag">${entity.type}</span></h1>
<p class="mono muted">${entity.entityId}</p>
<p>Written as: ${entity.variants.map((variant) => html`<span class="tag">${arabic(variant)}</span> `)}</p>
${entity.person ? html`${timelineSection(entity.person)}${claimsSection(entity.person)}` : ''}
<h2>${count(entity.articles.length, 'article')} mention it</h2>
<p class="muted">${entity.basis}</p>
<div class="scroll">${recordRows(entity.articles)}</div>`,
  });
}

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** One row of the entities index. */
export interface EntityIndexRow {
  entityId: string;
  type: string;
  canonical: string;
  variants: string[];
  articles: number;
  /** Mentions over all its articles; null when only the records' entity lists were at hand. */
  mentions: number | null;
}

export interface EntityIndex {
  rows: EntityIndexRow[];
  /** The type the list is filtered to, if any. */
  type: (typeof ENTITY_TYPES)[number] | null;
  /** Where the list came from. */
  basis: string;
}

/** The spellings shown beside a canonical form; a name written a hundred ways shows the first few. */
const MAX_VARIANTS = 6;

function typeLinks(current: EntityIndex['type']): SafeHtml {
  const link = (type: EntityIndex['type'], label: string) =>
    current === type ? html`<b>${label}</b>` : html`<a href="/entities${type ? `?type=${type}` : ''}">${label}</a>`;
  return html`<p class="filters">${link(null, 'All')} · ${ENTITY_TYPES.map((type, i) => html`${i > 0 ? ' · ' : ''}${link(type, type)}`)}</p>`;
}

/** `/entities`: the most-mentioned people, organisations, places and others, each linked to its page. */
export function entitiesPage(index: EntityIndex): SafeHtml {
  return page({
    title: 'Entities',
    body: html`<h1>Entities</h1>
${typeLinks(index.type)}
<p class="muted">${index.basis}</p>
${index.rows.length === 0
  ? html`<p class="empty">No entity yet: the ner stage names them once articles flow.</p>`
  : html`<div class="scroll"><table class="entities"><thead><tr><th>name</th><th>type</th><th>mentions</th><th>articles</th><th>also written as</th></tr></thead><tbody>${index.rows.map((row) => {
      const others = row.variants.filter((variant) => variant !== row.canonical);
      return html`<tr>
  <td class="title" dir="${dirOf(row.canonical)}"><a class="ent ent-${row.type}" href="/entities/${pathSegment(row.entityId)}">${arabic(row.canonical)}</a></td>
  <td><span class="tag">${row.type}</span></td>
  <td>${row.mentions ?? html`<span class="muted">—</span>`}</td>
  <td>${row.articles}</td>
  <td dir="${dirOf(others[0])}">${others.slice(0, MAX_VARIANTS).map((variant) => html`<span class="tag">${arabic(variant)}</span> `)}${others.length > MAX_VARIANTS ? html`<span class="muted">+${others.length - MAX_VARIANTS}</span>` : ''}</td>
</tr>`;
    })}</tbody></table></div>`}`,
  });
}
