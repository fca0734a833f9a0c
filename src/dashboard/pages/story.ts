import type { Story } from '../../schema/story.js';
import { html, pathSegment, type SafeHtml } from '../html.js';
import type { RecordSummary } from '../output-reader.js';
import { recordRows } from './news.js';
import { arabic, count, page, when } from './layout.js';

export function storyPage(story: Story): SafeHtml {
  const articles = [...story.articles].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || (a.source ?? '').localeCompare(b.source ?? ''));
  return page({
    title: `Story ${story.storyId}`,
    body: html`<h1>Story <span class="mono">${story.storyId}</span></h1>
<p>${count(story.articles.length, 'article')} from ${count(story.sources.length, 'source')} · first seen ${when(story.firstSeen)} · last seen ${when(story.lastSeen)}</p>
<section><h2>Articles by source and time</h2>
<table><thead><tr><th>published</th><th>source</th><th>article</th></tr></thead><tbody>${articles.map(
      (article) => html`<tr><td>${when(article.publishedAt)}</td><td>${arabic(article.source)}</td><td><a class="mono" href="/records/${pathSegment(article.id)}">${article.id}</a></td></tr>`,
    )}</tbody></table></section>
<section><h2>Corroborated claims</h2>${story.corroboratedClaims.length === 0
      ? html`<p class="muted">None yet.</p>`
      : html`<ol>${story.corroboratedClaims.map(
          (group) => html`<li><p>${group.sources.length} sources: ${group.sources.map((source) => html`${arabic(source)} `)}</p><ul>${group.claims.map(
            (claim) => html`<li>${arabic(claim.text, `claim ${claim.claim} (its record is not written yet)`)} <a class="mono muted" href="/records/${pathSegment(claim.articleId)}">${claim.source ?? claim.articleId}</a></li>`,
          )}</ul></li>`,
        )}</ol>`}</section>
<section><h2>Conflicts</h2>${story.conflicts.length === 0
      ? html`<p class="muted">No disagreeing numbers.</p>`
      : html`<ul>${story.conflicts.map(
          (conflict) => html`<li>${arabic(conflict.counted)}: ${conflict.values.map(
            (value) => html`<span class="tag"><b>${value.value}${value.valueMax !== null ? html`–${value.valueMax}` : ''}</b>${value.approx ? ' ~' : ''} ${arabic(value.source, value.articleId)}</span> `,
          )}</li>`,
        )}</ul>`}</section>`,
  });
}

/** A story known only from records (the dedup stage has not written its file yet). */
export function partialStoryPage(storyId: string, records: readonly RecordSummary[]): SafeHtml {
  return page({
    title: `Story ${storyId}`,
    body: html`<h1>Story <span class="mono">${storyId}</span></h1><p class="muted">No story file yet; the records that name this story:</p>${recordRows(records)}`,
  });
}

export function storiesPage(stories: readonly { storyId: string; articles: number; sources: readonly string[]; lastSeen: string | null }[]): SafeHtml {
  return page({
    title: 'Stories',
    body: html`<h1>Stories</h1>${stories.length === 0
      ? html`<p class="empty">No stories yet: the dedup stage groups articles into stories once it is in the chain.</p>`
      : html`<table><thead><tr><th>story</th><th>articles</th><th>sources</th><th>last seen</th></tr></thead><tbody>${stories.map(
          (story) => html`<tr><td><a class="mono" href="/stories/${pathSegment(story.storyId)}">${story.storyId}</a></td><td>${story.articles}</td><td>${story.sources.map((source) => html`${arabic(source)} `)}</td><td>${when(story.lastSeen)}</td></tr>`,
        )}</tbody></table>`}`,
  });
}
